// The audit trail of the auth service: changes to users and clients are recorded with who did
// them, newest first, and never contain passwords, secrets or their hashes.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, describe, test } from 'node:test';

import { auth, items, show } from './lib/http.mjs';
import { admin, createClient, createUser, newPassword } from './lib/session.mjs';

const secrets = [];
let user;
let client;
let adminId;
let entries = [];

// Read the newest audit pages until every wanted object id was seen (or 10 pages).
async function readAudit(token, objectIds) {
  const found = [];
  let path = '/audit?limit=100';
  for (let i = 0; i < 10 && path; i++) {
    const r = await auth(path, { token });
    assert.equal(r.status, 200, show(r));
    found.push(...items(r.json, 'audit'));
    if (objectIds.every((id) => found.some((e) => e.objectId === id))) break;
    path = r.json.volgende ? `/audit?limit=100&cursor=${encodeURIComponent(r.json.volgende)}` : undefined;
  }
  return found;
}

before(async () => {
  const session = await admin();
  adminId = (await auth('/mij', { token: session.token })).json.id;

  user = await createUser({ rol: 'lezer' });
  secrets.push(user.wachtwoord);
  const nieuw = newPassword();
  secrets.push(nieuw);
  let r = await auth(`/gebruikers/${user.id}/wachtwoord`, { method: 'PUT', token: session.token,
    json: { wachtwoord: nieuw } });
  assert.equal(r.status, 204, show(r));
  r = await auth(`/gebruikers/${user.id}`, { method: 'PATCH', token: session.token,
    headers: { 'If-Match': user.etag }, json: { naam: 'Gewijzigd Voor Audit' } });
  assert.equal(r.status, 200, show(r));

  client = await createClient();
  secrets.push(client.secret);
  r = await auth(`/clients/${client.id}/geheimen`, { method: 'POST', token: session.token });
  assert.equal(r.status, 201, show(r));
  secrets.push(r.json.clientSecret);

  entries = await readAudit(session.token, [user.id, client.id]);
});

// The actor is the sub of the token that made the change: the administrator's user id.
function isAdmin(actor) {
  return actor === adminId;
}

describe('audit trail', () => {
  test('has entries for the user changes, with actor, time and before/after', () => {
    const mine = entries.filter((e) => e.objectId === user.id);
    assert.ok(mine.length >= 3, `create, password reset and update of the user: ${JSON.stringify(mine)}`);
    for (const e of mine) {
      assert.ok(Number.isInteger(e.id) && e.id > 0, `id ${e.id}`);
      assert.equal(e.objectType, 'gebruiker');
      assert.equal(typeof e.actie, 'string');
      assert.ok(e.actie.length > 0);
      assert.ok(isAdmin(e.actor), `actor is the administrator: ${JSON.stringify(e.actor)}`);
      assert.ok(!Number.isNaN(Date.parse(e.tijdstip)) && /T.*(Z|[+-]\d\d:\d\d)$/.test(e.tijdstip),
        `tijdstip is RFC 3339: ${e.tijdstip}`);
    }
    const update = mine.find((e) => e.voor && e.na && e.voor.naam !== e.na.naam);
    assert.ok(update, `an entry shows the name before and after: ${JSON.stringify(mine)}`);
    assert.equal(update.na.naam, 'Gewijzigd Voor Audit');
  });

  test('has entries for the client changes', () => {
    const mine = entries.filter((e) => e.objectId === client.id);
    assert.ok(mine.length >= 2, `create and secret rotation of the client: ${JSON.stringify(mine)}`);
    for (const e of mine) {
      assert.equal(e.objectType, 'client');
      assert.ok(isAdmin(e.actor), `actor is the administrator: ${JSON.stringify(e.actor)}`);
    }
  });

  test('is newest first', () => {
    for (let i = 1; i < entries.length; i++) {
      assert.ok(entries[i - 1].id > entries[i].id, `entry ${i} (id ${entries[i].id}) after id ${entries[i - 1].id}`);
      assert.ok(Date.parse(entries[i - 1].tijdstip) >= Date.parse(entries[i].tijdstip), `entry ${i} time order`);
    }
    const mine = entries.filter((e) => e.objectId === user.id);
    assert.equal(mine.at(-1).voor, null, 'the oldest entry of the user is its creation (voor null)');
  });

  test('never contains passwords, secrets or hashes', () => {
    const text = JSON.stringify(entries);
    for (const s of secrets) {
      assert.ok(!text.includes(s), 'a password or secret appears in the audit trail');
      const h = createHash('sha256').update(s);
      for (const digest of [h.copy().digest('hex'), h.copy().digest('base64'), h.digest('base64url')]) {
        assert.ok(!text.includes(digest), 'a SHA-256 of a secret appears in the audit trail');
      }
    }
    assert.ok(!text.includes('$argon2'), 'a password hash appears in the audit trail');
    const keys = new Set();
    const walk = (v) => {
      if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { keys.add(k); walk(x); }
    };
    walk(entries.filter((e) => [user.id, client.id].includes(e.objectId)));
    for (const k of keys) assert.ok(!/(wachtwoord|password|secret|geheim|hash)$/i.test(k), `audit field "${k}"`);
  });
});
