// The agenda screens against the real stack: a reader submits a core problem and an editor
// triages it to a project; the principles matrix with 8 + 8 columns; a phase change on a test
// project (also the API's rule on open preconditions); a milestone added and marked done in the
// UI, and the project's history; the steering-group report for a period, its print view and a
// PDF of it. axe-core on every screen, a screenshot of each. Everything it needs beyond the
// agenda seed it creates through the API, and removes again (a core problem has no DELETE in the
// API, so the one submitted here stays, with a recognisable E2E title).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, GATEWAY, adminToken, api, axe, createUser, describeViolations, launch, login, screenshot } from './lib/browser.mjs';

const PORTFOLIO = '/api/portfolio/v1';
const LINE = 3;
const LINE_TITLE = 'Samenwerken met de sociale basis';

function iso(d) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

describe('the agenda screens', () => {
  const stamp = Date.now().toString(36);
  const today = iso(new Date());
  let browser;
  let page;
  let token;
  let project;
  let reader;
  const problemTitle = `E2E-kernprobleem ${stamp}: wachttijd jeugd-GGZ`;
  const milestoneTitle = `E2E-mijlpaal ${stamp}`;

  before(async () => {
    token = await adminToken();
    const created = await api('POST', `${PORTFOLIO}/projecten`, {
      token,
      body: { actielijn: LINE, titel: `E2E-agenda ${stamp}`, soort: 'nieuw', beschrijving: 'Aangemaakt door de end-to-end-test van de agenda.', principes: [2, 5], hervormingslijnen: [7] },
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    project = created.json;
    reader = await createUser('lezer');
    browser = await launch();
    page = await browser.context.newPage();
  });

  after(async () => {
    await browser?.close();
    const t = await adminToken().catch(() => token);
    if (project) {
      const cur = await api('GET', `${PORTFOLIO}/projecten/${project.id}`, { token: t });
      if (cur.json && cur.json.status !== 'gestopt') {
        await api('PATCH', `${PORTFOLIO}/projecten/${project.id}`, { token: t, body: { status: 'gestopt' }, headers: { 'If-Match': cur.headers.get('etag') } });
      }
      await api('DELETE', `${PORTFOLIO}/projecten/${project.id}`, { token: t });
    }
    if (reader) {
      const cur = await api('GET', `/api/auth/v1/gebruikers/${reader.id}`, { token: t });
      await api('PATCH', `/api/auth/v1/gebruikers/${reader.id}`, { token: t, body: { actief: false }, headers: { 'If-Match': cur.headers.get('etag') } });
    }
  });

  async function assertAccessible(name) {
    const violations = await axe(page);
    await screenshot(page, name);
    assert.deepEqual(violations, [], `axe found serious or critical violations on ${name}:\n${describeViolations(violations)}`);
  }

  test('a reader submits a core problem and is offered no triage', async () => {
    await login(page, reader.gebruikersnaam, reader.wachtwoord);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Kernproblemen' }).click();
    const form = page.getByTestId('kernprobleem-indienen');
    await form.waitFor();
    // Nothing filled in: the error summary and the field say so, nothing is sent.
    await form.getByRole('button', { name: 'Indienen' }).click();
    await form.getByRole('alert').getByText('Er is een probleem').waitFor();
    assert.equal(await form.getByLabel(/^Titel/).getAttribute('aria-invalid'), 'true');

    await form.getByLabel('Idee').check();
    await form.getByLabel(/^Titel/).fill(problemTitle);
    await form.getByLabel(/^Toelichting/).fill('Jongeren wachten maanden op een intake; een regionale wachtlijstaanpak zou helpen.');
    await form.getByRole('button', { name: 'Indienen' }).click();
    await page.getByText(`“${problemTitle}” is ingediend.`).waitFor();
    const item = page.getByTestId('kernprobleem').filter({ hasText: problemTitle });
    await item.waitFor();
    await item.getByText('Nog te beoordelen').waitFor();
    assert.equal(await page.getByRole('button', { name: /^Triageren/ }).count(), 0, 'a lezer gets no triage buttons');
    await assertAccessible('20-kernproblemen-lezer');

    const listed = (await api('GET', `${PORTFOLIO}/kernproblemen?status=ingediend&limit=100`, { token })).json.kernproblemen;
    const mine = listed.find((k) => k.titel === problemTitle);
    assert.ok(mine, 'the core problem reached the API');
    assert.equal(mine.soort, 'idee');
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
  });

  test('an editor triages it to an existing project, with a note', async () => {
    await login(page);
    await page.goto(`${GATEWAY}/kernproblemen`);
    await page.getByLabel('Toon').selectOption('ingediend');
    const item = page.getByTestId('kernprobleem').filter({ hasText: problemTitle });
    await item.getByRole('button', { name: `Triageren: ${problemTitle}` }).click();
    const form = item.getByTestId('triage-formulier');
    await form.waitFor();
    // No outcome chosen: the form says so.
    await form.getByRole('button', { name: 'Triage vastleggen' }).click();
    await form.getByText('Kies een uitkomst.').first().waitFor();
    await form.getByLabel(/Naar een bestaand project/).check();
    await form.getByLabel('Project', { exact: true }).selectOption({ label: project.titel });
    await form.getByLabel(/^Toelichting bij de triage/).fill('Past bij het E2E-project.');
    await assertAccessible('21-triage');
    await form.getByRole('button', { name: 'Triage vastleggen' }).click();
    await page.getByText(`De triage van “${problemTitle}” is vastgelegd.`).waitFor();

    await page.getByLabel('Toon').selectOption('');
    const done = page.getByTestId('kernprobleem').filter({ hasText: problemTitle });
    await done.getByText('Bij een project').waitFor();
    await done.getByRole('link', { name: project.titel }).waitFor();
    const triaged = (await api('GET', `${PORTFOLIO}/kernproblemen?status=project&limit=100`, { token })).json.kernproblemen.find((k) => k.titel === problemTitle);
    assert.equal(triaged?.projectId, project.id);
    assert.equal(triaged?.triageToelichting, 'Past bij het E2E-project.');
  });

  test('the principles matrix: 8 principles and 8 reform lines, with the test project in its line', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Principes' }).click();
    const principles = page.getByTestId('matrix-principes');
    const reform = page.getByTestId('matrix-hervormingslijnen');
    await principles.getByRole('table').waitFor();
    assert.equal(await principles.getByTestId('matrix-kolom').count(), 8);
    assert.equal(await reform.getByTestId('matrix-kolom').count(), 8);
    // Headers for the rows and the columns, a caption, and totals.
    await principles.getByRole('columnheader', { name: /Principe 2:/ }).waitFor();
    await principles.getByRole('rowheader', { name: 'Projecten die bijdragen' }).waitFor();

    await principles.getByRole('button', { name: new RegExp(`^${LINE}\\. ${LINE_TITLE}`) }).click();
    const row = principles.getByRole('row').filter({ has: page.getByRole('link', { name: project.titel }) });
    await row.waitFor();
    assert.equal(await row.getByText('draagt bij', { exact: true }).count(), 2, 'the test project contributes to principles 2 and 5');
    const totals = principles.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Projecten die bijdragen' }) });
    const cells = await totals.getByRole('cell').allTextContents();
    assert.notEqual(cells[1], '0: niets', 'principle 2 has a contributing project');
    await assertAccessible('22-principes');

    await page.setViewportSize({ width: 360, height: 780 });
    try {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at 360px`);
      const scrolls = await principles.getByRole('region').evaluate((el) => el.scrollWidth > el.clientWidth);
      assert.ok(scrolls, 'the matrix scrolls inside its own wrapper at 360px');
      await screenshot(page, '23-principes-360');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  test('a phase change on the project, and the API’s rule on open preconditions shown', async () => {
    await page.goto(`${GATEWAY}/projecten/${project.id}`);
    await page.getByRole('heading', { level: 1, name: project.titel }).waitFor();
    await page.getByRole('button', { name: 'Fase wijzigen' }).click();
    const form = page.getByTestId('fase-wijzigen');
    assert.ok(await form.getByLabel('Volgende fase: Analyse').isChecked());
    await form.getByLabel(/^Reden/).fill('De verkenning is klaar; nu de analyse.');
    await form.getByRole('button', { name: 'Fase wijzigen' }).click();
    await page.getByText('Het project staat nu in de fase Analyse.').waitFor();
    await page.getByTestId('fasegeschiedenis').getByText('Onderzoek → Analyse').waitFor();
    assert.equal((await api('GET', `${PORTFOLIO}/projecten/${project.id}`, { token })).json.fase, 'analyse');

    // On to plan through the API; into "project" the open preconditions need accepting.
    const r = await api('POST', `${PORTFOLIO}/projecten/${project.id}/fasewijzigingen`, { token, body: { fase: 'plan', toelichting: 'Plan van aanpak (E2E).' } });
    assert.equal(r.status, 201, JSON.stringify(r.json));
    await page.reload();
    await page.getByRole('button', { name: 'Fase wijzigen' }).click();
    assert.ok(await form.getByLabel('Volgende fase: Project').isChecked());
    await form.getByText(/Naar Project met open randvoorwaarden/).waitFor();
    await form.getByLabel(/^Reden/).fill('De pilot start.');
    await form.getByRole('button', { name: 'Fase wijzigen' }).click();
    await form.getByRole('alert').getByText(/bewust doorgaat met de open randvoorwaarden/).waitFor();
    assert.equal(await form.getByLabel(/Ik ga door met deze open randvoorwaarden/).getAttribute('aria-invalid'), 'true');
    await assertAccessible('24-fase-open-randvoorwaarden');
    assert.equal((await api('GET', `${PORTFOLIO}/projecten/${project.id}`, { token })).json.fase, 'plan', 'nothing changed');

    await form.getByLabel(/Ik ga door met deze open randvoorwaarden/).check();
    await form.getByRole('button', { name: 'Fase wijzigen' }).click();
    await page.getByText('Het project staat nu in de fase Project.').waitFor();
    await page.getByTestId('fasegeschiedenis').getByText(/Doorgegaan met open randvoorwaarden: Projectorganisatie/).waitFor();
    assert.equal((await api('GET', `${PORTFOLIO}/projecten/${project.id}`, { token })).json.fase, 'project');
  });

  test('add a milestone in the UI, see it, mark it done; the history shows it all', async () => {
    const due = iso(new Date(Date.now() + 30 * 86400000));
    await page.getByRole('button', { name: 'Mijlpaal toevoegen' }).click();
    const form = page.getByTestId('mijlpaal-formulier');
    await form.getByLabel('Titel').fill(milestoneTitle);
    await form.getByLabel('Streefdatum').fill(due);
    await form.getByLabel(/bestuurlijk besluit/).check();
    await form.getByRole('button', { name: 'Mijlpaal opslaan' }).click();
    await page.getByText(`Mijlpaal “${milestoneTitle}” is toegevoegd.`).waitFor();
    const item = page.getByTestId('mijlpaal').filter({ hasText: milestoneTitle });
    await item.waitFor();
    await item.getByText('Open').waitFor();
    let ms = (await api('GET', `${PORTFOLIO}/projecten/${project.id}/mijlpalen`, { token })).json.mijlpalen;
    assert.equal(ms.length, 1);
    assert.equal(ms[0].streefdatum, due);
    assert.equal(ms[0].bestuurlijkBesluitGevraagd, true);

    await page.getByRole('button', { name: `Gereed melden: ${milestoneTitle}` }).click();
    await page.getByText(`Mijlpaal “${milestoneTitle}” is gereed gemeld.`).waitFor();
    ms = (await api('GET', `${PORTFOLIO}/projecten/${project.id}/mijlpalen`, { token })).json.mijlpalen;
    assert.equal(ms[0].gereedOp, today);

    // The history loads when it comes into view.
    await page.getByRole('heading', { name: 'Wijzigingsgeschiedenis' }).scrollIntoViewIfNeeded();
    const history = page.getByTestId('geschiedenis');
    await history.getByText(`Mijlpaal “${milestoneTitle}” aangemaakt`).waitFor();
    await history.getByText(`Mijlpaal “${milestoneTitle}” gewijzigd`).waitFor();
    await history.getByText('Project fase gewijzigd').first().waitFor();
    await history.getByText('Project aangemaakt').waitFor();
    await assertAccessible('25-project-fase-mijlpalen-geschiedenis');
  });

  test('the steering-group report for a period, its print view and a PDF', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Stuurgroeprapportage' }).click();
    const report = page.getByTestId('stuurgroeprapportage');
    await report.getByRole('heading', { level: 1, name: 'Stuurgroeprapportage' }).waitFor();
    const lines = page.getByTestId('rapport-actielijn');
    await lines.first().waitFor();
    assert.equal(await lines.count(), 5);

    // A period of the last two weeks, chosen in the form.
    const from = iso(new Date(Date.now() - 14 * 86400000));
    await page.getByLabel('Van', { exact: true }).fill(from);
    await page.getByLabel('Tot en met').fill(today);
    await page.getByRole('button', { name: 'Rapportage tonen' }).click();
    await page.waitForURL(new RegExp(`van=${from}`));
    const line = lines.filter({ has: page.getByRole('heading', { name: `Actielijn ${LINE}: ${LINE_TITLE}` }) });
    await line.getByText('Onderzoek → Analyse').waitFor();
    await line.getByText('Plan → Project').waitFor();
    await line.getByRole('heading', { name: 'Gereed in deze periode' }).waitFor();
    await line.getByText(milestoneTitle).waitFor();
    await line.getByText(problemTitle).waitFor();
    for (const part of ['Status', 'Wat veranderde in deze periode', 'Mijlpalen', 'Gevraagde besluiten', 'Signalen uit de monitoren']) {
      await line.getByRole('heading', { name: part, exact: true }).waitFor();
    }
    await line.getByRole('heading', { name: /^Begroting en dekking \d{4}$/ }).waitFor();
    await assertAccessible('26-stuurgroeprapportage');

    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() => ({
      nav: getComputedStyle(document.querySelector('nav.jt-nav')).display,
      header: getComputedStyle(document.querySelector('header.jt-header')).display,
      controls: getComputedStyle(document.querySelector('.jt-sgr__controls')).display,
      breaks: [...document.querySelectorAll('.jt-sgr__line')].map((el) => getComputedStyle(el).breakBefore),
    }));
    assert.equal(hidden.nav, 'none', 'no menu on paper');
    assert.equal(hidden.header, 'none');
    assert.equal(hidden.controls, 'none', 'no period form or buttons on paper');
    assert.ok(hidden.breaks.length >= 5 && hidden.breaks.every((b) => b === 'page'), 'every action line starts a new page');
    await report.getByTestId('rapport-periode').waitFor();
    await screenshot(page, '27-stuurgroeprapportage-print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    assert.ok(pdf.length > 10000, `a PDF of ${pdf.length} bytes`);
    assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, '27-stuurgroeprapportage.pdf'), pdf);
    await page.emulateMedia({ media: 'screen' });
  });

  test('core problems and the report are usable at 360 px', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    try {
      for (const [p, ready] of [
        ['/kernproblemen', 'kernproblemen'],
        ['/rapportage', 'rapport-actielijn'],
      ]) {
        await page.goto(`${GATEWAY}${p}`);
        await page.getByTestId(ready).first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${p} scrolls sideways by ${overflow}px at 360px`);
      }
      await screenshot(page, '28-rapportage-360');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
