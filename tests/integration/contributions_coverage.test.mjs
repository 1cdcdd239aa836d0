// Contributions service: the coverage overview over several years in one request, the municipal
// statement (JSON and CSV), the budget and contribution exports (CSV parsed back), contribution
// validation and warnings.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertProblem } from './lib/problem.mjs';
import {
  api, budgetLine, create, csv, csvObjects, euroToCents, expectStatus,
} from './lib/contributions.mjs';

const Y = 2090; // years of this file: 2090-2093, nobody else uses them

test('coverage per year and scope: budgeted, pledged, realised, spent and the gap', async () => {
  const s = await create('/begrotingsregels', budgetLine({ jaar: Y, bedrag: 40000000 }));
  await create('/begrotingsregels', budgetLine({ jaar: Y, scope: 'actielijn', actielijn: 2, aard: 'incidenteel', bedrag: 15000000 }));
  await create('/begrotingsregels', budgetLine({ jaar: Y + 2, scope: 'actielijn', actielijn: 2, aard: 'incidenteel', bedrag: 7000000 }));
  await create(`/begrotingsregels/${s.id}/uitgaven`, { datum: `${Y}-06-30`, bedrag: 1234567, omschrijving: 'Q2' });
  await create('/bijdragen', { gemeente: 'GM0141', scope: 'programma', jaar: Y, soort: 'geld', bedrag: 30000000, status: 'toegezegd' });
  await create('/bijdragen', { gemeente: 'GM0141', scope: 'programma', jaar: Y, soort: 'geld', bedrag: 10000000, status: 'gerealiseerd' });
  await create('/bijdragen', { organisatie: 'kennispunt-twente', scope: 'actielijn', actielijn: 2, jaar: Y, soort: 'menskracht', uren: 100, uurtarief: 9000, status: 'toegezegd' });
  const r = expectStatus(await api(`/dekking?vanJaar=${Y}&totJaar=${Y + 3}`), 200);
  const years = r.json.jaren;
  assert.deepEqual(years.map((y) => y.jaar), [Y, Y + 1, Y + 2, Y + 3], 'a multi-year range in one request');
  const t = years[0].totaal;
  assert.deepEqual(t.begroot, { structureel: 40000000, incidenteel: 15000000, totaal: 55000000 });
  assert.equal(t.toegezegd, 30900000); // money plus 100 hours at 90 euros
  assert.equal(t.gerealiseerd, 10000000);
  assert.equal(t.urenToegezegd, 100);
  assert.equal(t.uitgegeven, 1234567);
  assert.equal(t.tekort, 55000000 - 30900000);
  const programme = years[0].scopes.find((x) => x.scope === 'programma');
  assert.equal(programme.bedragen.tekort, 10000000);
  const line2 = years[0].scopes.find((x) => x.scope === 'actielijn' && x.actielijn === 2);
  assert.equal(line2.bedragen.toegezegd, 900000);
  assert.equal(years[1].scopes.length, 0);
  assert.equal(years[2].totaal.begroot.incidenteel, 7000000);
  const only2 = expectStatus(await api(`/dekking?vanJaar=${Y}&totJaar=${Y}&scope=actielijn&actielijn=2`), 200).json;
  assert.equal(only2.jaren[0].totaal.begroot.totaal, 15000000);
  assertProblem(await api(`/dekking?vanJaar=${Y + 1}&totJaar=${Y}`), 400);
  assertProblem(await api('/dekking'), 400);
});

test('contributions: money or hours, validation with every problem', async () => {
  let r = await api('/bijdragen', { method: 'POST', json: { scope: 'programma', jaar: Y, soort: 'geld', status: 'toegezegd', uren: 3 } });
  assertProblem(r, 400);
  assert.deepEqual(r.json.invalidParams.map((p) => p.name).sort(), ['bedrag', 'organisatie', 'uren']);
  r = await api('/bijdragen', { method: 'POST', json: { gemeente: 'GM0141', scope: 'programma', jaar: Y, soort: 'menskracht', bedrag: 5, status: 'x' } });
  assertProblem(r, 400);
  assert.deepEqual(r.json.invalidParams.map((p) => p.name).sort(), ['bedrag', 'status', 'uren']);
  r = await api('/bijdragen', { method: 'POST', json: { gemeente: 'GM9999', scope: 'programma', jaar: Y, soort: 'geld', bedrag: 5, status: 'toegezegd' } });
  assertProblem(r, 400);
  const c = await create('/bijdragen', { organisatie: 'accare', scope: 'actielijn', actielijn: 1, jaar: Y, soort: 'menskracht', uren: 40, status: 'toegezegd' });
  assert.equal(c.waarde, 0, 'unvalued hours');
  r = await api(`/bijdragen/${c.id}`, { method: 'PATCH', json: { uren: 10 }, ifMatch: `"${c.id}-1"` });
  assertProblem(r, 400, { invalidParams: [{ name: 'soort', code: 'required' }] });
  r = await api(`/bijdragen/${c.id}`, { method: 'PATCH', json: { soort: 'menskracht', uren: 50, uurtarief: 10000 }, ifMatch: `"${c.id}-1"` });
  expectStatus(r, 200);
  assert.equal(r.json.waarde, 500000);
});

test('realised above pledged is accepted with a warning', async () => {
  const base = { organisatie: 'provincie-overijssel', scope: 'actielijn', actielijn: 5, jaar: Y + 1, soort: 'geld' };
  const p = await create('/bijdragen', { ...base, bedrag: 1000, status: 'toegezegd' });
  assert.deepEqual(p.waarschuwingen, []);
  const ok = await create('/bijdragen', { ...base, bedrag: 1000, status: 'gerealiseerd' });
  assert.deepEqual(ok.waarschuwingen, []);
  const over = await create('/bijdragen', { ...base, bedrag: 1, status: 'gerealiseerd' });
  assert.equal(over.waarschuwingen.length, 1);
  assert.equal(over.waarschuwingen[0].toegezegd, 1000);
  assert.equal(over.waarschuwingen[0].gerealiseerd, 1001);
});

test('the municipal statement: share under a key, contributions, the previous year', async () => {
  const Z = Y + 3;
  await create('/begrotingsregels', budgetLine({ jaar: Z - 1, bedrag: 64054000 }));
  await create('/begrotingsregels', budgetLine({ jaar: Z, bedrag: 70000000 }));
  await create('/bijdragen', { gemeente: 'GM0153', scope: 'programma', jaar: Z, soort: 'geld', bedrag: 17000000, status: 'toegezegd', toelichting: 'Raadsbesluit; "structureel"' });
  await create('/bijdragen', { gemeente: 'GM0153', scope: 'programma', jaar: Z - 1, soort: 'geld', bedrag: 16000000, status: 'toegezegd' });
  const s = expectStatus(await api(`/gemeenten/GM0153/jaaroverzichten/${Z}`), 200).json;
  assert.equal(s.gemeente.naam, 'Enschede');
  assert.equal(s.verdeelsleutel.code, 'per-inwoner');
  assert.equal(s.verdeelsleutel.gewicht, 161741);
  assert.equal(s.verdeelsleutel.gewichtenJaar, 2024);
  const alloc = expectStatus(await api(`/verdelingen?jaar=${Z}&structureel=true`), 200).json;
  const share = alloc.aandelen.find((a) => a.gemeente === 'GM0153').aandeel;
  assert.equal(s.structureleBegroting.totaal, 70000000);
  assert.equal(s.structureleBegroting.aandeel, share);
  assert.equal(s.totalen.toegezegd, 17000000);
  assert.equal(s.vorigJaar.jaar, Z - 1);
  assert.equal(s.vorigJaar.totalen.toegezegd, 16000000);
  assert.equal(s.verschil.toegezegd, 1000000);
  assert.equal(s.verschil.aandeel, share - s.vorigJaar.structureleBegroting.aandeel);
  assert.equal(s.bijdragen.length, 1);
  assertProblem(await api(`/gemeenten/GM9999/jaaroverzichten/${Z}`), 404);
  assertProblem(await api(`/gemeenten/enschede/jaaroverzichten/${Z}`), 404);

  for (const [formaat, sep, mark] of [['nl', ';', ','], ['rfc4180', ',', '.']]) {
    const r = expectStatus(await csv(`/exports/jaaroverzicht?gemeente=GM0153&jaar=${Z}&formaat=${formaat}`), 200);
    const { records } = csvObjects(r.text, sep);
    const share = records.find((x) => x.onderdeel === 'aandeel');
    assert.equal(euroToCents(share.bedragEuro, mark), s.structureleBegroting.aandeel);
    assert.equal(euroToCents(share.vorigJaarEuro, mark), s.vorigJaar.structureleBegroting.aandeel);
    assert.equal(share.verdeelsleutel, 'Per inwoner');
    const pledged = records.find((x) => x.onderdeel === 'toegezegd');
    assert.equal(euroToCents(pledged.verschilEuro, mark), 1000000);
    const row = records.find((x) => x.onderdeel === 'bijdrage');
    assert.match(row.omschrijving, /Raadsbesluit; "structureel"/, 'quotes and separators survive');
  }
});

test('the budget and contributions export as CSV that parses back', async () => {
  const line = await create('/begrotingsregels', budgetLine({ jaar: Y + 2, omschrijving: 'Regel met ; en , en "aanhalingstekens"\nen een tweede regel', bedrag: 123456789 }));
  for (const [formaat, sep, mark, bom] of [[undefined, ';', ',', true], ['rfc4180', ',', '.', false]]) {
    const q = formaat ? `&formaat=${formaat}` : '';
    const r = expectStatus(await csv(`/exports/begroting?vanJaar=${Y}&totJaar=${Y + 3}${q}`), 200);
    assert.match(r.headers.get('content-type'), /^text\/csv; charset=utf-8/);
    const { bom: hasBom, records } = csvObjects(r.text, sep);
    assert.equal(hasBom, bom);
    const rec = records.find((x) => x.id === line.id);
    assert.equal(rec.omschrijving, line.omschrijving);
    assert.equal(euroToCents(rec.bedragEuro, mark), 123456789);
    assert.equal(rec.jaar, String(Y + 2));
    const c = expectStatus(await csv(`/exports/bijdragen?jaar=${Y}${q}`), 200);
    const rows = csvObjects(c.text, sep).records;
    const hours = rows.find((x) => x.organisatie === 'kennispunt-twente');
    assert.equal(hours.uren, '100');
    assert.equal(euroToCents(hours.waardeEuro, mark), 900000);
    assert.ok(rows.some((x) => x.gemeentenaam === 'Almelo'));
  }
});
