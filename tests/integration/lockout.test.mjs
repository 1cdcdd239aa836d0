// Brute-force protection of POST /sessies: every failure for a username (existing or not) is
// counted and answered more slowly; after JT_LOCKOUT_THRESHOLD failures the username is locked
// (429 + Retry-After, even with the right password) for JT_LOCKOUT_SECONDS.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { cfg } from './lib/env.mjs';
import { auth, show, sleep } from './lib/http.mjs';
import { assertProblem, assertRetryAfter } from './lib/problem.mjs';
import { admin, createUser, login, loginOk, newPassword, unique } from './lib/session.mjs';

const WRONG = 'niet-het-wachtwoord-123';

// Fail threshold times; returns the responses.
async function failUntilLocked(username) {
  const answers = [];
  for (let i = 0; i < cfg.lockoutThreshold; i++) {
    const r = await login(username, WRONG);
    assertProblem(r, 401);
    answers.push(r);
  }
  return answers;
}

function assertLocked(r) {
  const p = assertProblem(r, 429);
  const seconds = assertRetryAfter(r, { max: cfg.lockoutSeconds + 1 });
  return { problem: p, seconds };
}

describe('lockout', () => {
  test('failed answers are slowed down', async () => {
    const username = unique('traag');
    const answers = await failUntilLocked(username);
    const first = answers[0].ms;
    const last = answers.at(-1).ms;
    // 250 ms per failure so far: the third failure waits about 500 ms longer than the first.
    assert.ok(last - first >= 300, `failure 1 took ${first.toFixed(0)} ms, failure ${answers.length} ` +
      `${last.toFixed(0)} ms`);
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
