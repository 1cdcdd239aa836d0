// Input validation: a bad body is a 400 problem that lists every problem at once in invalidParams,
// and nothing is written.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { auth, items, show } from './lib/http.mjs';
import { assertProblem } from './lib/problem.mjs';
import { admin, createUser, newPassword, unique } from './lib/session.mjs';

const attempted = []; // usernames that must never have been created

function post(path, json) {
  return admin().then(({ token }) => auth(path, { method: 'POST', token, json }));
}

function postText(path, body) {
  return admin().then(({ token }) =>
    auth(path, { method: 'POST', token, body, headers: { 'Content-Type': 'application/json' } }));
}

function badName(prefix = 'bad') {
  const name = unique(prefix);
  attempted.push(name);
  return name;
}

describe('malformed and empty bodies', () => {
  test('malformed JSON is a 400 whose detail says where', async () => {
    const r = await postText('/gebruikers', `{"gebruikersnaam": "${badName()}",\n  "naam": }`);
    const p = assertProblem(r, 400);
    assert.match(p.detail, /\d/, `detail names a line or column: "${p.detail}"`);
  });

  test('an empty body is a 400', async () => {
    assertProblem(await postText('/gebruikers', ''), 400);
    assertProblem(await postText('/sessies', ''), 400);
  });

  test('a JSON value that is not an object is a 400', async () => {
    for (const text of ['[]', 'null', '"tekst"', '42']) {
      assertProblem(await postText('/gebruikers', text), 400);
    }
  });

  test('an empty object lists every required field', async () => {
    const r = await post('/gebruikers', {});
    assertProblem(r, 400, { invalidParams: [
      { name: 'gebruikersnaam', code: 'required' },
      { name: 'naam', code: 'required' },
      { name: 'rol', code: 'required' },
      { name: 'wachtwoord', code: 'required' },
    ] });
  });
});

describe('field problems are all reported at once', () => {
  test('three bad fields give three entries', async () => {
    const r = await post('/gebruikers', { gebruikersnaam: 'x', naam: 5, rol: 'koning', wachtwoord: newPassword() });
    assertProblem(r, 400, { invalidParams: ['gebruikersnaam', 'naam', 'rol'] });
  });

  test('wrong types', async () => {
    const r = await post('/gebruikers', {
      gebruikersnaam: 12345, naam: true, rol: ['lezer'], email: 7, wachtwoord: { tekst: newPassword() },
    });
    assertProblem(r, 400, { invalidParams: [
      { name: 'gebruikersnaam', code: 'type' },
      { name: 'naam', code: 'type' },
      { name: 'rol', code: /^(type|enum)$/ },
      { name: 'email', code: 'type' },
      { name: 'wachtwoord', code: 'type' },
    ] });
  });

  test('unknown fields are rejected, not ignored (no mass assignment)', async () => {
    const r = await post('/gebruikers', {
      gebruikersnaam: badName(), naam: 'Onbekende Velden', rol: 'lezer', wachtwoord: newPassword(),
      isAdmin: true, id: '00000000-0000-4000-8000-000000000000',
    });
    assertProblem(r, 400, { invalidParams: [{ name: 'isAdmin', code: 'unknown' }, { name: 'id', code: 'unknown' }] });
  });

  test('over-long strings', async () => {
    const r = await post('/gebruikers', {
      gebruikersnaam: `a${'b'.repeat(64)}`, naam: 'n'.repeat(201), email: `${'e'.repeat(250)}@x.nl`,
      rol: 'lezer', wachtwoord: 'w'.repeat(129),
    });
    assertProblem(r, 400, { invalidParams: [
      { name: 'gebruikersnaam', code: 'length' },
      { name: 'naam', code: 'length' },
      { name: 'email', code: 'length' },
      { name: 'wachtwoord', code: 'length' },
    ] });
  });

  test('too short and malformed values', async () => {
    const r = await post('/gebruikers', {
      gebruikersnaam: 'Hoofd Letters!', naam: '', email: 'geen-apenstaartje', rol: 'lezer', wachtwoord: 'kort',
    });
    assertProblem(r, 400, { invalidParams: [
      { name: 'gebruikersnaam', code: /^(format|pattern)$/ },
      { name: 'naam', code: 'length' },
      { name: 'email', code: /^(format|pattern)$/ },
      { name: 'wachtwoord', code: 'length' },
    ] });
  });

  test('actielijnen: only 1..5 and only for a redacteur', async () => {
    const outOfRange = await post('/gebruikers', {
      gebruikersnaam: badName(), naam: 'Actielijn Zes', rol: 'redacteur', actielijnen: [2, 6],
      wachtwoord: newPassword(),
    });
    assertProblem(outOfRange, 400, { invalidParams: [/^actielijnen/] });
    const notEditor = await post('/gebruikers', {
      gebruikersnaam: badName(), naam: 'Lezer Met Lijnen', rol: 'lezer', actielijnen: [1], wachtwoord: newPassword(),
    });
    assertProblem(notEditor, 400, { invalidParams: ['actielijnen'] });
  });

  test('lengths count characters, not bytes', async () => {
    const user = await createUser({ naam: 'é'.repeat(200) });
    assert.equal(user.body.naam, 'é'.repeat(200));
  });

  test('a PATCH with bad fields lists them all and changes nothing', async () => {
    const user = await createUser();
    const { token } = await admin();
    const r = await auth(`/gebruikers/${user.id}`, { method: 'PATCH', token, headers: { 'If-Match': user.etag },
      json: { rol: 'koning', actief: 'ja', wachtwoord: 'mag-hier-niet-123' } });
    assertProblem(r, 400, { invalidParams: ['rol', 'actief', 'wachtwoord'] });
    const now = await auth(`/gebruikers/${user.id}`, { token });
    assert.equal(now.status, 200, show(now));
    assert.equal(now.headers.get('etag'), user.etag, 'the version did not change');
    assert.equal(now.json.rol, 'lezer');
    assert.equal(now.json.actief, true);
  });

  test('the login body is validated too', async () => {
    const r = await post('/sessies', { gebruikersnaam: 5, extra: 1 });
    assertProblem(r, 400, { invalidParams: ['gebruikersnaam', 'wachtwoord', 'extra'] });
  });
});

test('nothing of the rejected requests was written', async () => {
  assert.ok(attempted.length >= 4);
  const { token } = await admin();
  for (const name of attempted) {
    const r = await auth(`/gebruikers?zoek=${encodeURIComponent(name)}`, { token });
    assert.equal(r.status, 200, show(r));
    assert.deepEqual(items(r.json, 'gebruikers').map((u) => u.gebruikersnaam), [], `${name} was not created`);
  }
});
