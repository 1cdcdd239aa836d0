// Helpers of the monitoring tests: the service URL, tokens of every shape, test indicators with
// unique codes (so that runs and files never share data), pushes and reads.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';

import './env.mjs';
import { call, show } from './http.mjs';
import { claims, signRS256 } from './jwt.mjs';

if (!process.env.JT_MONITORING_URL) {
  throw new Error('integration tests: JT_MONITORING_URL is not set (run them with scripts/test)');
}
export const monUrl = process.env.JT_MONITORING_URL.replace(/\/+$/, '');

export function token({ scope = 'monitoring:read', roles = [], ...rest } = {}) {
  return signRS256(claims({ scope, roles, ...rest }));
}
export const reader = () => token();
export const editor = () => token({ scope: 'monitoring:read monitoring:write', roles: ['redacteur'] });
export const kennispunt = () =>
  token({ scope: 'monitoring:read monitoring:ingest', client_id: 'kennispunt', sub: 'kennispunt' });

export function mon(path, options = {}) {
  return call(monUrl + path, options);
}

// A fresh upper-case suffix for codes.
export function suffix() {
  return randomBytes(4).toString('hex').toUpperCase();
}

// Create a quarterly test indicator; returns its code.
export async function createIndicator(overrides = {}) {
  const body = {
    code: `T${suffix()}_${overrides.regionaleWaarde ?? 'som'}`.toUpperCase().slice(0, 40),
    naam: 'Testindicator', beschrijving: 'Voor de integratietests.', eenheid: 'aantal',
    richting: 'lager_is_beter', bron: 'tmsd', frequentie: 'kwartaal', regionaleWaarde: 'som',
    actielijnen: [4], ...overrides,
  };
  const r = await mon('/indicatoren', { method: 'POST', token: editor(), json: body });
  assert.equal(r.status, 201, show(r));
  return body.code;
}

// CSV text from rows of [indicator, gebied, periode, waarde, teller, noemer, status].
export function csv(rows, { sep = ';', header = true, eol = '\n' } = {}) {
  const head = ['indicator', 'gebied', 'periode', 'waarde', 'teller', 'noemer', 'status'];
  const padded = rows.map((r) => head.map((_, i) => r[i] ?? ''));
  const lines = (header ? [head] : []).concat(padded).map((r) => r.join(sep));
  return lines.join(eol) + eol;
}

export function pushCsv(text, { query = '', headers = {}, tok = kennispunt() } = {}) {
  return mon(`/importen${query}`, {
    method: 'POST', token: tok, body: text, headers: { 'Content-Type': 'text/csv', ...headers },
  });
}

export function pushJson(observaties, { query = '', headers = {} } = {}) {
  return mon(`/importen${query}`, {
    method: 'POST', token: kennispunt(), json: { observaties }, headers,
  });
}

export async function observations(indicator) {
  const r = await mon(`/waarnemingen?indicator=${indicator}&limit=100`, { token: reader() });
  assert.equal(r.status, 200, show(r));
  return r.json.waarnemingen;
}

// The import summary of a push answer (201/200 body, or the 400 problem's "samenvatting").
export function summary(r) {
  return r.status === 400 && r.json.samenvatting ? r.json.samenvatting : r.json;
}
