// Helpers of the stakeholders service tests: its URL, tokens of any shape (signed with the test
// signing key), the database (psql as superuser), and creating test data with unique names.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

import { call, show } from './http.mjs';
import { claims, signRS256 } from './jwt.mjs';

if (!process.env.JT_STAKEHOLDERS_URL || !process.env.JT_DATABASE_URL) {
  throw new Error('stakeholders tests: JT_STAKEHOLDERS_URL and JT_DATABASE_URL must be set (scripts/test)');
}
export const baseUrl = process.env.JT_STAKEHOLDERS_URL.replace(/\/+$/, '');
export const basePath = new URL(baseUrl).pathname;

const RUN = randomBytes(3).toString('hex');
let counter = 0;
export function unique(prefix) {
  counter += 1;
  return `${prefix} ${RUN}-${counter}`;
}
export function uniqueCode(prefix) {
  counter += 1;
  return `${prefix}-${RUN}-${counter}`;
}

const ALL = 'stakeholders:read stakeholders:write';
// A token: role beheerder (default), redacteur or lezer, with the scopes given.
export function token({ roles = ['beheerder'], scope = ALL } = {}) {
  return signRS256(claims({ scope, roles, preferred_username: 'test' }));
}
export const adminToken = () => token();
export const editorToken = () => token({ roles: ['redacteur'] });
export const readerToken = () => token({ roles: ['lezer'], scope: 'stakeholders:read' });

// path below the service's base path.
export function stk(path, options = {}) {
  return call(baseUrl + path, { token: adminToken(), ...options });
}

// psql as superuser on the test database; the stakeholders schema first in the search path.
export function sql(query) {
  return execFileSync('psql', [process.env.JT_DATABASE_URL, '-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1',
    '-c', query], { encoding: 'utf8', env: { ...process.env, PGOPTIONS: '-c search_path=stakeholders' } }).trim();
}

async function created(r) {
  assert.equal(r.status, 201, show(r));
  return { ...r.json, etag: r.headers.get('etag') };
}

export async function createOrganisation(fields = {}) {
  return created(await stk('/organisaties', { method: 'POST', json: {
    naam: unique('Organisatie'), type: 'zorgaanbieder', ...fields } }));
}
export async function createPerson(fields = {}) {
  return created(await stk('/personen', { method: 'POST', json: { naam: unique('Persoon'), ...fields } }));
}
export async function createBody(fields = {}) {
  return created(await stk('/gremia', { method: 'POST', json: {
    naam: unique('Gremium'), soort: 'werkgroep', vergaderfrequentieWeken: 3, ...fields } }));
}
export async function createSeat(fields) {
  return created(await stk('/zetels', { method: 'POST', json: { rol: 'lid', ...fields } }));
}

// Every page of a collection.
export async function all(path, key, options = {}) {
  const out = [];
  let url = baseUrl + path + (path.includes('?') ? '&' : '?') + 'limit=100';
  for (;;) {
    const r = await call(url, { token: adminToken(), ...options });
    assert.equal(r.status, 200, show(r));
    out.push(...r.json[key]);
    if (!r.json.volgende) return out;
    const u = new URL(url);
    u.searchParams.set('cursor', r.json.volgende);
    url = u.href;
  }
}
