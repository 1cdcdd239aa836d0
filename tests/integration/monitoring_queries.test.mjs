// Monitoring definitions and queries: areas, indicators and norms (roles, If-Match), the regional
// value of each aggregation rule against hand-computed figures, series and snapshot, norm status,
// trend and signals (brandhaarden).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { show } from './lib/http.mjs';
import { createIndicator, csv, editor, mon, pushCsv, reader, token } from './lib/monitoring.mjs';
import { assertProblem } from './lib/problem.mjs';

// Inhabitants from the seed (../shared/data/twente-municipalities.csv).
const INH = { GM0141: 74355, GM0147: 24632, GM0153: 161741 };
const round4 = (x) => Math.round(x * 1e4) / 1e4;

async function snapshot(ind, query = '') {
  const r = await mon(`/indicatoren/${ind}/momentopname${query}`, { token: reader() });
  assert.equal(r.status, 200, show(r));
  return r.json;
}

describe('areas and sources', () => {
  test('the region Twente and its 14 municipalities with CBS codes and inhabitants', async () => {
    const r = await mon('/gebieden?niveau=gemeente&limit=100', { token: reader() });
    assert.equal(r.status, 200, show(r));
    assert.equal(r.json.gebieden.length, 14);
    const enschede = r.json.gebieden.find((g) => g.code === 'GM0153');
    assert.equal(enschede.naam, 'Enschede');
    assert.equal(enschede.inwoners, 161741);
    assert.equal(enschede.bovenliggend, 'TWENTE');
    const twente = await mon('/gebieden/TWENTE', { token: reader() });
    assert.equal(twente.json.niveau, 'regio');
    assert.equal(twente.json.inwoners, r.json.gebieden.reduce((s, g) => s + g.inwoners, 0));
    assertProblem(await mon('/gebieden/GM9999', { token: reader() }), 404);
    const bronnen = await mon('/bronnen', { token: reader() });
    assert.ok(bronnen.json.bronnen.some((b) => b.naam === 'Twentse Monitor Jeugdbeschermingsketen'));
    const seeded = await mon('/indicatoren?bron=jbk&limit=100', { token: reader() });
    assert.ok(seeded.json.indicatoren.some((i) => i.code === 'JB_VOTS'), show(seeded));
  });
});

describe('indicators', () => {
  test('create needs write scope and an editor role; every problem in one 400', async () => {
    const body = { code: 'TEST_ROLLEN', naam: 'x', eenheid: 'aantal', richting: 'neutraal',
      bron: 'tmsd', frequentie: 'jaar', regionaleWaarde: 'som' };
    assertProblem(await mon('/indicatoren', { method: 'POST', json: body,
      token: token({ scope: 'monitoring:read monitoring:write', roles: ['lezer'] }) }), 403);
    assertProblem(await mon('/indicatoren', { method: 'POST', json: body, token: reader() }), 403);
    const r = await mon('/indicatoren', { method: 'POST', token: editor(), json: {
      code: 'lower', naam: '', eenheid: 'liters', richting: 'neutraal', bron: 'tmsd',
      frequentie: 'week', regionaleWaarde: 'som', actielijnen: [6], projecten: ['x'] } });
    assertProblem(r, 400, { invalidParams: ['code', 'naam', 'eenheid', 'frequentie', 'actielijnen',
      'projecten'] });
    const unknown = await mon('/indicatoren', { method: 'POST', token: editor(),
      json: { ...body, code: 'TEST_BRON_ONBEKEND', bron: 'nergens' } });
    assertProblem(unknown, 400, { invalidParams: ['bron'] });
  });

  test('201 with Location and ETag; PUT needs If-Match; duplicate code is a 409', async () => {
    const code = await createIndicator({ projecten: ['6f1c1d1e-1111-4222-8333-944455556666'] });
    const got = await mon(`/indicatoren/${code}`, { token: reader() });
    assert.equal(got.status, 200, show(got));
    assert.deepEqual(got.json.projecten, ['6f1c1d1e-1111-4222-8333-944455556666']);
    const etag = got.headers.get('etag');
    const change = { naam: 'Nieuwe naam', eenheid: 'aantal', richting: 'neutraal', bron: 'jbk',
      frequentie: 'kwartaal', regionaleWaarde: 'som', actielijnen: [5] };
    assertProblem(await mon(`/indicatoren/${code}`, { method: 'PUT', token: editor(), json: change }), 428);
    assertProblem(await mon(`/indicatoren/${code}`, { method: 'PUT', token: editor(), json: change,
      headers: { 'If-Match': '"oud-1"' } }), 412);
    const put = await mon(`/indicatoren/${code}`, { method: 'PUT', token: editor(), json: change,
      headers: { 'If-Match': etag } });
    assert.equal(put.status, 200, show(put));
    assert.equal(put.json.naam, 'Nieuwe naam');
    assert.notEqual(put.headers.get('etag'), etag);
    const dup = await mon('/indicatoren', { method: 'POST', token: editor(), json: { code,
      ...change } });
    assertProblem(dup, 409);
    // the frequency no longer changes once there are observations
    await pushCsv(csv([[code, 'GM0153', '2024-Q1', '1']]));
    const freq = await mon(`/indicatoren/${code}`, { method: 'PUT', token: editor(),
      json: { ...change, frequentie: 'jaar' }, headers: { 'If-Match': put.headers.get('etag') } });
    assertProblem(freq, 409);
  });
});

describe('regional value by rule', () => {
  test('som: the sum of the municipalities', async () => {
    const ind = await createIndicator({ regionaleWaarde: 'som' });
    await pushCsv(csv([[ind, 'GM0141', '2024-Q1', '10'], [ind, 'GM0147', '2024-Q1', '20'],
      [ind, 'GM0153', '2024-Q1', '30.5']]));
    const s = await snapshot(ind);
    assert.equal(s.periode, '2024-Q1');
    assert.equal(s.regio.waarde, 60.5);
    assert.equal(s.regio.berekend, true);
    assert.equal(s.regio.aantalGemeenten, 3);
    assert.equal(s.gemeenten.length, 14);
  });

  test('ratio: summed numerators over summed denominators, times 100 for a percentage', async () => {
    const ind = await createIndicator({ regionaleWaarde: 'ratio', eenheid: 'percentage' });
    await pushCsv(csv([[ind, 'GM0141', '2024-Q1', '10', '10', '100'],
      [ind, 'GM0147', '2024-Q1', '15', '30', '200'], [ind, 'GM0153', '2024-Q1', '10', '5', '50']]));
    const s = await snapshot(ind);
    assert.equal(s.regio.waarde, round4((45 / 350) * 100)); // 12.8571, not the mean 11.67
    const per1000 = await createIndicator({ regionaleWaarde: 'ratio', eenheid: 'per_1000_jeugdigen' });
    await pushCsv(csv([[per1000, 'GM0141', '2024-Q1', '8', '120', '15000'],
      [per1000, 'GM0153', '2024-Q1', '9', '290', '32000']]));
    assert.equal((await snapshot(per1000)).regio.waarde, round4((410 / 47000) * 1000)); // 8.7234
  });

  test('gewogen_gemiddelde: weighted by inhabitants', async () => {
    const ind = await createIndicator({ regionaleWaarde: 'gewogen_gemiddelde', eenheid: 'weken' });
    await pushCsv(csv([[ind, 'GM0141', '2024-Q1', '4'], [ind, 'GM0147', '2024-Q1', '8'],
      [ind, 'GM0153', '2024-Q1', '6']]));
    const expected = round4((4 * INH.GM0141 + 8 * INH.GM0147 + 6 * INH.GM0153)
      / (INH.GM0141 + INH.GM0147 + INH.GM0153)); // 1464922 / 260728 = 5.6186
    assert.equal(expected, 5.6186);
    assert.equal((await snapshot(ind)).regio.waarde, expected);
  });

  test('niet_aggregeerbaar: no computed value; the region\'s own observation when pushed', async () => {
    const ind = await createIndicator({ regionaleWaarde: 'niet_aggregeerbaar', eenheid: 'weken' });
    await pushCsv(csv([[ind, 'GM0141', '2024-Q1', '4'], [ind, 'GM0153', '2024-Q1', '6']]));
    const before = await snapshot(ind);
    assert.equal(before.regio.waarde, null);
    await pushCsv(csv([[ind, 'TWENTE', '2024-Q1', '5.5']]));
    const after = await snapshot(ind);
    assert.equal(after.regio.waarde, 5.5);
    assert.equal(after.regio.berekend, false);
  });

  test('series: 15 areas over a period range, region computed per period', async () => {
    const ind = await createIndicator({ regionaleWaarde: 'som' });
    const rows = [];
    for (const q of ['2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3']) {
      rows.push([ind, 'GM0141', q, '1'], [ind, 'GM0153', q, '2']);
    }
    await pushCsv(csv(rows));
    const r = await mon(`/indicatoren/${ind}/reeks?vanaf=2024-Q1&tot=2024`, { token: reader() });
    assert.equal(r.status, 200, show(r));
    assert.deepEqual(r.json.perioden, ['2024-Q1', '2024-Q2', '2024-Q3']);
    assert.equal(r.json.reeksen.length, 15);
    assert.equal(r.json.reeksen[0].gebied, 'TWENTE');
    assert.deepEqual(r.json.reeksen[0].waarden.map((w) => [w.periode, w.waarde, w.berekend]),
      [['2024-Q1', 3, true], ['2024-Q2', 3, true], ['2024-Q3', 3, true]]);
    const two = await mon(`/indicatoren/${ind}/reeks?gebieden=GM0153,GM0141`, { token: reader() });
    assert.deepEqual(two.json.reeksen.map((s) => [s.gebied, s.waarden.length]), [['GM0153', 4], ['GM0141', 4]]);
    assertProblem(await mon(`/indicatoren/${ind}/reeks?gebieden=GM0153,GM9999`, { token: reader() }), 400,
      { invalidParams: ['gebieden'] });
    assertProblem(await mon(`/indicatoren/${ind}/reeks?vanaf=gisteren`, { token: reader() }), 400,
      { invalidParams: ['vanaf'] });
    assertProblem(await mon('/indicatoren/BESTAAT_NIET/reeks', { token: reader() }), 404);
  });
});

describe('norms, status and signals', () => {
  test('norm status groen/oranje/rood, a municipality\'s own norm first, trend', async () => {
    const ind = await createIndicator({ regionaleWaarde: 'gewogen_gemiddelde', eenheid: 'weken' });
    const norm = await mon('/normen', { method: 'POST', token: editor(), json: { indicator: ind,
      gebied: null, vergelijking: '<=', waarde: 5, marge: 1, geldigVanaf: '2020-01-01' } });
    assert.equal(norm.status, 201, show(norm));
    const own = await mon('/normen', { method: 'POST', token: editor(), json: { indicator: ind,
      gebied: 'GM0147', vergelijking: '<=', waarde: 9, geldigVanaf: '2020-01-01',
      toelichting: 'eigen norm' } });
    assert.equal(own.status, 201, show(own));
    await pushCsv(csv([[ind, 'GM0141', '2024-Q1', '4'], [ind, 'GM0147', '2024-Q1', '8'],
      [ind, 'GM0153', '2024-Q1', '6'], [ind, 'GM0158', '2024-Q1', '7.5'],
      [ind, 'GM0141', '2023-Q4', '5'], [ind, 'GM0141', '2023-Q3', '6']]));
    const s = await snapshot(ind, '?trendPerioden=2');
    const by = Object.fromEntries(s.gemeenten.map((g) => [g.code, g]));
    assert.equal(by.GM0141.normStatus, 'groen');
    assert.equal(by.GM0153.normStatus, 'oranje'); // misses 5 by 1, within the margin
    assert.equal(by.GM0158.normStatus, 'rood');
    assert.equal(by.GM0147.normStatus, 'groen'); // its own norm of 9
    assert.equal(by.GM0147.norm.id, own.json.id);
    assert.equal(by.GM0164.waarde, null);
    assert.deepEqual(by.GM0141.trend, { perioden: 2, waarden: [6, 5, 4], verschil: -2,
      richting: 'dalend', oordeel: 'beter' });
    assert.equal(s.regio.norm.id, norm.json.id);
    // norms: read, replace with If-Match, delete
    const got = await mon(`/normen/${norm.json.id}`, { token: reader() });
    assert.equal(got.json.vergelijking, '<=');
    const put = await mon(`/normen/${norm.json.id}`, { method: 'PUT', token: editor(),
      headers: { 'If-Match': got.headers.get('etag') }, json: { indicator: ind, vergelijking: '<',
        waarde: 4.5, marge: null, geldigVanaf: '2020-01-01' } });
    assert.equal(put.status, 200, show(put));
    assertProblem(await mon(`/normen/${norm.json.id}`, { method: 'DELETE', token: editor() }), 428);
    const del = await mon(`/normen/${norm.json.id}`, { method: 'DELETE', token: editor(),
      headers: { 'If-Match': put.headers.get('etag') } });
    assert.equal(del.status, 204, show(del));
    assertProblem(await mon(`/normen/${norm.json.id}`, { token: reader() }), 404);
    const bad = await mon('/normen', { method: 'POST', token: editor(), json: { indicator: 'NIET_DAAR',
      gebied: 'GM9999', vergelijking: '=', waarde: 'x', geldigVanaf: '2020-13-01' } });
    assertProblem(bad, 400, { invalidParams: ['vergelijking', 'waarde', 'geldigVanaf'] });
  });

  test('signals: a breached norm, and a worsening N periods in a row, with action lines', async () => {
    const ind = await createIndicator({ regionaleWaarde: 'som', actielijnen: [2, 4] });
    await mon('/normen', { method: 'POST', token: editor(), json: { indicator: ind,
      vergelijking: '<=', waarde: 10, geldigVanaf: '2020-01-01' } });
    await pushCsv(csv([
      [ind, 'GM0141', '2024-Q1', '12'], // breach
      [ind, 'GM0153', '2023-Q2', '1'], [ind, 'GM0153', '2023-Q3', '2'], [ind, 'GM0153', '2023-Q4', '3'],
      [ind, 'GM0153', '2024-Q1', '4'], // worse three periods in a row (lower is better)
      [ind, 'GM0147', '2023-Q4', '5'], [ind, 'GM0147', '2024-Q1', '4'], // fine
    ]));
    const r = await mon(`/signalen?indicator=${ind}&perioden=3`, { token: reader() });
    assert.equal(r.status, 200, show(r));
    const got = r.json.signalen.map((s) => [s.gemeente.code, s.soorten, s.normStatus]);
    assert.deepEqual(got, [['GM0141', ['norm'], 'rood'], ['GM0153', ['verslechtering'], 'groen']]);
    assert.deepEqual(r.json.signalen[0].actielijnen, [2, 4]);
    assert.deepEqual(r.json.signalen[1].reeks.map((x) => x.waarde), [1, 2, 3, 4]);
    const onlyNorm = await mon(`/signalen?indicator=${ind}&soort=norm`, { token: reader() });
    assert.deepEqual(onlyNorm.json.signalen.map((s) => s.gemeente.code), ['GM0141']);
    const four = await mon(`/signalen?indicator=${ind}&perioden=4&soort=verslechtering`, { token: reader() });
    assert.deepEqual(four.json.signalen, []);
    const byLine = await mon(`/signalen?actielijn=2&gemeente=GM0141`, { token: reader() });
    assert.ok(byLine.json.signalen.some((s) => s.indicator.code === ind));
    assertProblem(await mon('/signalen?perioden=0&soort=x', { token: reader() }), 400,
      { invalidParams: ['perioden', 'soort'] });
  });
});
