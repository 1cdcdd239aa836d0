// Helpers of the contributions service's integration tests: the base URL, tokens of every kind
// (staff roles, municipal clients), JSON calls and a CSV parser to read the exports back.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { cfg } from './env.mjs';
import { call, show } from './http.mjs';
import { claims, signRS256 } from './jwt.mjs';

if (!process.env.JT_CONTRIBUTIONS_URL) {
  throw new Error('integration tests: JT_CONTRIBUTIONS_URL is not set (run them with scripts/test)');
}
export const base = process.env.JT_CONTRIBUTIONS_URL.replace(/\/+$/, '');
export const sharedDir = process.env.JT_SHARED_DIR;
export { cfg, show };

const READ = 'contributions:read';
const WRITE = 'contributions:write';

// A staff token: role beheerder, redacteur or lezer, with the scopes that role gets.
export function staffToken(role = 'beheerder', { scope } = {}) {
  const scopes = scope ?? (role === 'lezer' ? READ : `${READ} ${WRITE}`);
  return signRS256(claims({ roles: [role], scope: scopes, preferred_username: `test-${role}` }));
}

// A municipal client: client credentials token with a gemeente claim and no staff role.
export function municipalToken(gemeente, { scope = `${READ} ${WRITE}` } = {}) {
  const clientId = `gemeente-${gemeente.toLowerCase()}`;
  return signRS256(claims({ sub: clientId, client_id: clientId, gemeente, scope, roles: [] }));
}

export const admin = staffToken('beheerder');

// path below the base path; json: body; ifMatch: an ETag.
export function api(path, { method = 'GET', token = admin, json, ifMatch, headers = {}, body } = {}) {
  const h = { ...headers };
  if (ifMatch !== undefined) h['If-Match'] = ifMatch;
  return call(base + path, { method, token, json, headers: h, body });
}

// A CSV download: fetch's res.text() drops a UTF-8 byte order mark, so decode the bytes with
// ignoreBOM to see exactly what a spreadsheet gets.
export async function csv(path, { token = admin } = {}) {
  const res = await fetch(base + path, {
    headers: { Authorization: `Bearer ${token}` },
    redirect: 'manual',
    signal: AbortSignal.timeout(15000),
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(bytes);
  return { url: base + path, method: 'GET', status: res.status, headers: res.headers, text, bytes };
}

export function expectStatus(r, status) {
  assert.equal(r.status, status, show(r));
  return r;
}

export async function create(path, json, token = admin) {
  const r = await api(path, { method: 'POST', json, token });
  expectStatus(r, 201);
  return r.json;
}

// A budget line with sensible defaults.
export function budgetLine(overrides = {}) {
  return {
    scope: 'programma',
    jaar: 2080,
    aard: 'structureel',
    categorie: 'projectleiding',
    omschrijving: `Testregel ${randomUUID().slice(0, 8)}`,
    bedrag: 100000,
    ...overrides,
  };
}

// Parse CSV text (RFC 4180 quoting) with the given separator; strips a UTF-8 BOM. Returns
// { bom, rows } with rows as arrays of strings (the header first).
export function parseCsv(text, sep) {
  let bom = false;
  if (text.charCodeAt(0) === 0xfeff) {
    bom = true;
    text = text.slice(1);
  }
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  assert.equal(quoted, false, 'CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { bom, rows };
}

// CSV rows as objects keyed by the header.
export function csvObjects(text, sep) {
  const { bom, rows } = parseCsv(text, sep);
  const [header, ...data] = rows;
  for (const r of data) assert.equal(r.length, header.length, `row width: ${r.join('|')}`);
  return { bom, header, records: data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

// "1234,56" or "1234.56" -> 123456 cents (exact, no floating point).
export function euroToCents(text, mark) {
  const m = new RegExp(`^(-?)(\\d+)\\${mark}(\\d{2})$`).exec(text);
  assert.ok(m, `an amount with two decimals after "${mark}": "${text}"`);
  const cents = BigInt(m[2]) * 100n + BigInt(m[3]);
  return Number(m[1] === '-' ? -cents : cents);
}

// A deterministic pseudo-random generator (xorshift32) so a failing property can be replayed.
export function rng(seed) {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return n === undefined ? x : x % n;
  };
}
