// A `lezer` is offered no edit buttons anywhere, and the screens stay accessible for them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GATEWAY, adminToken, api, axe, createUser, describeViolations, launch, login, screenshot } from './lib/browser.mjs';

describe('a reader (lezer)', () => {
  let browser;
  let page;
  let user;

  before(async () => {
    user = await createUser('lezer');
    browser = await launch();
    page = await browser.context.newPage();
    await login(page, user.gebruikersnaam, user.wachtwoord);
  });

  after(async () => {
    await browser?.close();
    const token = await adminToken().catch(() => null);
    if (token && user) {
      const cur = await api('GET', `/api/auth/v1/gebruikers/${user.id}`, { token });
      await api('PATCH', `/api/auth/v1/gebruikers/${user.id}`, { token, body: { actief: false }, headers: { 'If-Match': cur.headers.get('etag') } });
    }
  });

  test('sees the role in the header', async () => {
    await page.getByText(/\(lezer\)/).waitFor();
  });

  test('gets no reorder handles on an action line', async () => {
    await page.goto(`${GATEWAY}/actielijnen/1`);
    await page.getByTestId('prioriteiten').waitFor();
    assert.equal(await page.getByRole('button', { name: /^Verplaats/ }).count(), 0);
    assert.equal(await page.locator('[draggable="true"]').count(), 0);
    const v = await axe(page);
    await screenshot(page, '10-lezer-actielijn');
    assert.deepEqual(v, [], describeViolations(v));
  });

  test('gets no button to write a report on a project', async () => {
    await page.getByTestId('prioriteiten').locator('a').first().click();
    await page.getByRole('heading', { name: 'Voortgangsrapportages' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Rapportage schrijven' }).count(), 0);
    // The only button on the page is logging out.
    const buttons = await page.getByRole('main').getByRole('button').count();
    assert.equal(buttons, 0);
    const v = await axe(page);
    await screenshot(page, '11-lezer-project');
    assert.deepEqual(v, [], describeViolations(v));
  });
});
