// Stakeholders service: the seed (organisations, the member tables of the working group, steering
// group and core team, action-line leads, governance bodies), involvements both ways and the
// network.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import { show } from './lib/http.mjs';
import { assertProblem } from './lib/problem.mjs';
import { all, createOrganisation, sql, stk } from './lib/stakeholders.mjs';

async function bodyByName(naam) {
  const r = await stk(`/gremia?zoek=${encodeURIComponent(naam)}`);
  assert.equal(r.status, 200, show(r));
  const found = r.json.gremia.find((g) => g.naam === naam);
  assert.ok(found, `body ${naam}: ${show(r)}`);
  return found;
}

async function seatsOf(naam) {
  const body = await bodyByName(naam);
  const seats = await all(`/zetels?gremiumId=${body.id}`, 'zetels');
  return { body, seats: seats.sort((a, b) => a.volgorde - b.volgorde) };
}

describe('seed', () => {
  test('the 14 municipalities with their CBS codes and inhabitants from the reference CSV', async () => {
    const csv = readFileSync(path.join(process.env.JT_SHARED_DIR, 'data', 'twente-municipalities.csv'), 'utf8')
      .trim().split('\n').slice(1).map((l) => l.split(','));
    const towns = await all('/organisaties?type=gemeente', 'organisaties');
    for (const [code, name, inhabitants] of csv) {
      const t = towns.find((x) => x.cbsCode === code);
      assert.ok(t, `municipality ${code}`);
      assert.equal(t.naam, `Gemeente ${name}`);
      assert.equal(t.inwoners, Number(inhabitants));
    }
    assert.equal(csv.length, 14);
  });

  test('the organisations the seeds name', async () => {
    const orgs = await all('/organisaties', 'organisaties');
    const names = new Set(orgs.map((o) => o.naam));
    for (const n of ['Accare', 'Karakter', 'Ambiq', 'Jarabee', 'Trias', 'Dimence', 'Pluryn', 'Curess',
      'Attendiz', 'Sotog', 'Jeugdbescherming Overijssel', 'Veilig Thuis Twente',
      'Raad voor de Kinderbescherming', 'Openbaar Ministerie', 'GGD Twente', 'Ixta Noa',
      'Kennispunt Twente', 'OZJT', 'SamenTwente', 'Provincie Overijssel', 'Menzis']) {
      assert.ok(names.has(n), `organisation ${n}`);
    }
    assert.equal(orgs.find((o) => o.naam === 'Ixta Noa').type, 'clientvertegenwoordiging');
    assert.equal(orgs.find((o) => o.naam === 'Menzis').type, 'financier');
  });

  test('the working group has the members and perspectives of the seed table', async () => {
    const expected = [
      ['Denise Bosma', 'Ixta Noa', 'Cliëntperspectief (Jongeren)'],
      ['Kitty Spier', 'Ixta Noa', 'Cliëntperspectief (ouders)'],
      ['Trudy Snippert/Esther Roenhorst', 'Ambiq', 'LVB'],
      ['Ellis ter Beek/Saskia Prijs', 'Accare/Karakter', 'JGGZ'],
      ['Mignon van Klingeren/Jos del Grosso', 'Jarabee/Curess', 'Jeugd en opvoedhulp'],
      ['Renate Poelakker/Hester Ligtenberg', 'Jeugdbescherming Overijssel', 'Gedwongen kader'],
      ['Marlie Cerneus/Hanneke Winkelhorst', 'GGD Twente', 'JGZ'],
      ['Peter van den Berg', 'Attendiz', 'Onderwijs'],
      ['Kirsten Boelen', 'Gemeente Hengelo', 'AO Jeugd'],
      ['Erik Otten/Greja Maat', 'Gemeente Enschede', 'AO Jeugd'],
      ['Gerda te Brinkhof', 'Gemeente Hof van Twente', 'Adviseurs voorliggend veld'],
      ['Gideon Sterkenburg', 'Gemeente Enschede', 'Afdelingen leerplicht/RMC + Twentse Belofte'],
      ['Petra ter Denge', 'Kennispunt Twente', 'Kennispunt Twente'],
    ];
    const { body, seats } = await seatsOf('Werkgroep Samenwerkingsagenda');
    assert.equal(body.vergaderfrequentieWeken, 3);
    const got = seats.map((s) => [s.personen.map((p) => p.naam).join('/'),
      s.organisaties.map((o) => o.naam).join('/'), s.achterban]);
    assert.deepEqual(got, expected);
    assert.ok(seats.every((s) => s.rol === 'lid' && !s.vacature));
    assert.equal(seats.filter((s) => s.gedeeld).length, 6);
  });

  test('the steering group: shared seats, the chair, the leaving members as vacancies with the note', async () => {
    const { body, seats } = await seatsOf('Stuurgroep Samenwerkingsagenda');
    assert.equal(body.vergaderfrequentieWeken, 6);
    assert.equal(seats.length, 11);
    assert.deepEqual(body.voorzitters.map((p) => p.naam), ['Nienke Belderink']);
    const vacant = seats.filter((s) => s.vacature);
    assert.deepEqual(vacant.map((s) => [s.organisaties[0].naam, s.toelichting]), [
      ['Gemeente Dinkelland', 'komt niet terug – moet vervanger voor komen'],
      ['Gemeente Enschede', 'komt ws niet terug – moet vervanger voor komen'],
      ['Kennispunt Twente', 'vertrekt eind mei – moet vervanger voor komen'],
    ]);
    assert.equal(body.aantalVacatures, 3);
    assert.deepEqual(seats[0].personen.map((p) => p.naam), ['Erica Harteveld', 'Wieteke Beernink']);
  });

  test('the core team; people without invented contact details', async () => {
    const { body, seats } = await seatsOf('Kernteam Samenwerkingsagenda');
    assert.equal(body.vergaderfrequentieWeken, 1);
    assert.deepEqual(seats.map((s) => s.personen[0].naam), ['Monique van Meel', 'Daniëlle Blankhorst',
      'Bianca Kruijer', 'Mirjam Somsen', 'Irma Horck']);
    assert.equal(seats[2].rol, 'secretaris');
    assert.equal(sql('SELECT count(*) FROM people WHERE code IS NOT NULL AND (email IS NOT NULL OR phone IS NOT NULL)'), '0');
  });

  test('the action-line leads are trekker involvements on action lines 1..5', async () => {
    const leads = {
      1: ['Erik Otten'], 2: ['Gideon Sterkenburg', 'Peter van den Berg'],
      3: ['Denise Bosma', 'Greja Maat', 'Kirsten Boelen'], 4: ['Ellis ter Beek'],
      5: ['Hester Ligtenberg', 'Ruth Driessen'],
    };
    for (const [line, names] of Object.entries(leads)) {
      const r = await stk(`/betrokkenheden?doelType=actielijn&doelId=${line}&rol=trekker`);
      assert.equal(r.status, 200, show(r));
      assert.deepEqual(r.json.betrokkenheden.map((i) => i.persoonNaam).sort(), [...names].sort(), `line ${line}`);
    }
  });

  test('the governance bodies per action line', async () => {
    const one = await all('/gremia?actielijn=1', 'gremia');
    for (const n of ['Bovenregionale Stuurgroep Expertisenetwerk', 'AB SamenTwente', 'DB SamenTwente',
      'Stuurgroep wachttijden', 'Twentse Koers', 'Stuurgroep WVHS']) {
      assert.ok(one.some((g) => g.naam === n), `action line 1: ${n}`);
    }
    const three = await all('/gremia?actielijn=3', 'gremia');
    assert.ok(three.some((g) => g.naam === 'Tactisch platform lokale teams'));
    const two = await seatsOf('Stuurgroep Onderwijs en zorg (management/beleid)');
    assert.equal(two.seats.filter((s) => s.vacature).length, 3);
    const five = await all('/gremia?actielijn=5', 'gremia');
    assert.ok(five.some((g) => g.naam === 'Platform Jeugdcriminaliteit'));
  });

  test('the seed ran once and left no duplicates (it upserts on stable codes)', async () => {
    for (const t of ['organisations', 'people', 'bodies', 'seats']) {
      assert.equal(sql(`SELECT count(*) FROM (SELECT code FROM ${t} WHERE code IS NOT NULL GROUP BY code HAVING count(*) > 1) d`), '0', t);
    }
    assert.equal(sql("SELECT count(*) FROM audit_log WHERE action = 'seed'"), '1');
  });
});

describe('involvements and network', () => {
  test('who is involved in project X; where is organisation Y involved', async () => {
    const o = await createOrganisation();
    const project = '7f3a9c1e-2b4d-4e6f-8a0b-1c2d3e4f5a6b';
    for (const [doelType, doelId, rol] of [['project', project, 'uitvoerder'], ['programma', 'twentse-koers', 'financier'], ['actielijn', '5', 'deelnemer']]) {
      const r = await stk('/betrokkenheden', { method: 'POST', json: { organisatieId: o.id, doelType, doelId, rol } });
      assert.equal(r.status, 201, show(r));
    }
    const dup = await stk('/betrokkenheden', { method: 'POST', json: { organisatieId: o.id, doelType: 'project', doelId: project, rol: 'uitvoerder' } });
    assertProblem(dup, 409);
    const inProject = await stk(`/betrokkenheden?doelType=project&doelId=${project}`);
    assert.ok(inProject.json.betrokkenheden.some((i) => i.organisatieId === o.id && i.rol === 'uitvoerder'));
    const ofOrg = await stk(`/betrokkenheden?organisatieId=${o.id}`);
    assert.deepEqual(ofOrg.json.betrokkenheden.map((i) => i.doelType).sort(), ['actielijn', 'programma', 'project']);
    assertProblem(await stk('/betrokkenheden', { method: 'POST', json: { organisatieId: o.id, doelType: 'actielijn', doelId: '6', rol: 'trekker' } }),
      400, { invalidParams: ['doelId'] });
    assertProblem(await stk('/betrokkenheden', { method: 'POST', json: { doelType: 'actielijn', doelId: '1', rol: 'trekker' } }),
      400, { invalidParams: ['organisatieId'] });
  });

  test('the network: nodes and edges of organisations, people, bodies and action lines', async () => {
    const r = await stk('/netwerk');
    assert.equal(r.status, 200, show(r));
    const { knopen, verbindingen } = r.json;
    const ids = new Set(knopen.map((k) => k.id));
    for (const soort of ['organisatie', 'persoon', 'gremium', 'actielijn']) {
      assert.ok(knopen.some((k) => k.soort === soort), soort);
    }
    for (const e of verbindingen) {
      assert.ok(ids.has(e.bron) && ids.has(e.doel), `edge ${JSON.stringify(e)} joins known nodes`);
    }
    const erik = knopen.find((k) => k.label === 'Erik Otten');
    assert.ok(verbindingen.some((e) => e.bron === erik.id && e.doel === 'actielijn:1' && e.rol === 'trekker'));
    assert.ok(r.ms < 1000);
  });
});
