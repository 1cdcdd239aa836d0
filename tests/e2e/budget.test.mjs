// The budget screens against the real stack. The stack of the test run has no demo data, so the
// test makes its own through the API: a funding source, a structural budget line of this year on
// a seeded project and a pledge of Enschede. Then in the browser: the multi-year table shows the
// line in Dutch notation, coverage shows, an editor adds a line and changes a contribution, the
// split over the 14 municipalities sums to the amount, Enschede's statement renders, CSV
// downloads work, the project page and the dashboard show the money, 360 px works, and a lezer
// gets no edit controls. axe-core and a screenshot on every screen; everything made is removed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { GATEWAY, adminToken, api, axe, createUser, describeViolations, launch, login, screenshot } from './lib/browser.mjs';

const C = '/api/contributions/v1';
const PORTFOLIO = '/api/portfolio/v1';
const money = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
/** Cents in the app's notation: "€ 1.234,56" (a non-breaking space after the sign). */
const euro = (cents) => money.format(cents / 100);
/** "€ 1.234,56" back to cents (the app always writes two decimals). */
const cents = (text) => Number(text.replace(/[^\d]/g, ''));
const YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()));

describe('the budget screens', () => {
  const stamp = Date.now().toString(36);
  const LINE_CENTS = 123456789; // € 1.234.567,89
  const PLEDGE_CENTS = 250000; // € 2.500,00
  let token;
  let browser;
  let page;
  let project;
  let source;
  let line;
  let pledge;
  let uiLineId = null;
  let reader = null;

  async function assertAccessible(name) {
    const violations = await axe(page);
    await screenshot(page, name);
    assert.deepEqual(violations, [], `axe found serious or critical violations on ${name}:\n${describeViolations(violations)}`);
  }

  async function created(res, what) {
    assert.equal(res.status, 201, `creating ${what}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  }

  before(async () => {
    token = await adminToken();
    const projects = (await api('GET', `${PORTFOLIO}/projecten?actielijn=1&limit=100`, { token })).json.projecten;
    project = projects.sort((a, b) => a.rang - b.rang)[0];
    source = await created(
      await api('POST', `${C}/financieringsbronnen`, { token, body: { naam: `E2E-bron ${stamp}`, soort: 'subsidie', beschikbaarBedrag: 1000000 } }),
      'a funding source',
    );
    line = await created(
      await api('POST', `${C}/begrotingsregels`, {
        token,
        body: { scope: 'project', projectId: project.id, actielijn: 1, jaar: YEAR, aard: 'structureel', categorie: 'projectleiding', omschrijving: `E2E-regel ${stamp}`, bedrag: LINE_CENTS },
      }),
      'a budget line',
    );
    pledge = await created(
      await api('POST', `${C}/bijdragen`, {
        token,
        body: { gemeente: 'GM0153', scope: 'project', projectId: project.id, actielijn: 1, jaar: YEAR, soort: 'geld', bedrag: PLEDGE_CENTS, status: 'toegezegd', financieringsbronId: source.id, toelichting: `E2E-bijdrage ${stamp}` },
      }),
      'a contribution',
    );
    browser = await launch();
    page = await browser.context.newPage();
    await login(page);
  });

  after(async () => {
    await browser?.close();
    if (pledge) await api('DELETE', `${C}/bijdragen/${pledge.id}`, { token });
    for (const id of [line?.id, uiLineId]) if (id) await api('DELETE', `${C}/begrotingsregels/${id}`, { token });
    if (source) await api('DELETE', `${C}/financieringsbronnen/${source.id}`, { token });
    if (reader) {
      const cur = await api('GET', `/api/auth/v1/gebruikers/${reader.id}`, { token });
      await api('PATCH', `/api/auth/v1/gebruikers/${reader.id}`, { token, body: { actief: false }, headers: { 'If-Match': cur.headers.get('etag') } });
    }
  });

  test('the multi-year table shows the line in Dutch notation under its project', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Begroting' }).click();
    await page.getByRole('heading', { name: 'Begroting', level: 1 }).waitFor();
    const table = page.getByTestId('begroting-tabel');
    const link = table.getByRole('link', { name: `E2E-regel ${stamp}, ${YEAR}: ${euro(LINE_CENTS)}` });
    await link.waitFor();
    assert.equal(await link.textContent(), '€\u00a01.234.567,89');
    await table.getByRole('columnheader', { name: String(YEAR) }).waitFor();
    await table.getByRole('link', { name: `Project: ${project.titel}` }).waitFor();
    await table.getByRole('row', { name: /Totaal structureel/ }).waitFor();
    await assertAccessible('30-begroting');
  });

  test('coverage and gap per year: a chart and the same figures as a table', async () => {
    const dekking = (await api('GET', `${C}/dekking?jaar=${YEAR}`, { token })).json.jaren.find((j) => j.jaar === YEAR).totaal;
    assert.ok(dekking.begroot.totaal >= LINE_CENTS && dekking.toegezegd >= PLEDGE_CENTS);
    const row = page.getByTestId('dekking-tabel').getByRole('row', { name: new RegExp(`^${YEAR}`) });
    const text = await row.textContent();
    assert.ok(text.includes(euro(dekking.begroot.totaal)), `budget ${euro(dekking.begroot.totaal)} in "${text}"`);
    assert.ok(text.includes(euro(dekking.toegezegd)), `pledged ${euro(dekking.toegezegd)} in "${text}"`);
    await page.getByTestId('dekking-grafiek').locator('svg').waitFor();
  });

  test('contributions per partner, the funding source and the contribution itself', async () => {
    await page.getByTestId('partners-tabel').getByRole('row', { name: /Enschede/ }).waitFor();
    const src = await page.getByTestId('bronnen-tabel').getByRole('row', { name: new RegExp(`E2E-bron ${stamp}`) }).textContent();
    assert.ok(src.includes(euro(PLEDGE_CENTS)) && src.includes(euro(1000000)), src);
    const mine = page.getByTestId('bijdragen-tabel').getByRole('row', { name: new RegExp(`E2E-bijdrage ${stamp}`) });
    assert.match(await mine.textContent(), /Enschede.*Project: .*Toegezegd.*€\u00a02\.500,00/);
  });

  test('an editor changes the contribution (If-Match) and adds a budget line with a problem first', async () => {
    const mine = page.getByTestId('bijdragen-tabel').getByRole('row', { name: new RegExp(`E2E-bijdrage ${stamp}`) });
    await mine.getByRole('button', { name: /wijzigen/ }).click();
    const form = page.getByTestId('bijdrage-formulier');
    await form.getByLabel('Bedrag in euro').fill('3.000,50');
    await form.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('De bijdrage is opgeslagen.').waitFor();
    assert.equal((await api('GET', `${C}/bijdragen/${pledge.id}`, { token })).json.bedrag, 300050);
    await page.getByTestId('bijdragen-tabel').getByRole('row', { name: new RegExp(`E2E-bijdrage ${stamp}`) }).getByText('€\u00a03.000,50', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Begrotingsregel toevoegen' }).click();
    const lf = page.getByTestId('begrotingsregel-formulier');
    await lf.getByLabel('Categorie').fill('onderzoek');
    await lf.getByLabel('Omschrijving').fill(`E2E-ui-regel ${stamp}`);
    await lf.getByLabel('Bedrag in euro').fill('12,345');
    await lf.getByRole('button', { name: 'Begrotingsregel toevoegen' }).click();
    // The problem is said next to the field and in the summary, which links to it.
    await lf.getByRole('alert').getByRole('link', { name: /Bedrag in euro: .*twee cijfers/ }).waitFor();
    assert.equal(await lf.getByLabel('Bedrag in euro').getAttribute('aria-invalid'), 'true');
    await assertAccessible('31-begroting-formulier');
    await lf.getByLabel('Bedrag in euro').fill('12.345');
    await lf.getByRole('button', { name: 'Begrotingsregel toevoegen' }).click();
    await page.getByText('De begrotingsregel is opgeslagen.').waitFor();
    const found = (await api('GET', `${C}/begrotingsregels?jaar=${YEAR}&categorie=onderzoek&limit=100`, { token })).json.begrotingsregels.find((l) => l.omschrijving === `E2E-ui-regel ${stamp}`);
    assert.ok(found, 'the new line is stored');
    uiLineId = found.id;
    assert.equal(found.bedrag, 1234500);
    await page.getByTestId('begroting-tabel').getByRole('link', { name: `E2E-ui-regel ${stamp}, ${YEAR}: ${euro(1234500)}` }).waitFor();
  });

  test('the budget downloads as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Begroting downloaden (CSV)' }).click()]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.ok(csv.includes(`E2E-regel ${stamp}`) && csv.includes('1234567,89'), 'the line with its amount in euros');
  });

  test('the line page shows the line', async () => {
    await page.goto(`${GATEWAY}/begroting/regels/${line.id}`);
    await page.getByRole('heading', { name: `E2E-regel ${stamp}`, level: 1 }).waitFor();
    await page.getByText(euro(LINE_CENTS), { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Begrotingsregel wijzigen' }).waitFor();
    await assertAccessible('32-begrotingsregel');
  });

  test('the split of the line over the 14 municipalities sums exactly to its amount', async () => {
    await page.getByRole('link', { name: 'Dit bedrag verdelen over de 14 gemeenten' }).click();
    await page.getByRole('heading', { name: 'Verdeling over de gemeenten', level: 1 }).waitFor();
    const shares = page.getByTestId('aandeel');
    await shares.first().waitFor();
    assert.equal(await shares.count(), 14);
    const sum = (await shares.allTextContents()).reduce((a, s) => a + cents(s), 0);
    assert.equal(sum, LINE_CENTS);
    assert.equal(await page.getByTestId('verdeling-totaal').textContent(), euro(LINE_CENTS));
    await page.getByTestId('verdeling-grafiek').locator('svg').waitFor();
    await assertAccessible('33-verdeling');
  });

  test('choosing an amount and the structural budget recomputes the split', async () => {
    await page.getByLabel('Een bedrag').check();
    await page.getByLabel('Bedrag in euro').fill('1.000,01');
    await page.getByRole('button', { name: 'Verdeling tonen' }).click();
    await page.getByTestId('verdeling-totaal').getByText(euro(100001)).waitFor();
    const sum = (await page.getByTestId('aandeel').allTextContents()).reduce((a, s) => a + cents(s), 0);
    assert.equal(sum, 100001);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Verdeling downloaden (CSV)' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.ok(csv.includes('GM0153'), 'one line per municipality');
  });

  test('Enschede’s statement renders, with the line’s share and the pledge, and downloads as CSV', async () => {
    await page.getByRole('link', { name: 'Enschede', exact: true }).click();
    await page.getByRole('heading', { name: `Jaaroverzicht Enschede ${YEAR}`, level: 1 }).waitFor();
    const perLine = page.getByTestId('jaaroverzicht-regels').getByRole('row', { name: new RegExp(`E2E-regel ${stamp}`) });
    await perLine.waitFor();
    const weights = (await api('GET', `${C}/verdelingen?begrotingsregel=${line.id}`, { token })).json;
    const enschede = weights.aandelen.find((a) => a.gemeente === 'GM0153').aandeel;
    assert.ok((await perLine.textContent()).includes(euro(enschede)), 'Enschede’s share of the line as the service splits it');
    await page.getByTestId('jaaroverzicht-bijdragen').getByRole('row', { name: new RegExp(`E2E-bijdrage ${stamp}`) }).getByText(euro(300050)).first().waitFor();
    await assertAccessible('34-jaaroverzicht');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Jaaroverzicht downloaden (CSV)' }).click()]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.ok(csv.includes(`GM0153;${YEAR};aandeel`), csv.slice(0, 300));
    // On paper: the statement without the buttons and the choice of year.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Afdrukken' }).isVisible(), false);
    assert.equal(await page.getByTestId('jaaroverzicht-regels').isVisible(), true);
    await screenshot(page, '34-jaaroverzicht-print');
    await page.emulateMedia({ media: 'screen' });
  });

  test('the project page and the dashboard show the money', async () => {
    await page.goto(`${GATEWAY}/projecten/${project.id}`);
    const section = page.getByTestId('project-begroting');
    await section.getByRole('link', { name: `E2E-regel ${stamp}` }).waitFor();
    await section.getByText(euro(300050)).first().waitFor();
    await assertAccessible('35-project-begroting');
    await page.goto(`${GATEWAY}/`);
    const tile = page.getByTestId('begroting-tegel');
    await tile.getByRole('heading', { name: `Begroting ${YEAR}` }).waitFor();
    await tile.getByText(/Gedekt/).waitFor();
    await tile.getByRole('link', { name: 'Naar de begroting' }).waitFor();
  });

  test('usable at 360 px: the page does not scroll sideways, the tables do', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    for (const path of ['/begroting', `/begroting/verdeling?jaar=${YEAR}`, `/begroting/gemeenten/GM0153?jaar=${YEAR}`]) {
      await page.goto(`${GATEWAY}${path}`);
      await page.locator('table').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 360px`);
    }
    await screenshot(page, '36-jaaroverzicht-360');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('a lezer sees the budget but no edit controls', async () => {
    reader = await createUser('lezer');
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await login(page, reader.gebruikersnaam, reader.wachtwoord);
    await page.goto(`${GATEWAY}/begroting`);
    await page.getByTestId('begroting-tabel').getByRole('link', { name: new RegExp(`E2E-regel ${stamp}`) }).waitFor();
    await page.getByTestId('bijdragen-tabel').waitFor();
    for (const name of ['Begrotingsregel toevoegen', 'Bijdrage toevoegen', /wijzigen/i]) {
      assert.equal(await page.getByRole('button', { name }).count(), 0, `no button ${name}`);
    }
    await page.getByRole('button', { name: 'Begroting downloaden (CSV)' }).waitFor();
    await assertAccessible('37-lezer-begroting');
    await page.goto(`${GATEWAY}/begroting/regels/${line.id}`);
    await page.getByRole('heading', { name: `E2E-regel ${stamp}`, level: 1 }).waitFor();
    assert.equal(await page.getByRole('main').getByRole('button').count(), 0);
  });
});
