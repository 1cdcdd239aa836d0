// The agenda of the seeds is loaded: principles, reform lines, five action lines with their
// titles and ranked priorities as 004_fa45ef4688f672c7.txt lists them, programmes, dependencies.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { show } from './lib/http.mjs';
import { pf, readerToken } from './lib/portfolio.mjs';

async function projectsOfLine(n) {
  const r = await pf(`/projecten?actielijn=${n}&limit=100`, { token: readerToken() });
  assert.equal(r.status, 200, show(r));
  return r.json.projecten;
}

describe('seed', () => {
  test('8 principles and 8 reform lines', async () => {
    const p = await pf('/principes', { token: readerToken() });
    assert.equal(p.status, 200, show(p));
    assert.equal(p.json.principes.length, 8);
    assert.equal(p.json.principes[0].titel, 'De jeugdige in zijn/haar omgeving staat centraal');
    assert.equal(p.json.principes[5].titel, 'In Twente werken wij zonder wachtlijsten');
    const h = await pf('/hervormingslijnen', { token: readerToken() });
    assert.equal(h.json.hervormingslijnen.length, 8);
    assert.match(h.json.hervormingslijnen[4].titel, /^Afbouw van de residentiële jeugdhulp/);
  });

  test('the five action lines with title, motto, leads and contributions', async () => {
    const r = await pf('/actielijnen', { token: readerToken() });
    assert.equal(r.status, 200, show(r));
    const lines = r.json.actielijnen;
    assert.deepEqual(lines.map((a) => a.titel), ['Wonen en zorg', 'Onderwijs en zorg',
      'Samenwerken met de sociale basis', 'Passende ambulante zorg', 'Gedwongen Kader']);
    assert.equal(lines[0].motto, 'Flexibele en kleinschalige woonvoorzieningen dicht bij huis');
    assert.equal(lines[4].motto, 'Van estafette naar samen op');
    assert.deepEqual(lines[1].trekkers.map((t) => t.naam), ['Gideon Sterkenburg', 'Peter van den Berg']);
    for (const a of lines) {
      assert.deepEqual(a.principes, [1, 2, 3, 4, 5, 6, 7, 8]);
      assert.deepEqual(a.hervormingslijnen, [1, 2, 3, 4, 5, 6, 7, 8]);
      assert.ok(a.opgave.length > 100, `opgave of ${a.nummer}`);
      assert.ok(a.governance.length > 20, `governance of ${a.nummer}`);
      assert.match(a.bron, /004_fa45ef4688f672c7/);
    }
    assert.equal(lines[3].kenmerken[0].titel,
      'Van instantie naar instantie: problemen verergeren in plaats van verminderen');
    const one = await pf('/actielijnen/2', { token: readerToken() });
    assert.equal(one.status, 200, show(one));
    assert.match(one.headers.get('etag') ?? '', /^"2-\d+"$/);
  });

  test('each line starts with its first priority; line 2 in the order 2, 4, 5', async () => {
    const first = {
      1: 'Het regelen van flexibele zorg in kleinschalige woonvormen in de wijk',
      2: 'Schoolaanwezigheid',
      3: 'Overzicht creëren op de systemen van de sociale basis',
      4: 'Het gaan uitvoeren van een domeinoverstijgende verklarende analyse vóór inzet van specialistische jeugdhulp om zo snel mogelijk de best passende zorg in te zetten',
      5: 'Een goede verbinding en samenwerking tussen Veilig Thuis, Raad voor de Kinderbescherming en de GI\'s door samen te werken in een Regionaal Veiligheidsteam',
    };
    for (const n of [1, 2, 3, 4, 5]) {
      const seeded = (await projectsOfLine(n)).filter((p) => p.code !== null);
      assert.equal(seeded.find((p) => p.code.includes('prioriteit-1') || p.code === 'al2-maatregel-2').titel, first[n]);
    }
    const two = (await projectsOfLine(2)).filter((p) => p.code?.startsWith('al2-maatregel-'));
    assert.equal(two.length, 9, 'nine numbered measures');
    const byRank = [...two].sort((a, b) => a.rang - b.rang);
    assert.deepEqual(byRank.slice(0, 3).map((p) => p.nummerInBron), ['2', '4', '5']);
    const kinds = Object.fromEntries(two.map((p) => [p.nummerInBron, p.soort]));
    assert.deepEqual(kinds, { 1: 'nieuw', 2: 'doorgaan', 3: 'nieuw', 4: 'doorgaan', 5: 'doorgaan',
      6: 'nieuw', 7: 'besloten', 8: 'lopend', 9: 'lopend' });
    const one = await projectsOfLine(1);
    const running = one.filter((p) => p.soort === 'lopend').map((p) => p.titel);
    assert.ok(running.includes('Pilot Jouw Huis') && running.includes('Gouden Lariks'), running.join());
    const five = (await projectsOfLine(5)).filter((p) => p.code?.startsWith('al5-prioriteit-'));
    assert.equal(five.length, 7);
  });

  test('programmes with owner and governance, and the dependencies', async () => {
    const r = await pf('/programmas', { token: readerToken() });
    const byCode = Object.fromEntries(r.json.programmas.map((g) => [g.code, g]));
    assert.equal(byCode['spuk-expertisenetwerk'].governanceGeregeld, true);
    assert.match(byCode['spuk-expertisenetwerk'].eigenaar, /Enschede/);
    assert.equal(byCode['toekomstscenario-kind-en-gezinsbescherming'].governanceGeregeld, false);
    assert.equal(byCode['aanpak-wachttijden'].governanceGeregeld, false);
    assert.ok(byCode['twentse-koers'] && byCode['zorg-veiligheid-straf'] && byCode['strategische-inkoop']);
    const d = await pf('/afhankelijkheden?actielijn=4', { token: readerToken() });
    assert.equal(d.status, 200, show(d));
    const fromFour = d.json.afhankelijkheden.filter((x) => x.van.actielijn === 4).map((x) => x.naar.actielijn);
    assert.deepEqual([...fromFour].sort(), [1, 2, 3, 5]);
  });

  test('filters: programme, principle, phase, and Dutch full-text search', async () => {
    const t = readerToken();
    const byProg = await pf('/projecten?programma=toekomstscenario-kind-en-gezinsbescherming&limit=100', { token: t });
    assert.equal(byProg.status, 200, show(byProg));
    assert.ok(byProg.json.projecten.some((p) => p.code === 'al5-prioriteit-1'));
    const search = await pf(`/projecten?zoek=${encodeURIComponent('schoolaanwezigheidsteams')}`, { token: t });
    assert.equal(search.status, 200, show(search));
    assert.ok(search.json.projecten.some((p) => p.code === 'al2-maatregel-2'), 'Dutch stemming finds the measure');
    const kind = await pf('/projecten?soort=besloten&limit=100', { token: t });
    assert.ok(kind.json.projecten.every((p) => p.soort === 'besloten'));
    const bad = await pf('/projecten?fase=klaar&actielijn=9&principe=0', { token: t });
    assert.equal(bad.status, 400, show(bad));
    assert.deepEqual(bad.json.invalidParams.map((p) => p.name).sort(), ['actielijn', 'fase', 'principe']);
  });
});
