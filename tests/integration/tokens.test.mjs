// Bearer-token verification on a protected endpoint (GET /mij): every forged, stale or misdirected
// token is a 401 problem with a Bearer challenge (never a 500), a token lacking a scope is a 403,
// and a token minted with the real signing key and the right claims is accepted.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { cfg } from './lib/env.mjs';
import { auth, show } from './lib/http.mjs';
import { claims, otherKid, signHS256, signRS256, tamper, unsigned } from './lib/jwt.mjs';
import { assertProblem, assertUnauthorized } from './lib/problem.mjs';
import { admin } from './lib/session.mjs';

const ADMIN_SCOPE = 'auth:admin portfolio:read portfolio:write';
let adminId;

// Claims of a token for the bootstrap administrator (a real user, so /mij finds the row).
function adminClaims(overrides = {}) {
  return claims({ sub: adminId, preferred_username: cfg.adminUsername, scope: ADMIN_SCOPE, roles: ['beheerder'],
    ...overrides });
}

const now = () => Math.floor(Date.now() / 1000);

before(async () => {
  const { token } = await admin();
  const me = await auth('/mij', { token });
  assert.equal(me.status, 200, show(me));
  adminId = me.json.id;
});

describe('accepted tokens', () => {
  test('a token minted with the signing key and its thumbprint kid works', async () => {
    const r = await auth('/mij', { token: signRS256(adminClaims()) });
    assert.equal(r.status, 200, show(r));
    assert.equal(r.json.id, adminId);
    assert.equal(r.json.gebruikersnaam, cfg.adminUsername);
  });

  test('aud may be a single string', async () => {
    const r = await auth('/mij', { token: signRS256(adminClaims({ aud: cfg.audience })) });
    assert.equal(r.status, 200, show(r));
  });

  test('a token without kid is checked against the configured key', async () => {
    const r = await auth('/mij', { token: signRS256(adminClaims(), { kid: null }) });
    assert.equal(r.status, 200, show(r));
  });

  test('a minted token with auth:admin may list users', async () => {
    const r = await auth('/gebruikers?limit=1', { token: signRS256(adminClaims()) });
    assert.equal(r.status, 200, show(r));
  });
});

describe('rejected tokens', () => {
  test('no token at all', async () => {
    assertUnauthorized(await auth('/mij'), { tokenSent: false });
  });

  test('malformed tokens', async () => {
    for (const token of ['abc', 'a.b.c', 'eyJhbGciOiJSUzI1NiJ9..', '...', `${signRS256(adminClaims())}x.y`]) {
      assertUnauthorized(await auth('/mij', { token }));
    }
  });

  test('another authorization scheme is not a bearer token', async () => {
    const r = await auth('/mij', { headers: { Authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } });
    assertProblem(r, 401);
    assert.match(r.headers.get('www-authenticate') ?? '', /^Bearer/i, show(r));
  });

  test('alg none', async () => {
    for (const alg of ['none', 'None', 'NONE']) {
      assertUnauthorized(await auth('/mij', { token: unsigned(adminClaims(), { alg }) }));
    }
  });

  test('HS256 signed with the public key as HMAC secret (algorithm confusion)', async () => {
    const pem = cfg.signingPublicPem;
    for (const secret of [pem, pem.trim()]) {
      assertUnauthorized(await auth('/mij', { token: signHS256(adminClaims(), secret) }));
    }
  });

  test('a payload changed after signing', async () => {
    const token = signRS256(adminClaims({ scope: 'portfolio:read' }));
    const forged = tamper(token, (p) => ({ ...p, scope: 'auth:admin portfolio:read' }));
    assertUnauthorized(await auth('/mij', { token: forged }));
    assertUnauthorized(await auth('/gebruikers', { token: forged }));
  });

  test('expired', async () => {
    const token = signRS256(adminClaims({ iat: now() - 3600, nbf: now() - 3600, exp: now() - 600 }));
    assertUnauthorized(await auth('/mij', { token }));
  });

  test('without exp', async () => {
    assertUnauthorized(await auth('/mij', { token: signRS256(adminClaims({ exp: undefined })) }));
  });

  test('not valid before a time in the future', async () => {
    const token = signRS256(adminClaims({ nbf: now() + 600 }));
    assertUnauthorized(await auth('/mij', { token }));
  });

  test('wrong issuer', async () => {
    for (const iss of ['https://evil.example/api/auth/v1', `${cfg.issuer}/`, undefined]) {
      assertUnauthorized(await auth('/mij', { token: signRS256(adminClaims({ iss })) }));
    }
  });

  test('wrong audience', async () => {
    for (const aud of [['iemand-anders'], 'iemand-anders', [], undefined]) {
      assertUnauthorized(await auth('/mij', { token: signRS256(adminClaims({ aud })) }));
    }
  });

  test('signed with a key configured nowhere (unknown kid)', async () => {
    const token = signRS256(adminClaims(), { key: cfg.otherKeyPem, kid: otherKid });
    assertUnauthorized(await auth('/mij', { token }));
  });

  test("signed with another key under the signing key's kid, or without kid", async () => {
    assertUnauthorized(await auth('/mij', { token: signRS256(adminClaims(), { key: cfg.otherKeyPem }) }));
    const noKid = signRS256(adminClaims(), { key: cfg.otherKeyPem, kid: null });
    assertUnauthorized(await auth('/mij', { token: noKid }));
  });

  test('a valid token in the query string is not accepted', async () => {
    const token = signRS256(adminClaims());
    for (const name of ['access_token', 'token']) {
      assertUnauthorized(await auth(`/mij?${name}=${encodeURIComponent(token)}`), { tokenSent: false });
    }
  });
});

describe('scopes', () => {
  test('a valid token without auth:admin is forbidden on GET /gebruikers', async () => {
    const token = signRS256(adminClaims({ scope: 'portfolio:read portfolio:write', roles: ['redacteur'] }));
    assert.equal((await auth('/mij', { token })).status, 200, 'the token itself is valid');
    assertProblem(await auth('/gebruikers', { token }), 403);
    assertProblem(await auth('/clients', { token }), 403);
    assertProblem(await auth('/audit', { token }), 403);
  });

  test('the role claim alone does not grant a scope', async () => {
    const token = signRS256(adminClaims({ scope: 'portfolio:read', roles: ['beheerder'] }));
    assertProblem(await auth('/gebruikers', { token }), 403);
  });
});
