// A database outage (named zz_ to run last): the service stays alive, answers 503 problems with
// Retry-After quickly instead of hanging or failing with 500, and recovers by itself when the
// database returns, without a restart.
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { after, test } from 'node:test';

import { cfg } from './lib/env.mjs';
import { auth, show, sleep } from './lib/http.mjs';
import { assertProblem, assertRetryAfter } from './lib/problem.mjs';
import { loginOk } from './lib/session.mjs';

const QUICK_MS = 3000;
const RECOVERY_MS = 10000;
let stopped = false;

function run(command) {
  execSync(command, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60000 });
}

function startDatabase() {
  if (!stopped) return;
  run(cfg.pgStart);
  stopped = false;
}

after(() => startDatabase()); // whatever happened, leave the cluster running

function assertUnavailable(r) {
  assertProblem(r, 503);
  assertRetryAfter(r);
  assert.ok(r.ms < QUICK_MS, `answered in ${r.ms.toFixed(0)} ms (< ${QUICK_MS} ms): ${show(r)}`);
}

// Repeat a request until it answers 200 or the deadline passes; returns the last answer.
async function until200(path, options, deadline) {
  for (;;) {
    const r = await auth(path, { timeoutMs: 5000, ...options });
    if (r.status === 200 || Date.now() > deadline) return r;
    await sleep(250);
  }
}

test('the service survives a database outage and recovers without a restart', async () => {
  const { token } = await loginOk(cfg.adminUsername, cfg.adminPassword);
  assert.equal((await auth('/mij', { token })).status, 200, 'works before the outage');

  run(cfg.pgStop);
  stopped = true;

  const ready = await auth('/health/ready', { timeoutMs: 10000 });
  assertProblem(ready, 503);
  assert.ok(ready.ms < QUICK_MS, `readiness answered in ${ready.ms.toFixed(0)} ms`);

  // The first request finds the pooled connections dead; the second one meets the reconnect.
  assertUnavailable(await auth('/mij', { token, timeoutMs: 10000 }));
  assertUnavailable(await auth('/mij', { token, timeoutMs: 10000 }));
  // A login during the outage is unavailable, not "wrong password".
  assertUnavailable(await auth('/sessies', { method: 'POST', timeoutMs: 10000,
    json: { gebruikersnaam: cfg.adminUsername, wachtwoord: cfg.adminPassword } }));

  const live = await auth('/health', { timeoutMs: 10000 });
  assert.equal(live.status, 200, `still alive: ${show(live)}`);

  startDatabase();
  const deadline = Date.now() + RECOVERY_MS;
  const readyAgain = await until200('/health/ready', {}, deadline);
  assert.equal(readyAgain.status, 200, `ready again within ${RECOVERY_MS} ms: ${show(readyAgain)}`);
  const meAgain = await until200('/mij', { token }, deadline);
  assert.equal(meAgain.status, 200, `GET /mij works again within ${RECOVERY_MS} ms: ${show(meAgain)}`);

  // Writes work again too: a login stores a refresh token.
  await loginOk(cfg.adminUsername, cfg.adminPassword);
});
