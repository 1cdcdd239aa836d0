// Staff sessions: login, the refresh cookie, rotation with reuse detection, logout, identical
// answers for every kind of failed login, disabled users, password change and reset.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { authBasePath, cfg } from './lib/env.mjs';
import { auth, show } from './lib/http.mjs';
import { decode, scopesOf, signingKid } from './lib/jwt.mjs';
import { assertProblem, assertSecurityHeaders } from './lib/problem.mjs';
import {
  admin, cookieHeader, createUser, login, loginOk, newPassword, READ_SCOPES, refreshCookie, unique, WRITE_SCOPES,
} from './lib/session.mjs';

const WRONG_CREDENTIALS = 'Onjuiste gebruikersnaam of wachtwoord.';

function refresh(cookieValue) {
  const cookie = cookieValue === undefined ? undefined : cookieHeader(cookieValue);
  return auth('/sessies/vernieuwen', { method: 'POST', cookie });
}

function assertRefreshRejected(r) {
  assertProblem(r, 401);
}

// An identical answer for every failed login: nothing tells an attacker which part was wrong.
function assertWrongCredentials(r) {
  return assertProblem(r, 401, { detail: WRONG_CREDENTIALS });
}

describe('login', () => {
  test('gives a working access token and a strict refresh cookie', async () => {
    const user = await createUser({ rol: 'lezer', naam: 'Lisa Lezer', email: 'lisa@example.nl' });
    const r = await login(user.gebruikersnaam, user.wachtwoord);
    assert.equal(r.status, 200, show(r));
    assertSecurityHeaders(r);
    assert.equal(r.json.tokenType, 'Bearer');
    assert.ok(Number.isInteger(r.json.expiresIn) && r.json.expiresIn > 0 && r.json.expiresIn <= 900,
      `expiresIn ${r.json.expiresIn}`);
    assert.equal(r.json.gebruiker.id, user.id);
    assert.equal(r.json.gebruiker.gebruikersnaam, user.gebruikersnaam);
    assert.ok(!/wachtwoord|hash/i.test(JSON.stringify(r.json.gebruiker)), 'no password (hash) in the user');

    const cookie = refreshCookie(r);
    assert.ok(cookie, `Set-Cookie jt_refresh: ${r.headers.getSetCookie()}`);
    assert.ok(cookie.value.length >= 32, 'refresh token has enough entropy');
    assert.equal(cookie.attributes.path, `${authBasePath}/sessies`);
    assert.equal(cookie.attributes.httponly, true, cookie.raw);
    assert.equal(cookie.attributes.secure, true, cookie.raw);
    assert.equal(String(cookie.attributes.samesite).toLowerCase(), 'strict', cookie.raw);
    const maxAge = Number(cookie.attributes['max-age']);
    assert.ok(maxAge > 0 && maxAge <= 86400, `Max-Age ${cookie.attributes['max-age']}`);

    const { header, payload } = decode(r.json.accessToken);
    assert.equal(header.alg, 'RS256');
    assert.equal(header.typ, 'JWT');
    assert.equal(header.kid, signingKid, 'kid is the RFC 7638 thumbprint of the signing key');
    assert.equal(payload.iss, cfg.issuer);
    assert.ok([payload.aud].flat().includes(cfg.audience), `aud ${JSON.stringify(payload.aud)}`);
    assert.equal(payload.sub, user.id);
    assert.equal(payload.preferred_username, user.gebruikersnaam);
    assert.equal(payload.exp - payload.iat, r.json.expiresIn);
    assert.equal(typeof payload.jti, 'string');
    assert.deepEqual(payload.roles, ['lezer']);
    assert.deepEqual(scopesOf(r.json.accessToken), READ_SCOPES);

    const me = await auth('/mij', { token: r.json.accessToken });
    assert.equal(me.status, 200, show(me));
    assert.equal(me.json.id, user.id);
    assert.equal(me.json.gebruikersnaam, user.gebruikersnaam);
    assert.equal(me.json.naam, 'Lisa Lezer');
    assert.equal(me.json.email, 'lisa@example.nl');
    assert.equal(me.json.rol, 'lezer');
    assert.equal(me.json.actief, true);
    assert.deepEqual([...me.json.scopes].sort(), READ_SCOPES);
  });

  test('roles give their scopes; an editor limited to action lines carries them', async () => {
    const editor = await createUser({ rol: 'redacteur', actielijnen: [2, 4] });
    const { token } = await loginOk(editor.gebruikersnaam, editor.wachtwoord);
    assert.deepEqual(scopesOf(token), [...READ_SCOPES, ...WRITE_SCOPES].sort());
    assert.deepEqual(decode(token).payload.actielijnen, [2, 4]);

    const { token: adminToken } = await admin();
    const scopes = scopesOf(adminToken);
    assert.ok(scopes.includes('auth:admin'), 'beheerder has auth:admin');
    for (const s of [...READ_SCOPES, ...WRITE_SCOPES]) assert.ok(scopes.includes(s), `beheerder has ${s}`);
  });

  test('wrong password and unknown user get the identical 401', async () => {
    const user = await createUser();
    const wrongPassword = await login(user.gebruikersnaam, 'niet-het-wachtwoord-123');
    const unknownUser = await login(unique('niemand'), 'niet-het-wachtwoord-123');
    const a = assertWrongCredentials(wrongPassword);
    const b = assertWrongCredentials(unknownUser);
    assert.deepEqual(a, b);
    assert.equal(wrongPassword.headers.get('www-authenticate'), unknownUser.headers.get('www-authenticate'));
    assert.equal(refreshCookie(wrongPassword), undefined, 'no cookie for a failed login');
  });

  test('a disabled user cannot log in, and their refresh tokens stop working', async () => {
    const user = await createUser();
    const before = await loginOk(user.gebruikersnaam, user.wachtwoord);
    const { token } = await admin();
    const r = await auth(`/gebruikers/${user.id}`, { method: 'PATCH', token, headers: { 'If-Match': user.etag },
      json: { actief: false } });
    assert.equal(r.status, 200, show(r));
    assert.equal(r.json.actief, false);

    const unknown = assertWrongCredentials(await login(unique('niemand'), user.wachtwoord));
    assert.deepEqual(assertWrongCredentials(await login(user.gebruikersnaam, user.wachtwoord)), unknown);
    assertRefreshRejected(await refresh(before.cookie));
  });
});

describe('refresh', () => {
  test('rotates: each refresh gives a new cookie and a working access token', async () => {
    const user = await createUser();
    const first = await loginOk(user.gebruikersnaam, user.wachtwoord);
    const r = await refresh(first.cookie);
    assert.equal(r.status, 200, show(r));
    assert.equal(r.json.tokenType, 'Bearer');
    const second = refreshCookie(r);
    assert.ok(second, 'a new refresh cookie');
    assert.notEqual(second.value, first.cookie);
    assert.equal(second.attributes.path, `${authBasePath}/sessies`);
    assert.equal(second.attributes.httponly, true);
    assert.equal(second.attributes.secure, true);
    assert.equal(String(second.attributes.samesite).toLowerCase(), 'strict');
    assert.notEqual(r.json.accessToken, first.token);
    const me = await auth('/mij', { token: r.json.accessToken });
    assert.equal(me.status, 200, show(me));
    assert.equal(me.json.id, user.id);

    // The newest one rotates again.
    const third = await refresh(second.value);
    assert.equal(third.status, 200, show(third));
  });

  test('reusing a used refresh token fails and revokes the whole family', async () => {
    const user = await createUser();
    const family = await loginOk(user.gebruikersnaam, user.wachtwoord);
    const otherSession = await loginOk(user.gebruikersnaam, user.wachtwoord);
    const r1 = await refresh(family.cookie);
    assert.equal(r1.status, 200, show(r1));
    const r2 = await refresh(refreshCookie(r1).value);
    assert.equal(r2.status, 200, show(r2));
    const newest = refreshCookie(r2).value;

    assertRefreshRejected(await refresh(family.cookie)); // the stolen, already used one
    assertRefreshRejected(await refresh(newest)); // the family is revoked
    assertRefreshRejected(await refresh(refreshCookie(r1).value));

    // Another login of the same user is another family and still works.
    const other = await refresh(otherSession.cookie);
    assert.equal(other.status, 200, show(other));
  });

  test('a missing or unknown refresh cookie is a 401', async () => {
    assertRefreshRejected(await refresh(undefined));
    assertRefreshRejected(await refresh('bestaat-niet-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'));
    assertRefreshRejected(await refresh(''));
  });

  test('an access token is not a refresh token', async () => {
    const { token } = await admin();
    assertRefreshRejected(await refresh(token));
  });
});

describe('logout', () => {
  test('revokes the session and clears the cookie', async () => {
    const user = await createUser();
    const session = await loginOk(user.gebruikersnaam, user.wachtwoord);
    const rotated = await refresh(session.cookie);
    assert.equal(rotated.status, 200, show(rotated));
    const current = refreshCookie(rotated).value;

    const r = await auth('/sessies/huidig', { method: 'DELETE', cookie: cookieHeader(current) });
    assert.equal(r.status, 204, show(r));
    assertSecurityHeaders(r);
    const cleared = refreshCookie(r);
    assert.ok(cleared, `the cookie is cleared: ${r.headers.getSetCookie()}`);
    assert.equal(cleared.attributes['max-age'], '0', cleared.raw);
    assert.equal(cleared.attributes.path, `${authBasePath}/sessies`, cleared.raw);

    assertRefreshRejected(await refresh(current));
  });
});

describe('passwords', () => {
  test('a user changes their own password; other sessions end', async () => {
    const user = await createUser();
    const session = await loginOk(user.gebruikersnaam, user.wachtwoord);
    const elsewhere = await loginOk(user.gebruikersnaam, user.wachtwoord);
    const nieuw = newPassword();

    const wrong = await auth('/mij/wachtwoord', { method: 'PUT', token: session.token,
      json: { huidigWachtwoord: 'niet-het-huidige-1', nieuwWachtwoord: nieuw } });
    assert.ok(wrong.status >= 400 && wrong.status < 500, `wrong current password refused: ${show(wrong)}`);
    assert.match(wrong.headers.get('content-type') ?? '', /^application\/problem\+json/);

    const tooShort = await auth('/mij/wachtwoord', { method: 'PUT', token: session.token,
      json: { huidigWachtwoord: user.wachtwoord, nieuwWachtwoord: 'kort' } });
    assertProblem(tooShort, 400, { invalidParams: ['nieuwWachtwoord'] });

    const r = await auth('/mij/wachtwoord', { method: 'PUT', token: session.token,
      json: { huidigWachtwoord: user.wachtwoord, nieuwWachtwoord: nieuw } });
    assert.equal(r.status, 204, show(r));

    assertWrongCredentials(await login(user.gebruikersnaam, user.wachtwoord));
    await loginOk(user.gebruikersnaam, nieuw);
    assertRefreshRejected(await refresh(elsewhere.cookie));
  });

  test('an administrator resets a password; the old one and the sessions stop working', async () => {
    const user = await createUser();
    const session = await loginOk(user.gebruikersnaam, user.wachtwoord);
    const { token } = await admin();
    const nieuw = newPassword();

    const invalid = await auth(`/gebruikers/${user.id}/wachtwoord`, { method: 'PUT', token,
      json: { wachtwoord: 'kort' } });
    assertProblem(invalid, 400, { invalidParams: ['wachtwoord'] });

    const r = await auth(`/gebruikers/${user.id}/wachtwoord`, { method: 'PUT', token, json: { wachtwoord: nieuw } });
    assert.equal(r.status, 204, show(r));
    assertRefreshRejected(await refresh(session.cookie));
    assertWrongCredentials(await login(user.gebruikersnaam, user.wachtwoord));
    await loginOk(user.gebruikersnaam, nieuw);
  });
});
