// The published signing keys: the JWKS lists the key whose kid the tokens carry, only its public
// half, and the issued tokens verify against it.
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { before, describe, test } from 'node:test';

import { cfg } from './lib/env.mjs';
import { auth, show } from './lib/http.mjs';
import { claims, decode, otherKid, signRS256, signingKid, verifyWithJwk } from './lib/jwt.mjs';
import { assertSecurityHeaders } from './lib/problem.mjs';
import { admin, createClient, tokenRequest } from './lib/session.mjs';

let jwks;
let response;

before(async () => {
  response = await auth('/.well-known/jwks.json');
  assert.equal(response.status, 200, show(response));
  jwks = response.json;
});

function keyFor(token) {
  const { kid } = decode(token).header;
  return jwks.keys.find((k) => k.kid === kid);
}

describe('JWKS', () => {
  test('is public, cacheable and JSON', () => {
    assert.match(response.headers.get('content-type') ?? '', /^application\/(jwk-set\+)?json/);
    assert.match(response.headers.get('cache-control') ?? '', /\bpublic\b/);
    assert.match(response.headers.get('cache-control') ?? '', /\bmax-age=300\b/);
    assertSecurityHeaders(response, { cache: false });
  });

  test('lists the signing key under its RFC 7638 thumbprint, public parts only', () => {
    assert.ok(Array.isArray(jwks.keys) && jwks.keys.length >= 1, JSON.stringify(jwks));
    const key = jwks.keys.find((k) => k.kid === signingKid);
    assert.ok(key, `a key with kid ${signingKid}: ${JSON.stringify(jwks.keys.map((k) => k.kid))}`);
    assert.equal(key.kty, 'RSA');
    assert.equal(key.use, 'sig');
    assert.equal(key.alg, 'RS256');
    const expected = createPublicKey(cfg.signingPublicPem).export({ format: 'jwk' });
    assert.equal(key.n, expected.n);
    assert.equal(key.e, expected.e);
    for (const k of jwks.keys) {
      for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) {
        assert.ok(!(secret in k), `JWKS must not publish private member "${secret}" (kid ${k.kid})`);
      }
    }
    assert.ok(!jwks.keys.some((k) => k.kid === otherKid), 'the unconfigured key is not published');
  });

  test('a staff token verifies with the published key', async () => {
    const { token } = await admin();
    const key = keyFor(token);
    assert.ok(key, `the token's kid ${decode(token).header.kid} is published`);
    assert.equal(verifyWithJwk(token, key), true);
  });

  test('a client token verifies with the published key', async () => {
    const client = await createClient();
    const r = await tokenRequest({ grant_type: 'client_credentials' }, { basic: [client.clientId, client.secret] });
    assert.equal(r.status, 200, show(r));
    const key = keyFor(r.json.access_token);
    assert.ok(key, 'the client token kid is published');
    assert.equal(verifyWithJwk(r.json.access_token, key), true);
  });

  test('a token signed with another key does not verify with it', () => {
    const key = jwks.keys.find((k) => k.kid === signingKid);
    const forged = signRS256(claims(), { key: cfg.otherKeyPem, kid: signingKid });
    assert.equal(verifyWithJwk(forged, key), false);
    assert.equal(verifyWithJwk(signRS256(claims()), key), true);
  });
});
