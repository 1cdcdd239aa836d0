// The staff session: the access token lives in this module's memory only (never in localStorage
// or sessionStorage). It is renewed through the HttpOnly refresh cookie (POST /sessies/vernieuwen)
// a minute before it expires and after a reload. Refresh tokens rotate and a token used twice
// revokes its whole family, so one renewal runs at a time: within the tab (one shared promise)
// and across tabs (the Web Locks API, where the browser has it).
import type { MijGebruiker, Sessie } from './types';

export const AUTH_BASE = '/api/auth/v1';

export type SessionStatus = 'starting' | 'anonymous' | 'authenticated' | 'expired';
export interface SessionState {
  status: SessionStatus;
  user: MijGebruiker | null;
}

let token: string | null = null;
let expiresAt = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | null = null;
let state: SessionState = { status: 'starting', user: null };
const listeners = new Set<(s: SessionState) => void>();

export function getSession(): SessionState {
  return state;
}

export function subscribe(fn: (s: SessionState) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function setState(next: SessionState) {
  state = next;
  for (const fn of listeners) fn(state);
}

export function accessToken(): string | null {
  return token && Date.now() < expiresAt ? token : null;
}

function schedule(expiresInSeconds: number) {
  clearTimeout(timer);
  expiresAt = Date.now() + expiresInSeconds * 1000;
  // Renew a minute early (at least 5 s ahead), so a request never leaves with a stale token.
  const lead = Math.min(60, Math.max(5, expiresInSeconds / 5));
  timer = setTimeout(() => {
    void refresh();
  }, Math.max(1, expiresInSeconds - lead) * 1000);
}

function clear() {
  clearTimeout(timer);
  token = null;
  expiresAt = 0;
}

async function fetchMe(): Promise<MijGebruiker | null> {
  const res = await fetch(`${AUTH_BASE}/mij`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
  if (!res.ok) return null;
  const me = (await res.json()) as MijGebruiker;
  return me;
}

async function accept(body: Sessie): Promise<boolean> {
  token = body.accessToken;
  schedule(body.expiresIn);
  const me = await fetchMe();
  if (!me) {
    clear();
    return false;
  }
  // A different account than before (another user logged in in another tab): start clean.
  setState({ status: 'authenticated', user: me });
  return true;
}

export type LoginResult = { ok: true } | { ok: false; status: number; problem: unknown; retryAfter?: number };

export async function login(gebruikersnaam: string, wachtwoord: string): Promise<LoginResult> {
  const res = await fetch(`${AUTH_BASE}/sessies`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ gebruikersnaam, wachtwoord }),
  });
  if (!res.ok) {
    let problem: unknown = null;
    try {
      problem = await res.json();
    } catch {
      problem = null;
    }
    const ra = Number(res.headers.get('Retry-After'));
    return { ok: false, status: res.status, problem, retryAfter: Number.isFinite(ra) && ra > 0 ? ra : undefined };
  }
  const ok = await accept((await res.json()) as Sessie);
  return ok ? { ok: true } : { ok: false, status: 500, problem: null };
}

async function doRefresh(): Promise<boolean> {
  try {
    const res = await fetch(`${AUTH_BASE}/sessies/vernieuwen`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (!res.ok) return false;
    return await accept((await res.json()) as Sessie);
  } catch {
    return false;
  }
}

/** Renew the access token through the refresh cookie. False when the session is gone. */
export function refresh(): Promise<boolean> {
  if (!refreshing) {
    const run = async () => {
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      const ok = locks ? await locks.request('jt-session-refresh', doRefresh) : await doRefresh();
      if (!ok) {
        const wasIn = state.status === 'authenticated' || state.status === 'expired';
        clear();
        // Keep the user (and with it the screens and their unsaved input) when an open session
        // expires; on a fresh start there is simply no session.
        setState(wasIn ? { status: 'expired', user: state.user } : { status: 'anonymous', user: null });
      }
      return ok;
    };
    refreshing = run().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

/** At start (and after a reload): is there still a session behind the refresh cookie? */
export function start(): Promise<boolean> {
  return refresh();
}

export async function logout(): Promise<void> {
  try {
    await fetch(`${AUTH_BASE}/sessies/huidig`, { method: 'DELETE', credentials: 'same-origin' });
  } catch {
    // Offline: the token is forgotten below all the same.
  }
  clear();
  setState({ status: 'anonymous', user: state.user });
}

/** For tests. */
export function _reset() {
  clear();
  refreshing = null;
  state = { status: 'starting', user: null };
  listeners.clear();
}
