// Contributions service: the response caches of the coverage overview and of the allocation
// weights (migration 0003, issue 5 "Speed"). A repeated read is served from the cache (X-Cache:
// hit) with the same body; every write that changes what it shows (through the API, or by hand
// in the database with any search path) is visible on the very next read.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';

import { api, budgetLine, create, expectStatus, show } from './lib/contributions.mjs';

const Y = 2095; // years of this file: 2095-2096, nobody else uses them

// psql as superuser, with the default search path (no contributions schema).
function sql(query) {
  return execFileSync('psql', [process.env.JT_DATABASE_URL, '-X', '-A', '-t', '-v',
    'ON_ERROR_STOP=1', '-c', query], { encoding: 'utf8' }).trim();
}

// A read that must come from the cache: the same body as the read before it. Other test files
// write at the same time (each write starts a new generation), so a few attempts.
async function readTwice(path) {
  for (let attempt = 1; ; attempt++) {
    const first = expectStatus(await api(path), 200);
    const again = expectStatus(await api(path), 200);
    if (again.headers.get('x-cache') === 'hit' || attempt === 10) {
      assert.equal(again.headers.get('x-cache'), 'hit', show(again));
      assert.equal(again.text, first.text);
      return again;
    }
  }
}

async function readFresh(path) {
  const r = expectStatus(await api(path), 200);
  assert.equal(r.headers.get('x-cache'), 'miss', show(r));
  return r;
}

const coverage = `/dekking?vanJaar=${Y}&totJaar=${Y + 1}`;
const total = (r) => r.json.jaren[0].totaal;

test('coverage: a cached overview shows every write on the next read', async () => {
  let r = await readTwice(coverage);
  const before = total(r);

  const line = await create('/begrotingsregels', budgetLine({ jaar: Y, bedrag: 500000 }));
  r = await readFresh(coverage);
  assert.equal(total(r).begroot.structureel, before.begroot.structureel + 500000);

  await readTwice(coverage);
  const c = await create('/bijdragen', { gemeente: 'GM0153', scope: 'programma', jaar: Y, soort: 'geld', bedrag: 1234, status: 'toegezegd' });
  r = await readFresh(coverage);
  assert.equal(total(r).toegezegd, before.toegezegd + 1234);

  await create(`/begrotingsregels/${line.id}/uitgaven`, { datum: `${Y}-03-01`, bedrag: 777, omschrijving: 'cache' });
  r = await readFresh(coverage);
  assert.equal(total(r).uitgegeven, before.uitgegeven + 777);

  await readTwice(coverage);
  expectStatus(await api(`/bijdragen/${c.id}`, { method: 'DELETE' }), 204);
  r = await readFresh(coverage);
  assert.equal(total(r).toegezegd, before.toegezegd);

  // By hand in the database, without the service's search path.
  await readTwice(coverage);
  sql(`UPDATE contributions.budget_lines SET amount_cents = amount_cents + 1 WHERE id = '${line.id}'`);
  r = await readFresh(coverage);
  assert.equal(total(r).begroot.structureel, before.begroot.structureel + 500001);
});

test('coverage: other filters are other cache entries', async () => {
  await create('/begrotingsregels', budgetLine({ jaar: Y + 1, scope: 'actielijn', actielijn: 4, aard: 'incidenteel', bedrag: 4400 }));
  const all = await readTwice(`/dekking?vanJaar=${Y + 1}&totJaar=${Y + 1}`);
  const fourPath = `/dekking?vanJaar=${Y + 1}&totJaar=${Y + 1}&scope=actielijn&actielijn=4`;
  const four = await readTwice(fourPath);
  assert.equal(four.json.jaren[0].totaal.begroot.incidenteel, 4400);
  assert.ok(all.json.jaren[0].totaal.begroot.totaal >= 4400);
  // The order of the query parameters does not matter (retried: other files write meanwhile).
  for (let attempt = 1; ; attempt++) {
    const first = await readTwice(fourPath);
    const swapped = expectStatus(await api(`/dekking?actielijn=4&scope=actielijn&totJaar=${Y + 1}&vanJaar=${Y + 1}`), 200);
    if (swapped.headers.get('x-cache') === 'hit' || attempt === 10) {
      assert.equal(swapped.headers.get('x-cache'), 'hit', show(swapped));
      assert.equal(swapped.text, first.text);
      break;
    }
  }
});

test('allocation: cached weights follow changes of the weights, the key and the municipalities', async () => {
  const key = await create('/verdeelsleutels', { naam: `Cache ${Date.now()}`, code: `cache-${Date.now()}`, grondslag: 'maatwerk' });
  let put = await api(`/verdeelsleutels/${key.id}/gewichten/${Y}`, {
    method: 'PUT', ifMatch: `"${key.id}-1"`, json: { gewichten: [{ gemeente: 'GM0153', gewicht: 3 }, { gemeente: 'GM0141', gewicht: 1 }] },
  });
  expectStatus(put, 200);
  const path = (amount) => `/verdelingen?verdeelsleutel=${key.code}&jaar=${Y}&bedrag=${amount}`;
  const share = (r, code) => r.json.aandelen.find((a) => a.gemeente === code);

  await readTwice(path(400));
  // Cached weights, another amount: still split exactly.
  let r = expectStatus(await api(path(101)), 200);
  assert.equal(r.headers.get('x-cache'), 'hit');
  assert.equal(share(r, 'GM0153').aandeel, 76);
  assert.equal(share(r, 'GM0141').aandeel, 25);

  put = await api(`/verdeelsleutels/${key.id}/gewichten/${Y}`, {
    method: 'PUT', ifMatch: put.headers.get('etag'), json: { gewichten: [{ gemeente: 'GM0153', gewicht: 1 }, { gemeente: 'GM0141', gewicht: 1 }] },
  });
  expectStatus(put, 200);
  r = await readFresh(path(400));
  assert.equal(share(r, 'GM0153').aandeel, 200);
  assert.equal(r.json.totaalGewicht, 2);

  await readTwice(path(400));
  const patched = await api(`/verdeelsleutels/${key.id}`, { method: 'PATCH', ifMatch: put.headers.get('etag'), json: { naam: `${key.naam} (nieuw)` } });
  expectStatus(patched, 200);
  r = await readFresh(path(400));
  assert.equal(r.json.verdeelsleutel.naam, `${key.naam} (nieuw)`);

  // By hand in the database: a weight, then a municipality's name (restored afterwards).
  await readTwice(path(400));
  sql(`UPDATE contributions.allocation_weights SET weight = 3 WHERE key_id = '${key.id}' AND municipality = 'GM0141'`);
  r = await readFresh(path(400));
  assert.equal(share(r, 'GM0141').aandeel, 300);
  // Any change of the municipalities starts a new generation (not their names here: other test
  // files read them at the same time).
  await readTwice(path(400));
  sql("UPDATE contributions.municipalities SET note = note WHERE code = 'GM0141'");
  await readFresh(path(400));
});

test('allocation: the answer is valid JSON whatever the names hold', async () => {
  const naam = `Sleutel "met" \\ tekens\t${Date.now()} é`;
  const key = await create('/verdeelsleutels', { naam, grondslag: 'gelijk' });
  const r = await readTwice(`/verdelingen?verdeelsleutel=${key.id}&jaar=${Y}&bedrag=15`);
  assert.equal(r.json.verdeelsleutel.naam, naam);
  assert.equal(r.json.aandelen.reduce((s, a) => s + a.aandeel, 0), 15);
  assert.equal(r.json.totaalGewicht, 14);
});
