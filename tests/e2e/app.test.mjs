// The web app against the real stack: login, dashboard, a session that survives a reload,
// reordering priorities by keyboard (checked through the API), the project page with a new
// progress report and a server error next to its field, the bodies screen, the 360 px layout,
// logout; axe-core on every screen, a screenshot of each.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GATEWAY, adminToken, api, axe, describeViolations, launch, login, screenshot } from './lib/browser.mjs';

const PORTFOLIO = '/api/portfolio/v1';

describe('the web app', () => {
  let browser;
  let page;
  let token;
  const cleanups = [];

  before(async () => {
    token = await adminToken();
    browser = await launch();
    page = await browser.context.newPage();
  });

  after(async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => {});
    await browser?.close();
  });

  async function assertAccessible(name) {
    const violations = await axe(page);
    await screenshot(page, name);
    assert.deepEqual(violations, [], `axe found serious or critical violations on ${name}:\n${describeViolations(violations)}`);
  }

  test('the login screen is accessible and refuses a wrong password in plain Dutch', async () => {
    await page.goto(`${GATEWAY}/`);
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    await assertAccessible('01-inloggen');
    await page.getByLabel('Gebruikersnaam').fill('niemand-e2e');
    await page.getByLabel('Wachtwoord').fill('fout-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('alert').filter({ hasText: /Onjuiste gebruikersnaam of wachtwoord|Te veel pogingen/ }).waitFor();
  });

  test('log in and see the five action lines on the dashboard', async (t) => {
    await login(page);
    const cards = page.getByTestId('actielijn-kaart');
    await cards.first().waitFor();
    assert.equal(await cards.count(), 5);
    for (const title of ['Wonen en zorg', 'Onderwijs en zorg', 'Samenwerken met de sociale basis', 'Passende ambulante zorg']) {
      await page.getByRole('link', { name: new RegExp(title) }).first().waitFor();
    }
    await page.getByRole('heading', { name: 'Mijlpalen' }).waitFor();
    // The token lives in memory only.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.doesNotMatch(stored, /eyJ/, 'no token in web storage');
    await assertAccessible('02-overzicht');
  });

  test('the dashboard renders quickly on a fresh load (reported, not asserted)', async (t) => {
    await page.goto(`${GATEWAY}/`);
    await page.getByTestId('actielijn-kaart').first().waitFor();
    const ms = await page.evaluate(() => performance.now());
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return n ? Math.round(n.domContentLoadedEventEnd) : null;
    });
    t.diagnostic(`dashboard with data after ${Math.round(ms)} ms (DOMContentLoaded ${nav} ms)`);
  });

  test('a reload keeps the session through the refresh cookie', async () => {
    await page.reload();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await page.getByTestId('actielijn-kaart').first().waitFor();
  });

  test('reorder a priority with the keyboard; the new order persists', async () => {
    const before = (await api('GET', `${PORTFOLIO}/projecten?actielijn=1&limit=100`, { token })).json.projecten;
    const priorities = before.filter((p) => p.soort !== 'lopend').sort((a, b) => a.rang - b.rang);
    assert.ok(priorities.length >= 2, 'action line 1 has at least two priorities');
    const [first, second] = priorities;
    cleanups.push(async () => {
      await api('POST', `${PORTFOLIO}/projecten/${first.id}/rang`, { token, body: { rang: first.rang } });
    });

    await page.getByRole('link', { name: 'Actielijnen' }).click();
    await page.getByTestId('prioriteiten').waitFor();
    await assertAccessible('03-actielijn');
    const handle = page.getByRole('button', { name: new RegExp(`^Verplaats “${escape(first.titel)}”`) });
    await handle.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.getByText(/Volgorde opgeslagen/).waitFor();

    const moved = (await api('GET', `${PORTFOLIO}/projecten/${first.id}`, { token })).json;
    const other = (await api('GET', `${PORTFOLIO}/projecten/${second.id}`, { token })).json;
    assert.equal(moved.rang, second.rang, 'the moved project took the next rank');
    assert.equal(other.rang, first.rang, 'the other one moved up');

    await page.reload();
    await page.getByTestId('prioriteiten').waitFor();
    const titles = await page.getByTestId('prioriteiten').locator('.jt-rank__title').allTextContents();
    assert.equal(titles[0], second.titel);
    assert.equal(titles[1], first.titel);
  });

  test('the project page shows all parts and takes a new progress report', async () => {
    const created = await api('POST', `${PORTFOLIO}/projecten`, {
      token,
      body: { actielijn: 5, titel: `E2E-project ${Date.now()}`, soort: 'nieuw', beschrijving: 'Aangemaakt door de end-to-end-test.' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const project = created.json;
    cleanups.push(async () => {
      const cur = await api('GET', `${PORTFOLIO}/projecten/${project.id}`, { token });
      await api('PATCH', `${PORTFOLIO}/projecten/${project.id}`, { token, body: { status: 'gestopt' }, headers: { 'If-Match': cur.headers.get('etag') } });
      await api('DELETE', `${PORTFOLIO}/projecten/${project.id}`, { token });
    });

    await page.goto(`${GATEWAY}/projecten/${project.id}`);
    await page.getByRole('heading', { level: 1, name: project.titel }).waitFor();
    for (const h of ['Fase en geschiedenis', 'Randvoorwaarden', 'Mijlpalen', 'Voortgangsrapportages', 'Betrokken organisaties en personen']) {
      await page.getByRole('heading', { name: h }).waitFor();
    }
    await page.getByText('Nog geen voortgangsrapportages.').waitFor();
    await assertAccessible('04-project');

    await page.getByRole('button', { name: 'Rapportage schrijven' }).click();
    await page.getByLabel('Status').selectOption('risico');
    // Too long for the server: its invalidParams must appear next to the field.
    await page.getByLabel(/^Samenvatting/).fill('x'.repeat(10001));
    await page.getByRole('button', { name: 'Rapportage opslaan' }).click();
    const summary = page.getByLabel(/^Samenvatting/);
    await page.waitForFunction(() => document.getElementById('report-samenvatting')?.getAttribute('aria-invalid') === 'true');
    const errorId = (await summary.getAttribute('aria-describedby')).split(' ').pop();
    assert.match(await page.locator(`#${errorId}`).textContent(), /\S/);
    await assertAccessible('05-rapportage-fout');

    await summary.fill('De verkenning loopt; de capaciteit is krap.');
    await page.getByLabel(/^Gevraagde besluiten/).fill('Instemmen met het plan van aanpak.');
    await page.getByRole('button', { name: 'Rapportage opslaan' }).click();
    await page.getByText('De rapportage is opgeslagen.').waitFor();
    await page.getByText('De verkenning loopt; de capaciteit is krap.').waitFor();
    const reports = (await api('GET', `${PORTFOLIO}/projecten/${project.id}/rapportages`, { token })).json.rapportages;
    assert.equal(reports.length, 1);
    assert.equal(reports[0].ragStatus, 'risico');
  });

  test('the people and bodies screen shows bodies, seats and vacancies', async () => {
    await page.getByRole('link', { name: 'Mensen en gremia' }).click();
    await page.getByRole('heading', { name: /^Vacatures/ }).waitFor();
    const bodies = page.getByTestId('gremium');
    await bodies.first().waitFor();
    assert.ok((await bodies.count()) > 5);
    await bodies.first().locator('summary').click();
    await bodies.first().getByRole('table').waitFor();
    await assertAccessible('06-gremia');
  });

  test('usable at 360 px: no sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    for (const [path, ready] of [
      ['/', 'actielijn-kaart'],
      ['/actielijnen/1', 'prioriteiten'],
      ['/gremia', 'gremium'],
    ]) {
      await page.goto(`${GATEWAY}${path}`);
      await page.getByTestId(ready).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 360px`);
    }
    await screenshot(page, '07-actielijn-360');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('logout returns to the login screen and ends the session', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Uitloggen' }).count(), 0);
  });
});

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
