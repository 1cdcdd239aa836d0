// The nginx gateway in front of the services: it passes the auth service's answers through
// unchanged (status, problem bodies, headers) and answers its own errors as problem+json too.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';

import { authBasePath, cfg } from './lib/env.mjs';
import { gateway, show } from './lib/http.mjs';
import { assertProblem, assertSecurityHeaders } from './lib/problem.mjs';
import { admin } from './lib/session.mjs';

describe('gateway', () => {
  test('routes /api/auth/ to the auth service with its headers', async () => {
    const id = `itest-gw-${randomBytes(8).toString('hex')}`;
    const r = await gateway(`${authBasePath}/health`, { headers: { 'X-Request-ID': id } });
    assert.equal(r.status, 200, show(r));
    assert.equal(r.headers.get('x-request-id'), id, 'request id passed through and echoed');
    assertSecurityHeaders(r);
  });

  test('a request without X-Request-ID still gets one', async () => {
    const r = await gateway(`${authBasePath}/health`);
    assert.match(r.headers.get('x-request-id') ?? '', /^[0-9a-f-]{32,36}$/i, show(r));
  });

  test('a token obtained through the gateway works through the gateway', async () => {
    const login = await gateway(`${authBasePath}/sessies`, {
      method: 'POST', json: { gebruikersnaam: cfg.adminUsername, wachtwoord: cfg.adminPassword } });
    assert.equal(login.status, 200, show(login));
    const me = await gateway(`${authBasePath}/mij`, { token: login.json.accessToken });
    assert.equal(me.status, 200, show(me));
    assert.equal(me.json.gebruikersnaam, cfg.adminUsername);
  });

  test("the service's problems pass through unchanged", async () => {
    assertProblem(await gateway(`${authBasePath}/bestaat-niet`), 404);
    assertProblem(await gateway(`${authBasePath}/health/`), 404);
    const wrongMethod = await gateway(`${authBasePath}/health`, { method: 'DELETE' });
    assertProblem(wrongMethod, 405);
    assert.match(wrongMethod.headers.get('allow') ?? '', /GET/);
    const noToken = await gateway(`${authBasePath}/mij`);
    assertProblem(noToken, 401);
    assert.match(noToken.headers.get('www-authenticate') ?? '', /^Bearer/i);
    const { token } = await admin();
    const invalid = await gateway(`${authBasePath}/gebruikers`, { method: 'POST', token, json: { rol: 'koning' } });
    assertProblem(invalid, 400);
    assert.ok(invalid.json.invalidParams.length >= 4, show(invalid));
  });

  test('the public documents are served through the gateway', async () => {
    const openapi = await gateway(`${authBasePath}/openapi.json`);
    assert.equal(openapi.status, 200, show(openapi));
    assert.equal(openapi.headers.get('access-control-allow-origin'), '*');
    const jwks = await gateway(`${authBasePath}/.well-known/jwks.json`);
    assert.equal(jwks.status, 200, show(jwks));
    assert.ok(Array.isArray(jwks.json?.keys) && jwks.json.keys.length > 0, show(jwks));
  });

  test("the gateway's own 404 for an unknown API is problem+json", async () => {
    for (const path of ['/api/bestaat-niet/v1/iets', '/api/', '/api']) {
      assertProblem(await gateway(path), 404, { apiVersion: false });
    }
  });

  test('metrics are not public through the gateway', async () => {
    assertProblem(await gateway(`${authBasePath}/metrics`), 404, { apiVersion: false });
  });

  test("a body over the service's limit through the gateway is the service's 413", async () => {
    const big = `{"gebruikersnaam":"${'a'.repeat(2 * cfg.maxBodyBytes)}"}`;
    const r = await gateway(`${authBasePath}/sessies`, { method: 'POST', body: big,
      headers: { 'Content-Type': 'application/json' } });
    assertProblem(r, 413);
  });

  test("a body over the gateway's own limit is the gateway's 413 problem", async () => {
    const huge = `{"gebruikersnaam":"${'a'.repeat(17 * 1024 * 1024)}"}`;
    const r = await gateway(`${authBasePath}/sessies`, { method: 'POST', body: huge,
      headers: { 'Content-Type': 'application/json' } });
    assertProblem(r, 413, { apiVersion: false });
  });
});
