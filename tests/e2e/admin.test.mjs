// Administration (beheerder): create a user in the app and log in as them in a second browser;
// change their role and deactivate them; create a machine client, whose secret is shown once (and
// works), issue a new secret (the old one stops working), see it gone after a reload, revoke it;
// the audit trail; a lezer gets no "Beheer" and a clear "no access". axe-core and a screenshot on
// every screen. The API has no deletion of users or clients: the test deactivates what it made.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GATEWAY, adminToken, api, axe, createUser, describeViolations, launch, login, screenshot } from './lib/browser.mjs';

const AUTH = '/api/auth/v1';

/** A client-credentials token request; resolves to the HTTP status. */
async function tokenStatus(clientId, secret) {
  const res = await fetch(`${GATEWAY}${AUTH}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  await res.text();
  return res.status;
}

async function deactivate(token, kind, id) {
  const cur = await api('GET', `${AUTH}/${kind}/${id}`, { token });
  if (cur.json?.actief) await api('PATCH', `${AUTH}/${kind}/${id}`, { token, body: { actief: false }, headers: { 'If-Match': cur.headers.get('etag') } });
}

describe('administration', () => {
  const stamp = Date.now().toString(36);
  let token;
  let browser;
  let page;
  const cleanups = [];
  let user; // made in the app
  let client; // made in the app

  before(async () => {
    token = await adminToken();
    browser = await launch();
    page = await browser.context.newPage();
    await login(page);
  });

  after(async () => {
    await browser?.close();
    for (const fn of cleanups.reverse()) await fn().catch(() => {});
  });

  async function assertAccessible(p, name) {
    const violations = await axe(p);
    await screenshot(p, name);
    assert.deepEqual(violations, [], `axe found serious or critical violations on ${name}:\n${describeViolations(violations)}`);
  }

  test('a beheerder creates a user in the app, who can then log in (second browser)', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gebruikers' }).waitFor();
    await page.getByTestId('gebruikers').waitFor();
    await assertAccessible(page, 'admin-01-gebruikers');

    const gebruikersnaam = `e2e-ui-${stamp}`;
    const wachtwoord = `Een lange zin ${stamp}!`;
    await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    const form = page.getByRole('form', { name: 'Gebruiker toevoegen' });
    await form.getByRole('textbox', { name: 'Gebruikersnaam' }).fill(gebruikersnaam);
    await form.getByLabel('Naam', { exact: true }).fill(`E2E Gebruiker ${stamp}`);
    await form.getByLabel('Rol', { exact: true }).selectOption('redacteur');
    await form.getByRole('checkbox', { name: 'Actielijn 2' }).check();
    await form.getByLabel('Wachtwoord', { exact: true }).fill('te kort');
    await form.getByLabel('Herhaal het wachtwoord').fill('te kort');
    await form.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    // Checked in the app first, in the words the server would use.
    await form.getByText('Het wachtwoord moet minstens 12 tekens lang zijn.').first().waitFor();
    await assertAccessible(page, 'admin-02-gebruiker-fout');
    await form.getByLabel('Wachtwoord', { exact: true }).fill(wachtwoord);
    await form.getByLabel('Herhaal het wachtwoord').fill(wachtwoord);
    await form.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page.getByText(/is aangemaakt en kan nu inloggen/).waitFor();
    await page.getByTestId('gebruikers').getByText(gebruikersnaam).waitFor();

    const list = (await api('GET', `${AUTH}/gebruikers?zoek=${gebruikersnaam}`, { token })).json.gebruikers;
    user = list.find((u) => u.gebruikersnaam === gebruikersnaam);
    assert.ok(user, 'the user exists');
    cleanups.push(() => deactivate(token, 'gebruikers', user.id));
    assert.equal(user.rol, 'redacteur');
    assert.deepEqual(user.actielijnen, [2]);

    // The new user logs in in a browser of their own, and is offered no administration.
    const other = await launch();
    try {
      const p2 = await other.context.newPage();
      await login(p2, gebruikersnaam, wachtwoord);
      await p2.getByText(/\(redacteur\)/).waitFor();
      assert.equal(await p2.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).count(), 0);
    } finally {
      await other.close();
    }
  });

  test('a beheerder changes the role and deactivates the account', async () => {
    await page.getByRole('link', { name: `Account van ${user.naam} beheren` }).click();
    await page.getByRole('heading', { level: 1, name: user.naam }).waitFor();
    await page.getByRole('heading', { name: 'Geschiedenis' }).waitFor();
    await page.getByTestId('audit').getByText('Aangemaakt').waitFor();
    await assertAccessible(page, 'admin-03-gebruiker');

    await page.getByLabel('Rol', { exact: true }).selectOption('lezer');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    let cur = (await api('GET', `${AUTH}/gebruikers/${user.id}`, { token })).json;
    assert.equal(cur.rol, 'lezer');
    assert.deepEqual(cur.actielijnen, []);
    await page.getByTestId('audit').getByText(/Rol: redacteur → lezer/).waitFor();

    await page.getByRole('button', { name: 'Account deactiveren' }).click();
    await page.getByText(`Het account van ${user.naam} is gedeactiveerd.`).waitFor();
    cur = (await api('GET', `${AUTH}/gebruikers/${user.id}`, { token })).json;
    assert.equal(cur.actief, false);
    await page.getByRole('button', { name: 'Account weer activeren' }).waitFor();
  });

  test('a client’s secret is shown once, works, is replaced by a new one and can be revoked', async () => {
    await page.getByRole('link', { name: 'Naar alle gebruikers' }).click();
    await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Systemen (clients)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Systemen (clients)' }).waitFor();
    await page.getByRole('button', { name: 'Systeem toevoegen' }).waitFor();

    const clientId = `e2e-client-${stamp}`;
    await page.getByRole('button', { name: 'Systeem toevoegen' }).click();
    const form = page.getByRole('form', { name: 'Systeem toevoegen' });
    await form.getByLabel('Client-id').fill(clientId);
    await form.getByLabel('Naam', { exact: true }).fill(`E2E Systeem ${stamp}`);
    await form.getByRole('checkbox', { name: /Gegevens aanleveren/ }).check();
    await form.getByRole('checkbox', { name: /monitoring:read/ }).check();
    await form.getByLabel('Gemeente (CBS-code)').fill('GM0153');
    await form.getByRole('button', { name: 'Systeem aanmaken' }).click();
    const shown = page.getByTestId('geheim');
    await shown.waitFor();
    await shown.getByText('Kopieer het geheim nu: het wordt maar één keer getoond.').waitFor();
    const first = await shown.getByLabel('Geheim', { exact: true }).inputValue();
    assert.match(first, /^[A-Za-z0-9_-]{43}$/);
    await page.getByTestId('clients').getByText(clientId).waitFor();
    await assertAccessible(page, 'admin-04-client-geheim');

    const list = (await api('GET', `${AUTH}/clients?limit=100`, { token })).json.clients;
    client = list.find((c) => c.clientId === clientId);
    assert.ok(client, 'the client exists');
    cleanups.push(async () => {
      await api('DELETE', `${AUTH}/clients/${client.id}/geheimen`, { token });
      await deactivate(token, 'clients', client.id);
    });
    assert.deepEqual(client.scopes, ['monitoring:read', 'monitoring:ingest']);
    assert.equal(client.gemeente, 'GM0153');
    assert.equal(await tokenStatus(clientId, first), 200, 'the secret shown works');

    // Copy puts it on the clipboard (or says it could not); either way the status is announced.
    await shown.getByRole('button', { name: 'Kopiëren' }).click();
    await shown.getByRole('status').filter({ hasText: /gekopieerd|lukte niet/ }).waitFor();

    // Once means once: after a reload the secret is nowhere on the page.
    await page.reload();
    await page.getByTestId('clients').getByText(clientId).waitFor();
    assert.equal(await page.getByTestId('geheim').count(), 0);
    assert.ok(!(await page.content()).includes(first), 'the secret is gone after a reload');

    await page.getByTestId('clients').getByRole('link', { name: `E2E Systeem ${stamp}` }).click();
    await page.getByRole('heading', { level: 1, name: `E2E Systeem ${stamp}` }).waitFor();
    await page.getByTestId('geheim-status').getByText(/Er is een geheim uitgegeven/).waitFor();
    await page.getByRole('button', { name: 'Nieuw geheim uitgeven' }).click();
    await page.getByRole('button', { name: 'Ja, nieuw geheim uitgeven' }).click();
    await page.getByTestId('geheim').waitFor();
    const second = await page.getByTestId('geheim').getByLabel('Geheim', { exact: true }).inputValue();
    assert.match(second, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(second, first);
    await assertAccessible(page, 'admin-05-client-nieuw-geheim');
    assert.equal(await tokenStatus(clientId, first), 401, 'the old secret stopped working');
    assert.equal(await tokenStatus(clientId, second), 200, 'the new secret works');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: `E2E Systeem ${stamp}` }).waitFor();
    await page.getByRole('button', { name: 'Nieuw geheim uitgeven' }).waitFor();
    assert.equal(await page.getByTestId('geheim').count(), 0);
    assert.ok(!(await page.content()).includes(second), 'the new secret is gone after a reload');

    await page.getByRole('button', { name: 'Geheim intrekken' }).click();
    await page.getByRole('button', { name: 'Ja, geheim intrekken' }).click();
    await page.getByText(`Het geheim van ${clientId} is ingetrokken.`, { exact: false }).waitFor();
    await page.getByTestId('geheim-status').getByText(/Het geheim is ingetrokken/).waitFor();
    assert.equal(await tokenStatus(clientId, second), 401, 'a revoked secret gets no token');
    await page.getByTestId('audit').getByText('Geheim ingetrokken').waitFor();
    await assertAccessible(page, 'admin-06-client');
  });

  test('the audit trail lists what happened', async () => {
    await page.goto(`${GATEWAY}/beheer/audit`);
    await page.getByRole('heading', { level: 1, name: 'Logboek' }).waitFor();
    const audit = page.getByTestId('audit');
    await audit.getByText(`Systeem: E2E Systeem ${stamp}`).first().waitFor();
    await audit.getByText('Nieuw geheim uitgegeven').first().waitFor();
    await page.getByLabel('Over').selectOption('gebruiker');
    await audit.getByText(`Gebruiker: E2E Gebruiker ${stamp}`).first().waitFor();
    assert.equal(await audit.getByText(/^Systeem: /).count(), 0);
    await assertAccessible(page, 'admin-07-logboek');
  });

  test('a lezer sees no "Beheer" and gets "no access" at the address; the server says 403', async () => {
    const lezer = await createUser('lezer');
    cleanups.push(() => deactivate(token, 'gebruikers', lezer.id));
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
    await login(page, lezer.gebruikersnaam, lezer.wachtwoord);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overzicht' }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).count(), 0);
    for (const path of ['/beheer/gebruikers', '/beheer/clients', `/beheer/gebruikers/${user.id}`]) {
      await page.goto(`${GATEWAY}${path}`);
      await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
      await page.getByText('alleen voor beheerders').waitFor();
      assert.equal(await page.getByTestId('gebruikers').count(), 0);
    }
    await assertAccessible(page, 'admin-08-geen-toegang');
    const lt = (await api('POST', `${AUTH}/sessies`, { body: { gebruikersnaam: lezer.gebruikersnaam, wachtwoord: lezer.wachtwoord } })).json.accessToken;
    assert.equal((await api('GET', `${AUTH}/gebruikers`, { token: lt })).status, 403);
  });

  test('usable at 360 px: no sideways scrolling', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await login(page);
    await page.setViewportSize({ width: 360, height: 780 });
    for (const [path, ready] of [
      ['/beheer/gebruikers', 'gebruikers'],
      ['/beheer/clients', 'clients'],
      [`/beheer/clients/${client.id}`, 'audit'],
      ['/beheer/audit', 'audit'],
    ]) {
      await page.goto(`${GATEWAY}${path}`);
      await page.getByTestId(ready).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 360px`);
    }
    await screenshot(page, 'admin-09-client-360');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
