// The response cache of the portfolio service (issue 3, "Speed"): the project lists, the overview
// and the steering-group report are served from the cache (X-Cache: hit) with the same body, and
// every write that changes what they show (through the API, or by hand in the database) is
// visible on the very next read.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';

import { show } from './lib/http.mjs';
import { newProject, pf, readerToken } from './lib/portfolio.mjs';

const today = new Date().toISOString().slice(0, 10);
const inDays = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

// psql as superuser with the default search path: the triggers work for any writer.
function sql(query) {
  return execFileSync('psql', [process.env.JT_DATABASE_URL, '-X', '-A', '-t', '-v',
    'ON_ERROR_STOP=1', '-c', query], { encoding: 'utf8' }).trim();
}

async function read(path) {
  const r = await pf(path, { token: readerToken() });
  assert.equal(r.status, 200, show(r));
  return r;
}

// A read right after the same read: served from the cache, same body. (Other test files write
// concurrently, which may bump the generation between the two reads: then read once more.)
async function readTwice(path) {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const first = await read(path);
    const again = await read(path);
    if (again.headers.get('x-cache') === 'hit') {
      assert.equal(again.text, first.text);
      return again;
    }
  }
  assert.fail(`${path} was never served from the cache`);
}

// Every project of a filtered list, following the cursors (each page cached on its own).
async function allProjects(query) {
  const out = [];
  let path = `/projecten?${query}&limit=5`;
  for (;;) {
    const r = await read(path);
    out.push(...r.json.projecten);
    if (!r.json.volgende) return out;
    path = `/projecten?${query}&limit=5&cursor=${r.json.volgende}`;
  }
}

describe('response cache', () => {
  test('a project list page: a hit repeats the body, Link and cursor; writes show at once', async () => {
    const tag = `cache-${randomUUID().slice(0, 8)}`;
    const { project, etag } = await newProject({ actielijn: 3, tags: [tag] });
    const path = `/projecten?tag=${tag}&limit=1`;
    const hit = await readTwice(path);
    assert.deepEqual(hit.json.projecten.map((p) => p.id), [project.id]);
    assert.equal(hit.json.volgende, null);

    // a second project with the tag: the cached page now has a next page
    const { project: second } = await newProject({ actielijn: 3, tags: [tag] });
    const page1 = await read(path);
    assert.equal(page1.headers.get('x-cache'), 'miss');
    assert.ok(page1.json.volgende, show(page1));
    const again = await readTwice(path);
    assert.equal(again.headers.get('link'), page1.headers.get('link'));
    const page2 = await read(`${path}&cursor=${again.json.volgende}`);
    assert.deepEqual(page2.json.projecten.map((p) => p.id), [second.id]);

    // a change of the project through the API
    const patched = await pf(`/projecten/${project.id}`, { method: 'PATCH',
      json: { titel: 'Titel na de cache' }, headers: { 'If-Match': etag } });
    assert.equal(patched.status, 200, show(patched));
    assert.equal((await read(path)).json.projecten[0].titel, 'Titel na de cache');

    // a change in the database by hand (no API, no audit row)
    sql(`UPDATE portfolio.project SET title = 'Met de hand' WHERE id = '${project.id}'`);
    assert.equal((await read(path)).json.projecten[0].titel, 'Met de hand');

    // a progress report changes the list's latest RAG
    const rep = await pf(`/projecten/${project.id}/rapportages`, { method: 'POST', json: {
      periodeVan: inDays(-10), periodeTot: today, ragStatus: 'achter', samenvatting: 'Cachetest' } });
    assert.equal(rep.status, 201, show(rep));
    assert.equal((await read(path)).json.projecten[0].laatsteRag, 'achter');

    // deletion
    assert.equal((await pf(`/projecten/${second.id}`, { method: 'DELETE' })).status, 204);
    assert.ok(!(await allProjects(`tag=${tag}`)).some((p) => p.id === second.id));
  });

  test('one project: a hit keeps the ETag; a change shows at once with its new ETag', async () => {
    const { project, etag } = await newProject({ actielijn: 4 });
    const hit = await readTwice(`/projecten/${project.id}`);
    assert.equal(hit.headers.get('etag'), etag);
    const patched = await pf(`/projecten/${project.id}`, { method: 'PATCH',
      json: { titel: 'Eén project na de cache' }, headers: { 'If-Match': etag } });
    assert.equal(patched.status, 200, show(patched));
    const after = await read(`/projecten/${project.id}`);
    assert.equal(after.json.titel, 'Eén project na de cache');
    assert.equal(after.headers.get('etag'), patched.headers.get('etag'));
    assert.notEqual(after.headers.get('etag'), etag);
    // a report changes the project's latest RAG (another table)
    const rep = await pf(`/projecten/${project.id}/rapportages`, { method: 'POST', json: {
      periodeVan: inDays(-5), periodeTot: today, ragStatus: 'op_koers', samenvatting: 'Cachetest' } });
    assert.equal(rep.status, 201, show(rep));
    assert.equal((await read(`/projecten/${project.id}`)).json.laatsteRag, 'op_koers');
    sql(`UPDATE portfolio.project SET description = 'Met de hand' WHERE id = '${project.id}'`);
    assert.equal((await read(`/projecten/${project.id}`)).json.beschrijving, 'Met de hand');
  });

  test('different filters are different entries', async () => {
    const a = await readTwice('/projecten?actielijn=1&limit=50');
    const b = await readTwice('/projecten?actielijn=2&limit=50');
    assert.ok(a.json.projecten.every((p) => p.actielijn === 1));
    assert.ok(b.json.projecten.every((p) => p.actielijn === 2));
    assert.notEqual(a.text, b.text);
  });

  test('the overview: a hit, then a new project and a phase of it counted at once', async () => {
    const before = (await readTwice('/overzicht')).json.actielijnen.find((a) => a.nummer === 5);
    const { project } = await newProject({ actielijn: 5 });
    const after = (await read('/overzicht')).json.actielijnen.find((a) => a.nummer === 5);
    assert.ok(after.aantalProjecten >= before.aantalProjecten + 1);
    sql(`UPDATE portfolio.project SET status = 'gepauzeerd' WHERE id = '${project.id}'`);
    const paused = (await read('/overzicht')).json.actielijnen.find((a) => a.nummer === 5);
    assert.equal(paused.perStatus.gepauzeerd,
      Number(sql(`SELECT count(*) FROM portfolio.project WHERE action_line = 5 AND status = 'gepauzeerd'`)));
  });

  test('the steering-group report: a hit, then reports, milestones and phases show at once', async () => {
    const path = `/stuurgroeprapportage?van=${inDays(-30)}&tot=${today}&weken=6`;
    await readTwice(path);
    const { project } = await newProject({ actielijn: 2, titel: `Cache ${randomUUID()}` });
    const line = async () => (await read(path)).json.actielijnen.find((a) => a.nummer === 2);
    assert.ok((await line()).projecten.some((p) => p.id === project.id));

    const rep = await pf(`/projecten/${project.id}/rapportages`, { method: 'POST', json: {
      periodeVan: inDays(-20), periodeTot: inDays(-1), ragStatus: 'risico', samenvatting: 'Cache',
      gevraagdeBesluiten: 'Besluit na de cache' } });
    assert.equal(rep.status, 201, show(rep));
    let two = await line();
    assert.ok(two.rapportages.some((r) => r.id === rep.json.id));
    assert.ok(two.gevraagdeBesluiten.some((b) => b.tekst === 'Besluit na de cache'));

    const m = await pf(`/projecten/${project.id}/mijlpalen`, { method: 'POST',
      json: { titel: 'Mijlpaal na de cache', streefdatum: inDays(7) } });
    assert.equal(m.status, 201, show(m));
    assert.ok((await line()).mijlpalenKomend.some((x) => x.id === m.json.id));

    const phase = await pf(`/projecten/${project.id}/fasewijzigingen`, { method: 'POST',
      json: { fase: 'analyse', datum: today } });
    assert.equal(phase.status, 201, show(phase));
    two = await line();
    assert.ok(two.faseWijzigingen.some((f) => f.projectId === project.id && f.naarFase === 'analyse'));

    sql(`DELETE FROM portfolio.milestone WHERE id = '${m.json.id}'`);
    assert.ok(!(await line()).mijlpalenKomend.some((x) => x.id === m.json.id));
  });
});
