// The request pipeline every service shares (services/common/include/svc/http.h): request ids,
// security headers, routing answers (404/405), content type (415), body size (413) and the
// built-in routes, shown on the auth service.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';

import { cfg } from './lib/env.mjs';
import { auth, call, show } from './lib/http.mjs';
import { assertProblem, assertSecurityHeaders } from './lib/problem.mjs';
import { admin, unique } from './lib/session.mjs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A JSON text of exactly n bytes: {"gebruikersnaam":"aaaa..."}
function jsonOfSize(n) {
  const head = '{"gebruikersnaam":"';
  const tail = '"}';
  return head + 'a'.repeat(n - head.length - tail.length) + tail;
}

function streamOf(chunks) {
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
      controller.close();
    },
  });
}

describe('request id', () => {
  test('an X-Request-ID sent is echoed, also on an error', async () => {
    for (const path of ['/health', '/bestaat-niet']) {
      const id = `itest-${randomBytes(8).toString('hex')}`;
      const r = await auth(path, { headers: { 'X-Request-ID': id } });
      assert.equal(r.headers.get('x-request-id'), id, show(r));
    }
  });

  test('without X-Request-ID a new uuid is generated for every request', async () => {
    const a = await auth('/health');
    const b = await auth('/health');
    assert.match(a.headers.get('x-request-id') ?? '', UUID);
    assert.match(b.headers.get('x-request-id') ?? '', UUID);
    assert.notEqual(a.headers.get('x-request-id'), b.headers.get('x-request-id'));
  });
});

describe('security headers and API-Version', () => {
  test('on successful answers', async () => {
    assertSecurityHeaders(await auth('/health'));
    assertSecurityHeaders(await auth('/health/ready'));
    const { token } = await admin();
    assertSecurityHeaders(await auth('/mij', { token }));
  });

  test('on error answers (401, 404, 405, 415, 400)', async () => {
    assertProblem(await auth('/mij'), 401);
    assertProblem(await auth('/bestaat-niet'), 404);
    assertProblem(await auth('/health', { method: 'DELETE' }), 405);
    const plain = { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } };
    assertProblem(await auth('/sessies', plain), 415);
    assertProblem(await auth('/sessies', { method: 'POST', json: {} }), 400);
  });
});

describe('routing', () => {
  test('an unknown path is a 404 problem, also without a token', async () => {
    assertProblem(await auth('/bestaat-niet'), 404);
    assertProblem(await auth('/gebruikers/1/onbekend'), 404);
    const outside = new URL(cfg.authUrl);
    outside.pathname = '/api/niets/v1/health';
    assertProblem(await call(outside.href), 404);
  });

  test('a trailing slash is a 404, never a redirect', async () => {
    for (const path of ['/health/', '/gebruikers/', '/.well-known/jwks.json/', '/']) {
      const r = await auth(path);
      assertProblem(r, 404);
      assert.equal(r.headers.get('location'), null, `no Location: ${show(r)}`);
    }
  });

  test('a known path with a wrong method is a 405 with Allow', async () => {
    const health = await auth('/health', { method: 'DELETE' });
    assertProblem(health, 405);
    assert.ok(allowed(health).includes('GET'), `Allow lists GET: ${health.headers.get('allow')}`);
    assert.ok(!allowed(health).includes('DELETE'));

    const users = await auth('/gebruikers', { method: 'PUT', json: {} });
    assertProblem(users, 405);
    const methods = allowed(users);
    assert.ok(methods.includes('GET') && methods.includes('POST'), `Allow: ${users.headers.get('allow')}`);
    assert.ok(!methods.includes('PUT') && !methods.includes('DELETE'), `Allow: ${users.headers.get('allow')}`);

    const user = await auth('/gebruikers/00000000-0000-4000-8000-000000000000', { method: 'DELETE' });
    assertProblem(user, 405);
    assert.ok(allowed(user).includes('GET') && allowed(user).includes('PATCH'), `Allow: ${user.headers.get('allow')}`);
  });
});

function allowed(r) {
  return (r.headers.get('allow') ?? '').split(',').map((m) => m.trim().toUpperCase()).filter(Boolean);
}

describe('content type of a JSON body', () => {
  const body = JSON.stringify({ gebruikersnaam: 'x', wachtwoord: 'y' });

  test('a wrong content type is 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const r = await auth('/sessies', { method: 'POST', body, headers: { 'Content-Type': type } });
      assertProblem(r, 415);
    }
  });

  test('a missing content type is 415', async () => {
    // A Uint8Array body makes fetch send no Content-Type at all.
    const r = await auth('/sessies', { method: 'POST', body: new TextEncoder().encode(body) });
    assertProblem(r, 415);
  });

  test('application/json with a charset parameter is accepted', async () => {
    const r = await auth('/gebruikers', {
      method: 'POST',
      token: (await admin()).token,
      body: JSON.stringify({ gebruikersnaam: 5 }),
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
    assertProblem(r, 400); // validated, so the content type passed
  });
});

describe('body size limit', () => {
  test('a body over the limit with Content-Length is 413', async () => {
    const r = await auth('/sessies', { method: 'POST', body: jsonOfSize(cfg.maxBodyBytes + 1),
      headers: { 'Content-Type': 'application/json' } });
    assertProblem(r, 413);
  });

  test('a body of exactly the limit is read and validated', async () => {
    const r = await auth('/sessies', { method: 'POST', body: jsonOfSize(cfg.maxBodyBytes),
      headers: { 'Content-Type': 'application/json' } });
    assertProblem(r, 400);
  });

  test('a chunked body over the limit (no Content-Length) is 413', async () => {
    const chunk = 'a'.repeat(16384);
    const chunks = ['{"gebruikersnaam":"'];
    for (let sent = 0; sent <= cfg.maxBodyBytes; sent += chunk.length) chunks.push(chunk);
    chunks.push('"}');
    const r = await auth('/sessies', { method: 'POST', body: streamOf(chunks), duplex: 'half',
      headers: { 'Content-Type': 'application/json' } });
    assertProblem(r, 413);
  });

  test('a chunked body under the limit is read completely', async () => {
    const name = unique('chunked');
    const text = JSON.stringify({ gebruikersnaam: name, naam: 5, rol: 'lezer', wachtwoord: 'lang-genoeg-wachtwoord' });
    const chunks = [text.slice(0, 10), text.slice(10, 30), text.slice(30)];
    const r = await auth('/gebruikers', { method: 'POST', token: (await admin()).token, body: streamOf(chunks),
      duplex: 'half', headers: { 'Content-Type': 'application/json' } });
    assertProblem(r, 400, { invalidParams: ['naam'] });
  });
});

describe('built-in routes', () => {
  test('/health is 200', async () => {
    const r = await auth('/health');
    assert.equal(r.status, 200, show(r));
  });

  test('/health/ready is 200 while the database is up', async () => {
    const r = await auth('/health/ready');
    assert.equal(r.status, 200, show(r));
  });

  test('/openapi.json is public, CORS open, an OpenAPI 3 document', async () => {
    const r = await auth('/openapi.json');
    assert.equal(r.status, 200, show(r));
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
    assert.match(r.headers.get('content-type') ?? '', /json/);
    assert.match(r.json?.openapi ?? '', /^3\./, 'openapi version member');
    assert.ok(r.json.paths && Object.keys(r.json.paths).length > 0, 'has paths');
    assertSecurityHeaders(r, { cache: false });
  });

  test('/metrics exposes http_requests_total in Prometheus text format', async () => {
    await auth('/bestaat-niet');
    const r = await auth('/metrics');
    assert.equal(r.status, 200, show(r));
    assert.match(r.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(r.text, /^# TYPE http_requests_total counter$/m);
    assert.match(r.text, /^http_requests_total\{[^}]*\} \d+(\.\d+)?(e\+?\d+)?$/m);
    assert.match(r.text, /^http_requests_total\{[^}]*"404"[^}]*\} [1-9]/m, 'the 404 just made is counted');
  });
});
