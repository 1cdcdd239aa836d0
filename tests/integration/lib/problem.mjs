// Assertions on the shape every service promises: problem details (RFC 9457) for every error, the
// security headers on every response.
import assert from 'node:assert/strict';
import { STATUS_CODES } from 'node:http';

import { show } from './http.mjs';

// RFC 9110 renamed a few reason phrases; accept the old and the new one.
const REASONS = {
  ...STATUS_CODES,
  413: ['Payload Too Large', 'Content Too Large', 'Request Entity Too Large'],
  422: ['Unprocessable Entity', 'Unprocessable Content'],
};

export function assertSecurityHeaders(r, { cache = true, apiVersion = true } = {}) {
  const h = r.headers;
  if (cache) {
    assert.match(h.get('cache-control') ?? '', /\bno-store\b/, `Cache-Control no-store: ${show(r)}`);
  }
  assert.equal(h.get('x-content-type-options'), 'nosniff', `X-Content-Type-Options: ${show(r)}`);
  assert.equal(h.get('x-frame-options')?.toUpperCase(), 'DENY', `X-Frame-Options: ${show(r)}`);
  assert.match(h.get('content-security-policy') ?? '', /frame-ancestors 'none'/,
    `Content-Security-Policy: ${show(r)}`);
  if (apiVersion) {
    assert.match(h.get('api-version') ?? '', /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/,
      `API-Version (semver): ${show(r)}`);
  }
}

function matches(expected, actual) {
  return expected instanceof RegExp ? expected.test(actual) : expected === actual;
}

/* Check a problem response and return its body.
 *   status        the HTTP status (also the body's "status")
 *   detail        a RegExp or string the detail must match (a non-empty detail is always required)
 *   invalidParams a list of expected entries: a name (string or RegExp) or {name, code}; the body
 *                 must list exactly these, one entry each, in any order
 *   error         the OAuth2 "error" member (token endpoint)
 *   apiVersion    false for answers the gateway makes itself (it serves no single API version)
 */
export function assertProblem(r, status, { detail, invalidParams, error, apiVersion = true } = {}) {
  assert.equal(r.status, status, `status: ${show(r)}`);
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json\b/i,
    `Content-Type application/problem+json: ${show(r)}`);
  assert.ok(r.json && typeof r.json === 'object', `problem body is a JSON object: ${show(r)}`);
  const p = r.json;
  assert.equal(p.status, status, `problem status member: ${show(r)}`);
  assert.equal(typeof p.title, 'string', `problem title: ${show(r)}`);
  if (p.type === undefined || p.type === 'about:blank') {
    const reasons = [REASONS[status]].flat();
    assert.ok(reasons.includes(p.title), `title "${p.title}" is the reason phrase of ${status}`);
  } else {
    assert.equal(typeof p.type, 'string');
    assert.ok(p.title.length > 0, 'a typed problem has a title');
  }
  assert.equal(typeof p.detail, 'string', `problem detail: ${show(r)}`);
  assert.ok(p.detail.trim().length > 0, `problem detail is not empty: ${show(r)}`);
  if (detail !== undefined) {
    assert.ok(matches(detail, p.detail), `detail "${p.detail}" should match ${detail}`);
  }
  if (error !== undefined) assert.equal(p.error, error, `OAuth2 error member: ${show(r)}`);
  if (invalidParams !== undefined) assertInvalidParams(p, invalidParams);
  assertSecurityHeaders(r, { apiVersion });
  return p;
}

function assertInvalidParams(p, expected) {
  const got = p.invalidParams;
  assert.ok(Array.isArray(got), `invalidParams is a list: ${JSON.stringify(p)}`);
  for (const entry of got) {
    assert.equal(typeof entry.name, 'string', `invalidParams entry has a name: ${JSON.stringify(entry)}`);
    assert.equal(typeof entry.code, 'string', `invalidParams entry has a code: ${JSON.stringify(entry)}`);
    assert.equal(typeof entry.reason, 'string', `invalidParams entry has a reason: ${JSON.stringify(entry)}`);
    assert.ok(entry.reason.length > 0, `invalidParams reason is not empty: ${JSON.stringify(entry)}`);
  }
  const names = JSON.stringify(got.map((e) => `${e.name} (${e.code})`));
  assert.equal(got.length, expected.length, `expected ${expected.length} invalidParams, got ${names}`);
  const left = [...got];
  for (const want of expected) {
    const spec = typeof want === 'object' && !(want instanceof RegExp) ? want : { name: want };
    const i = left.findIndex((e) => matches(spec.name, e.name) &&
      (spec.code === undefined || matches(spec.code, e.code)));
    assert.ok(i >= 0, `invalidParams should contain ${spec.name}${spec.code ? ` (${spec.code})` : ''}: ${names}`);
    left.splice(i, 1);
  }
}

// 401 for a bearer token: problem body and a Bearer challenge (RFC 6750). For a request that sent
// a token, the challenge carries error="invalid_token".
export function assertUnauthorized(r, { tokenSent = true, detail } = {}) {
  const p = assertProblem(r, 401, { detail });
  const challenge = r.headers.get('www-authenticate') ?? '';
  assert.match(challenge, /^Bearer\b/i, `WWW-Authenticate Bearer challenge: ${show(r)}`);
  if (tokenSent) {
    assert.match(challenge, /\berror="invalid_token"/, `WWW-Authenticate error="invalid_token": ${show(r)}`);
  }
  return p;
}

// Retry-After as delay-seconds; returns the number.
export function assertRetryAfter(r, { max } = {}) {
  const value = r.headers.get('retry-after');
  assert.match(value ?? '', /^\d+$/, `Retry-After in seconds: ${show(r)}`);
  const seconds = Number(value);
  assert.ok(seconds >= 1, `Retry-After ${seconds} is at least 1`);
  if (max !== undefined) assert.ok(seconds <= max, `Retry-After ${seconds} <= ${max}`);
  return seconds;
}
