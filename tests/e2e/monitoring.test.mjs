// The monitoring screens against the real stack, with data of their own (CI has no demo data):
// an indicator with a unique code, a norm, and a year of observations for the 14 municipalities,
// pushed through the API. Then: the catalogue lists it; its page shows the chart, the map and
// the ranking; a CSV with one bad row gives a dry run with the rejected row, the import changes
// the ranking and the chart; the import history shows the batch and its rejected row; the
// signals page, the dashboard tile and the project page show it; a reader gets no upload form.
// axe-core and a screenshot on every screen.
//
// The setup data is pushed the way Kennispunt does it: a machine client with monitoring:ingest.
// The upload through the screen runs with the logged-in administrator's own token (staff
// editors and administrators carry monitoring:ingest).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GATEWAY, adminToken, api, axe, createUser, describeViolations, launch, login, screenshot } from './lib/browser.mjs';

const MON = '/api/monitoring/v1';
const AUTH = '/api/auth/v1';
const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.toUpperCase();
const CODE = `E2E_MON_${stamp}`;
const NAME = `E2E-indicator ${stamp}`;
const QUARTERS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'];
// Per quarter an offset on each municipality's base value: up, down, up — never three steps
// worse in a row, so the only signal is the norm breach below.
const OFFSETS = [0, 15, 5, 8];
const BREACH = { code: 'GM0141', naam: 'Almelo', value: 80 }; // above norm 50 + margin 10: red
const UPLOAD = { code: 'GM0153', naam: 'Enschede', period: '2025-Q1', value: 999 };

async function clientToken(clientId, secret) {
  const res = await fetch(`${GATEWAY}${AUTH}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).toString(),
  });
  const json = await res.json();
  if (res.status !== 200) throw new Error(`client token: ${res.status} ${JSON.stringify(json)}`);
  return json.access_token;
}

describe('monitoring', () => {
  let browser;
  let page;
  let token;
  let ingest;
  let municipalities;
  let projectId;
  let userScopes;
  const cleanups = [];

  before(async () => {
    token = await adminToken();
    userScopes = (await api('GET', `${AUTH}/mij`, { token })).json.scopes ?? [];

    const client = await api('POST', `${AUTH}/clients`, {
      token,
      body: { clientId: `e2e-monitoring-${stamp.toLowerCase()}`, naam: `E2E monitoring ${stamp}`, scopes: ['monitoring:read', 'monitoring:ingest'] },
    });
    assert.equal(client.status, 201, JSON.stringify(client.json));
    cleanups.push(async () => {
      const cur = await api('GET', `${AUTH}/clients/${client.json.id}`, { token });
      await api('PATCH', `${AUTH}/clients/${client.json.id}`, { token, body: { actief: false }, headers: { 'If-Match': cur.headers.get('etag') } });
    });
    ingest = await clientToken(client.json.clientId, client.json.clientSecret);

    projectId = (await api('GET', '/api/portfolio/v1/projecten?limit=1', { token })).json.projecten[0].id;
    const created = await api('POST', `${MON}/indicatoren`, {
      token,
      body: {
        code: CODE,
        naam: NAME,
        beschrijving: 'Indicator van de end-to-endtest van de monitoringschermen.',
        eenheid: 'aantal',
        richting: 'lager_is_beter',
        bron: 'tmsd',
        frequentie: 'kwartaal',
        regionaleWaarde: 'som',
        principes: [7],
        actielijnen: [4],
        projecten: [projectId],
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    // Indicators cannot be deleted through the API: unlink the project again afterwards.
    cleanups.push(async () => {
      const cur = await api('GET', `${MON}/indicatoren/${CODE}`, { token });
      const { code: _code, ...rest } = cur.json;
      await api('PUT', `${MON}/indicatoren/${CODE}`, { token, body: { ...rest, projecten: [] }, headers: { 'If-Match': cur.headers.get('etag') } });
    });

    const norm = await api('POST', `${MON}/normen`, {
      token,
      body: { indicator: CODE, gebied: null, vergelijking: '<=', waarde: 50, marge: 10, geldigVanaf: '2024-01-01', toelichting: 'E2E-norm' },
    });
    assert.equal(norm.status, 201, JSON.stringify(norm.json));
    cleanups.push(async () => {
      const cur = await api('GET', `${MON}/normen/${norm.json.id}`, { token });
      await api('DELETE', `${MON}/normen/${norm.json.id}`, { token, headers: { 'If-Match': cur.headers.get('etag') } });
    });

    municipalities = (await api('GET', `${MON}/gebieden?niveau=gemeente&limit=100`, { token })).json.gebieden;
    assert.equal(municipalities.length, 14);
    const observaties = municipalities.flatMap((g, i) =>
      QUARTERS.map((periode, q) => ({
        indicator: CODE,
        gebied: g.code,
        periode,
        waarde: g.code === BREACH.code && q === 3 ? BREACH.value : 10 + i + OFFSETS[q],
        status: 'definitief',
      })),
    );
    const push = await api('POST', `${MON}/importen`, { token: ingest, body: { observaties } });
    assert.equal(push.status, 201, JSON.stringify(push.json));

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

  const ranking = () => page.getByTestId('rangorde');
  const rankRow = (code) => ranking().locator(`tbody tr[data-code="${code}"]`);

  test('the catalogue lists the new indicator and filters by action line', async () => {
    await page.getByRole('link', { name: 'Monitoring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Monitoring' }).waitFor();
    await page.getByTestId('indicator').first().waitFor();
    await page.getByLabel('Zoeken op naam, code of omschrijving').fill(stamp);
    await page.getByRole('link', { name: NAME }).waitFor();
    assert.equal(await page.getByTestId('indicator').count(), 1);
    await page.getByLabel('Actielijn', { exact: true }).selectOption('1');
    await page.getByText('Geen indicatoren gevonden met deze filters.').waitFor();
    await page.getByLabel('Actielijn', { exact: true }).selectOption('4');
    await page.getByRole('link', { name: NAME }).waitFor();
    await assertAccessible('monitoring-01-catalogus');
  });

  test('the indicator page shows the chart with the region and the norm, the map and the ranking', async () => {
    await page.getByRole('link', { name: NAME }).click();
    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    await page.getByTestId('reeks-grafiek').locator('svg path').first().waitFor({ state: 'attached' });
    await page.getByTestId('kaart').locator('path').first().waitFor();
    assert.equal(await page.getByTestId('kaart').locator('path').count(), 14);
    await page.getByText('Gemeentegrenzen: CBS Gebiedsindelingen 2024 (CBS / PDOK),').waitFor();
    assert.equal(await ranking().locator('tbody tr').count(), 14);
    // Lower is better: the breach ranks last, red against the norm.
    const last = ranking().locator('tbody tr').last();
    assert.match(await last.innerText(), new RegExp(`14\\s+${BREACH.naam}\\s+80`));
    assert.match(await rankRow(BREACH.code).innerText(), /Mist de norm/);
    assert.match(await ranking().locator('caption').innerText(), /≤ 50/);

    // The chart's numbers as a table: the region is the sum of the municipalities.
    const q4 = municipalities.reduce((s, g, i) => s + (g.code === BREACH.code ? BREACH.value : 10 + i + OFFSETS[3]), 0);
    await page.getByText('De grafiek als tabel').click();
    const table = page.getByTestId('reeks-tabel');
    assert.match(await table.locator('tr', { hasText: '4e kwartaal 2024' }).innerText(), new RegExp(`${q4}\\s+50`));
    // Choosing a municipality adds its line (and column).
    await page.getByLabel(BREACH.naam, { exact: true }).check();
    await table.getByRole('columnheader', { name: BREACH.naam }).waitFor();
    assert.match(page.url(), new RegExp(`gebieden=[^&]*${BREACH.code}`));
    await assertAccessible('monitoring-02-indicator');
  });

  test('a CSV with one bad row: the dry run shows it, the import changes ranking and chart', async () => {
    await page.getByRole('link', { name: 'Importen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importen' }).waitFor();
    const csv = `indicator;gebied;periode;waarde;teller;noemer;status\n${CODE};${UPLOAD.code};${UPLOAD.period};${UPLOAD.value};;;voorlopig\n${CODE};GM9999;${UPLOAD.period};5;;;\n`;
    await page.getByLabel('CSV-bestand', { exact: true }).setInputFiles({ name: 'waarnemingen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('bestand-info').filter({ hasText: '2 gegevensrijen, scheidingsteken ;' }).waitFor();

    assert.ok(userScopes.includes('monitoring:ingest'), 'the administrator may upload with their own token');
    const pushes = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/importen?')) pushes.push({ url: r.url(), key: r.headers()['idempotency-key'] });
    });

    await page.getByLabel('Importeer de goede rijen en sla de afgekeurde over').check();
    await page.getByRole('button', { name: 'Controleren (proefimport)' }).click();
    const preview = page.getByTestId('proefimport');
    await preview.waitFor();
    assert.match(await preview.getByTestId('aantal-afgewezen').innerText(), /1/);
    assert.match(await preview.getByTestId('aantal-aangemaakt').innerText(), /1/);
    const rejected = preview.getByTestId('afwijzingen');
    assert.match(await rejected.innerText(), /GM9999/);
    assert.match(await rejected.locator('tbody tr').first().innerText(), /^2\s+3\s+gebied/);
    await assertAccessible('monitoring-03-proefimport');

    await preview.getByRole('button', { name: 'Goede rijen importeren (1)' }).click();
    const result = page.getByTestId('importresultaat');
    await result.waitFor();
    assert.match(await result.innerText(), /1 nieuw/);
    const real = pushes.find((p) => !p.url.includes('dryRun=true'));
    assert.ok(real, 'the real import was sent');
    assert.match(real.url, /modus=gedeeltelijk/);
    assert.ok(real.key && real.key.length >= 16, 'the import carries an Idempotency-Key');
    assert.ok(pushes.filter((p) => p.url.includes('dryRun=true')).every((p) => !p.key), 'the dry run carries none');

    // The history shows the batch (newest first) with its rejected row.
    const batch = page.getByTestId('import').first();
    await batch.filter({ hasText: 'Gedeeltelijk verwerkt' }).waitFor();
    assert.match(await batch.innerText(), new RegExp(real.key));
    await batch.getByText('Afgekeurde rijen (1)').click();
    await batch.getByTestId('afwijzingen').filter({ hasText: 'GM9999' }).waitFor();
    await assertAccessible('monitoring-04-importen');

    // The indicator page shows the new value: latest period 2025-Q1, in the ranking and the chart.
    await page.goto(`${GATEWAY}/monitoring/indicatoren/${CODE}?gebieden=TWENTE,norm,${UPLOAD.code}`);
    await ranking().waitFor();
    assert.match(await page.getByLabel('Periode', { exact: true }).locator('option:checked').innerText(), /1e kwartaal 2025/);
    assert.match(await rankRow(UPLOAD.code).innerText(), /999/);
    assert.match(await ranking().locator('tbody tr').last().innerText(), new RegExp(UPLOAD.naam));
    await page.getByText('De grafiek als tabel').click();
    const row = page.getByTestId('reeks-tabel').locator('tr', { hasText: '1e kwartaal 2025' });
    assert.match(await row.innerText(), /999\s+999\s+50/); // region (only Enschede has 2025-Q1), Enschede, norm
    // An earlier period still shows the old ranking.
    await page.getByLabel('Periode', { exact: true }).selectOption('2024-Q4');
    await ranking().locator('caption', { hasText: '4e kwartaal 2024' }).waitFor();
    assert.doesNotMatch(await rankRow(UPLOAD.code).innerText(), /999/);
  });

  test('the signals page shows the norm breaches', async () => {
    await page.getByRole('link', { name: 'Signalen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Signalen' }).waitFor();
    await page.getByLabel('Actielijn', { exact: true }).selectOption('4');
    const group = page.getByTestId('signaalgroep').filter({ has: page.getByRole('link', { name: NAME }) });
    await group.waitFor();
    // The breach pushed in the setup and the value uploaded through the screen, both above the
    // norm plus its margin; nothing else.
    const signals = group.getByTestId('signaal');
    await signals.nth(1).waitFor(); // count() does not wait for the filtered list to render
    assert.equal(await signals.count(), 2);
    assert.match(await signals.filter({ hasText: BREACH.naam }).innerText(), /Norm[\s\S]*80[\s\S]*≤ 50[\s\S]*Mist de norm/);
    assert.match(await signals.filter({ hasText: UPLOAD.naam }).innerText(), /999[\s\S]*Mist de norm/);
    await assertAccessible('monitoring-05-signalen');
  });

  test('the dashboard has a signals tile and the project page the linked indicator', async () => {
    await page.getByRole('link', { name: 'Overzicht' }).click();
    const tile = page.getByTestId('signalen-tegel');
    await tile.getByRole('link', { name: 'Alle signalen bekijken' }).waitFor();
    assert.match(await tile.innerText(), /\d+ signalen in \d+ gemeenten/);

    await page.goto(`${GATEWAY}/projecten/${projectId}`);
    const linked = page.getByTestId('project-indicatoren');
    await linked.getByRole('link', { name: NAME }).waitFor();
    await linked.getByTestId('reeks-grafiek').locator('svg path').first().waitFor({ state: 'attached' });
    assert.match(await linked.innerText(), /Twente, 1e kwartaal 2025: 999/);
    await assertAccessible('monitoring-06-project');
  });

  test('an unknown indicator gets its heading and a plain Dutch error', async () => {
    await page.goto(`${GATEWAY}/monitoring/indicatoren/BESTAAT_NIET_${stamp}`);
    await page.getByRole('heading', { level: 1, name: `BESTAAT_NIET_${stamp}` }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Dit bestaat niet (meer).' }).waitFor();
  });

  test('the 360 px layout keeps the indicator page within the screen', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${GATEWAY}/monitoring/indicatoren/${CODE}`);
    await ranking().waitFor();
    await page.getByTestId('kaart').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling of the page (${overflow}px)`);
    await assertAccessible('monitoring-07-indicator-360');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('a reader sees the import history but no upload form', async () => {
    const reader = await createUser('lezer');
    cleanups.push(async () => {
      const cur = await api('GET', `${AUTH}/gebruikers/${reader.id}`, { token });
      await api('PATCH', `${AUTH}/gebruikers/${reader.id}`, { token, body: { actief: false }, headers: { 'If-Match': cur.headers.get('etag') } });
    });
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await login(page, reader.gebruikersnaam, reader.wachtwoord);
    await page.goto(`${GATEWAY}/monitoring/importen`);
    await page.getByTestId('import').first().waitFor();
    assert.equal(await page.getByTestId('upload').count(), 0);
    assert.equal(await page.getByLabel('CSV-bestand', { exact: true }).count(), 0);
    await assertAccessible('monitoring-08-importen-lezer');
  });
});
