// Stakeholders service: constituency rounds (achterbanraadplegingen) with per-member input and the
// responded / not-responded list.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { show } from './lib/http.mjs';
import { assertProblem } from './lib/problem.mjs';
import { createBody, createPerson, createSeat, stk } from './lib/stakeholders.mjs';

describe('constituency rounds', () => {
  test('the seed rhythm by default; who has and has not responded', async () => {
    const body = await createBody();
    const [a, b, c] = [await createPerson(), await createPerson(), await createPerson()];
    await createSeat({ gremiumId: body.id, personen: [a.id], achterban: 'LVB' });
    await createSeat({ gremiumId: body.id, personen: [b.id, c.id], achterban: 'JGGZ' });
    const outsider = await createPerson();
    const r = await stk('/achterbanraadplegingen', { method: 'POST', json: {
      gremiumId: body.id, sessiedatum: '2024-03-05', onderwerp: 'Prioritering actielijn 2' } });
    assert.equal(r.status, 201, show(r));
    assert.equal(r.json.verzenddatum, '2024-03-12', 'mailing a week after the session');
    assert.equal(r.json.inbrengUiterlijk, '2024-03-19', 'a week for input');
    assert.deepEqual(r.json.gereageerd, []);
    assert.deepEqual(r.json.nietGereageerd.map((m) => m.persoonId).sort(), [a.id, b.id, c.id].sort());
    const id = r.json.id;

    const in1 = await stk(`/achterbanraadplegingen/${id}/inbreng`, { method: 'POST', json: {
      persoonId: b.id, tekst: 'De achterban vraagt aandacht voor wachttijden.', ontvangenOp: '2024-03-15' } });
    assert.equal(in1.status, 201, show(in1));
    assert.ok((in1.headers.get('location') ?? '').endsWith(`/achterbanraadplegingen/${id}/inbreng/${b.id}`));
    assert.deepEqual(in1.json.gereageerd.map((m) => [m.persoonId, m.achterban, m.ontvangenOp, m.opTijd]),
      [[b.id, 'JGGZ', '2024-03-15', true]]);
    assert.deepEqual(in1.json.nietGereageerd.map((m) => m.persoonId).sort(), [a.id, c.id].sort());

    assertProblem(await stk(`/achterbanraadplegingen/${id}/inbreng`, { method: 'POST', json: {
      persoonId: b.id, tekst: 'nogmaals' } }), 409);
    assertProblem(await stk(`/achterbanraadplegingen/${id}/inbreng`, { method: 'POST', json: {
      persoonId: outsider.id, tekst: 'geen lid' } }), 400, { invalidParams: ['persoonId'] });
    assertProblem(await stk(`/achterbanraadplegingen/${id}/inbreng`, { method: 'POST', json: {} }), 400,
      { invalidParams: ['persoonId', 'tekst'] });

    const late = await stk(`/achterbanraadplegingen/${id}/inbreng`, { method: 'POST', json: {
      persoonId: a.id, tekst: 'Later binnen.', ontvangenOp: '2024-03-22' } });
    assert.equal(late.status, 201, show(late));
    const got = await stk(`/achterbanraadplegingen/${id}`);
    assert.equal(got.json.gereageerd.length, 2);
    assert.equal(got.json.gereageerd.find((m) => m.persoonId === a.id).opTijd, false);
    assert.deepEqual(got.json.nietGereageerd.map((m) => m.persoonId), [c.id]);

    const del = await stk(`/achterbanraadplegingen/${id}/inbreng/${a.id}`, { method: 'DELETE' });
    assert.equal(del.status, 204, show(del));
    const list = await stk(`/achterbanraadplegingen?gremiumId=${body.id}`);
    assert.equal(list.json.achterbanraadplegingen.length, 1);
    assert.equal(list.json.achterbanraadplegingen[0].gereageerd.length, 1);
  });

  test('dates must follow each other; PATCH with If-Match', async () => {
    const body = await createBody();
    assertProblem(await stk('/achterbanraadplegingen', { method: 'POST', json: {
      gremiumId: body.id, sessiedatum: '2024-03-05', verzenddatum: '2024-03-01' } }), 400,
    { invalidParams: ['verzenddatum'] });
    const r = await stk('/achterbanraadplegingen', { method: 'POST', json: { gremiumId: body.id, sessiedatum: '2024-04-02' } });
    const etag = r.headers.get('etag');
    assertProblem(await stk(`/achterbanraadplegingen/${r.json.id}`, { method: 'PATCH', json: { onderwerp: 'x' } }), 428);
    assertProblem(await stk(`/achterbanraadplegingen/${r.json.id}`, { method: 'PATCH', headers: { 'If-Match': etag },
      json: { inbrengUiterlijk: '2024-04-01' } }), 400, { invalidParams: ['inbrengUiterlijk'] });
    const ok = await stk(`/achterbanraadplegingen/${r.json.id}`, { method: 'PATCH', headers: { 'If-Match': etag },
      json: { inbrengUiterlijk: '2024-04-20' } });
    assert.equal(ok.status, 200, show(ok));
    assert.equal(ok.json.inbrengUiterlijk, '2024-04-20');
  });
});
