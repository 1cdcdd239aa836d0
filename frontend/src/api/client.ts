// Every call to the APIs goes through here: the bearer token, one renewal and retry on a 401,
// and errors as ApiError carrying the server's problem (application/problem+json).
import { accessToken, refresh } from './session';
import type { Problem } from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  constructor(status: number, problem: Problem | null) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

export interface ApiResult<T> {
  data: T;
  etag: string | null;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is with `contentType` (e.g. a CSV file for an import); instead of `body`. */
  rawBody?: Blob | string;
  contentType?: string;
  /** The Accept header; JSON by default. */
  accept?: string;
  /** Further request headers, e.g. Idempotency-Key. */
  headers?: Record<string, string>;
  ifMatch?: string;
  signal?: AbortSignal;
}

function isProblem(v: unknown): v is Problem {
  return typeof v === 'object' && v !== null && 'status' in v && 'title' in v;
}

async function send(path: string, opts: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json, application/problem+json', ...opts.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (opts.rawBody !== undefined) headers['Content-Type'] = opts.contentType ?? 'application/octet-stream';
  else if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.ifMatch) headers['If-Match'] = opts.ifMatch;
  return fetch(path, {
    method: opts.method ?? 'GET',
    headers,
    body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    signal: opts.signal,
    credentials: 'same-origin',
  });
}

async function fetchAuthorised(path: string, opts: RequestOptions): Promise<Response> {
  let token = accessToken();
  if (!token && (await refresh())) token = accessToken();
  try {
    const res = await send(path, opts, token);
    if (res.status === 401 && (await refresh())) return await send(path, opts, accessToken());
    return res;
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, null); // network down or the gateway unreachable
  }
}

async function problemOf(res: Response): Promise<Problem | null> {
  try {
    const body: unknown = JSON.parse(await res.text());
    return isProblem(body) ? body : null;
  } catch {
    return null;
  }
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<ApiResult<T>> {
  const res = await fetchAuthorised(path, opts);
  const etag = res.headers.get('ETag');
  if (res.status === 204) return { data: undefined as T, etag };
  let body: unknown = null;
  const text = await res.text();
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!res.ok) throw new ApiError(res.status, isProblem(body) ? body : null);
  return { data: body as T, etag };
}

export async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await request<T>(path, { signal })).data;
}

/** Every page of a cursor-paginated list (`{<key>: [...], volgende}`), up to `max` items. */
export async function getAll<T>(path: string, key: string, signal?: AbortSignal, max = 1000): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  const sep = path.includes('?') ? '&' : '?';
  do {
    const url: string = `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await get<Record<string, unknown>>(url, signal);
    out.push(...((page[key] as T[]) ?? []));
    cursor = (page.volgende as string | null) ?? null;
  } while (cursor && out.length < max);
  return out;
}

/** Fetch a file (e.g. a CSV export) with the bearer token and hand it to the browser as a download.
 * A plain link cannot be used: the token lives in memory, not in a cookie. */
export async function download(path: string, fallbackName: string, accept = 'text/csv'): Promise<void> {
  const res = await fetchAuthorised(path, { accept: `${accept}, application/problem+json` });
  if (!res.ok) throw new ApiError(res.status, await problemOf(res));
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const PORTFOLIO = '/api/portfolio/v1';
export const STAKEHOLDERS = '/api/stakeholders/v1';
export const CONTRIBUTIONS = '/api/contributions/v1';
export const MONITORING = '/api/monitoring/v1';
export const AUTH = '/api/auth/v1';
