// Contributions service: allocation keys and the split over the 14 municipalities. Properties
// (random amounts and weights): the shares sum exactly to the amount, none is negative, equal
// weights differ by at most one cent; the answer names the key, the weights and the year.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { assertProblem } from './lib/problem.mjs';
import {
  api, budgetLine, create, csv, csvObjects, euroToCents, expectStatus, rng, sharedDir,
} from './lib/contributions.mjs';

const municipalities = readFileSync(path.join(sharedDir, 'data', 'twente-municipalities.csv'), 'utf8')
  .trim().split('\n').slice(1).map((l) => l.split(','))
  .map(([code, name, inhabitants]) => ({ code, name, inhabitants: Number(inhabitants) }))
  .sort((a, b) => a.code.localeCompare(b.code));

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

function checkProperties(body, amount, weights) {
  const shares = body.aandelen.map((a) => a.aandeel);
  assert.equal(body.aandelen.length, 14);
  assert.equal(sum(shares), amount, `shares sum exactly to ${amount}`);
  for (const a of body.aandelen) {
    assert.ok(Number.isInteger(a.aandeel) && a.aandeel >= 0, `no negative share: ${JSON.stringify(a)}`);
    if (weights) assert.equal(a.gewicht, weights[a.gemeente]);
  }
  for (const a of body.aandelen) {
    for (const b of body.aandelen) {
      if (a.gewicht === b.gewicht) assert.ok(Math.abs(a.aandeel - b.aandeel) <= 1, 'equal weights within a cent');
    }
  }
}

test('the seeded per-inhabitant key holds the CBS figures of the shared CSV', async () => {
  const r = expectStatus(await api('/verdelingen?jaar=2024&bedrag=100'), 200);
  assert.equal(r.json.verdeelsleutel.code, 'per-inwoner');
  assert.equal(r.json.verdeelsleutel.grondslag, 'inwoners');
  assert.deepEqual(r.json.aandelen.map((a) => [a.gemeente, a.naam, a.gewicht]),
    municipalities.map((m) => [m.code, m.name, m.inhabitants]));
  const g = expectStatus(await api('/gemeenten'), 200).json.gemeenten;
  assert.equal(g.length, 14);
});

test('an amount is split exactly, naming the key, the weights and the year used', async () => {
  const r = expectStatus(await api('/verdelingen?verdeelsleutel=per-inwoner&jaar=2026&bedrag=123456789'), 200);
  const b = r.json;
  assert.equal(b.jaar, 2026);
  assert.equal(b.gewichtenJaar, 2024, 'the latest weights up to the year');
  assert.equal(b.bedrag, 123456789);
  assert.equal(b.totaalGewicht, sum(municipalities.map((m) => m.inhabitants)));
  assert.match(b.afronding, /laagste CBS-code/);
  checkProperties(b, 123456789, Object.fromEntries(municipalities.map((m) => [m.code, m.inhabitants])));
  // Largest remainder: every share is the floor or the floor plus one cent.
  for (const a of b.aandelen) {
    const floor = Number((123456789n * BigInt(a.gewicht)) / BigInt(b.totaalGewicht));
    assert.ok(a.aandeel === floor || a.aandeel === floor + 1);
  }
});

test('property: random amounts and random weights always split exactly', async () => {
  const key = await create('/verdeelsleutels', { naam: `Zorggebruik test ${Date.now()}`, grondslag: 'zorggebruik' });
  const next = rng(20240611);
  let etag = `"${key.id}-1"`;
  for (let round = 0; round < 25; round++) {
    const year = 2040 + round;
    const weights = {};
    for (const m of municipalities) {
      const kind = next(4);
      weights[m.code] = kind === 0 ? 0 : kind === 1 ? 7 : next(kind === 2 ? 100 : 5000000) + 1;
    }
    const put = await api(`/verdeelsleutels/${key.id}/gewichten/${year}`, {
      method: 'PUT', ifMatch: etag,
      json: { gewichten: Object.entries(weights).map(([gemeente, gewicht]) => ({ gemeente, gewicht })) },
    });
    expectStatus(put, 200);
    etag = put.headers.get('etag');
    for (let k = 0; k < 8; k++) {
      const amount = k === 0 ? next(14) : k === 1 ? 0 : next(2 ** 31) * 1000 + next(1000);
      const r = expectStatus(await api(`/verdelingen?verdeelsleutel=${key.id}&jaar=${year}&bedrag=${amount}`), 200);
      assert.equal(r.json.gewichtenJaar, year);
      checkProperties(r.json, amount, weights);
    }
  }
});

test('equal shares: 14 parts within one cent, the extra cents to the lowest CBS codes', async () => {
  const key = await create('/verdeelsleutels', { naam: `Gelijke delen ${Date.now()}`, grondslag: 'gelijk' });
  const next = rng(7);
  for (let i = 0; i < 30; i++) {
    const amount = next(10 ** 9);
    const r = expectStatus(await api(`/verdelingen?verdeelsleutel=${key.id}&jaar=2030&bedrag=${amount}`), 200);
    checkProperties(r.json, amount);
    const shares = r.json.aandelen.map((a) => a.aandeel);
    assert.deepEqual([...shares].sort((a, b) => b - a), shares, 'extra cents go to the first codes');
  }
  assertProblem(await api(`/verdeelsleutels/${key.id}/gewichten/2030`, {
    method: 'PUT', ifMatch: `"${key.id}-1"`, json: { gewichten: [{ gemeente: 'GM0153', gewicht: 1 }] },
  }), 409);
});

test('a budget line and the structural budget of a year can be split', async () => {
  const line = await create('/begrotingsregels', budgetLine({ jaar: 2070, bedrag: 3333333 }));
  await create('/begrotingsregels', budgetLine({ jaar: 2070, bedrag: 1000001 }));
  await create('/begrotingsregels', budgetLine({ jaar: 2070, aard: 'incidenteel', bedrag: 999 }));
  let r = expectStatus(await api(`/verdelingen?begrotingsregel=${line.id}`), 200);
  assert.equal(r.json.bron.soort, 'begrotingsregel');
  assert.equal(r.json.bron.begrotingsregelId, line.id);
  assert.equal(r.json.jaar, 2070);
  checkProperties(r.json, 3333333);
  r = expectStatus(await api('/verdelingen?jaar=2070&structureel=true'), 200);
  assert.equal(r.json.bron.soort, 'structureleBegroting');
  checkProperties(r.json, 4333334);
});

test('weights: validation, If-Match, unknown municipality, key without weights (409)', async () => {
  const key = await create('/verdeelsleutels', { naam: `Maatwerk ${Date.now()}`, code: `maatwerk-${Date.now()}`, grondslag: 'maatwerk' });
  assertProblem(await api(`/verdelingen?verdeelsleutel=${key.code}&jaar=2025&bedrag=100`), 409);
  assertProblem(await api(`/verdeelsleutels/${key.id}/gewichten/2025`, {
    method: 'PUT', json: { gewichten: [{ gemeente: 'GM0153', gewicht: 1 }] },
  }), 428);
  const bad = await api(`/verdeelsleutels/${key.id}/gewichten/2025`, {
    method: 'PUT', ifMatch: `"${key.id}-1"`,
    json: { gewichten: [{ gemeente: 'XX', gewicht: 1.5 }, { gemeente: 'GM0153', gewicht: -1 }, { gemeente: 'GM0153', gewicht: 2 }] },
  });
  assertProblem(bad, 400);
  assertProblem(await api(`/verdeelsleutels/${key.id}/gewichten/2025`, {
    method: 'PUT', ifMatch: `"${key.id}-1"`, json: { gewichten: [{ gemeente: 'GM9999', gewicht: 3 }] },
  }), 400);
  assertProblem(await api(`/verdeelsleutels/${key.id}/gewichten/2025`, {
    method: 'PUT', ifMatch: `"${key.id}-1"`, json: { gewichten: [{ gemeente: 'GM0153', gewicht: 0 }] },
  }), 400);
  const ok = await api(`/verdeelsleutels/${key.id}/gewichten/2025`, {
    method: 'PUT', ifMatch: `"${key.id}-1"`, json: { gewichten: [{ gemeente: 'GM0153', gewicht: 3 }, { gemeente: 'GM0141', gewicht: 1 }] },
  });
  expectStatus(ok, 200);
  assert.equal(ok.json.totaalGewicht, 4);
  const r = expectStatus(await api(`/verdelingen?verdeelsleutel=${key.id}&jaar=2025&bedrag=101`), 200);
  const by = Object.fromEntries(r.json.aandelen.map((a) => [a.gemeente, a.aandeel]));
  assert.equal(by.GM0153, 76); // 75.75 -> 76 (largest remainder)
  assert.equal(by.GM0141, 25);
  assert.equal(sum(Object.values(by)), 101);
  // Earlier years fall back to the earliest weights, and say so.
  assert.equal((await api(`/verdelingen?verdeelsleutel=${key.id}&jaar=2020&bedrag=5`)).json.gewichtenJaar, 2025);
  const k = expectStatus(await api(`/verdeelsleutels/${key.id}`), 200).json;
  assert.deepEqual(k.jaren, [2025]);
  assertProblem(await api('/verdeelsleutels', { method: 'POST', json: { naam: key.naam, grondslag: 'gelijk' } }), 409);
});

test('allocation input errors are 400 and unknown keys 404', async () => {
  assertProblem(await api('/verdelingen?jaar=2025'), 400);
  assertProblem(await api('/verdelingen?jaar=2025&bedrag=12.50'), 400);
  assertProblem(await api('/verdelingen?jaar=2025&bedrag=-1'), 400);
  assertProblem(await api('/verdelingen?bedrag=100'), 400);
  assertProblem(await api('/verdelingen?jaar=2025&bedrag=1&structureel=true'), 400);
  assertProblem(await api('/verdelingen?verdeelsleutel=bestaat-niet&jaar=2025&bedrag=1'), 404);
  assertProblem(await api('/verdelingen?begrotingsregel=00000000-0000-0000-0000-000000000000'), 404);
});

for (const [formaat, sep, mark, bom] of [[undefined, ';', ',', true], ['rfc4180', ',', '.', false]]) {
  test(`the allocation exports as CSV (${formaat ?? 'nl'}) that parses back to the exact amount`, async () => {
    const q = `/exports/verdeling?jaar=2025&bedrag=98765432${formaat ? `&formaat=${formaat}` : ''}`;
    const r = expectStatus(await csv(q), 200);
    assert.match(r.headers.get('content-type'), /^text\/csv; charset=utf-8/);
    assert.match(r.headers.get('content-disposition'), /attachment; filename="verdeling.csv"/);
    assert.ok(r.text.includes('\r\n'), 'CRLF line ends');
    const { bom: hasBom, header, records } = csvObjects(r.text, sep);
    assert.equal(hasBom, bom);
    assert.deepEqual(header, ['verdeelsleutel', 'grondslag', 'jaar', 'gewichtenJaar', 'gemeente', 'naam', 'gewicht', 'aandeelEuro']);
    assert.equal(records.length, 14);
    assert.equal(sum(records.map((x) => euroToCents(x.aandeelEuro, mark))), 98765432);
    assert.equal(records.find((x) => x.gemeente === 'GM1735').naam, 'Hof van Twente');
  });
}

test('an unknown CSV format is a 400', async () => {
  assertProblem(await api('/exports/verdeling?jaar=2025&bedrag=1&formaat=xlsx'), 400);
});
