// Stakeholders service: people, shared seats, vacancies, and the AVG/GDPR export and erasure
// (checked in the database itself: no personal data left, seats become vacancies).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { show } from './lib/http.mjs';
import { assertProblem } from './lib/problem.mjs';
import {
  createBody, createOrganisation, createPerson, createSeat, sql, stk, unique,
} from './lib/stakeholders.mjs';

function isoDate(offsetDays) {
  return new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10);
}

describe('seats', () => {
  test('a shared seat holds two people; a third is refused; no person is a vacancy', async () => {
    const body = await createBody();
    const [a, b, c] = [await createPerson(), await createPerson(), await createPerson()];
    const seat = await createSeat({ gremiumId: body.id, personen: [a.id, b.id], achterban: 'LVB' });
    assert.equal(seat.gedeeld, true);
    assert.equal(seat.vacature, false);
    assert.deepEqual(seat.personen.map((p) => p.naam), [a.naam, b.naam]);
    assertProblem(await stk('/zetels', { method: 'POST', json: { gremiumId: body.id, rol: 'lid',
      personen: [a.id, b.id, c.id] } }), 400, { invalidParams: ['personen'] });
    assertProblem(await stk('/zetels', { method: 'POST', json: { gremiumId: body.id, rol: 'lid',
      personen: [a.id, a.id] } }), 400, { invalidParams: ['personen[1]'] });
    const empty = await createSeat({ gremiumId: body.id, toelichting: 'vacant' });
    assert.equal(empty.vacature, true);
    assert.deepEqual(empty.personen, []);
    // the body counts them
    const g = await stk(`/gremia/${body.id}`);
    assert.equal(g.json.aantalZetels, 2);
    assert.equal(g.json.aantalVacatures, 1);
    // replacing the holders with PATCH
    const r = await stk(`/zetels/${seat.id}`, { method: 'PATCH', headers: { 'If-Match': seat.etag },
      json: { personen: [c.id] } });
    assert.equal(r.status, 200, show(r));
    assert.deepEqual(r.json.personen.map((p) => p.id), [c.id]);
    assert.equal(r.json.gedeeld, false);
    assert.equal(r.json.achterban, 'LVB');
  });

  test('end date before start date is refused', async () => {
    const body = await createBody();
    assertProblem(await stk('/zetels', { method: 'POST', json: { gremiumId: body.id, rol: 'lid',
      startdatum: '2024-05-01', einddatum: '2024-04-01' } }), 400, { invalidParams: ['einddatum'] });
  });

  test('the vacancy overview lists open and soon-to-open seats across bodies', async () => {
    const [b1, b2] = [await createBody(), await createBody()];
    const p = await createPerson();
    const q = await createPerson();
    const open = await createSeat({ gremiumId: b1.id, toelichting: 'komt niet terug' });
    const soon = await createSeat({ gremiumId: b2.id, personen: [p.id], einddatum: isoDate(20) });
    const later = await createSeat({ gremiumId: b2.id, personen: [q.id], einddatum: isoDate(200) });
    const ended = await createSeat({ gremiumId: b2.id, personen: [q.id], startdatum: '2020-01-01', einddatum: '2021-01-01' });
    const r = await stk('/vacatures?binnenDagen=30');
    assert.equal(r.status, 200, show(r));
    const byId = new Map(r.json.vacatures.map((v) => [v.zetel.id, v]));
    assert.equal(byId.get(open.id)?.status, 'open');
    assert.equal(byId.get(ended.id)?.status, 'open');
    assert.equal(byId.get(soon.id)?.status, 'binnenkort');
    assert.equal(byId.get(soon.id)?.vrijVanaf, isoDate(21));
    assert.ok(!byId.has(later.id), 'a seat ending in 200 days is not within 30');
    const wide = await stk('/vacatures?binnenDagen=365');
    assert.ok(wide.json.vacatures.some((v) => v.zetel.id === later.id));
    assertProblem(await stk('/vacatures?binnenDagen=-1'), 400, { invalidParams: ['binnenDagen'] });
    // the seed's vacancies are there too
    assert.ok(r.json.vacatures.some((v) => v.zetel.toelichting === 'komt niet terug – moet vervanger voor komen'));
  });

  test('seats by person, by organisation, vacant only', async () => {
    const o = await createOrganisation();
    const body = await createBody();
    const p = await createPerson({ organisatieId: o.id });
    const s = await createSeat({ gremiumId: body.id, personen: [p.id], organisatieIds: [o.id] });
    const byPerson = await stk(`/zetels?persoonId=${p.id}`);
    assert.deepEqual(byPerson.json.zetels.map((x) => x.id), [s.id]);
    const byOrg = await stk(`/zetels?organisatieId=${o.id}`);
    assert.deepEqual(byOrg.json.zetels.map((x) => x.id), [s.id]);
    const vacant = await stk(`/zetels?gremiumId=${body.id}&vacature=true`);
    assert.deepEqual(vacant.json.zetels, []);
  });
});

describe('AVG/GDPR', () => {
  test('export: everything held about a person, as JSON', async () => {
    const o = await createOrganisation();
    const p = await createPerson({ organisatieId: o.id, functie: 'Beleidsadviseur', email: 'export@example.nl' });
    const body = await createBody();
    await createSeat({ gremiumId: body.id, personen: [p.id], achterban: 'JGZ' });
    await stk('/betrokkenheden', { method: 'POST', json: { persoonId: p.id, doelType: 'actielijn', doelId: '4', rol: 'adviseur' } });
    const r = await stk(`/personen/${p.id}/export`);
    assert.equal(r.status, 200, show(r));
    assert.match(r.headers.get('content-disposition') ?? '', /attachment/);
    assert.equal(r.json.persoon.naam, p.naam);
    assert.equal(r.json.persoon.email, 'export@example.nl');
    assert.equal(r.json.persoon.organisatieNaam, o.naam);
    assert.equal(r.json.zetels.length, 1);
    assert.equal(r.json.zetels[0].achterban, 'JGZ');
    assert.equal(r.json.betrokkenheden[0].doelId, '4');
    assert.ok(r.json.audit.some((a) => a.objectType === 'persoon' && a.actie === 'aangemaakt'));
  });

  test('erasure: the data is gone (also from the audit trail), the seats are vacancies', async () => {
    const naam = unique('Te Wissen Persoon');
    const email = `wis-${Date.now()}@example.nl`;
    const p = await createPerson({ naam, email, telefoon: '+31 6 1234 5678', functie: 'Adviseur' });
    const other = await createPerson();
    const [b1, b2] = [await createBody(), await createBody()];
    const alone = await createSeat({ gremiumId: b1.id, personen: [p.id], achterban: 'LVB' });
    const shared = await createSeat({ gremiumId: b2.id, personen: [other.id, p.id] });
    await stk('/betrokkenheden', { method: 'POST', json: { persoonId: p.id, doelType: 'project', doelId: 'p-123', rol: 'trekker' } });
    const round = await stk('/achterbanraadplegingen', { method: 'POST', json: { gremiumId: b1.id, sessiedatum: isoDate(-3) } });
    assert.equal(round.status, 201, show(round));
    const input = await stk(`/achterbanraadplegingen/${round.json.id}/inbreng`, { method: 'POST',
      json: { persoonId: p.id, tekst: `Inbreng van ${naam}` } });
    assert.equal(input.status, 201, show(input));
    const ch = await stk(`/personen/${p.id}`, { method: 'PATCH', headers: { 'If-Match': p.etag }, json: { functie: 'Senior adviseur' } });
    assert.equal(ch.status, 200, show(ch));
    assert.ok(Number(sql(`SELECT count(*) FROM audit_log WHERE strpos(coalesce(before::text, '') || coalesce(after::text, ''), '${p.id}') > 0`)) >= 4);

    const r = await stk(`/personen/${p.id}`, { method: 'DELETE' });
    assert.equal(r.status, 204, show(r));
    assertProblem(await stk(`/personen/${p.id}`), 404);

    // the seats: one open, the shared one keeps the other person
    const a = await stk(`/zetels/${alone.id}`);
    assert.equal(a.json.vacature, true);
    assert.deepEqual(a.json.personen, []);
    assert.equal(a.json.achterban, 'LVB');
    assert.notEqual(a.headers.get('etag'), alone.etag, 'the seat changed');
    const s = await stk(`/zetels/${shared.id}`);
    assert.deepEqual(s.json.personen.map((x) => x.id), [other.id]);
    const v = await stk('/vacatures');
    assert.ok(v.json.vacatures.some((x) => x.zetel.id === alone.id && x.status === 'open'));
    const rd = await stk(`/achterbanraadplegingen/${round.json.id}`);
    assert.deepEqual(rd.json.gereageerd, []);

    // the database itself: no row of any table of the schema holds the id, name, e-mail or phone
    const tables = sql("SELECT string_agg(table_name, ' ') FROM information_schema.tables WHERE table_schema = 'stakeholders' AND table_type = 'BASE TABLE'").split(' ');
    assert.ok(tables.includes('audit_log') && tables.includes('people'), tables.join(' '));
    for (const t of tables) {
      for (const secret of [p.id, naam, email, '1234 5678']) {
        const n = sql(`SELECT count(*) FROM ${t} x WHERE strpos(x::text, '${secret}') > 0`);
        assert.equal(n, '0', `${t} still holds ${secret}`);
      }
    }
    // the audit trail keeps that a person was erased, not who
    const last = sql("SELECT json_build_object('actor', actor, 'objectId', object_id, 'voor', before, 'na', after) FROM audit_log WHERE action = 'gewist' ORDER BY id DESC LIMIT 1");
    const row = JSON.parse(last);
    assert.equal(row.objectId, null);
    assert.equal(row.voor, null);
    assert.deepEqual(row.na, { zetelsAangepast: 2 });
    // earlier rows about the seats are still there, scrubbed
    const seatRows = sql(`SELECT count(*) FROM audit_log WHERE object_type = 'zetel' AND object_id = '${alone.id}'`);
    assert.equal(seatRows, '1');
    assert.match(sql(`SELECT after::text FROM audit_log WHERE object_type = 'zetel' AND object_id = '${alone.id}'`), /\[gewist\]/);
  });

  test('erasing an unknown person is a 404', async () => {
    assertProblem(await stk('/personen/00000000-0000-4000-8000-000000000000', { method: 'DELETE' }), 404);
  });
});
