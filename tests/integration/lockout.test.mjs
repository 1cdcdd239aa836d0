// Brute-force protection of POST /sessies: every failure for a username (existing or not) is
// counted; from the second failure on, the username is throttled (the next attempt within 250 ms
// per further failure is refused with 429 + Retry-After, without checking the password); after
// JT_LOCKOUT_THRESHOLD failures the username is locked (429 + Retry-After, even with the right
// password) for JT_LOCKOUT_SECONDS.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { cfg } from './lib/env.mjs';
import { auth, show, sleep } from './lib/http.mjs';
import { assertProblem, assertRetryAfter } from './lib/problem.mjs';
import { admin, createUser, login, loginOk, newPassword, unique } from './lib/session.mjs';

const WRONG = 'niet-het-wachtwoord-123';

// Fail threshold times, each attempt after the throttle of the failures before it has passed
// (250 ms per failure after the first), so each is heard and answered 401; the last one locks.
async function failUntilLocked(username) {
  for (let i = 0; i < cfg.lockoutThreshold; i++) {
    if (i >= 2) await sleep(250 * (i - 1) + 150);
    assertProblem(await login(username, WRONG), 401);
  }
}

function assertLocked(r) {
  const p = assertProblem(r, 429);
  const seconds = assertRetryAfter(r, { max: cfg.lockoutSeconds + 1 });
  return { problem: p, seconds };
}

describe('lockout', () => {
  test('failed attempts are throttled at once with 429, alike for existing and unknown names', async () => {
    const user = await createUser();
    const unknown = unique('onbekend');
    const throttled = [];
    for (const [name, password] of [[user.gebruikersnaam, user.wachtwoord], [unknown, WRONG]]) {
      assertProblem(await login(name, WRONG), 401);
      assertProblem(await login(name, WRONG), 401); // a first mistake costs nothing
      const r = await login(name, password); // even the right password waits its turn
      const p = assertProblem(r, 429);
      assertRetryAfter(r, { max: 3 });
      assert.ok(r.ms < 1000, `refused at once, not answered slowly (${r.ms.toFixed(0)} ms)`);
      throttled.push(p);
    }
    assert.deepEqual(throttled[0], throttled[1], 'the same 429 for an existing and an unknown name');
    await sleep(400); // past the 250 ms throttle after two failures
    await loginOk(user.gebruikersnaam, user.wachtwoord);
  });

  test('an existing and an unknown username are locked alike, and released after the lockout time', async () => {
    const user = await createUser();
    const unknown = unique('onbekend');
    await Promise.all([failUntilLocked(user.gebruikersnaam), failUntilLocked(unknown)]);

    // Even the right password is refused while locked.
    const existingLocked = assertLocked(await login(user.gebruikersnaam, user.wachtwoord));
    const unknownLocked = assertLocked(await login(unknown, WRONG));
    assert.deepEqual(existingLocked.problem, unknownLocked.problem, 'the same 429 for both');
    const lockedAt = Date.now();

    // Lifted after the lockout time.
    await sleep(Math.max(0, lockedAt + cfg.lockoutSeconds * 1000 + 1000 - Date.now()));
    await loginOk(user.gebruikersnaam, user.wachtwoord);
    assertProblem(await login(unknown, WRONG), 401);

    // The success reset the count: one more failure is a plain 401.
    assertProblem(await login(user.gebruikersnaam, WRONG), 401);
    await loginOk(user.gebruikersnaam, user.wachtwoord);
  });

  test('the lock is on the username, whatever its case', async () => {
    const user = await createUser();
    await failUntilLocked(user.gebruikersnaam.toUpperCase());
    assertLocked(await login(user.gebruikersnaam, user.wachtwoord));
  });

  test('an administrator password reset clears the lockout', async () => {
    const user = await createUser();
    await failUntilLocked(user.gebruikersnaam);
    assertLocked(await login(user.gebruikersnaam, user.wachtwoord));
    const { token } = await admin();
    const nieuw = newPassword();
    const r = await auth(`/gebruikers/${user.id}/wachtwoord`, { method: 'PUT', token, json: { wachtwoord: nieuw } });
    assert.equal(r.status, 204, show(r));
    await loginOk(user.gebruikersnaam, nieuw);
  });
});
