// JWT minting and inspection with node:crypto only, to attack the services' token verification
// with tokens they did not issue: our own RS256 tokens, HS256 with the public key, alg none, ...
import { createHash, createHmac, createPrivateKey, createPublicKey, randomUUID, sign, verify }
  from 'node:crypto';

import { cfg } from './env.mjs';

function b64urlJson(value) {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

// RFC 7638 thumbprint of an RSA key (PEM, public or private): SHA-256 over the required members
// in lexicographic order, no whitespace, base64url.
export function thumbprint(pem) {
  const jwk = createPublicKey(pem).export({ format: 'jwk' });
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url');
}

export const signingKid = thumbprint(cfg.signingPublicPem);
export const otherKid = thumbprint(cfg.otherKeyPem);

// Claims the services accept: right issuer and audience, valid now for five minutes.
export function claims(overrides = {}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: cfg.issuer,
    aud: [cfg.audience],
    sub: randomUUID(),
    iat: now,
    nbf: now,
    exp: now + 300,
    jti: randomUUID(),
    scope: '',
    roles: [],
    ...overrides,
  };
}

function withoutUndefined(obj) {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

// RS256 token signed with a private key PEM (default: the auth service's own signing key and its
// kid; kid: null leaves the kid out).
export function signRS256(payload, { key = cfg.signingKeyPem, kid = signingKid, header = {} } = {}) {
  const head = withoutUndefined({ alg: 'RS256', typ: 'JWT', kid: kid ?? undefined, ...header });
  const input = `${b64urlJson(head)}.${b64urlJson(withoutUndefined(payload))}`;
  const signature = sign('sha256', Buffer.from(input), createPrivateKey(key));
  return `${input}.${signature.toString('base64url')}`;
}

// HS256 token with an arbitrary secret: signed with the RSA public key PEM text this is the
// classic algorithm-confusion attack.
export function signHS256(payload, secret, { kid = signingKid, header = {} } = {}) {
  const head = withoutUndefined({ alg: 'HS256', typ: 'JWT', kid: kid ?? undefined, ...header });
  const input = `${b64urlJson(head)}.${b64urlJson(withoutUndefined(payload))}`;
  const signature = createHmac('sha256', secret).update(input).digest('base64url');
  return `${input}.${signature}`;
}

// Unsigned token: {"alg":"none"} and an empty signature.
export function unsigned(payload, { alg = 'none', kid } = {}) {
  const head = withoutUndefined({ alg, typ: 'JWT', kid });
  return `${b64urlJson(head)}.${b64urlJson(withoutUndefined(payload))}.`;
}

export function decode(token) {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error(`not a JWS compact token: ${token.slice(0, 40)}...`);
  return {
    header: JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')),
    payload: JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')),
    signature: parts[2],
  };
}

// Change a signed token's payload and keep its original signature.
export function tamper(token, change) {
  const [head, , signature] = token.split('.');
  const payload = decode(token).payload;
  const changed = change(structuredClone(payload)) ?? payload;
  return `${head}.${b64urlJson(changed)}.${signature}`;
}

// Verify an RS256 token against a JWK (as published in a JWKS document).
export function verifyWithJwk(token, jwk) {
  const [head, payload, signature] = token.split('.');
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  return verify('sha256', Buffer.from(`${head}.${payload}`), key, Buffer.from(signature, 'base64url'));
}

export function scopesOf(token) {
  const scope = decode(token).payload.scope ?? '';
  return scope.split(' ').filter(Boolean).sort();
}
