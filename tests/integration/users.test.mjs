// User administration (auth:admin): create, read, update with optimistic concurrency (ETag and
// If-Match), duplicates, scopes of a reader, and cursor pagination.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';

import { authBasePath, cfg } from './lib/env.mjs';
import { auth, call, items, parseLinks, show } from './lib/http.mjs';
import { assertProblem } from './lib/problem.mjs';
import { admin, createUser, loginOk, newPassword, unique } from './lib/session.mjs';

const ETAG = /^"[^"]+"$/;

describe('create and read', () => {
  test('POST /gebruikers answers 201 with Location and ETag; GET returns the same', async () => {
    const { token } = await admin();
    const gebruikersnaam = unique('nieuw');
    const wachtwoord = newPassword();
    const r = await auth('/gebruikers', { method: 'POST', token, json: {
      gebruikersnaam, naam: 'Nieuwe Redacteur', email: 'redacteur@example.nl', rol: 'redacteur',
      actielijnen: [1, 3], wachtwoord } });
    assert.equal(r.status, 201, show(r));
    const user = r.json;
    assert.match(user.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(user.gebruikersnaam, gebruikersnaam);
    assert.equal(user.naam, 'Nieuwe Redacteur');
    assert.equal(user.email, 'redacteur@example.nl');
    assert.equal(user.rol, 'redacteur');
    assert.deepEqual(user.actielijnen, [1, 3]);
    assert.equal(user.actief, true);
    assert.ok(!r.text.includes(wachtwoord) && !/argon2|wachtwoord|hash/i.test(r.text), `no password: ${r.text}`);
    const location = r.headers.get('location') ?? '';
    assert.ok(location.endsWith(`${authBasePath}/gebruikers/${user.id}`), `Location ${location}`);
    const etag = r.headers.get('etag');
    assert.match(etag ?? '', ETAG);

    const got = await call(new URL(location, cfg.authUrl).href, { token });
    assert.equal(got.status, 200, show(got));
    assert.deepEqual(got.json, user);
    assert.equal(got.headers.get('etag'), etag);
  });

  test('an unknown or malformed id is a 404 problem', async () => {
    const { token } = await admin();
    assertProblem(await auth(`/gebruikers/${randomUUID()}`, { token }), 404);
    assertProblem(await auth('/gebruikers/geen-uuid', { token }), 404);
    assertProblem(await auth("/gebruikers/1'%20OR%20'1'='1", { token }), 404);
  });

  test('a duplicate username is a 409 problem', async () => {
    const user = await createUser();
    const { token } = await admin();
    const r = await auth('/gebruikers', { method: 'POST', token, json: {
      gebruikersnaam: user.gebruikersnaam, naam: 'Dubbel', rol: 'lezer', wachtwoord: newPassword() } });
    assertProblem(r, 409);
  });
});

describe('update with If-Match', () => {
  test('428 without If-Match, 412 when stale, 200 with the current ETag', async () => {
    const user = await createUser({ naam: 'Oude Naam' });
    const { token } = await admin();
    const path = `/gebruikers/${user.id}`;

    assertProblem(await auth(path, { method: 'PATCH', token, json: { naam: 'Zonder If-Match' } }), 428);
    assertProblem(await auth(path, { method: 'PATCH', token, headers: { 'If-Match': '"verouderd"' },
      json: { naam: 'Verkeerde versie' } }), 412);
    assert.equal((await auth(path, { token })).json.naam, 'Oude Naam', 'nothing changed so far');

    const r = await auth(path, { method: 'PATCH', token, headers: { 'If-Match': user.etag },
      json: { naam: 'Nieuwe Naam', rol: 'redacteur', actielijnen: [5] } });
    assert.equal(r.status, 200, show(r));
    assert.equal(r.json.naam, 'Nieuwe Naam');
    assert.equal(r.json.rol, 'redacteur');
    assert.deepEqual(r.json.actielijnen, [5]);
    const newEtag = r.headers.get('etag');
    assert.match(newEtag ?? '', ETAG);
    assert.notEqual(newEtag, user.etag);

    // The editor who still holds the old version cannot overwrite the change.
    assertProblem(await auth(path, { method: 'PATCH', token, headers: { 'If-Match': user.etag },
      json: { naam: 'Overschreven' } }), 412);
    const now = await auth(path, { token });
    assert.equal(now.json.naam, 'Nieuwe Naam');
    assert.equal(now.headers.get('etag'), newEtag);
  });

  test('PATCH of an unknown user is a 404', async () => {
    const { token } = await admin();
    assertProblem(await auth(`/gebruikers/${randomUUID()}`, { method: 'PATCH', token,
      headers: { 'If-Match': '"1"' }, json: { naam: 'Niemand' } }), 404);
  });

  test('an administrator cannot disable or demote themself', async () => {
    const other = await createUser({ rol: 'beheerder' });
    const { token } = await loginOk(other.gebruikersnaam, other.wachtwoord);
    const path = `/gebruikers/${other.id}`;
    assertProblem(await auth(path, { method: 'PATCH', token, headers: { 'If-Match': other.etag },
      json: { actief: false } }), 409);
    assertProblem(await auth(path, { method: 'PATCH', token, headers: { 'If-Match': other.etag },
      json: { rol: 'lezer' } }), 409);
    const me = await auth('/mij', { token });
    assert.equal(me.json.rol, 'beheerder');
    assert.equal(me.json.actief, true);
  });
});

describe('authorization', () => {
  test('a lezer cannot use the admin endpoints', async () => {
    const reader = await createUser({ rol: 'lezer' });
    const { token } = await loginOk(reader.gebruikersnaam, reader.wachtwoord);
    const name = unique('door-lezer');
    assertProblem(await auth('/gebruikers', { token }), 403);
    assertProblem(await auth(`/gebruikers/${reader.id}`, { token }), 403);
    assertProblem(await auth('/gebruikers', { method: 'POST', token, json: {
      gebruikersnaam: name, naam: 'Mag Niet', rol: 'beheerder', wachtwoord: newPassword() } }), 403);
    assertProblem(await auth(`/gebruikers/${reader.id}`, { method: 'PATCH', token,
      headers: { 'If-Match': reader.etag }, json: { rol: 'beheerder' } }), 403);
    assertProblem(await auth(`/gebruikers/${reader.id}/wachtwoord`, { method: 'PUT', token,
      json: { wachtwoord: newPassword() } }), 403);
    assertProblem(await auth('/clients', { token }), 403);
    assertProblem(await auth('/audit', { token }), 403);

    const { token: adminToken } = await admin();
    const check = await auth(`/gebruikers?zoek=${name}`, { token: adminToken });
    assert.deepEqual(items(check.json, 'gebruikers'), [], 'nothing was created');
    const still = await auth(`/gebruikers/${reader.id}`, { token: adminToken });
    assert.equal(still.json.rol, 'lezer', 'the reader did not promote themself');
  });
});

describe('pagination', () => {
  test('limit=2 pages through every matching user once, in username order', async () => {
    const prefix = unique('pagina');
    const created = [];
    for (const letter of ['e', 'a', 'd', 'b', 'c']) {
      created.push((await createUser({ gebruikersnaam: `${prefix}-${letter}` })).gebruikersnaam);
    }
    const { token } = await admin();
    const seen = [];
    let url = `${cfg.authUrl}/gebruikers?zoek=${encodeURIComponent(prefix)}&limit=2`;
    let pages = 0;
    while (url) {
      const r = await call(url, { token });
      assert.equal(r.status, 200, show(r));
      pages += 1;
      const page = items(r.json, 'gebruikers');
      assert.ok(page.length <= 2, `page ${pages} has ${page.length} users`);
      seen.push(...page.map((u) => u.gebruikersnaam));
      const next = parseLinks(r.headers.get('link')).next;
      if (r.json.volgende === null) {
        assert.equal(next, undefined, 'no Link rel="next" on the last page');
        url = undefined;
      } else {
        assert.equal(typeof r.json.volgende, 'string');
        assert.ok(next, `Link rel="next" on page ${pages}: ${r.headers.get('link')}`);
        const nextUrl = new URL(next, url);
        assert.equal(nextUrl.searchParams.get('cursor'), r.json.volgende, 'Link and volgende agree');
        assert.equal(nextUrl.searchParams.get('zoek'), prefix, 'the filter is kept');
        assert.equal(nextUrl.searchParams.get('limit'), '2', 'the limit is kept');
        url = nextUrl.href;
      }
      assert.ok(pages <= 5, 'pagination ends');
    }
    assert.equal(pages, 3);
    assert.deepEqual(seen, [...created].sort(), 'every user once, ordered by gebruikersnaam');
  });

  test('the volgende cursor of the body leads to the same next page', async () => {
    const prefix = unique('volgende');
    for (const letter of ['a', 'b', 'c']) await createUser({ gebruikersnaam: `${prefix}-${letter}` });
    const { token } = await admin();
    const first = await auth(`/gebruikers?zoek=${prefix}&limit=2`, { token });
    const second = await auth(`/gebruikers?zoek=${prefix}&limit=2&cursor=${encodeURIComponent(first.json.volgende)}`,
      { token });
    assert.equal(second.status, 200, show(second));
    assert.deepEqual(items(second.json, 'gebruikers').map((u) => u.gebruikersnaam), [`${prefix}-c`]);
    assert.equal(second.json.volgende, null);
  });

  test('a tampered or garbage cursor is a 400', async () => {
    const prefix = unique('cursor');
    for (const letter of ['a', 'b', 'c']) await createUser({ gebruikersnaam: `${prefix}-${letter}` });
    const { token } = await admin();
    const first = await auth(`/gebruikers?zoek=${prefix}&limit=1`, { token });
    const cursor = first.json.volgende;
    assert.equal(typeof cursor, 'string', show(first));
    const [payload, mac] = cursor.split('.');
    const decoded = Buffer.from(payload, 'base64url').toString('utf8');
    // Move the position (or, if the payload does not name it, change it in another way).
    const moved = decoded.includes(`${prefix}-a`) ? decoded.replace(`${prefix}-a`, `${prefix}-b`) : `${decoded} `;
    const forged = Buffer.from(moved).toString('base64url');
    const mid = Math.floor(payload.length / 2); // a character whose six bits all count
    const flipped = payload.slice(0, mid) + (payload[mid] === 'x' ? 'y' : 'x') + payload.slice(mid + 1);
    for (const bad of [`${forged}.${mac}`, `${flipped}.${mac}`, `${payload}.${mac.slice(0, -2)}`, payload, 'rommel']) {
      const r = await auth(`/gebruikers?zoek=${prefix}&limit=1&cursor=${encodeURIComponent(bad)}`, { token });
      assertProblem(r, 400, { invalidParams: ['cursor'] });
    }
  });

  test('an out-of-range limit is a 400', async () => {
    const { token } = await admin();
    for (const limit of ['0', '101', 'tien', '-1']) {
      assertProblem(await auth(`/gebruikers?limit=${limit}`, { token }), 400, { invalidParams: ['limit'] });
    }
  });

  test('filters by rol and actief', async () => {
    const prefix = unique('filter');
    const reader = await createUser({ gebruikersnaam: `${prefix}-lezer`, rol: 'lezer' });
    await createUser({ gebruikersnaam: `${prefix}-redacteur`, rol: 'redacteur' });
    const { token } = await admin();
    const r = await auth(`/gebruikers?zoek=${prefix}&rol=lezer`, { token });
    assert.equal(r.status, 200, show(r));
    assert.deepEqual(items(r.json, 'gebruikers').map((u) => u.id), [reader.id]);
    const inactive = await auth(`/gebruikers?zoek=${prefix}&actief=false`, { token });
    assert.deepEqual(items(inactive.json, 'gebruikers'), []);
  });
});
