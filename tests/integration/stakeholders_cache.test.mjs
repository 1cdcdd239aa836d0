// The response cache of the stakeholders service (issue 4, "Speed"): the network is served from the
// cache (X-Cache: hit) with the same body, and every write that changes it (organisations, people,
// bodies, seats and their holders and organisations, involvements; through the API, by erasure,
// or by hand in the database) is visible on the very next read.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';

import { show } from './lib/http.mjs';
import {
  createBody, createOrganisation, createPerson, createSeat, readerToken, sql, stk, unique,
} from './lib/stakeholders.mjs';

// psql as superuser with the default search path (no stakeholders schema): the triggers must
// work for any writer.
function plainSql(query) {
  return execFileSync('psql', [process.env.JT_DATABASE_URL, '-X', '-A', '-t', '-v',
    'ON_ERROR_STOP=1', '-c', query], { encoding: 'utf8' }).trim();
}

async function network() {
  const r = await stk('/netwerk', { token: readerToken() });
  assert.equal(r.status, 200, show(r));
  return r;
}

// Two reads in a row: the second from the cache with the same body (other test files write
// concurrently and may bump the generation in between: then read once more).
async function networkTwice() {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const first = await network();
    const again = await network();
    if (again.headers.get('x-cache') === 'hit') {
      assert.equal(again.text, first.text);
      return again.json;
    }
  }
  assert.fail('the network was never served from the cache');
}

const node = (net, id) => net.knopen.find((k) => k.id === id);
const edge = (net, bron, doel, soort) =>
  net.verbindingen.find((e) => e.bron === bron && e.doel === doel && e.soort === soort);

describe('response cache of the network', () => {
  test('every kind of write shows on the next read', async () => {
    await networkTwice();
    const o = await createOrganisation();
    assert.ok(node((await network()).json, `organisatie:${o.id}`), 'a new organisation');

    const p = await createPerson({ organisatieId: o.id });
    let net = await networkTwice();
    assert.ok(edge(net, `persoon:${p.id}`, `organisatie:${o.id}`, 'werktBij'), 'a new person');

    const body = await createBody({ actielijnen: [3] });
    assert.ok(edge((await network()).json, `gremium:${body.id}`, 'actielijn:3', 'hoortBij'), 'a body');

    const seat = await createSeat({ gremiumId: body.id, personen: [p.id], organisatieIds: [o.id] });
    net = (await network()).json;
    assert.ok(edge(net, `persoon:${p.id}`, `gremium:${body.id}`, 'zetel'), 'a seat holder');
    assert.ok(edge(net, `organisatie:${o.id}`, `gremium:${body.id}`, 'vertegenwoordigdIn'));

    const inv = await stk('/betrokkenheden', { method: 'POST', json: {
      organisatieId: o.id, doelType: 'actielijn', doelId: '4', rol: 'adviseur' } });
    assert.equal(inv.status, 201, show(inv));
    assert.ok(edge((await network()).json, `organisatie:${o.id}`, 'actielijn:4', 'betrokken'), 'an involvement');

    // by hand in the database (no API, no audit row)
    const renamed = unique('Met de hand');
    plainSql(`UPDATE stakeholders.organisations SET name = '${renamed}' WHERE id = '${o.id}'`);
    assert.equal(node((await network()).json, `organisatie:${o.id}`).label, renamed);
    sql(`DELETE FROM seat_holders WHERE seat_id = '${seat.id}'`);
    assert.ok(!edge((await network()).json, `persoon:${p.id}`, `gremium:${body.id}`, 'zetel'));

    // erasure of the person
    assert.equal((await stk(`/personen/${p.id}`, { method: 'DELETE' })).status, 204);
    net = (await network()).json;
    assert.ok(!node(net, `persoon:${p.id}`), 'an erased person is gone from the network');
  });
});
