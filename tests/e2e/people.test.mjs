// People and bodies beyond the bodies page: organisations filtered by type (and an editor adding
// one, with the CBS-code rule coming back from the server), a person's page with organisation,
// seats, involvements, rounds and the AVG export, the network graph with its text alternative, a
// constituency round with who has and has not responded (an editor records input), a lezer without
// edit controls, the 360 px layout; axe-core and a screenshot on every screen. Everything beyond
// the seed is created through the API with unique names and removed again (people by erasure).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { GATEWAY, adminToken, api, axe, createUser, describeViolations, launch, login, screenshot } from './lib/browser.mjs';

const STK = '/api/stakeholders/v1';
const PORTFOLIO = '/api/portfolio/v1';
const AUTH = '/api/auth/v1';

function isoDate(offsetDays = 0) {
  const d = new Date(Date.now() + offsetDays * 86400000);
  return d.toISOString().slice(0, 10);
}

describe('people, organisations, network and rounds', () => {
  const stamp = Date.now().toString(36);
  let token;
  let browser;
  let page;
  const cleanups = [];
  // Made through the API in before():
  let org; // a seeded organisation (read only)
  let body; // a working group of our own
  let anna; // a member with a seat, an involvement and (later) input
  let bram; // a member who does not respond
  let project; // a seeded project of action line 2 (read only)
  let round;

  async function ok(res, status = 201) {
    assert.equal(res.status, status, JSON.stringify(res.json));
    return res.json;
  }

  before(async () => {
    token = await adminToken();
    const orgs = (await api('GET', `${STK}/organisaties?zoek=Accare`, { token })).json.organisaties;
    org = orgs.find((o) => o.naam === 'Accare') ?? orgs[0];
    assert.ok(org, 'the seed has Accare');
    project = (await api('GET', `${PORTFOLIO}/projecten?actielijn=2&limit=1`, { token })).json.projecten[0];
    assert.ok(project, 'the seed has a project in action line 2');

    anna = await ok(await api('POST', `${STK}/personen`, { token, body: { naam: `Anna E2E ${stamp}`, organisatieId: org.id, functie: 'Beleidsadviseur' } }));
    cleanups.push(() => api('DELETE', `${STK}/personen/${anna.id}`, { token }));
    bram = await ok(await api('POST', `${STK}/personen`, { token, body: { naam: `Bram E2E ${stamp}` } }));
    cleanups.push(() => api('DELETE', `${STK}/personen/${bram.id}`, { token }));
    body = await ok(await api('POST', `${STK}/gremia`, { token, body: { naam: `E2E-werkgroep ${stamp}`, soort: 'werkgroep', actielijnen: [2], vergaderfrequentieWeken: 3 } }));
    // Deleting the body deletes its seats and rounds as well.
    cleanups.push(() => api('DELETE', `${STK}/gremia/${body.id}`, { token }));
    const since = isoDate(-60);
    await ok(await api('POST', `${STK}/zetels`, { token, body: { gremiumId: body.id, rol: 'lid', achterban: `E2E-achterban ${stamp}`, personen: [anna.id], organisatieIds: [org.id], startdatum: since } }));
    await ok(await api('POST', `${STK}/zetels`, { token, body: { gremiumId: body.id, rol: 'voorzitter', personen: [bram.id], startdatum: since } }));
    await ok(await api('POST', `${STK}/betrokkenheden`, { token, body: { persoonId: anna.id, doelType: 'project', doelId: project.id, rol: 'deelnemer', toelichting: 'E2E' } }));
    round = await ok(await api('POST', `${STK}/achterbanraadplegingen`, { token, body: { gremiumId: body.id, sessiedatum: isoDate(-3), onderwerp: `E2E-raadpleging ${stamp}` } }));

    browser = await launch();
    page = await browser.context.newPage();
    await login(page);
  });

  after(async () => {
    await browser?.close();
    for (const fn of cleanups.reverse()) await fn().catch(() => {});
  });

  async function assertAccessible(name) {
    const violations = await axe(page);
    await screenshot(page, name);
    assert.deepEqual(violations, [], `axe found serious or critical violations on ${name}:\n${describeViolations(violations)}`);
  }

  test('organisations: filter by type and search; an organisation page', async () => {
    await page.getByRole('link', { name: 'Organisaties en netwerk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisaties' }).waitFor();
    const table = page.getByTestId('organisaties');
    await table.waitFor();
    const all = await table.locator('tbody tr').count();
    assert.ok(all >= 30, `the seed's organisations are listed (${all})`);
    await assertAccessible('people-01-organisaties');

    await page.getByLabel('Soort organisatie').selectOption('gemeente');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('type') === 'gemeente');
    const types = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    assert.ok(types.length >= 14, `the 14 municipalities (${types.length})`);
    assert.ok(types.every((x) => x.trim() === 'Gemeente'), 'only municipalities after the filter');

    await page.getByLabel('Zoek op naam of sector').fill('enschede');
    await page.getByRole('status').filter({ hasText: '1 organisaties gevonden.' }).waitFor();
    await table.getByRole('link', { name: 'Gemeente Enschede' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gemeente Enschede' }).waitFor();
    for (const h of ['Mensen', 'Zetels in gremia', 'Betrokkenheid', 'Gegevens']) await page.getByRole('heading', { name: new RegExp(`^${h}`) }).waitFor();
    await page.getByText('GM0153').waitFor();
    await assertAccessible('people-02-organisatie');
  });

  test('an editor adds an organisation; the CBS-code rule comes back from the server at its field', async () => {
    await page.goto(`${GATEWAY}/organisaties`);
    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    const naam = `E2E-organisatie ${stamp}`;
    await page.getByLabel('Naam', { exact: true }).fill(naam);
    await page.getByLabel('Soort', { exact: true }).selectOption('gemeente');
    await page.getByRole('button', { name: 'Organisatie opslaan' }).click();
    // A municipality without a CBS code: the server's problem appears next to the field.
    const cbs = page.getByLabel('CBS-code');
    await page.waitForFunction(() => document.getElementById('org-cbsCode')?.getAttribute('aria-invalid') === 'true');
    const errorId = (await cbs.getAttribute('aria-describedby')).split(' ').pop();
    assert.match(await page.locator(`#${errorId}`).textContent(), /CBS-code/);
    await page.getByRole('alert').filter({ hasText: 'Er is een probleem' }).waitFor();
    await assertAccessible('people-03-organisatie-fout');

    await page.getByLabel('Soort', { exact: true }).selectOption('overig');
    await page.getByRole('button', { name: 'Organisatie opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: naam }).waitFor();
    const id = page.url().split('/').pop();
    cleanups.push(() => api('DELETE', `${STK}/organisaties/${id}`, { token }));
    const saved = (await api('GET', `${STK}/organisaties/${id}`, { token })).json;
    assert.equal(saved.type, 'overig');
    assert.equal(saved.cbsCode, null);
  });

  test('a person’s page: organisation, seats, involvements, rounds, and the export for a beheerder', async () => {
    await page.goto(`${GATEWAY}/personen/${anna.id}`);
    await page.getByRole('heading', { level: 1, name: anna.naam }).waitFor();
    await page.getByRole('complementary').getByRole('link', { name: org.naam }).waitFor();
    const seats = page.getByTestId('zetels');
    await seats.getByRole('link', { name: body.naam }).waitFor();
    await seats.getByText(`E2E-achterban ${stamp}`).waitFor();
    const involvement = page.getByTestId('betrokkenheden').getByRole('link', { name: project.titel });
    assert.equal(await involvement.getAttribute('href'), `/projecten/${project.id}`);
    const rounds = page.getByTestId('persoon-rondes');
    await rounds.getByText('Nog niet gereageerd').waitFor();
    await assertAccessible('people-04-persoon');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Alle gegevens downloaden (AVG)' }).click()]);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(file.persoon.naam, anna.naam);
    assert.equal(file.zetels.length, 1);
    assert.equal(file.betrokkenheden.length, 1);
  });

  test('an editor changes a person; the change is saved', async () => {
    await page.getByRole('button', { name: 'Persoon bewerken' }).click();
    await page.getByLabel('Functie').fill('Programmamanager');
    await page.getByLabel('E-mailadres').fill('geen-adres');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.waitForFunction(() => document.getElementById('persoon-email')?.getAttribute('aria-invalid') === 'true');
    await page.getByLabel('E-mailadres').fill('anna.e2e@example.org');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    const saved = (await api('GET', `${STK}/personen/${anna.id}`, { token })).json;
    assert.equal(saved.functie, 'Programmamanager');
    assert.equal(saved.email, 'anna.e2e@example.org');
  });

  test('the network graph renders with its text alternative; filters narrow it', async () => {
    await page.goto(`${GATEWAY}/netwerk`);
    await page.getByRole('heading', { level: 1, name: 'Netwerk' }).waitFor();
    const graph = page.getByTestId('netwerkgrafiek');
    await graph.locator('svg').waitFor();
    assert.match(await graph.getAttribute('aria-label'), /Netwerkgrafiek met \d+ knopen/);
    const table = page.getByTestId('netwerk-tabel');
    const allRows = await table.locator('tbody tr').count();
    assert.ok(allRows > 50, `every node is in the table (${allRows})`);
    // The graph draws the nodes (SVG paths); wait for the force layout to settle a little.
    await page.waitForTimeout(1500);
    assert.ok((await graph.locator('svg path').count()) > 50, 'the graph has nodes and edges');
    await assertAccessible('people-05-netwerk');

    await page.getByRole('combobox', { name: 'Actielijn' }).selectOption('2');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=netwerk-tabel] tbody tr').length < n, allRows);
    // Our body belongs to line 2: it and its members are in the filtered network.
    await table.getByRole('rowheader', { name: body.naam }).waitFor();
    await table.getByRole('rowheader', { name: anna.naam }).waitFor();

    await page.getByLabel('Zoek een naam').fill(anna.naam);
    const row = table.locator('tr', { has: page.getByRole('rowheader', { name: anna.naam }) });
    await row.getByText(/Zetel in \(Lid\)/).waitFor();
    await row.getByRole('link', { name: body.naam }).waitFor();
    await row.getByRole('link', { name: org.naam }).waitFor();
    await row.getByRole('link', { name: project.titel }).waitFor();
    // Only people: the body and the organisation disappear from the table.
    for (const kind of ['Actielijn', 'Gremium', 'Organisatie', 'Project', 'Programma']) await page.getByRole('checkbox', { name: kind }).uncheck();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('soort') === 'persoon');
    assert.equal(await table.getByRole('rowheader', { name: body.naam }).count(), 0);
    await table.getByRole('rowheader', { name: anna.naam }).waitFor();
  });

  test('a round shows who has and has not responded; an editor records input', async () => {
    await page.goto(`${GATEWAY}/raadplegingen`);
    await page.getByRole('heading', { level: 1, name: 'Achterbanraadplegingen' }).waitFor();
    const list = page.getByTestId('raadplegingen');
    const row = list.locator('tr', { hasText: `E2E-raadpleging ${stamp}` });
    await row.getByText('0 van 2 gereageerd').waitFor();
    await assertAccessible('people-06-raadplegingen');

    await row.getByRole('link', { name: body.naam }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${body.naam}`) }).waitFor();
    const open = page.getByTestId('niet-gereageerd');
    await open.getByRole('link', { name: anna.naam }).waitFor();
    await open.getByRole('link', { name: bram.naam }).waitFor();
    await page.getByText('Nog niemand heeft gereageerd.').waitFor();

    await page.getByRole('button', { name: 'Inbreng vastleggen' }).click();
    await page.getByLabel('Lid', { exact: true }).selectOption(anna.id);
    await page.getByLabel('Inbreng', { exact: true }).fill('De achterban vraagt om meer aandacht voor wachttijden.');
    await page.getByRole('button', { name: 'Inbreng opslaan' }).click();
    await page.getByText(`De inbreng van ${anna.naam} is vastgelegd.`).waitFor();
    const done = page.getByTestId('gereageerd');
    await done.getByRole('link', { name: anna.naam }).waitFor();
    await done.getByText('De achterban vraagt om meer aandacht voor wachttijden.').waitFor();
    await done.getByText(/^Op tijd/).waitFor();
    assert.equal(await open.getByRole('link', { name: anna.naam }).count(), 0);
    await open.getByRole('link', { name: bram.naam }).waitFor();
    await page.getByRole('heading', { name: /^Gereageerd \(1\)/ }).waitFor();
    await page.getByRole('heading', { name: /^Nog niet gereageerd \(1\)/ }).waitFor();
    await assertAccessible('people-07-raadpleging');

    const saved = (await api('GET', `${STK}/achterbanraadplegingen/${round.id}`, { token })).json;
    assert.deepEqual(saved.gereageerd.map((g) => g.persoonId), [anna.id]);
    assert.deepEqual(saved.nietGereageerd.map((g) => g.persoonId), [bram.id]);
  });

  test('an editor creates a round in the app', async () => {
    await page.goto(`${GATEWAY}/raadplegingen`);
    await page.getByRole('button', { name: 'Raadpleging aanmaken' }).click();
    await page.getByLabel('Gremium', { exact: true }).selectOption(body.id);
    await page.getByLabel('Onderwerp').fill(`E2E-tweede ronde ${stamp}`);
    await page.getByLabel('Sessiedatum').fill(isoDate(-1));
    await page.getByRole('button', { name: 'Raadpleging opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${body.naam}`) }).waitFor();
    await page.getByText(`E2E-tweede ronde ${stamp}`).waitFor();
    await page.getByRole('heading', { name: /^Nog niet gereageerd \(2\)/ }).waitFor();
  });

  test('a lezer gets no edit controls on these screens', async () => {
    const lezer = await createUser('lezer');
    cleanups.push(async () => {
      const cur = await api('GET', `${AUTH}/gebruikers/${lezer.id}`, { token });
      await api('PATCH', `${AUTH}/gebruikers/${lezer.id}`, { token, body: { actief: false }, headers: { 'If-Match': cur.headers.get('etag') } });
    });
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
    await login(page, lezer.gebruikersnaam, lezer.wachtwoord);
    for (const [path, heading] of [
      ['/organisaties', 'Organisaties'],
      [`/personen/${anna.id}`, anna.naam],
      [`/raadplegingen/${round.id}`, new RegExp(`^${body.naam}`)],
      ['/raadplegingen', 'Achterbanraadplegingen'],
    ]) {
      await page.goto(`${GATEWAY}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.getByRole('main').locator('table, ul').first().waitFor();
      assert.equal(await page.getByRole('main').getByRole('button').count(), 0, `no buttons for a lezer on ${path}`);
    }
    await assertAccessible('people-08-lezer-raadplegingen');
    // The server refuses a lezer's write too.
    const lt = (await api('POST', `${AUTH}/sessies`, { body: { gebruikersnaam: lezer.gebruikersnaam, wachtwoord: lezer.wachtwoord } })).json.accessToken;
    const denied = await api('POST', `${STK}/organisaties`, { token: lt, body: { naam: `E2E-geweigerd ${stamp}`, type: 'overig' } });
    assert.equal(denied.status, 403);
  });

  test('usable at 360 px: no sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    for (const [path, ready] of [
      ['/organisaties', 'organisaties'],
      [`/personen/${anna.id}`, 'zetels'],
      ['/netwerk', 'netwerk-tabel'],
      [`/raadplegingen/${round.id}`, 'gereageerd'],
    ]) {
      await page.goto(`${GATEWAY}${path}`);
      await page.getByTestId(ready).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 360px`);
    }
    await screenshot(page, 'people-09-raadpleging-360');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
