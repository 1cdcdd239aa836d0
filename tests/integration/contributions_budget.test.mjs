// Contributions service: budget lines (validation, If-Match, revisions of adopted lines,
// deletion rules), expenditures, funding sources, roles and the audit trail.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertProblem } from './lib/problem.mjs';
import {
  admin, api, budgetLine, create, expectStatus, staffToken,
} from './lib/contributions.mjs';

const names = (r) => r.json.invalidParams.map((p) => p.name).sort();

test('a budget line is created with 201, Location and ETag, and read back', async () => {
  const r = await api('/begrotingsregels', { method: 'POST', json: budgetLine({ bedrag: 12345678 }) });
  expectStatus(r, 201);
  assert.match(r.headers.get('location'), /\/api\/contributions\/v1\/begrotingsregels\/[0-9a-f-]{36}$/);
  assert.equal(r.headers.get('etag'), `"${r.json.id}-1"`);
  assert.equal(r.json.bedrag, 12345678);
  assert.equal(r.json.status, 'raming');
  assert.equal(r.json.revisie, 0);
  const g = expectStatus(await api(`/begrotingsregels/${r.json.id}`), 200);
  assert.deepEqual(g.json, r.json);
});

test('amounts must be whole, non-negative cents; every problem in one 400', async () => {
  let r = await api('/begrotingsregels', {
    method: 'POST',
    json: { ...budgetLine(), bedrag: 12.5, jaar: 'x', aard: 'soms', scope: 'actielijn', extra: 1 },
  });
  assertProblem(r, 400);
  assert.deepEqual(names(r), ['aard', 'actielijn', 'bedrag', 'extra', 'jaar']);
  r = await api('/begrotingsregels', { method: 'POST', json: budgetLine({ bedrag: -1 }) });
  assertProblem(r, 400, { invalidParams: [{ name: 'bedrag', code: 'range' }] });
  r = await api('/begrotingsregels', { method: 'POST', json: budgetLine({ bedrag: '100' }) });
  assertProblem(r, 400, { invalidParams: [{ name: 'bedrag', code: 'type' }] });
  r = await api('/begrotingsregels', {
    method: 'POST',
    json: budgetLine({ scope: 'programma', actielijn: 2, projectId: 'nope' }),
  });
  assertProblem(r, 400);
  assert.deepEqual(names(r), ['actielijn', 'projectId', 'projectId']);
  r = await api('/begrotingsregels', { method: 'POST', json: budgetLine({ scope: 'project' }) });
  assertProblem(r, 400, { invalidParams: [{ name: 'projectId', code: 'required' }] });
});

test('updates need If-Match: 428 without, 412 when stale', async () => {
  const line = await create('/begrotingsregels', budgetLine());
  let r = await api(`/begrotingsregels/${line.id}`, { method: 'PATCH', json: { bedrag: 5 } });
  assertProblem(r, 428);
  r = await api(`/begrotingsregels/${line.id}`, { method: 'PATCH', json: { bedrag: 5 }, ifMatch: `"${line.id}-9"` });
  assertProblem(r, 412);
  r = await api(`/begrotingsregels/${line.id}`, { method: 'PATCH', json: { bedrag: 5 }, ifMatch: `"${line.id}-1"` });
  expectStatus(r, 200);
  assert.equal(r.json.bedrag, 5);
  assert.equal(r.headers.get('etag'), `"${line.id}-2"`);
});

test('changes to an adopted line are revisions; the original and each revision stay readable', async () => {
  const line = await create('/begrotingsregels', budgetLine({ scope: 'actielijn', actielijn: 3, aard: 'incidenteel', bedrag: 50000000 }));
  // Adopt it: revision 1, the original.
  let r = await api(`/begrotingsregels/${line.id}`, {
    method: 'PATCH', json: { status: 'vastgesteld', toelichting: 'Besluit AB' }, ifMatch: `"${line.id}-1"`,
  });
  expectStatus(r, 200);
  assert.equal(r.json.status, 'vastgesteld');
  assert.equal(r.json.revisie, 1);
  // A change without a reason is refused.
  r = await api(`/begrotingsregels/${line.id}`, { method: 'PATCH', json: { bedrag: 55000000 }, ifMatch: `"${line.id}-2"` });
  assertProblem(r, 400, { invalidParams: [{ name: 'toelichting', code: 'required' }] });
  // Back to an estimate: 409.
  r = await api(`/begrotingsregels/${line.id}`, { method: 'PATCH', json: { status: 'raming', toelichting: 'x' }, ifMatch: `"${line.id}-2"` });
  assertProblem(r, 409);
  // Two revisions.
  r = await api(`/begrotingsregels/${line.id}`, {
    method: 'PATCH', json: { bedrag: 55000000, toelichting: 'Begrotingswijziging 1' }, ifMatch: `"${line.id}-2"`,
  });
  expectStatus(r, 200);
  assert.equal(r.json.revisie, 2);
  r = await api(`/begrotingsregels/${line.id}`, {
    method: 'PATCH', json: { omschrijving: 'Nieuwe omschrijving', toelichting: 'Begrotingswijziging 2' }, ifMatch: `"${line.id}-3"`,
  });
  expectStatus(r, 200);
  assert.equal(r.json.revisie, 3);
  const list = expectStatus(await api(`/begrotingsregels/${line.id}/revisies`), 200).json.revisies;
  assert.deepEqual(list.map((x) => x.revisie), [1, 2, 3]);
  assert.equal(list[0].regel.bedrag, 50000000, 'the original as adopted');
  assert.equal(list[0].toelichting, 'Besluit AB');
  assert.equal(list[1].regel.bedrag, 55000000);
  assert.equal(list[1].toelichting, 'Begrotingswijziging 1');
  assert.equal(list[2].regel.omschrijving, 'Nieuwe omschrijving');
  assert.equal(list[2].regel.bedrag, 55000000);
  const one = expectStatus(await api(`/begrotingsregels/${line.id}/revisies/1`), 200).json;
  assert.deepEqual(one, list[0]);
  assertProblem(await api(`/begrotingsregels/${line.id}/revisies/9`), 404);
  // An adopted line is kept: no deletion.
  assertProblem(await api(`/begrotingsregels/${line.id}`, { method: 'DELETE' }), 409);
});

test('a line created as adopted starts at revision 1', async () => {
  const line = await create('/begrotingsregels', budgetLine({ status: 'vastgesteld' }));
  assert.equal(line.revisie, 1);
  const list = (await api(`/begrotingsregels/${line.id}/revisies`)).json.revisies;
  assert.equal(list.length, 1);
  assert.equal(list[0].regel.bedrag, line.bedrag);
});

test('expenditures: a line with expenditures cannot be deleted (409); without them it can', async () => {
  const line = await create('/begrotingsregels', budgetLine());
  const exp = await create(`/begrotingsregels/${line.id}/uitgaven`, { datum: '2080-03-31', bedrag: 2500, omschrijving: 'Factuur' });
  assert.equal(exp.begrotingsregelId, line.id);
  assertProblem(await api(`/begrotingsregels/${line.id}/uitgaven`, {
    method: 'POST', json: { datum: '2080-02-30', bedrag: 1.5, omschrijving: '' },
  }), 400);
  const list = expectStatus(await api(`/begrotingsregels/${line.id}/uitgaven`), 200).json;
  assert.deepEqual(list.uitgaven.map((e) => e.id), [exp.id]);
  assertProblem(await api(`/begrotingsregels/${line.id}`, { method: 'DELETE' }), 409, { detail: /uitgaven/ });
  let r = await api(`/uitgaven/${exp.id}`, { method: 'PATCH', json: { bedrag: 3000 }, ifMatch: `"${exp.id}-1"` });
  expectStatus(r, 200);
  assert.equal(r.json.bedrag, 3000);
  expectStatus(await api(`/uitgaven/${exp.id}`, { method: 'DELETE' }), 204);
  expectStatus(await api(`/begrotingsregels/${line.id}`, { method: 'DELETE' }), 204);
  assertProblem(await api(`/begrotingsregels/${line.id}`), 404);
  assertProblem(await api(`/begrotingsregels/00000000-0000-0000-0000-000000000000/uitgaven`, {
    method: 'POST', json: { datum: '2080-03-31', bedrag: 1, omschrijving: 'x' },
  }), 404);
});

test('lists are paginated and filtered', async () => {
  for (let i = 0; i < 3; i++) await create('/begrotingsregels', budgetLine({ jaar: 2081, categorie: 'paginering' }));
  const seen = [];
  let path = '/begrotingsregels?jaar=2081&categorie=paginering&limit=2';
  for (let page = 0; page < 5 && path; page++) {
    const r = expectStatus(await api(path), 200);
    seen.push(...r.json.begrotingsregels.map((b) => b.id));
    path = r.json.volgende ? `/begrotingsregels?jaar=2081&categorie=paginering&limit=2&cursor=${r.json.volgende}` : null;
  }
  assert.equal(seen.length, 3);
  assert.equal(new Set(seen).size, 3);
  assertProblem(await api('/begrotingsregels?jaar=99&aard=x'), 400);
});

test('funding sources: validation, delete refused while contributions refer to it', async () => {
  assertProblem(await api('/financieringsbronnen', {
    method: 'POST', json: { naam: 'X', soort: 'lening', periodeVan: '2025-01-01', periodeTot: '2024-01-01', beschikbaarBedrag: -5 },
  }), 400);
  const src = await create('/financieringsbronnen', {
    naam: 'Test ZonMw', soort: 'subsidie', verstrekker: 'zonmw', periodeVan: '2025-01-01', periodeTot: '2026-12-31', beschikbaarBedrag: 10000000,
  });
  const c = await create('/bijdragen', {
    organisatie: 'zonmw', scope: 'actielijn', actielijn: 4, jaar: 2082, soort: 'geld', bedrag: 400000,
    financieringsbronId: src.id, status: 'toegezegd',
  });
  assert.equal((await api(`/financieringsbronnen/${src.id}`)).json.toegezegd, 400000);
  assertProblem(await api(`/financieringsbronnen/${src.id}`, { method: 'DELETE' }), 409);
  expectStatus(await api(`/bijdragen/${c.id}`, { method: 'DELETE' }), 204);
  expectStatus(await api(`/financieringsbronnen/${src.id}`, { method: 'DELETE' }), 204);
});

test('roles: a reader cannot write, a token without the scope cannot read', async () => {
  const reader = staffToken('lezer');
  expectStatus(await api('/begrotingsregels', { token: reader }), 200);
  assertProblem(await api('/begrotingsregels', { method: 'POST', json: budgetLine(), token: reader }), 403);
  const noScope = staffToken('beheerder', { scope: 'portfolio:read' });
  assertProblem(await api('/begrotingsregels', { token: noScope }), 403);
  assertProblem(await api('/begrotingsregels', { token: null }), 401);
  // write scope but no editor role (a machine client without gemeente)
  const client = staffToken('lezer', { scope: 'contributions:read contributions:write' });
  assertProblem(await api('/begrotingsregels', { method: 'POST', json: budgetLine(), token: client }), 403);
});

test('every change is in the audit trail with before and after', async () => {
  const line = await create('/begrotingsregels', budgetLine({ bedrag: 777 }));
  await api(`/begrotingsregels/${line.id}`, { method: 'PATCH', json: { bedrag: 778 }, ifMatch: `"${line.id}-1"` });
  const r = expectStatus(await api(`/audit?objectType=begrotingsregel&objectId=${line.id}`, { token: admin }), 200);
  const entries = r.json.audit;
  assert.deepEqual(entries.map((e) => e.actie), ['gewijzigd', 'aangemaakt']);
  assert.equal(entries[0].voor.bedrag, 777);
  assert.equal(entries[0].na.bedrag, 778);
});
