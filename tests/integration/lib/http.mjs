// One way to call the services: fetch with a timeout (a hanging service fails the test instead of
// blocking the run), no redirect following (a redirect is itself a finding), the body read once.
import { cfg } from './env.mjs';

const DEFAULT_TIMEOUT_MS = 15000;

export async function call(url, options = {}) {
  const { method = 'GET', token, json, body, headers = {}, cookie, timeoutMs, duplex } = options;
  const h = new Headers(headers);
  if (token !== undefined) h.set('Authorization', `Bearer ${token}`);
  if (cookie !== undefined) h.set('Cookie', cookie);
  let payload = body;
  if (json !== undefined) {
    payload = JSON.stringify(json);
    if (!h.has('Content-Type')) h.set('Content-Type', 'application/json');
  }
  const started = performance.now();
  const res = await fetch(url, {
    method,
    headers: h,
    body: payload,
    redirect: 'manual',
    duplex,
    signal: AbortSignal.timeout(timeoutMs ?? DEFAULT_TIMEOUT_MS),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  let data;
  if (/json/i.test(res.headers.get('content-type') ?? '') && text !== '') {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined; // assertions report the raw text
    }
  }
  return { url, method, status: res.status, headers: res.headers, text, json: data, ms };
}

// path is below the auth service's base path: auth('/health').
export function auth(path, options) {
  return call(cfg.authUrl + path, options);
}

// path is absolute on the gateway: gateway('/api/auth/v1/health').
export function gateway(path, options) {
  return call(cfg.gatewayUrl + path, options);
}

// A short description of a response for assertion messages.
export function show(r) {
  return `${r.method} ${r.url} -> ${r.status} ${r.text.slice(0, 600)}`;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Links of an RFC 8288 Link header by relation: { next: 'url', ... }.
export function parseLinks(header) {
  const links = {};
  if (!header) return links;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>\s*((?:;[^;]*)*)$/.exec(part);
    if (!m) continue;
    const rel = /;\s*rel="?([^";]+)"?/i.exec(m[2]);
    if (rel) for (const r of rel[1].trim().split(/\s+/)) links[r.toLowerCase()] = m[1];
  }
  return links;
}

// The array of a paginated collection body ({"gebruikers":[...],"volgende":...}).
export function items(body, key) {
  if (!body || !Array.isArray(body[key])) {
    throw new Error(`expected a collection with "${key}": ${JSON.stringify(body)?.slice(0, 300)}`);
  }
  return body[key];
}
