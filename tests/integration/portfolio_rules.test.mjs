// The portfolio service's rules over HTTP: optimistic concurrency, validation, rank moves under
// concurrency, the phase rule, the editor's action-line limit, deletion, core problems, the
// steering-group report, the overview and the audit trail.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';

import { show } from './lib/http.mjs';
import {
  ALL_SETTLED, adminToken, editorToken, newProject, pf, portfolioBasePath, readerToken, token,
} from './lib/portfolio.mjs';
import { assertProblem } from './lib/problem.mjs';

const today = new Date().toISOString().slice(0, 10);
const inDays = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

describe('projects: create, read, update with If-Match', () => {
  test('201 with Location and ETag; 428 without If-Match, 412 when stale, 200 when current', async () => {
    const r = await pf('/projecten', { method: 'POST', json: { actielijn: 3, titel: 'Nieuw idee', soort: 'nieuw',
      tags: ['test'], startdatum: '2024-01-01', einddatum: '2024-12-31', principes: [2, 7] } });
    assert.equal(r.status, 201, show(r));
    const p = r.json;
    assert.ok(r.headers.get('location').endsWith(`${portfolioBasePath}/projecten/${p.id}`));
    assert.equal(p.fase, 'onderzoek');
    assert.equal(p.status, 'voorgesteld');
    assert.equal(p.randvoorwaarden.financiering.status, 'open');
    const etag = r.headers.get('etag');
    const got = await pf(`/projecten/${p.id}`, { token: readerToken() });
    assert.equal(got.status, 200, show(got));
    assert.equal(got.headers.get('etag'), etag);

    assertProblem(await pf(`/projecten/${p.id}`, { method: 'PATCH', json: { titel: 'x' } }), 428);
    const ok = await pf(`/projecten/${p.id}`, { method: 'PATCH', json: { titel: 'Gewijzigd', status: 'actief' },
      headers: { 'If-Match': etag } });
    assert.equal(ok.status, 200, show(ok));
    assert.equal(ok.json.titel, 'Gewijzigd');
    assert.deepEqual(ok.json.principes, [2, 7], 'fields not sent are kept');
    assert.deepEqual(ok.json.tags, ['test']);
    assert.notEqual(ok.headers.get('etag'), etag);
    // the lost update: a second writer with the old ETag
    assertProblem(await pf(`/projecten/${p.id}`, { method: 'PATCH', json: { titel: 'Verloren' },
      headers: { 'If-Match': etag } }), 412);
    assert.equal((await pf(`/projecten/${p.id}`)).json.titel, 'Gewijzigd');
  });

  test('every validation problem is listed at once', async () => {
    const r = await pf('/projecten', { method: 'POST', json: { actielijn: 9, soort: 'misschien',
      startdatum: '2024-02-30', randvoorwaarden: { geld: {}, financiering: { status: 'half' } },
      principes: [9], onbekend: true, programmaIds: ['geen-uuid'], code: 'Geen Slug' } });
    assertProblem(r, 400);
    const names = r.json.invalidParams.map((p) => p.name);
    for (const n of ['titel', 'actielijn', 'soort', 'startdatum', 'randvoorwaarden.geld',
      'randvoorwaarden.financiering.status', 'principes', 'onbekend', 'programmaIds', 'code']) {
      assert.ok(names.includes(n), `${n} missing in ${JSON.stringify(names)}`);
    }
  });

  test('unknown and malformed ids are 404 problems', async () => {
    assertProblem(await pf(`/projecten/${randomUUID()}`), 404);
    assertProblem(await pf('/projecten/geen-uuid'), 404);
    assertProblem(await pf('/actielijnen/6'), 404);
  });
});

describe('reordering', () => {
  test('move to rank k in one request; the others shift', async () => {
    const a = (await newProject({ actielijn: 4 })).project;
    const b = (await newProject({ actielijn: 4 })).project;
    const r = await pf(`/projecten/${b.id}/rang`, { method: 'POST', json: { rang: a.rang } });
    assert.equal(r.status, 200, show(r));
    assert.equal(r.json.rang, a.rang);
    assert.equal((await pf(`/projecten/${a.id}`)).json.rang, a.rang + 1);
    const tooFar = await pf(`/projecten/${b.id}/rang`, { method: 'POST', json: { rang: 1000 } });
    assertProblem(tooFar, 400);
  });

  test('many concurrent moves leave ranks exactly 1..n', async () => {
    const mine = [];
    for (let i = 0; i < 6; i++) mine.push((await newProject({ actielijn: 5 })).project);
    const list = async () => (await pf('/projecten?actielijn=5&limit=100')).json.projecten;
    const n = (await list()).length;
    const moves = [];
    for (let i = 0; i < 60; i++) {
      const p = mine[i % mine.length];
      const k = n - ((i * 7) % 6); // within the tail where our projects are: others keep their order
      moves.push(pf(`/projecten/${p.id}/rang`, { method: 'POST', json: { rang: k }, token: editorToken() }));
    }
    const results = await Promise.all(moves);
    for (const r of results) assert.equal(r.status, 200, show(r));
    const after = await list();
    assert.equal(after.length, n);
    assert.deepEqual(after.map((p) => p.rang), Array.from({ length: n }, (_, i) => i + 1));
    assert.equal(new Set(after.map((p) => p.id)).size, n);
  });
});

describe('phase changes', () => {
  test('into project with open preconditions: 409 unless accepted (recorded)', async () => {
    const { project } = await newProject({ actielijn: 2 });
    const sub = randomUUID();
    const t = token({ role: 'redacteur', sub });
    const plan = await pf(`/projecten/${project.id}/fasewijzigingen`, { method: 'POST', token: t,
      json: { fase: 'plan', toelichting: 'plan van aanpak', datum: '2024-03-01' } });
    assert.equal(plan.status, 201, show(plan));
    assert.ok(plan.headers.get('location').includes(`/projecten/${project.id}/fasewijzigingen/`));
    const refused = await pf(`/projecten/${project.id}/fasewijzigingen`, { method: 'POST', token: t,
      json: { fase: 'project', toelichting: 'pilot' } });
    assertProblem(refused, 409);
    assert.match(refused.json.detail, /financiering/);
    const accepted = await pf(`/projecten/${project.id}/fasewijzigingen`, { method: 'POST', token: t,
      json: { fase: 'project', toelichting: 'pilot, risico bewust genomen', openRandvoorwaardenAccepteren: true } });
    assert.equal(accepted.status, 201, show(accepted));
    assert.equal(accepted.json.geaccepteerdeOpenRandvoorwaarden.length, 5);
    assert.equal(accepted.json.door, sub);
    const history = await pf(`/projecten/${project.id}/fasewijzigingen`, { token: readerToken() });
    assert.deepEqual(history.json.fasewijzigingen.map((e) => [e.vanFase, e.naarFase]),
      [['onderzoek', 'plan'], ['plan', 'project']]);
    assert.equal(history.json.fasewijzigingen[0].datum, '2024-03-01');
    assert.equal((await pf(`/projecten/${project.id}`)).json.fase, 'project');
  });

  test('with every precondition settled the move needs no acceptance', async () => {
    const { project } = await newProject({ actielijn: 2, randvoorwaarden: ALL_SETTLED });
    const r = await pf(`/projecten/${project.id}/fasewijzigingen`, { method: 'POST', json: { fase: 'oplevering' } });
    assert.equal(r.status, 201, show(r));
    assert.deepEqual(r.json.geaccepteerdeOpenRandvoorwaarden, []);
  });
});

describe('who may change what', () => {
  test('an editor limited to action line 2 changes only projects of line 2', async () => {
    const t = editorToken([2]);
    assertProblem(await pf('/projecten', { method: 'POST', token: t, json: { actielijn: 1, titel: 'x', soort: 'nieuw' } }), 403);
    const own = await pf('/projecten', { method: 'POST', token: t, json: { actielijn: 2, titel: 'Eigen', soort: 'nieuw' } });
    assert.equal(own.status, 201, show(own));
    const { project, etag } = await newProject({ actielijn: 1 });
    assertProblem(await pf(`/projecten/${project.id}`, { method: 'PATCH', token: t, json: { titel: 'y' },
      headers: { 'If-Match': etag } }), 403);
    assertProblem(await pf(`/projecten/${project.id}/rang`, { method: 'POST', token: t, json: { rang: 1 } }), 403);
    assertProblem(await pf(`/projecten/${project.id}/mijlpalen`, { method: 'POST', token: t,
      json: { titel: 'm', streefdatum: today } }), 403);
    assertProblem(await pf(`/projecten/${own.json.id}`, { method: 'PATCH', token: t, json: { actielijn: 1 },
      headers: { 'If-Match': own.headers.get('etag') } }), 403);
    assertProblem(await pf('/programmas', { method: 'POST', token: t, json: { code: 'x-prog', naam: 'X' } }), 403);
    // an unlimited editor and a beheerder may
    const free = await pf(`/projecten/${project.id}/rang`, { method: 'POST', token: editorToken(), json: { rang: 1 } });
    assert.equal(free.status, 200, show(free));
  });

  test('a reader reads but changes nothing; a token without portfolio:write is refused', async () => {
    const { project } = await newProject();
    assert.equal((await pf(`/projecten/${project.id}`, { token: readerToken() })).status, 200);
    assertProblem(await pf('/projecten', { method: 'POST', token: token({ role: 'lezer', scopes: 'portfolio:read portfolio:write' }),
      json: { actielijn: 1, titel: 'x', soort: 'nieuw' } }), 403);
    assertProblem(await pf('/projecten', { method: 'POST', token: readerToken(), json: { actielijn: 1, titel: 'x', soort: 'nieuw' } }), 403);
    assertProblem(await pf('/projecten', { token: token({ scopes: 'stakeholders:read' }) }), 403);
    assertProblem(await pf('/projecten', { token: null }), 401);
  });
});

describe('deleting, milestones, reports, report and overview', () => {
  test('a project with milestones is deleted only once stopped; the audit keeps everything', async () => {
    const { project } = await newProject({ actielijn: 3 });
    const m = await pf(`/projecten/${project.id}/mijlpalen`, { method: 'POST',
      json: { titel: 'Besluit stuurgroep', streefdatum: inDays(10), bestuurlijkBesluitGevraagd: true } });
    assert.equal(m.status, 201, show(m));
    assertProblem(await pf(`/projecten/${project.id}`, { method: 'DELETE' }), 409);
    const cur = await pf(`/projecten/${project.id}`);
    const stop = await pf(`/projecten/${project.id}`, { method: 'PATCH', json: { status: 'gestopt' },
      headers: { 'If-Match': cur.headers.get('etag') } });
    assert.equal(stop.status, 200, show(stop));
    const del = await pf(`/projecten/${project.id}`, { method: 'DELETE' });
    assert.equal(del.status, 204, show(del));
    assertProblem(await pf(`/projecten/${project.id}`), 404);
    const audit = await pf(`/audit?objectType=project&objectId=${project.id}`);
    assert.equal(audit.status, 200, show(audit));
    const gone = audit.json.audit.find((e) => e.actie === 'verwijderd');
    assert.equal(gone.voor.mijlpalen[0].titel, 'Besluit stuurgroep');
    assert.equal(gone.na, null);
  });

  test('milestones, reports, the steering-group report and the overview', async () => {
    const { project } = await newProject({ actielijn: 4, titel: 'Rapportageproject' });
    const due = await pf(`/projecten/${project.id}/mijlpalen`, { method: 'POST',
      json: { titel: 'Komend besluit', streefdatum: inDays(14), bestuurlijkBesluitGevraagd: true } });
    const late = await pf(`/projecten/${project.id}/mijlpalen`, { method: 'POST',
      json: { titel: 'Te laat', streefdatum: inDays(-3) } });
    assert.equal(due.status, 201, show(due));
    assert.equal(late.status, 201, show(late));
    const rep = await pf(`/projecten/${project.id}/rapportages`, { method: 'POST', json: {
      periodeVan: inDays(-30), periodeTot: today, ragStatus: 'risico', samenvatting: 'Loopt achter op werving',
      risicos: 'menskracht', gevraagdeBesluiten: 'Extra budget' } });
    assert.equal(rep.status, 201, show(rep));
    assert.equal((await pf(`/projecten/${project.id}`)).json.laatsteRag, 'risico');
    const badRep = await pf(`/projecten/${project.id}/rapportages`, { method: 'POST', json: {
      periodeVan: today, periodeTot: inDays(-1), ragStatus: 'groen' } });
    assertProblem(badRep, 400);
    assert.deepEqual(badRep.json.invalidParams.map((p) => p.name).sort(), ['periodeTot', 'ragStatus', 'samenvatting']);
    // milestone update needs If-Match
    const mPatch = await pf(`/mijlpalen/${late.json.id}`, { method: 'PATCH', json: { gereedOp: today },
      headers: { 'If-Match': late.headers.get('etag') } });
    assert.equal(mPatch.status, 200, show(mPatch));
    const late2 = await pf(`/projecten/${project.id}/mijlpalen`, { method: 'POST', json: { titel: 'Echt te laat', streefdatum: inDays(-2) } });
    assert.equal(late2.status, 201);

    const report = await pf(`/stuurgroeprapportage?van=${inDays(-42)}&tot=${today}&weken=4`, { token: readerToken() });
    assert.equal(report.status, 200, show(report));
    const four = report.json.actielijnen.find((a) => a.nummer === 4);
    assert.ok(four.projecten.some((p) => p.id === project.id && p.laatsteRag === 'risico'));
    assert.ok(four.mijlpalenKomend.some((m) => m.titel === 'Komend besluit'));
    assert.ok(four.mijlpalenTeLaat.some((m) => m.titel === 'Echt te laat'));
    assert.ok(!four.mijlpalenTeLaat.some((m) => m.titel === 'Te laat'), 'done milestones are not overdue');
    assert.ok(four.gevraagdeBesluiten.some((b) => b.tekst === 'Extra budget'));
    assert.ok(four.gevraagdeBesluiten.some((b) => b.tekst === 'Komend besluit'));
    assert.ok(four.wijzigingen.some((w) => w.projectId === project.id && w.actie === 'aangemaakt'));
    assertProblem(await pf('/stuurgroeprapportage?van=2024-13-01', { token: readerToken() }), 400);

    const overview = await pf('/overzicht', { token: readerToken() });
    assert.equal(overview.status, 200, show(overview));
    const o4 = overview.json.actielijnen.find((a) => a.nummer === 4);
    assert.ok(o4.perRag.risico >= 1);
    assert.equal(Object.values(o4.perFase).reduce((a, b) => a + b, 0), o4.aantalProjecten);
    assert.equal(Object.values(o4.perStatus).reduce((a, b) => a + b, 0), o4.aantalProjecten);
  });
});

describe('core problems and ideas', () => {
  test('anyone submits; an editor triages to a new project; state visible; only once', async () => {
    const sub = await pf('/kernproblemen', { method: 'POST', token: readerToken(),
      json: { titel: 'Wachttijd dyslexiezorg', beschrijving: 'Lange wachttijden', soort: 'kernprobleem' } });
    assert.equal(sub.status, 201, show(sub));
    assert.equal(sub.json.status, 'ingediend');
    const id = sub.json.id;
    assertProblem(await pf(`/kernproblemen/${id}/triage`, { method: 'POST', token: readerToken(),
      json: { uitkomst: 'hiaat' } }), 403);
    assertProblem(await pf(`/kernproblemen/${id}/triage`, { method: 'POST',
      json: { uitkomst: 'nieuw_project' } }), 400);
    const t = await pf(`/kernproblemen/${id}/triage`, { method: 'POST', token: editorToken([4]),
      json: { uitkomst: 'nieuw_project', project: { actielijn: 4, titel: 'Aanpak dyslexiezorg', soort: 'nieuw' } } });
    assert.equal(t.status, 200, show(t));
    assert.equal(t.json.status, 'nieuw_project');
    assert.equal(t.json.actielijn, 4);
    const p = await pf(`/projecten/${t.json.projectId}`);
    assert.equal(p.json.kernprobleemId, id);
    assert.equal(p.json.beschrijving, 'Lange wachttijden');
    assertProblem(await pf(`/kernproblemen/${id}/triage`, { method: 'POST', json: { uitkomst: 'hiaat' } }), 409);
    const list = await pf('/kernproblemen?status=nieuw_project', { token: readerToken() });
    assert.ok(list.json.kernproblemen.some((k) => k.id === id));
    const gap = await pf('/kernproblemen', { method: 'POST', token: readerToken(), json: { titel: 'Geen aanbod voor X', soort: 'idee' } });
    const g = await pf(`/kernproblemen/${gap.json.id}/triage`, { method: 'POST', json: { uitkomst: 'hiaat', toelichting: 'hiaat in zorglandschap' } });
    assert.equal(g.json.status, 'hiaat', show(g));
  });
});

describe('audit trail', () => {
  test('feed filtered by time range and per resource', async () => {
    const { project, etag } = await newProject();
    await pf(`/projecten/${project.id}`, { method: 'PATCH', json: { titel: 'Na' }, headers: { 'If-Match': etag } });
    const per = await pf(`/audit?objectType=project&objectId=${project.id}`, { token: readerToken() });
    assert.deepEqual(per.json.audit.map((e) => e.actie), ['gewijzigd', 'aangemaakt']);
    assert.equal(per.json.audit[0].na.titel, 'Na');
    assert.equal(per.json.audit[0].voor.titel, project.titel);
    const range = await pf(`/audit?van=${today}&tot=${today}&limit=5`);
    assert.equal(range.status, 200, show(range));
    assert.ok(range.json.audit.length > 0);
    const none = await pf('/audit?van=2000-01-01&tot=2000-01-02');
    assert.deepEqual(none.json.audit, []);
    assertProblem(await pf('/audit?van=gisteren'), 400);
  });

  test('action lines and programmes: If-Match and audit', async () => {
    const a = await pf('/actielijnen/3');
    assertProblem(await pf('/actielijnen/3', { method: 'PATCH', json: { motto: 'x' } }), 428);
    const r = await pf('/actielijnen/3', { method: 'PATCH', token: editorToken([3]),
      json: { trekkers: [...a.json.trekkers, { naam: 'Nieuwe Trekker', persoonId: randomUUID() }] },
      headers: { 'If-Match': a.headers.get('etag') } });
    assert.equal(r.status, 200, show(r));
    assertProblem(await pf('/actielijnen/1', { method: 'PATCH', token: editorToken([3]), json: { motto: 'x' },
      headers: { 'If-Match': (await pf('/actielijnen/1')).headers.get('etag') } }), 403);
    const code = `test-${randomUUID().slice(0, 8)}`;
    const g = await pf('/programmas', { method: 'POST', json: { code, naam: 'Testprogramma', governanceGeregeld: false } });
    assert.equal(g.status, 201, show(g));
    assertProblem(await pf('/programmas', { method: 'POST', json: { code, naam: 'Dubbel' } }), 409);
    const { project } = await newProject({ programmaIds: [g.json.id] });
    assert.equal(project.programmas[0].code, code);
    assertProblem(await pf(`/programmas/${g.json.id}`, { method: 'DELETE' }), 409);
    const audit = await pf(`/audit?objectType=programma&objectId=${g.json.id}`, { token: adminToken() });
    assert.equal(audit.json.audit[0].actie, 'aangemaakt');
  });
});
