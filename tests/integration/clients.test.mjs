// Machine clients and the OAuth2 token endpoint (client credentials, RFC 6749): the secret is shown
// once, both client authentication methods work, scopes narrow, and rotation and revocation of the
// secret take effect at once.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';

import { authBasePath, cfg } from './lib/env.mjs';
import { auth, items, show } from './lib/http.mjs';
import { decode, scopesOf, signingKid } from './lib/jwt.mjs';
import { assertProblem, assertSecurityHeaders } from './lib/problem.mjs';
import { admin, createClient, tokenRequest, unique } from './lib/session.mjs';

const SECRET = /^[A-Za-z0-9_-]{43}$/;

function grant(client, secret = client.secret, extra = {}) {
  return tokenRequest({ grant_type: 'client_credentials', ...extra }, { basic: [client.clientId, secret] });
}

function grantPost(client, secret = client.secret, extra = {}) {
  return tokenRequest({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: secret,
    ...extra });
}

function assertToken(r) {
  assert.equal(r.status, 200, show(r));
  assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
  assert.match(r.headers.get('cache-control') ?? '', /no-store/);
  assert.equal(typeof r.json.access_token, 'string');
  assert.equal(r.json.token_type, 'Bearer');
  assert.ok(Number.isInteger(r.json.expires_in) && r.json.expires_in > 0 && r.json.expires_in <= 21600,
    `expires_in ${r.json.expires_in}`);
  assert.ok(!('refresh_token' in r.json), 'no refresh token for clients');
  return r.json;
}

function assertInvalidClient(r, { basic }) {
  assertProblem(r, 401, { error: 'invalid_client' });
  if (basic) assert.match(r.headers.get('www-authenticate') ?? '', /^Basic realm="jeugdhulp-twente"/, show(r));
}

function sha256(text) {
  const h = createHash('sha256').update(text);
  return [h.copy().digest('hex'), h.copy().digest('base64'), h.digest('base64url')];
}

describe('client administration', () => {
  test('create shows the secret once; reads never show it', async () => {
    const { token } = await admin();
    const clientId = unique('gemeente-hengelo');
    const r = await auth('/clients', { method: 'POST', token, json: {
      clientId, naam: 'Gemeente Hengelo', scopes: ['monitoring:ingest', 'monitoring:read'], gemeente: 'GM0164' } });
    assert.equal(r.status, 201, show(r));
    assert.match(r.json.clientSecret ?? '', SECRET);
    assert.equal(r.json.clientId, clientId);
    assert.deepEqual([...r.json.scopes].sort(), ['monitoring:ingest', 'monitoring:read']);
    assert.equal(r.json.gemeente, 'GM0164');
    const location = r.headers.get('location') ?? '';
    assert.ok(location.endsWith(`${authBasePath}/clients/${r.json.id}`), `Location ${location}`);
    assert.match(r.headers.get('etag') ?? '', /^"[^"]+"$/);

    const secret = r.json.clientSecret;
    const forbidden = [secret, ...sha256(secret)];
    const one = await auth(`/clients/${r.json.id}`, { token });
    assert.equal(one.status, 200, show(one));
    assert.equal(one.json.clientId, clientId);
    assert.ok(!('clientSecret' in one.json));
    const list = await auth(`/clients?limit=100`, { token });
    assert.equal(list.status, 200, show(list));
    for (const res of [one, list]) {
      for (const f of forbidden) assert.ok(!res.text.includes(f), `no secret or its hash in ${res.url}`);
      assert.ok(!/clientSecret|hash/i.test(res.text), `no secret field in ${res.url}`);
    }
  });

  test('invalid input lists every problem: auth:admin is never a client scope', async () => {
    const { token } = await admin();
    const r = await auth('/clients', { method: 'POST', token, json: {
      clientId: 'Gemeente Hengelo', naam: 'Fout', scopes: ['auth:admin'], gemeente: 'GM15' } });
    assertProblem(r, 400, { invalidParams: [/^clientId$/, /^scopes/, /^gemeente$/] });
  });

  test('a duplicate clientId is a 409', async () => {
    const client = await createClient();
    const { token } = await admin();
    const r = await auth('/clients', { method: 'POST', token, json: {
      clientId: client.clientId, naam: 'Dubbel', scopes: ['monitoring:read'] } });
    assertProblem(r, 409);
  });
});

describe('token endpoint', () => {
  test('client_secret_basic gives a token with the scopes and the municipality', async () => {
    const client = await createClient({ scopes: ['monitoring:ingest', 'monitoring:read'], gemeente: 'GM0153' });
    const r = await grant(client);
    const body = assertToken(r);
    assertSecurityHeaders(r);
    assert.deepEqual(body.scope.split(' ').sort(), ['monitoring:ingest', 'monitoring:read']);

    const { header, payload } = decode(body.access_token);
    assert.equal(header.alg, 'RS256');
    assert.equal(header.kid, signingKid);
    assert.equal(payload.iss, cfg.issuer);
    assert.ok([payload.aud].flat().includes(cfg.audience));
    assert.equal(payload.sub, client.clientId);
    assert.equal(payload.client_id, client.clientId);
    assert.equal(payload.gemeente, 'GM0153');
    assert.deepEqual(scopesOf(body.access_token), ['monitoring:ingest', 'monitoring:read']);
    assert.ok(payload.exp - payload.iat <= 21600);
    assert.equal(payload.exp - payload.iat, body.expires_in);

    const me = await auth('/mij', { token: body.access_token });
    assert.equal(me.status, 200, show(me));
    assert.equal(me.json.clientId, client.clientId);
    assert.equal(me.json.gemeente, 'GM0153');
    assert.deepEqual([...me.json.scopes].sort(), ['monitoring:ingest', 'monitoring:read']);
    assertProblem(await auth('/gebruikers', { token: body.access_token }), 403);
  });

  test('client_secret_post works and the scope parameter narrows the token', async () => {
    const client = await createClient({ scopes: ['portfolio:read', 'stakeholders:read'] });
    const body = assertToken(await grantPost(client, client.secret, { scope: 'portfolio:read' }));
    assert.equal(body.scope, 'portfolio:read');
    assert.deepEqual(scopesOf(body.access_token), ['portfolio:read']);
    assert.equal(decode(body.access_token).payload.gemeente, undefined, 'no municipality for a regional client');
  });

  test('asking for a scope not granted is invalid_scope', async () => {
    const client = await createClient({ scopes: ['portfolio:read'] });
    for (const scope of ['auth:admin', 'portfolio:write', 'portfolio:read portfolio:write', 'bestaat:niet']) {
      assertProblem(await grant(client, client.secret, { scope }), 400, { error: 'invalid_scope' });
    }
  });

  test('a wrong secret or unknown client is invalid_client', async () => {
    const client = await createClient();
    const wrong = `${client.secret.slice(0, -1)}${client.secret.at(-1) === 'A' ? 'B' : 'A'}`;
    assertInvalidClient(await grant(client, wrong), { basic: true });
    assertInvalidClient(await grantPost(client, wrong), { basic: false });
    assertInvalidClient(await grant({ clientId: unique('niemand') }, client.secret), { basic: true });
    assertInvalidClient(await grant(client, ''), { basic: true });
    assertInvalidClient(await tokenRequest({ grant_type: 'client_credentials' }), { basic: false });
  });

  test('grant type and request format are checked', async () => {
    const client = await createClient();
    assertProblem(await grant(client, client.secret, { grant_type: 'password' }), 400,
      { error: 'unsupported_grant_type' });
    assertProblem(await tokenRequest({ client_id: client.clientId, client_secret: client.secret }), 400,
      { error: 'invalid_request' });
    const json = await auth('/token', { method: 'POST',
      json: { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.secret } });
    assertProblem(json, 415);
  });

  test('rotating the secret replaces the old one at once', async () => {
    const client = await createClient();
    const { token } = await admin();
    assertToken(await grant(client));
    const r = await auth(`/clients/${client.id}/geheimen`, { method: 'POST', token });
    assert.equal(r.status, 201, show(r));
    const fresh = r.json.clientSecret;
    assert.match(fresh ?? '', SECRET);
    assert.notEqual(fresh, client.secret);
    assertInvalidClient(await grant(client), { basic: true });
    assertToken(await grant(client, fresh));
  });

  test('revoking the secret stops new tokens until a new secret is issued', async () => {
    const client = await createClient();
    const { token } = await admin();
    const r = await auth(`/clients/${client.id}/geheimen`, { method: 'DELETE', token });
    assert.equal(r.status, 204, show(r));
    assertInvalidClient(await grant(client), { basic: true });
    assertInvalidClient(await grantPost(client), { basic: false });
    const again = await auth(`/clients/${client.id}/geheimen`, { method: 'POST', token });
    assert.equal(again.status, 201, show(again));
    assertToken(await grant(client, again.json.clientSecret));
  });

  test('a disabled client gets no token; PATCH needs If-Match', async () => {
    const client = await createClient();
    const { token } = await admin();
    const path = `/clients/${client.id}`;
    assertProblem(await auth(path, { method: 'PATCH', token, json: { actief: false } }), 428);
    assertProblem(await auth(path, { method: 'PATCH', token, headers: { 'If-Match': '"verouderd"' },
      json: { actief: false } }), 412);
    const r = await auth(path, { method: 'PATCH', token, headers: { 'If-Match': client.etag },
      json: { actief: false } });
    assert.equal(r.status, 200, show(r));
    assert.equal(r.json.actief, false);
    assertInvalidClient(await grant(client), { basic: true });
  });

  test('client listing pages through every client exactly once', async () => {
    const mine = [await createClient(), await createClient(), await createClient()].map((c) => c.clientId);
    const { token } = await admin();
    const seen = [];
    let path = '/clients?limit=5';
    for (let pages = 0; path; pages++) {
      assert.ok(pages < 1000, 'pagination ends');
      const r = await auth(path, { token });
      assert.equal(r.status, 200, show(r));
      const page = items(r.json, 'clients');
      assert.ok(page.length <= 5);
      seen.push(...page.map((c) => c.clientId));
      path = r.json.volgende === null ? undefined : `/clients?limit=5&cursor=${encodeURIComponent(r.json.volgende)}`;
    }
    assert.equal(new Set(seen).size, seen.length, 'no client twice');
    for (const id of mine) assert.ok(seen.includes(id), `${id} listed`);
  });
});
