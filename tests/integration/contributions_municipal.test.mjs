// Contributions service: a municipal client (gemeente claim, no staff role) creates and changes
// only its own municipality's contributions and reads only its own statement (OWASP API1).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertProblem } from './lib/problem.mjs';
import { api, create, csv, expectStatus, municipalToken } from './lib/contributions.mjs';

const ENSCHEDE = 'GM0153';
const HENGELO = 'GM0164';
const enschede = municipalToken(ENSCHEDE);
const hengelo = municipalToken(HENGELO);

const money = (overrides = {}) => ({
  scope: 'programma', jaar: 2085, soort: 'geld', bedrag: 1000000, status: 'toegezegd', ...overrides,
});

test('a municipal client creates a contribution of its own municipality (filled in from the token)', async () => {
  const r = await api('/bijdragen', { method: 'POST', json: money(), token: enschede });
  expectStatus(r, 201);
  assert.equal(r.json.gemeente, ENSCHEDE);
  assert.deepEqual(r.json.waarschuwingen, []);
  const explicit = await api('/bijdragen', { method: 'POST', json: money({ gemeente: ENSCHEDE }), token: enschede });
  expectStatus(explicit, 201);
});

test('another municipality in the body is 403', async () => {
  assertProblem(await api('/bijdragen', { method: 'POST', json: money({ gemeente: HENGELO }), token: enschede }), 403);
});

test("another municipality's contribution does not exist for the client (404), also for changes", async () => {
  const theirs = await create('/bijdragen', money({ gemeente: HENGELO }));
  assertProblem(await api(`/bijdragen/${theirs.id}`, { token: enschede }), 404);
  assertProblem(await api(`/bijdragen/${theirs.id}`, {
    method: 'PATCH', json: { bedrag: 1, soort: 'geld' }, ifMatch: `"${theirs.id}-1"`, token: enschede,
  }), 404);
  assertProblem(await api(`/bijdragen/${theirs.id}`, { method: 'DELETE', token: enschede }), 404);
  // Still there, unchanged.
  const still = expectStatus(await api(`/bijdragen/${theirs.id}`), 200).json;
  assert.equal(still.bedrag, 1000000);
  // The owner can read and change it.
  expectStatus(await api(`/bijdragen/${theirs.id}`, { token: hengelo }), 200);
  const changed = await api(`/bijdragen/${theirs.id}`, {
    method: 'PATCH', json: { status: 'gerealiseerd' }, ifMatch: `"${theirs.id}-1"`, token: hengelo,
  });
  expectStatus(changed, 200);
  assert.equal(changed.json.status, 'gerealiseerd');
  // A realisation without a pledge warns (and is stored).
  assert.equal(changed.json.waarschuwingen.length, 1);
  assert.equal(changed.json.waarschuwingen[0].code, 'gerealiseerd-boven-toegezegd');
});

test('a client cannot move its own contribution to another municipality (403)', async () => {
  const mine = await create('/bijdragen', money(), enschede);
  assertProblem(await api(`/bijdragen/${mine.id}`, {
    method: 'PATCH', json: { gemeente: HENGELO }, ifMatch: `"${mine.id}-1"`, token: enschede,
  }), 403);
  expectStatus(await api(`/bijdragen/${mine.id}`, { method: 'DELETE', token: enschede }), 204);
});

test('lists and exports show a client only its own contributions', async () => {
  await create('/bijdragen', money({ gemeente: HENGELO, jaar: 2086 }));
  await create('/bijdragen', money({ jaar: 2086 }), enschede);
  const list = expectStatus(await api('/bijdragen?jaar=2086&limit=100', { token: enschede }), 200).json.bijdragen;
  assert.ok(list.length >= 1);
  assert.ok(list.every((c) => c.gemeente === ENSCHEDE), JSON.stringify(list));
  assertProblem(await api(`/bijdragen?gemeente=${HENGELO}`, { token: enschede }), 403);
  const text = expectStatus(await csv('/exports/bijdragen?jaar=2086', { token: enschede }), 200).text;
  assert.ok(text.includes(ENSCHEDE) && !text.includes(HENGELO), text);
  assertProblem(await api(`/exports/bijdragen?gemeente=${HENGELO}`, { token: enschede }), 403);
});

test('a client reads only its own statement', async () => {
  expectStatus(await api(`/gemeenten/${ENSCHEDE}/jaaroverzichten/2085`, { token: enschede }), 200);
  assertProblem(await api(`/gemeenten/${HENGELO}/jaaroverzichten/2085`, { token: enschede }), 403);
  assertProblem(await api(`/exports/jaaroverzicht?gemeente=${HENGELO}&jaar=2085`, { token: enschede }), 403);
  expectStatus(await csv(`/exports/jaaroverzicht?gemeente=${ENSCHEDE}&jaar=2085`, { token: enschede }), 200);
});

test('a client writes nothing but contributions and reads no audit trail', async () => {
  assertProblem(await api('/begrotingsregels', {
    method: 'POST', token: enschede,
    json: { scope: 'programma', jaar: 2085, aard: 'structureel', categorie: 'x', omschrijving: 'x', bedrag: 1 },
  }), 403);
  assertProblem(await api('/verdeelsleutels', { method: 'POST', json: { naam: 'x', grondslag: 'gelijk' }, token: enschede }), 403);
  assertProblem(await api('/audit', { token: enschede }), 403);
  // Without the write scope a client cannot write even its own.
  const readOnly = municipalToken(ENSCHEDE, { scope: 'contributions:read' });
  assertProblem(await api('/bijdragen', { method: 'POST', json: money(), token: readOnly }), 403);
});
