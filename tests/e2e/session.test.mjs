// A session that ends while the user is writing: the login screen takes over, the address stays,
// and after logging in again the unsaved input is back (kept in memory per user, never in web
// storage). Expiry is simulated the way it happens: the refresh cookie is gone and the API
// answers 401 to the next call.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_PASSWORD, ADMIN_USERNAME, GATEWAY, adminToken, api, axe, describeViolations, launch, login, screenshot } from './lib/browser.mjs';

const PORTFOLIO = '/api/portfolio/v1';

describe('an expired session', () => {
  let browser;
  let page;
  let token;
  let project;

  before(async () => {
    token = await adminToken();
    const created = await api('POST', `${PORTFOLIO}/projecten`, {
      token,
      body: { actielijn: 4, titel: `E2E-sessie ${Date.now()}`, soort: 'nieuw', beschrijving: 'Aangemaakt door de end-to-end-test van de sessie.' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    project = created.json;
    browser = await launch();
    page = await browser.context.newPage();
  });

  after(async () => {
    if (project) {
      const cur = await api('GET', `${PORTFOLIO}/projecten/${project.id}`, { token });
      await api('PATCH', `${PORTFOLIO}/projecten/${project.id}`, { token, body: { status: 'gestopt' }, headers: { 'If-Match': cur.headers.get('etag') } });
      await api('DELETE', `${PORTFOLIO}/projecten/${project.id}`, { token });
    }
    await browser?.close();
  });

  test('returns to the login screen at the same address and keeps the unsaved report', async () => {
    await login(page);
    await page.goto(`${GATEWAY}/projecten/${project.id}`);
    await page.getByRole('heading', { level: 1, name: project.titel }).waitFor();
    await page.getByRole('button', { name: 'Rapportage schrijven' }).click();
    const text = 'Concept dat na het opnieuw inloggen terug moet zijn.';
    await page.getByLabel('Status').selectOption('risico');
    await page.getByLabel(/^Samenvatting/).fill(text);

    // The session ends: no refresh cookie any more, and the access token is refused.
    await browser.context.clearCookies();
    await page.route(`**${PORTFOLIO}/**`, (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Niet ingelogd', status: 401 }),
      }),
    );
    await page.getByRole('button', { name: 'Rapportage opslaan' }).click();
    await page.getByText(/Uw sessie is verlopen/).waitFor();
    assert.equal(new URL(page.url()).pathname, `/projecten/${project.id}`, 'the address stays');
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.doesNotMatch(stored, /Concept dat/, 'the draft is not in web storage');
    const violations = await axe(page);
    await screenshot(page, 'sessie-verlopen');
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.unroute(`**${PORTFOLIO}/**`);

    // Nothing was saved while the session was gone.
    const none = (await api('GET', `${PORTFOLIO}/projecten/${project.id}/rapportages`, { token })).json.rapportages;
    assert.equal(none.length, 0);

    await page.getByLabel('Gebruikersnaam').fill(ADMIN_USERNAME);
    await page.getByLabel('Wachtwoord').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: project.titel }).waitFor();
    assert.equal(await page.getByLabel(/^Samenvatting/).inputValue(), text, 'the unsaved input is back');
    assert.equal(await page.getByLabel('Status').inputValue(), 'risico');

    await page.getByRole('button', { name: 'Rapportage opslaan' }).click();
    await page.getByText('De rapportage is opgeslagen.').waitFor();
    const reports = (await api('GET', `${PORTFOLIO}/projecten/${project.id}/rapportages`, { token })).json.rapportages;
    assert.equal(reports.length, 1);
    assert.equal(reports[0].samenvatting, text);
    assert.equal(reports[0].ragStatus, 'risico');
  });

  test('switches to English and back; the choice survives a reload', async () => {
    await browser.context.clearCookies(); // no session left from the test before
    const fresh = await browser.context.newPage();
    await fresh.goto(`${GATEWAY}/`);
    await fresh.getByRole('heading', { name: 'Inloggen' }).waitFor();
    await fresh.getByRole('button', { name: 'Switch the interface to English' }).click();
    await fresh.getByRole('heading', { name: 'Log in' }).waitFor();
    assert.equal(await fresh.evaluate(() => document.documentElement.lang), 'en');
    await fresh.getByLabel('Username').fill(ADMIN_USERNAME);
    await fresh.getByLabel('Password').fill(ADMIN_PASSWORD);
    await fresh.getByRole('button', { name: 'Log in' }).click();
    await fresh.getByRole('heading', { level: 1, name: 'Agenda overview' }).waitFor();
    await fresh.reload();
    await fresh.getByRole('heading', { level: 1, name: 'Agenda overview' }).waitFor();
    const violations = await axe(fresh);
    await screenshot(fresh, 'overzicht-engels');
    assert.deepEqual(violations, [], describeViolations(violations));
    await fresh.getByRole('button', { name: 'Schakel de toepassing naar het Nederlands' }).click();
    await fresh.getByRole('heading', { level: 1, name: 'Overzicht van de agenda' }).waitFor();
    await fresh.close();
  });
});
