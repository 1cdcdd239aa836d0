// Logging in and setting up users and clients through the public API. Every name carries a random
// suffix of this run, so tests do not depend on each other, on their order, or on earlier runs.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';

import { cfg } from './env.mjs';
import { auth, show } from './http.mjs';

const RUN = randomBytes(4).toString('hex');
let counter = 0;

// A unique lower-case name valid as gebruikersnaam / clientId ([a-z0-9._-], 3..64).
export function unique(prefix) {
  counter += 1;
  return `${prefix}-${RUN}-${counter}`;
}

export function newPassword() {
  return `Wachtwoord-${randomBytes(9).toString('base64url')}`;
}

export const REFRESH_COOKIE = 'jt_refresh';

// The jt_refresh Set-Cookie of a response: { value, attributes: {path, httponly, ...}, raw }.
export function refreshCookie(r) {
  const raw = r.headers.getSetCookie().find((c) => c.startsWith(`${REFRESH_COOKIE}=`));
  if (raw === undefined) return undefined;
  const [pair, ...attrs] = raw.split(';');
  const attributes = {};
  for (const a of attrs) {
    const [k, ...v] = a.trim().split('=');
    attributes[k.toLowerCase()] = v.length ? v.join('=') : true;
  }
  return { value: pair.slice(REFRESH_COOKIE.length + 1), attributes, raw };
}

export function cookieHeader(value) {
  return `${REFRESH_COOKIE}=${value}`;
}

export function login(gebruikersnaam, wachtwoord, options = {}) {
  return auth('/sessies', { method: 'POST', json: { gebruikersnaam, wachtwoord }, ...options });
}

// Log in and insist on success: { token, cookie, body }.
export async function loginOk(gebruikersnaam, wachtwoord) {
  const r = await login(gebruikersnaam, wachtwoord);
  assert.equal(r.status, 200, `login ${gebruikersnaam}: ${show(r)}`);
  assert.equal(typeof r.json?.accessToken, 'string', `login body has accessToken: ${show(r)}`);
  const cookie = refreshCookie(r);
  assert.ok(cookie, `login sets ${REFRESH_COOKIE}: ${r.headers.getSetCookie()}`);
  return { token: r.json.accessToken, cookie: cookie.value, body: r.json, response: r };
}

let adminSession;
// The bootstrap administrator's session (logged in once per test file).
export function admin() {
  adminSession ??= loginOk(cfg.adminUsername, cfg.adminPassword);
  return adminSession;
}

// Create a user as administrator: { id, gebruikersnaam, wachtwoord, etag, body }.
export async function createUser(fields = {}) {
  const { token } = await admin();
  const wachtwoord = fields.wachtwoord ?? newPassword();
  const user = {
    gebruikersnaam: unique('u'),
    naam: 'Integratietest Gebruiker',
    rol: 'lezer',
    ...fields,
    wachtwoord,
  };
  const r = await auth('/gebruikers', { method: 'POST', token, json: user });
  assert.equal(r.status, 201, `create user: ${show(r)}`);
  assert.ok(r.json?.id, `created user has an id: ${show(r)}`);
  return { id: r.json.id, gebruikersnaam: user.gebruikersnaam, wachtwoord, etag: r.headers.get('etag'),
    body: r.json, response: r };
}

// Create a machine client as administrator: { id, clientId, secret, etag, body }.
export async function createClient(fields = {}) {
  const { token } = await admin();
  const client = { clientId: unique('c'), naam: 'Integratietest Client', scopes: ['monitoring:read'], ...fields };
  const r = await auth('/clients', { method: 'POST', token, json: client });
  assert.equal(r.status, 201, `create client: ${show(r)}`);
  assert.ok(r.json?.id, `created client has an id: ${show(r)}`);
  return { id: r.json.id, clientId: client.clientId, secret: r.json.clientSecret, etag: r.headers.get('etag'),
    body: r.json, response: r };
}

// POST /token with a form (URLSearchParams or object) and optional HTTP Basic credentials.
export function tokenRequest(form, { basic, headers = {} } = {}) {
  const h = { 'Content-Type': 'application/x-www-form-urlencoded', ...headers };
  if (basic) {
    const [id, secret] = basic;
    const pair = `${encodeURIComponent(id)}:${encodeURIComponent(secret)}`;
    h.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  }
  return auth('/token', { method: 'POST', headers: h, body: new URLSearchParams(form).toString() });
}

export const READ_SCOPES = ['contributions:read', 'monitoring:read', 'portfolio:read', 'stakeholders:read'];
// Staff who write also upload indicator values (monitoring:ingest).
export const WRITE_SCOPES = ['contributions:write', 'monitoring:ingest', 'monitoring:write', 'portfolio:write', 'stakeholders:write'];
