// Editing one project in two browsers: the second save gets the conflict view (412 on the
// ETag), sees what the other changed, chooses, and nothing is overwritten silently.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GATEWAY, adminToken, api, axe, describeViolations, launch, login, screenshot } from './lib/browser.mjs';

const PORTFOLIO = '/api/portfolio/v1';

describe('editing a project in two browsers', () => {
  let a;
  let b;
  let pageA;
  let pageB;
  let token;
  let project;

  before(async () => {
    token = await adminToken();
    const created = await api('POST', `${PORTFOLIO}/projecten`, {
      token,
      body: { actielijn: 4, titel: `E2E-conflict ${Date.now()}`, soort: 'nieuw', beschrijving: 'Begintekst.' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    project = created.json;
    a = await launch();
    b = await launch();
    pageA = await a.context.newPage();
    pageB = await b.context.newPage();
    await login(pageA);
    await login(pageB);
  });

  after(async () => {
    await a?.close();
    await b?.close();
    if (project) {
      const cur = await api('GET', `${PORTFOLIO}/projecten/${project.id}`, { token });
      if (cur.json?.status !== 'gestopt') {
        await api('PATCH', `${PORTFOLIO}/projecten/${project.id}`, { token, body: { status: 'gestopt' }, headers: { 'If-Match': cur.headers.get('etag') } });
      }
      await api('DELETE', `${PORTFOLIO}/projecten/${project.id}`, { token });
    }
  });

  test('the second save shows the conflict and keeps both changes as chosen', async () => {
    for (const page of [pageA, pageB]) {
      await page.goto(`${GATEWAY}/projecten/${project.id}`);
      await page.getByRole('button', { name: 'Project bewerken' }).click();
      await page.getByTestId('project-bewerken').waitFor();
    }
    // A changes the title and saves first.
    await pageA.getByRole('textbox', { name: 'Titel' }).fill(`${project.titel} (A)`);
    await pageA.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await pageA.getByText('De wijzigingen zijn opgeslagen.').waitFor();

    // B, on the old version, changes the title too and the description.
    await pageB.getByRole('textbox', { name: 'Titel' }).fill(`${project.titel} (B)`);
    await pageB.getByRole('textbox', { name: 'Beschrijving' }).fill('Tekst van B.');
    await pageB.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    const conflict = pageB.getByTestId('conflict');
    await conflict.waitFor();
    await conflict.getByText('Iemand anders heeft dit project intussen gewijzigd').waitFor();
    const v = await axe(pageB);
    await screenshot(pageB, '08-conflict');
    assert.deepEqual(v, [], describeViolations(v));

    // Nothing was overwritten yet.
    let cur = (await api('GET', `${PORTFOLIO}/projecten/${project.id}`, { token })).json;
    assert.equal(cur.titel, `${project.titel} (A)`);

    // B keeps A's title and their own description.
    await conflict.getByRole('radio', { name: /^Versie van de ander/ }).check();
    await conflict.getByRole('button', { name: 'Opslaan met deze keuzes' }).click();
    await pageB.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    cur = (await api('GET', `${PORTFOLIO}/projecten/${project.id}`, { token })).json;
    assert.equal(cur.titel, `${project.titel} (A)`);
    assert.equal(cur.beschrijving, 'Tekst van B.');
  });
});
