// The answer cache of the read queries (series, snapshot, signals): a repeated read is served from
// the cache (X-Cache: hit) with the same body and headers, and every write that changes what the
// queries read (a push, a norm, an indicator, an area, a change by hand in the database) is
// visible on the very next read.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';

import { show } from './lib/http.mjs';
import { createIndicator, csv, editor, mon, pushCsv, reader } from './lib/monitoring.mjs';

// psql as superuser, with the default search path (no monitoring schema): the triggers must work
// for any writer.
function sql(query) {
  return execFileSync('psql', [process.env.JT_DATABASE_URL, '-X', '-A', '-t', '-v',
    'ON_ERROR_STOP=1', '-c', query], { encoding: 'utf8' }).trim();
}

async function read(path) {
  const r = await mon(path, { token: reader() });
  assert.equal(r.status, 200, show(r));
  return r;
}

// A read that must come from the cache: the same body as the read before it.
async function readTwice(path) {
  const first = await read(path);
  const again = await read(path);
  assert.equal(again.headers.get('x-cache'), 'hit', show(again));
  assert.equal(again.text, first.text);
  return again;
}

const values = (r, area) => r.json.reeksen.find((s) => s.gebied === area).waarden
  .map((w) => [w.periode, w.waarde]);

describe('answer cache', () => {
  test('a repeated series read is a hit with the same body and headers', async () => {
    const ind = await createIndicator();
    await pushCsv(csv([[ind, 'GM0153', '2024-Q1', '3'], [ind, 'GM0141', '2024-Q1', '4']]));
    const path = `/indicatoren/${ind}/reeks?vanaf=2024-Q1&tot=2024`;
    const first = await read(path);
    assert.equal(first.headers.get('x-cache'), 'miss');
    const again = await readTwice(path);
    for (const h of ['content-type', 'cache-control', 'api-version']) {
      assert.equal(again.headers.get(h), first.headers.get(h), h);
    }
    assert.equal(again.headers.get('cache-control'), 'no-store');
    assert.equal(again.headers.get('etag'), first.headers.get('etag'));
    // the order of the query parameters does not matter; another area list is another answer
    const swapped = await read(`/indicatoren/${ind}/reeks?tot=2024&vanaf=2024-Q1`);
    assert.equal(swapped.headers.get('x-cache'), 'hit');
    const two = await read(`/indicatoren/${ind}/reeks?vanaf=2024-Q1&tot=2024&gebieden=GM0141,GM0153`);
    assert.deepEqual(two.json.reeksen.map((s) => s.gebied), ['GM0141', 'GM0153']);
    const other = await read(`/indicatoren/${ind}/reeks?vanaf=2024-Q1&tot=2024&gebieden=GM0153,GM0141`);
    assert.deepEqual(other.json.reeksen.map((s) => s.gebied), ['GM0153', 'GM0141']);
    // errors are not cached and stay errors
    for (let i = 0; i < 2; i++) {
      const bad = await mon(`/indicatoren/${ind}/reeks?gebieden=GM9999`, { token: reader() });
      assert.equal(bad.status, 400, show(bad));
      const gone = await mon('/indicatoren/BESTAAT_NIET_CACHE/reeks', { token: reader() });
      assert.equal(gone.status, 404, show(gone));
    }
  });

  test('a push is visible on the next series, snapshot and signals read', async () => {
    const ind = await createIndicator({ actielijnen: [3] });
    await pushCsv(csv([[ind, 'GM0153', '2024-Q1', '3'], [ind, 'GM0141', '2024-Q1', '4']]));
    const series = `/indicatoren/${ind}/reeks?vanaf=2024-Q1&tot=2024`;
    const snap = `/indicatoren/${ind}/momentopname`;
    const signals = `/signalen?indicator=${ind}`;
    await readTwice(series);
    await readTwice(snap);
    assert.deepEqual((await readTwice(signals)).json.signalen, []);
    const p = await pushCsv(csv([[ind, 'GM0153', '2024-Q1', '7'], [ind, 'GM0153', '2024-Q2', '9'],
      [ind, 'GM0153', '2024-Q3', '11'], [ind, 'GM0153', '2024-Q4', '13']]));
    assert.equal(p.status, 201, show(p));
    const s = await read(series);
    assert.deepEqual(values(s, 'GM0153'), [['2024-Q1', 7], ['2024-Q2', 9], ['2024-Q3', 11],
      ['2024-Q4', 13]]);
    assert.deepEqual(values(s, 'TWENTE')[0], ['2024-Q1', 11]); // som: 7 + 4
    const m = await read(snap);
    assert.equal(m.json.periode, '2024-Q4');
    assert.equal(m.json.gemeenten.find((g) => g.code === 'GM0153').waarde, 13);
    // lager_is_beter and three rises in a row: a signal now
    const sig = await read(signals);
    assert.deepEqual(sig.json.signalen.map((x) => [x.gemeente.code, x.soorten]),
      [['GM0153', ['verslechtering']]]);
    await readTwice(series);
  });

  test('norms and indicator definitions are visible on the next read', async () => {
    const ind = await createIndicator();
    await pushCsv(csv([[ind, 'GM0153', '2024-Q1', '6']]));
    const snap = `/indicatoren/${ind}/momentopname`;
    const status = (r) => r.json.gemeenten.find((g) => g.code === 'GM0153').normStatus;
    assert.equal(status(await readTwice(snap)), null);
    const norm = await mon('/normen', { method: 'POST', token: editor(), json: { indicator: ind,
      vergelijking: '<=', waarde: 5, geldigVanaf: '2020-01-01' } });
    assert.equal(norm.status, 201, show(norm));
    assert.equal(status(await read(snap)), 'rood');
    assert.equal(status(await readTwice(snap)), 'rood');
    const put = await mon(`/normen/${norm.json.id}`, { method: 'PUT', token: editor(),
      headers: { 'If-Match': norm.headers.get('etag') }, json: { indicator: ind,
        vergelijking: '<=', waarde: 8, geldigVanaf: '2020-01-01' } });
    assert.equal(put.status, 200, show(put));
    assert.equal(status(await read(snap)), 'groen');
    await readTwice(snap);
    const del = await mon(`/normen/${norm.json.id}`, { method: 'DELETE', token: editor(),
      headers: { 'If-Match': put.headers.get('etag') } });
    assert.equal(del.status, 204, show(del));
    assert.equal(status(await read(snap)), null);
    // the indicator's definition is part of the answers
    const series = `/indicatoren/${ind}/reeks?vanaf=2024-Q1&tot=2024`;
    await readTwice(series);
    const def = await mon(`/indicatoren/${ind}`, { token: reader() });
    const change = await mon(`/indicatoren/${ind}`, { method: 'PUT', token: editor(),
      headers: { 'If-Match': def.headers.get('etag') }, json: { naam: 'Hernoemd', eenheid: 'aantal',
        richting: 'neutraal', bron: 'tmsd', frequentie: 'kwartaal', regionaleWaarde: 'som' } });
    assert.equal(change.status, 200, show(change));
    assert.equal((await read(series)).json.indicator.naam, 'Hernoemd');
    assert.equal((await read(snap)).json.indicator.naam, 'Hernoemd');
  });

  test('changes by hand in the database (any role, any search path) are visible too', async () => {
    const ind = await createIndicator({ regionaleWaarde: 'gewogen_gemiddelde' });
    await pushCsv(csv([[ind, 'GM0153', '2024-Q1', '2']]));
    const series = `/indicatoren/${ind}/reeks?vanaf=2024-Q1&tot=2024&gebieden=GM0153`;
    await readTwice(series);
    const before = Number(sql('SELECT value FROM monitoring.data_generation'));
    sql(`UPDATE monitoring.observation SET value = 5 WHERE period = '2024-Q1' AND indicator_id =
      (SELECT id FROM monitoring.indicator WHERE code = '${ind}')`);
    assert.ok(Number(sql('SELECT value FROM monitoring.data_generation')) > before);
    assert.deepEqual(values(await read(series), 'GM0153'), [['2024-Q1', 5]]);
    // areas (inhabitants weigh the regional mean): a no-op update still moves the generation
    await readTwice(series);
    const g = Number(sql('SELECT value FROM monitoring.data_generation'));
    sql("UPDATE monitoring.area SET inhabitants = inhabitants WHERE code = 'GM0153'");
    assert.ok(Number(sql('SELECT value FROM monitoring.data_generation')) > g);
    const after = await read(series);
    assert.equal(after.headers.get('x-cache'), 'miss');
    // a rolled-back change moves nothing
    await readTwice(series);
    sql(`BEGIN; DELETE FROM monitoring.observation WHERE indicator_id =
      (SELECT id FROM monitoring.indicator WHERE code = '${ind}'); ROLLBACK;`);
    assert.deepEqual(values(await readTwice(series), 'GM0153'), [['2024-Q1', 5]]);
  });
});
