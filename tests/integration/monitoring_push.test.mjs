// The monitoring push (POST /importen): every kind of bad row, atomic versus partial mode, dry
// run, Idempotency-Key, duplicate keys, BOM and both separators, JSON, history of a changed value,
// batches and their rejected rows, scopes, the body limit, an export -> push round trip, and bodies
// that arrive in pieces (chunked, split anywhere, abandoned half-way).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, test } from 'node:test';

import { cfg } from './lib/env.mjs';
import { call, show, sleep } from './lib/http.mjs';
import {
  createIndicator, csv, editor, kennispunt, mon, monUrl, observations, pushCsv, pushJson, reader,
  summary, token,
} from './lib/monitoring.mjs';
import { assertProblem } from './lib/problem.mjs';

const ENSCHEDE = 'GM0153';
const ALMELO = 'GM0141';
const BORNE = 'GM0147';

describe('atomic, partial and dry run', () => {
  test('atomic (default): one bad row and nothing is written; 400 with the summary', async () => {
    const ind = await createIndicator();
    const r = await pushCsv(csv([[ind, ENSCHEDE, '2024-Q1', '5'], [ind, ALMELO, '2024-Q1', 'vijf']]));
    const p = assertProblem(r, 400);
    const s = p.samenvatting;
    assert.equal(s.status, 'afgewezen');
    assert.equal(s.modus, 'atomisch');
    assert.deepEqual(s.aantallen, { rijen: 2, aangemaakt: 0, bijgewerkt: 0, ongewijzigd: 0,
      afgewezen: 1, nietVerwerkt: 1 });
    assert.deepEqual(s.afwijzingen.map((a) => [a.rij, a.regel, a.veld, a.code]),
      [[2, 3, 'waarde', 'type']]);
    assert.deepEqual(await observations(ind), []);
    // the rejected push is a batch too, with its rejected rows
    const batch = await mon(`/importen/${s.import}`, { token: reader() });
    assert.equal(batch.status, 200, show(batch));
    assert.equal(batch.json.status, 'afgewezen');
    assert.equal(batch.json.formaat, 'csv');
    assert.equal(batch.json.clientId, 'kennispunt');
    const rej = await mon(`/importen/${s.import}/afwijzingen`, { token: reader() });
    assert.equal(rej.status, 200, show(rej));
    assert.deepEqual(rej.json.afwijzingen.map((a) => [a.rij, a.veld]), [[2, 'waarde']]);
  });

  test('modus=gedeeltelijk writes the valid rows and reports the rest', async () => {
    const ind = await createIndicator();
    const r = await pushCsv(csv([[ind, ENSCHEDE, '2024-Q1', '5'], [ind, ALMELO, '2024-Q1', 'x'],
      [ind, BORNE, '2024-Q1', '7', '', '', 'voorlopig']]), { query: '?modus=gedeeltelijk' });
    assert.equal(r.status, 201, show(r));
    assert.equal(r.json.status, 'gedeeltelijk');
    assert.deepEqual(r.json.aantallen, { rijen: 3, aangemaakt: 2, bijgewerkt: 0, ongewijzigd: 0,
      afgewezen: 1, nietVerwerkt: 0 });
    assert.ok(r.headers.get('location')?.endsWith(`/importen/${r.json.import}`));
    const obs = await observations(ind);
    assert.deepEqual(obs.map((o) => [o.gebied, o.waarde, o.status]).sort(),
      [[BORNE, 7, 'voorlopig'], [ENSCHEDE, 5, 'definitief']]);
    assert.ok(obs.every((o) => o.import === r.json.import));
  });

  test('dryRun=true validates and classifies but writes nothing', async () => {
    const ind = await createIndicator();
    await pushCsv(csv([[ind, ENSCHEDE, '2024-Q1', '5']]));
    const before = await mon('/importen?limit=1', { token: reader() });
    const r = await pushCsv(csv([[ind, ENSCHEDE, '2024-Q1', '6'], [ind, ALMELO, '2024-Q1', '1']]),
      { query: '?dryRun=true' });
    assert.equal(r.status, 200, show(r));
    assert.equal(r.json.dryRun, true);
    assert.equal(r.json.import, null);
    assert.deepEqual(r.json.aantallen, { rijen: 2, aangemaakt: 1, bijgewerkt: 1, ongewijzigd: 0,
      afgewezen: 0, nietVerwerkt: 0 });
    const obs = await observations(ind);
    assert.deepEqual(obs.map((o) => [o.gebied, o.waarde]), [[ENSCHEDE, 5]]);
    const after = await mon('/importen?limit=1', { token: reader() });
    assert.equal(after.json.importen[0].id, before.json.importen[0].id, 'no batch recorded');
    // a dry run with bad rows in atomic mode reports what would be rejected
    const bad = await pushCsv(csv([[ind, ENSCHEDE, '2024', '6']]), { query: '?dryRun=true' });
    assert.equal(bad.status, 200, show(bad));
    assert.equal(bad.json.status, 'afgewezen');
    assert.equal(bad.json.afwijzingen[0].veld, 'periode');
  });

  test('bad options are one 400 listing every problem', async () => {
    const r = await pushCsv('', { query: '?dryRun=misschien&modus=half',
      headers: { 'Idempotency-Key': ' ' } });
    assertProblem(r, 400, { invalidParams: ['dryRun', 'modus', 'Idempotency-Key', 'body'] });
  });
});

describe('every kind of bad row', () => {
  test('CSV rows: each rejected with row, line, field and reason', async () => {
    const ind = await createIndicator();
    const ratio = await createIndicator({ eenheid: 'percentage', regionaleWaarde: 'ratio' });
    const text = csv([
      ['ONBEKEND_X', ENSCHEDE, '2024-Q1', '1'], // 1 unknown indicator
      [ind, 'GM9999', '2024-Q1', '1'], // 2 unknown area
      [ind, ENSCHEDE, '2024', '1'], // 3 period does not fit the frequency
      [ind, ENSCHEDE, '2024-Q5', '1'], // 4 not a period
      [ind, ENSCHEDE, '2024-Q2', ''], // 5 value missing
      [ind, ENSCHEDE, '2024-Q3', '1,5'], // 6 value not a number (decimal comma)
      [ind, ENSCHEDE, '2024-Q4', '1', 'a', '2'], // 7 numerator not a number
      [ind, ALMELO, '2024-Q1', '1', '3', ''], // 8 numerator without denominator
      [ratio, ENSCHEDE, '2024-Q1', '10'], // 9 ratio indicator without numerator/denominator
      [ratio, ALMELO, '2024-Q1', '10', '1', '0'], // 10 denominator 0
      [ratio, BORNE, '2024-Q1', '10', '-1', '10'], // 11 negative numerator
      [ratio, 'GM0158', '2024-Q1', '10', '20', '10'], // 12 numerator > denominator (percentage)
      [ind, BORNE, '2024-Q1', '1', '', '', 'concept'], // 13 unknown status
      [ind, 'GM0163', '2024-Q1', '1', '', ''], // 14 wrong number of fields
      [ind, 'GM0164', '"2024-Q1', '1', '', '', ''], // 15 unclosed quote
      [ind, '', '2024-Q1', '1'], // 16 area missing
    ]).replace(`${ind};GM0163;2024-Q1;1;;;\n`, `${ind};GM0163;2024-Q1;1;\n`);
    const r = await pushCsv(text, { query: '?modus=gedeeltelijk' });
    assert.equal(r.status, 201, show(r));
    assert.equal(r.json.aantallen.afgewezen, 16);
    assert.equal(r.json.aantallen.aangemaakt, 0);
    const got = r.json.afwijzingen.map((a) => `${a.rij}:${a.veld}:${a.code}`);
    assert.deepEqual(got, [
      '1:indicator:unknown', '2:gebied:unknown', '3:periode:format', '4:periode:format',
      '5:waarde:required', '6:waarde:type', '7:teller:type', '8:noemer:required',
      '9:teller:required', '10:noemer:range', '11:teller:range', '12:teller:range',
      '13:status:enum', '14:regel:format', '15:regel:format', '16:gebied:required',
    ]);
    for (const a of r.json.afwijzingen) {
      assert.equal(a.regel, a.rij + 1, 'the header is line 1');
      assert.ok(a.reden.length > 5, JSON.stringify(a));
    }
  });

  test('invalid UTF-8 and a NUL byte are rejected rows, not a failure', async () => {
    const ind = await createIndicator();
    const head = Buffer.from('indicator;gebied;periode;waarde\n');
    const bad = Buffer.concat([head, Buffer.from(`${ind};GM0153;2024-Q1;1\n`),
      Buffer.from(`${ind};GM01`), Buffer.from([0xc3, 0x28]), Buffer.from(';2024-Q1;1\n'),
      Buffer.from(`${ind};GM0141;2024-Q1;1`), Buffer.from([0]), Buffer.from('\n')]);
    const r = await pushCsv(bad, { query: '?modus=gedeeltelijk' });
    assert.equal(r.status, 201, show(r));
    assert.deepEqual(r.json.afwijzingen.map((a) => [a.rij, a.veld, a.code]),
      [[2, 'gebied', 'encoding'], [3, 'waarde', 'encoding']]);
    assert.equal(r.json.aantallen.aangemaakt, 1);
  });

  test('a CSV header without required columns, or unknown ones, is a 400', async () => {
    const r = await pushCsv('indicator;periode;kleur\nX;2024;rood\n');
    assertProblem(r, 400, { invalidParams: [{ name: 'kopregel', code: 'unknown' },
      { name: 'kopregel', code: 'required' }, { name: 'kopregel', code: 'required' }] });
  });

  test('JSON rows: wrong types and unknown fields are rejected rows', async () => {
    const ind = await createIndicator();
    const r = await pushJson([
      { indicator: ind, gebied: ENSCHEDE, periode: '2024-Q1', waarde: 12.25, status: 'definitief' },
      { indicator: ind, gebied: ALMELO, periode: '2024-Q1', waarde: true },
      { indicator: ind, gebied: BORNE, periode: '2024-Q1', waarde: 1, kleur: 'rood' },
      { indicator: 7, gebied: BORNE, periode: '2024-Q1', waarde: 1 },
      [1, 2],
      { indicator: ind, gebied: 'GM0158', periode: '2024-Q1', waarde: '3.50', teller: null },
    ], { query: '?modus=gedeeltelijk' });
    assert.equal(r.status, 201, show(r));
    assert.equal(r.json.formaat, 'json');
    assert.deepEqual(r.json.afwijzingen.map((a) => [a.rij, a.veld, a.code]),
      [[2, 'waarde', 'type'], [3, 'rij', 'unknown'], [4, 'indicator', 'type'], [5, 'rij', 'type']]);
    const obs = await observations(ind);
    assert.deepEqual(obs.map((o) => [o.gebied, o.waarde]).sort(), [[ENSCHEDE, 12.25], ['GM0158', 3.5]]);
  });

  test('a JSON body of the wrong shape is a 400 with line and column', async () => {
    const r = await mon('/importen', { method: 'POST', token: kennispunt(),
      body: '{"observaties": [\n {"indicator": "X"},\n 42]}', headers: { 'Content-Type': 'application/json' } });
    const p = assertProblem(r, 400);
    assert.match(p.invalidParams[0].reason, /regel 3/);
    assertProblem(await mon('/importen', { method: 'POST', token: kennispunt(), json: { rijen: [] } }), 400);
  });

  test('another content type is a 415', async () => {
    const r = await mon('/importen', { method: 'POST', token: kennispunt(), body: 'x',
      headers: { 'Content-Type': 'text/plain' } });
    assertProblem(r, 415);
  });
});

describe('duplicates, separators, BOM', () => {
  test('the same key twice in one push: the later row is rejected, naming the first', async () => {
    const ind = await createIndicator();
    const r = await pushCsv(csv([[ind, ENSCHEDE, '2024-Q1', '1'], [ind, ALMELO, '2024-Q1', '2'],
      [ind, ENSCHEDE, '2024-Q1', '3']]), { query: '?modus=gedeeltelijk' });
    assert.equal(r.status, 201, show(r));
    assert.deepEqual(r.json.afwijzingen.map((a) => [a.rij, a.code]), [[3, 'duplicate']]);
    assert.match(r.json.afwijzingen[0].reden, /rij 1\b/);
    const atomic = await pushCsv(csv([[ind, BORNE, '2024-Q1', '1'], [ind, BORNE, '2024-Q1', '1']]));
    assertProblem(atomic, 400);
  });

  test('comma separator with a BOM and CRLF, quoted fields, semicolons', async () => {
    const ind = await createIndicator();
    const text = '\ufeff' + csv([[ind, ENSCHEDE, '2024-Q1', '"1.5"'], [ind, ALMELO, '2024-Q1', '2']],
      { sep: ',', eol: '\r\n' });
    const r = await pushCsv(text);
    assert.equal(r.status, 201, show(r));
    assert.equal(r.json.aantallen.aangemaakt, 2);
    const semi = await pushCsv(csv([[ind, BORNE, '2024-Q1', '3']], { sep: ';' }));
    assert.equal(semi.status, 201, show(semi));
    assert.deepEqual((await observations(ind)).map((o) => o.waarde).sort(), [1.5, 2, 3]);
  });

  test('columns in another order, upper-case names', async () => {
    const ind = await createIndicator();
    const r = await pushCsv(`WAARDE;Periode;gebied;indicator\n4;2024-Q2;${ENSCHEDE};${ind}\n`);
    assert.equal(r.status, 201, show(r));
    assert.deepEqual((await observations(ind)).map((o) => [o.periode, o.waarde]), [['2024-Q2', 4]]);
  });
});

describe('idempotency and history', () => {
  test('a retried push with the same Idempotency-Key returns the first result', async () => {
    const ind = await createIndicator();
    const key = `k-${ind}`;
    const body = csv([[ind, ENSCHEDE, '2024-Q1', '1']]);
    const first = await pushCsv(body, { headers: { 'Idempotency-Key': key } });
    assert.equal(first.status, 201, show(first));
    const again = await pushCsv(body, { headers: { 'Idempotency-Key': key } });
    assert.equal(again.status, 201, show(again));
    assert.deepEqual(again.json, first.json);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.headers.get('location'), first.headers.get('location'));
    // the same key with another body
    const other = await pushCsv(csv([[ind, ENSCHEDE, '2024-Q1', '2']]),
      { headers: { 'Idempotency-Key': key } });
    assertProblem(other, 409);
    // without a key, pushing the same data again changes nothing
    const same = await pushCsv(body);
    assert.equal(same.status, 201, show(same));
    assert.equal(same.json.aantallen.ongewijzigd, 1);
    assert.equal(same.json.aantallen.aangemaakt + same.json.aantallen.bijgewerkt, 0);
  });

  test('a changed value keeps the previous one in the history', async () => {
    const ind = await createIndicator();
    const first = await pushCsv(csv([[ind, ENSCHEDE, '2024-Q1', '10', '', '', 'voorlopig']]));
    const second = await pushCsv(csv([[ind, ENSCHEDE, '2024-Q1', '11', '', '', 'definitief']]));
    assert.equal(second.json.aantallen.bijgewerkt, 1, show(second));
    const r = await mon(`/waarnemingen/${ind}/${ENSCHEDE}/2024-Q1`, { token: reader() });
    assert.equal(r.status, 200, show(r));
    assert.equal(r.json.waarde, 11);
    assert.equal(r.json.versie, 2);
    assert.equal(r.json.import, second.json.import);
    assert.equal(r.json.historie.length, 1);
    assert.deepEqual([r.json.historie[0].waarde, r.json.historie[0].status,
      r.json.historie[0].import, r.json.historie[0].vervangenDoor],
    [10, 'voorlopig', first.json.import, second.json.import]);
    assertProblem(await mon(`/waarnemingen/${ind}/${ENSCHEDE}/2023-Q1`, { token: reader() }), 404);
  });
});

describe('export round trip', () => {
  test('export as CSV in the push format; pushing it back changes nothing', async () => {
    const ind = await createIndicator({ eenheid: 'percentage', regionaleWaarde: 'ratio' });
    await pushCsv(csv([[ind, ENSCHEDE, '2024-Q1', '12.50', '25', '200', 'voorlopig'],
      [ind, ALMELO, '2024-Q2', '0.1234567891', '1', '810', 'definitief'],
      [ind, BORNE, '2024-Q1', '-0', '0', '3']]));
    const r = await mon(`/waarnemingen/export?indicator=${ind}`, { token: reader() });
    assert.equal(r.status, 200, show(r));
    assert.match(r.headers.get('content-type'), /^text\/csv/);
    const lines = r.text.trimEnd().split('\n');
    assert.equal(lines[0], 'indicator;gebied;periode;waarde;teller;noemer;status');
    assert.equal(lines.length, 4);
    assert.ok(lines.includes(`${ind};${ENSCHEDE};2024-Q1;12.50;25;200;voorlopig`), r.text);
    const back = await pushCsv(r.text);
    assert.equal(back.status, 201, show(back));
    assert.deepEqual(back.json.aantallen, { rijen: 3, aangemaakt: 0, bijgewerkt: 0, ongewijzigd: 3,
      afgewezen: 0, nietVerwerkt: 0 });
    const comma = await mon(`/waarnemingen/export?indicator=${ind}&scheidingsteken=,`, { token: reader() });
    assert.equal((await pushCsv(comma.text)).json.aantallen.ongewijzigd, 3);
  });
});

describe('scopes and roles', () => {
  test('a push needs monitoring:ingest; a municipal client reads but does not push', async () => {
    const ind = await createIndicator();
    const gemeente = token({ scope: 'monitoring:read', gemeente: 'GM0153', client_id: 'enschede' });
    assertProblem(await pushCsv(csv([[ind, ENSCHEDE, '2024-Q1', '1']]), { tok: gemeente }), 403);
    assertProblem(await pushCsv(csv([[ind, ENSCHEDE, '2024-Q1', '1']]), { tok: editor() }), 403);
    const read = await mon(`/indicatoren/${ind}`, { token: gemeente });
    assert.equal(read.status, 200, show(read));
    const granted = token({ scope: 'monitoring:read monitoring:ingest', gemeente: 'GM0153' });
    assert.equal((await pushCsv(csv([[ind, ENSCHEDE, '2024-Q1', '1']]), { tok: granted })).status, 201);
    assertProblem(await mon('/importen', { token: token({ scope: 'portfolio:read' }) }), 403);
    assertProblem(await mon('/importen'), 401);
  });
});

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

// A body sent with chunked transfer encoding, piece by piece with a pause between pieces, so
// that the service gets it in pieces too.
function inPieces(text, size, pauseMs = 2) {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    async pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      if (at > 0) await sleep(pauseMs);
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

function pushPieces(text, size, { type = 'text/csv', headers = {}, tok = kennispunt(), base = monUrl } = {}) {
  const h = { 'Content-Type': type, ...headers };
  return call(`${base}/importen`, { method: 'POST', token: tok, body: inPieces(text, size),
    headers: h, duplex: 'half' });
}

// Sends the first half of a push and goes away.
function abandonPush(text, headers = {}) {
  return new Promise((resolve) => {
    const req = http.request(`${monUrl}/importen`, { method: 'POST', headers: {
      'Content-Type': 'text/csv', Authorization: `Bearer ${kennispunt()}`, ...headers } });
    req.on('error', () => resolve());
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.write(text.slice(0, text.length >> 1));
    setTimeout(() => {
      req.destroy();
      resolve();
    }, 150);
  });
}

describe('a body in pieces', () => {
  const quarters = (n) => Array.from({ length: n }, (_, i) => `${2010 + (i >> 2)}-Q${(i % 4) + 1}`);

  test('a CSV push in 7-byte pieces (BOM, CRLF, lines split anywhere) reads as one body', async () => {
    const ind = await createIndicator();
    const rows = quarters(60).map((q, i) => [ind, ENSCHEDE, q, String(i + 0.5)]);
    const text = '\uFEFF' + csv(rows, { sep: ',', eol: '\r\n' });
    const r = await pushPieces(text, 7);
    assert.equal(r.status, 201, show(r));
    assert.equal(r.json.aantallen.aangemaakt, 60);
    assert.equal(r.json.aantallen.afgewezen, 0);
    const obs = await observations(ind);
    assert.equal(obs.length, 60);
    assert.equal(obs.find((o) => o.periode === '2024-Q4').waarde, 59.5);
  });

  test('a bad line split over pieces is one rejected row with its line number', async () => {
    const ind = await createIndicator();
    const text = csv([[ind, ENSCHEDE, '2024-Q1', '1'], [ind, ALMELO, '2024-Q1', 'x'.repeat(5000)],
      [ind, BORNE, '2024-Q1', '"open']]);
    const r = await pushPieces(text, 1000);
    const s = assertProblem(r, 400).samenvatting;
    assert.deepEqual(s.afwijzingen.map((a) => [a.rij, a.regel]), [[2, 3], [3, 4]]);
  });

  test('JSON in pieces; a retry with the same Idempotency-Key in other pieces gets the first answer', async () => {
    const ind = await createIndicator();
    const key = `pieces-${ind}`;
    const body = JSON.stringify({ observaties: quarters(20).map((q, i) =>
      ({ indicator: ind, gebied: ALMELO, periode: q, waarde: i })) }, null, 1);
    const first = await pushPieces(body, 5, { type: 'application/json', headers: { 'Idempotency-Key': key } });
    assert.equal(first.status, 201, show(first));
    assert.equal(first.json.aantallen.aangemaakt, 20);
    const again = await pushPieces(body, 13, { type: 'application/json', headers: { 'Idempotency-Key': key } });
    assert.equal(again.status, 201, show(again));
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.json.import, first.json.import);
    const other = await pushPieces(body.replace('"waarde": 0', '"waarde": 1'), 64,
      { type: 'application/json', headers: { 'Idempotency-Key': key } });
    assertProblem(other, 409);
  });

  test('pushes abandoned half-way leave nothing behind and give their connection back', async () => {
    const ind = await createIndicator();
    const text = csv(quarters(400).map((q) => [ind, BORNE, q, '3']));
    // more than the pool has connections: each must be given back when its client goes away
    for (let i = 0; i < 24; i++) await abandonPush(text, { 'Idempotency-Key': `gone-${ind}` });
    assert.deepEqual(await observations(ind), []);
    const r = await pushCsv(text, { headers: { 'Idempotency-Key': `gone-${ind}` } });
    assert.equal(r.status, 201, show(r));
    assert.equal(r.headers.get('idempotent-replayed'), null);
    assert.equal(r.json.aantallen.aangemaakt, 400);
  });

  test('a streamed push without a token is a 401; with the wrong content type a 415', async () => {
    const text = csv([['X', ENSCHEDE, '2024-Q1', '1']]);
    assertProblem(await call(`${monUrl}/importen`, { method: 'POST', body: inPieces(text, 10),
      headers: { 'Content-Type': 'text/csv' }, duplex: 'half' }), 401);
    assertProblem(await pushPieces(text, 10, { type: 'text/plain' }), 415);
    assertProblem(await pushPieces('', 10), 400);
  });
});

// A second instance of the service with some MONITORING_* settings of its own; fn gets its base URL.
const binary = path.resolve(process.cwd(), '../services/monitoring/monitoring-service');
async function withInstance(env, fn) {
  const port = await freePort();
  const child = spawn(binary, [], { stdio: 'ignore', env: { ...process.env,
    SVC_PORT: String(port), SVC_BIND_ADDRESS: '127.0.0.1', ...env,
    // the superuser's connection, on the service's schema as its own role would be
    DATABASE_URL: `${process.env.JT_DATABASE_URL} options='-csearch_path=monitoring'`,
    JWT_ISSUER: cfg.issuer, JWT_AUDIENCE: cfg.audience,
    JWT_PUBLIC_KEYS: path.join(process.env.JT_KEYS_DIR, 'signing.pub.pem'), HTTP_THREADS: '1' } });
  try {
    const base = `http://127.0.0.1:${port}${new URL(monUrl).pathname}`;
    for (let i = 0; i < 100; i++) {
      try {
        if ((await call(`${base}/health`)).status === 200) break;
      } catch { /* not up yet */ }
      await sleep(100);
    }
    await fn(base);
  } finally {
    child.kill('SIGTERM');
  }
}
const noBinary = !existsSync(binary) && `no ${binary}`;

describe('more keys than the duplicate table holds', () => {
  // MONITORING_PUSH_MEMORY_KEYS=32: keys after the 32nd are not remembered in memory; their
  // duplicates are found in the staging table after the COPY, with the same answer.
  test('duplicates of remembered and of later keys are rejected alike', { skip: noBinary }, async () => {
    const ind = await createIndicator();
    const q = (i) => `${2000 + (i >> 2)}-Q${(i % 4) + 1}`;
    const rows = Array.from({ length: 50 }, (_, i) => [ind, ENSCHEDE, q(i), String(i)]);
    for (let i = 0; i < 10; i++) rows.push([ind, ENSCHEDE, q(i), '1']); // rows 51..60 = 1..10
    for (let i = 40; i < 50; i++) rows.push([ind, ENSCHEDE, q(i), '1']); // rows 61..70 = 41..50
    await withInstance({ MONITORING_PUSH_MEMORY_KEYS: '32' }, async (base) => {
      const r = await pushPieces(csv(rows), 256, { base });
      const s = assertProblem(r, 400).samenvatting;
      assert.equal(s.aantallen.afgewezen, 20);
      assert.deepEqual(s.afwijzingen.map((a) => [a.rij, a.veld, a.code, a.reden.match(/rij (\d+)/)[1]]),
        Array.from({ length: 20 }, (_, k) => [51 + k, 'periode', 'duplicate', String(k < 10 ? k + 1 : k + 31)]));
      const partial = await call(`${base}/importen?modus=gedeeltelijk`, { method: 'POST',
        token: kennispunt(), body: csv(rows), headers: { 'Content-Type': 'text/csv' } });
      assert.equal(partial.status, 201, show(partial));
      assert.equal(partial.json.aantallen.aangemaakt, 50);
      assert.equal(partial.json.aantallen.afgewezen, 20);
    });
    const obs = await observations(ind);
    assert.equal(obs.length, 50);
    assert.equal(obs.find((o) => o.periode === q(45)).waarde, 45);
  });
});

describe('body limit', () => {
  // scripts/test runs the service with its default push limit (256 MiB); this test starts a
  // second instance with a small MONITORING_MAX_PUSH_BYTES to show the 413.
  test('a push over MONITORING_MAX_PUSH_BYTES is a 413 naming the limit', { skip: noBinary }, async () => {
    await withInstance({ MONITORING_MAX_PUSH_BYTES: '2000' }, async (base) => {
      const big = csv(Array.from({ length: 100 }, (_, i) => ['X', 'GM0153', `20${10 + (i % 80)}-Q1`, '1']));
      assert.ok(big.length > 2000);
      const r = await call(`${base}/importen`, { method: 'POST', token: kennispunt(), body: big,
        headers: { 'Content-Type': 'text/csv' } });
      assertProblem(r, 413, { detail: /2000 bytes/ });
      // without Content-Length (chunked) the limit holds as the pieces arrive
      assertProblem(await pushPieces(big, 100, { base }), 413, { detail: /2000 bytes/ });
      // and the service goes on
      const small = await pushPieces(csv([['X', 'GM0153', '2024-Q1', '1']]), 10, { base });
      assert.equal(summary(small).aantallen.afgewezen, 1, show(small));
    });
  });

  test('definitions are held to MAX_BODY_BYTES', async () => {
    const r = await mon('/indicatoren', { method: 'POST', token: editor(),
      json: { code: 'TOO_BIG', naam: 'x'.repeat(cfg.maxBodyBytes + 10) } });
    assertProblem(r, 413, { detail: new RegExp(`${cfg.maxBodyBytes} bytes`) });
  });
});
