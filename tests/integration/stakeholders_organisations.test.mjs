// Stakeholders service: organisations (CBS code validation, search, type filter, optimistic
// concurrency, the 409 on deleting a referenced organisation) and the access rules.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';

import { call, show } from './lib/http.mjs';
import { assertProblem } from './lib/problem.mjs';
import {
  basePath, baseUrl, createBody, createOrganisation, createPerson, createSeat, editorToken,
  readerToken, sql, stk, token, unique,
} from './lib/stakeholders.mjs';

describe('organisations', () => {
  test('create answers 201 with Location and ETag; GET returns the same', async () => {
    const naam = unique('Jeugdzorg Oost');
    const r = await stk('/organisaties', { method: 'POST', json: {
      naam, type: 'zorgaanbieder', sector: 'LVB', website: 'https://example.nl' } });
    assert.equal(r.status, 201, show(r));
    assert.equal(r.json.naam, naam);
    assert.equal(r.json.sector, 'LVB');
    assert.equal(r.json.cbsCode, null);
    const location = r.headers.get('location');
    assert.ok(location.endsWith(`${basePath}/organisaties/${r.json.id}`), location);
    assert.match(r.headers.get('etag') ?? '', /^"[^"]+"$/);
    const got = await stk(`/organisaties/${r.json.id}`);
    assert.equal(got.status, 200, show(got));
    assert.deepEqual(got.json, r.json);
    assert.equal(got.headers.get('etag'), r.headers.get('etag'));
  });

  test('a municipality needs a valid, unique CBS code (GM + 4 digits)', async () => {
    for (const cbsCode of ['GM153', 'gm0153', 'GM01534', 'XX0153', 'GM01a3']) {
      const r = await stk('/organisaties', { method: 'POST', json: {
        naam: unique('Gemeente'), type: 'gemeente', cbsCode } });
      assertProblem(r, 400, { invalidParams: [{ name: 'cbsCode' }] });
    }
    assertProblem(await stk('/organisaties', { method: 'POST', json: {
      naam: unique('Gemeente'), type: 'gemeente' } }), 400,
    { invalidParams: [{ name: 'cbsCode', code: 'required' }] });
    assertProblem(await stk('/organisaties', { method: 'POST', json: {
      naam: unique('Aanbieder'), type: 'zorgaanbieder', cbsCode: 'GM9001' } }), 400,
    { invalidParams: [{ name: 'cbsCode', code: 'conflict' }] });
    // GM0153 is Enschede, seeded
    assertProblem(await stk('/organisaties', { method: 'POST', json: {
      naam: unique('Tweede Enschede'), type: 'gemeente', cbsCode: 'GM0153' } }), 409,
    { detail: /CBS-code/ });
    // a change that leaves a municipality without its code is refused by the database rule
    const free = `GM9${String(Math.floor(Math.random() * 900) + 100)}`;
    sql(`DELETE FROM organisations WHERE cbs_code = '${free}'`);
    const g = await createOrganisation({ type: 'gemeente', cbsCode: free, inwoners: 1000 });
    assertProblem(await stk(`/organisaties/${g.id}`, { method: 'PATCH', headers: { 'If-Match': g.etag },
      json: { cbsCode: null } }), 400, { invalidParams: ['cbsCode'] });
    await stk(`/organisaties/${g.id}`, { method: 'DELETE' });
  });

  test('every problem of the input in one 400', async () => {
    const r = await stk('/organisaties', { method: 'POST', json: {
      type: 'bakkerij', website: 'ftp://x', inwoners: -1, onbekend: 1 } });
    assertProblem(r, 400, { invalidParams: ['naam', 'type', 'website', 'inwoners', 'onbekend'] });
  });

  test('search by name is case- and accent-insensitive; filter by type', async () => {
    const naam = unique('Stichting Cliëntenraad Émile');
    const o = await createOrganisation({ naam, type: 'clientvertegenwoordiging' });
    const word = naam.split(' ').slice(-1)[0];
    for (const q of ['CLIENTENRAAD EMILE', 'cliëntenraad émile']) {
      const r = await stk(`/organisaties?zoek=${encodeURIComponent(`${q} ${word}`)}`);
      assert.equal(r.status, 200, show(r));
      assert.deepEqual(r.json.organisaties.map((x) => x.id), [o.id], show(r));
    }
    const towns = await stk('/organisaties?type=gemeente&limit=100');
    assert.ok(towns.json.organisaties.length >= 14);
    assert.ok(towns.json.organisaties.every((x) => x.type === 'gemeente' && /^GM\d{4}$/.test(x.cbsCode)));
    assertProblem(await stk('/organisaties?type=bakkerij'), 400, { invalidParams: ['type'] });
    const byCode = await stk('/organisaties?cbsCode=GM0164');
    assert.deepEqual(byCode.json.organisaties.map((x) => x.naam), ['Gemeente Hengelo']);
  });

  test('pagination: limit, cursor and a Link to the next page', async () => {
    const first = await stk('/organisaties?limit=5');
    assert.equal(first.json.organisaties.length, 5);
    assert.ok(first.json.volgende);
    assert.match(first.headers.get('link') ?? '', /rel="next"/);
    const second = await stk(`/organisaties?limit=5&cursor=${encodeURIComponent(first.json.volgende)}`);
    const ids = new Set(first.json.organisaties.map((x) => x.id));
    assert.ok(second.json.organisaties.every((x) => !ids.has(x.id)));
    assertProblem(await stk('/organisaties?cursor=knoeiwerk'), 400, { invalidParams: ['cursor'] });
  });

  test('update needs If-Match: 428 without, 412 when stale, 200 with a new ETag', async () => {
    const o = await createOrganisation();
    const path = `/organisaties/${o.id}`;
    assertProblem(await stk(path, { method: 'PATCH', json: { sector: 'JGGZ' } }), 428);
    assertProblem(await stk(path, { method: 'PATCH', headers: { 'If-Match': '"oud"' }, json: { sector: 'JGGZ' } }), 412);
    const r = await stk(path, { method: 'PATCH', headers: { 'If-Match': o.etag }, json: { sector: 'JGGZ' } });
    assert.equal(r.status, 200, show(r));
    assert.equal(r.json.sector, 'JGGZ');
    assert.equal(r.json.naam, o.naam, 'a PATCH keeps what it does not name');
    assert.notEqual(r.headers.get('etag'), o.etag);
    assertProblem(await stk(path, { method: 'PATCH', headers: { 'If-Match': o.etag }, json: { sector: 'LVB' } }), 412);
  });

  test('deleting an organisation that people, seats or involvements refer to is a 409 naming them', async () => {
    const o = await createOrganisation();
    const person = await createPerson({ organisatieId: o.id });
    const body = await createBody();
    await createSeat({ gremiumId: body.id, organisatieIds: [o.id] });
    const inv = await stk('/betrokkenheden', { method: 'POST', json: {
      organisatieId: o.id, doelType: 'actielijn', doelId: '2', rol: 'deelnemer' } });
    assert.equal(inv.status, 201, show(inv));
    const r = await stk(`/organisaties/${o.id}`, { method: 'DELETE' });
    const p = assertProblem(r, 409, { detail: /1 persoon, 1 zetel en 1 betrokkenheid/ });
    assert.deepEqual(p.afhankelijkheden, { personen: 1, zetels: 1, betrokkenheden: 1 });
    assert.equal(sql(`SELECT count(*) FROM organisations WHERE id = '${o.id}'`), '1');
    // remove the dependants one by one; then it goes
    await stk(`/betrokkenheden/${inv.json.id}`, { method: 'DELETE' });
    await stk(`/gremia/${body.id}`, { method: 'DELETE' });
    const p2 = assertProblem(await stk(`/organisaties/${o.id}`, { method: 'DELETE' }), 409);
    assert.deepEqual(p2.afhankelijkheden, { personen: 1, zetels: 0, betrokkenheden: 0 });
    const pr = await stk(`/personen/${person.id}`, { method: 'PATCH', headers: { 'If-Match': person.etag },
      json: { organisatieId: null } });
    assert.equal(pr.status, 200, show(pr));
    const gone = await stk(`/organisaties/${o.id}`, { method: 'DELETE' });
    assert.equal(gone.status, 204, show(gone));
    assertProblem(await stk(`/organisaties/${o.id}`), 404);
  });

  test('a reference to an organisation that does not exist is a 400 on that field', async () => {
    assertProblem(await stk('/personen', { method: 'POST', json: { naam: unique('P'), organisatieId: randomUUID() } }),
      400, { invalidParams: ['organisatieId'] });
    assertProblem(await stk('/personen', { method: 'POST', json: { naam: unique('P'), organisatieId: 'geen-uuid' } }),
      400, { invalidParams: ['organisatieId'] });
  });

  test('unknown and malformed ids are 404 problems', async () => {
    assertProblem(await stk(`/organisaties/${randomUUID()}`), 404);
    assertProblem(await stk('/organisaties/geen-uuid'), 404);
  });
});

describe('access', () => {
  test('reads need stakeholders:read; no token is 401', async () => {
    assert.equal((await stk('/organisaties', { token: readerToken() })).status, 200);
    assertProblem(await stk('/organisaties', { token: token({ scope: 'portfolio:read' }) }), 403);
    const anon = await call(`${baseUrl}/organisaties`);
    assert.equal(anon.status, 401, show(anon));
  });

  test('writes need stakeholders:write and the role redacteur or beheerder', async () => {
    const json = { naam: unique('Org'), type: 'overig' };
    assertProblem(await stk('/organisaties', { method: 'POST', json, token: readerToken() }), 403);
    assertProblem(await stk('/organisaties', { method: 'POST', json,
      token: token({ roles: ['lezer'], scope: 'stakeholders:read stakeholders:write' }) }), 403);
    const r = await stk('/organisaties', { method: 'POST', json, token: editorToken() });
    assert.equal(r.status, 201, show(r));
  });

  test('export and erasure of a person only for beheerder', async () => {
    const p = await createPerson();
    assertProblem(await stk(`/personen/${p.id}/export`, { token: editorToken() }), 403);
    assertProblem(await stk(`/personen/${p.id}`, { method: 'DELETE', token: editorToken() }), 403);
    assert.equal((await stk(`/personen/${p.id}/export`)).status, 200);
  });

  test('every change is in the audit trail', async () => {
    const o = await createOrganisation();
    const r = await stk(`/audit?objectType=organisatie&objectId=${o.id}`);
    assert.equal(r.status, 200, show(r));
    assert.equal(r.json.audit.length, 1);
    assert.equal(r.json.audit[0].actie, 'aangemaakt');
    assert.equal(r.json.audit[0].na.naam, o.naam);
  });
});
