import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { explain } from './problems';

describe('explain', () => {
  it('puts invalidParams next to their fields', () => {
    const e = new ApiError(400, {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'De invoer bevat fouten.',
      invalidParams: [
        { name: 'samenvatting', code: 'length', reason: 'Moet minstens 1 teken lang zijn.' },
        { name: '/periodeTot', code: 'required', reason: 'Is verplicht.' },
        { name: 'body.ragStatus', code: 'enum', reason: 'Moet een van: op_koers, risico, achter zijn.' },
      ],
    });
    const x = explain(e);
    expect(x.fields).toEqual({
      samenvatting: 'Moet minstens 1 teken lang zijn.',
      periodeTot: 'Is verplicht.',
      ragStatus: 'Moet een van: op_koers, risico, achter zijn.',
    });
    expect(x.message).toMatch(/Verbeter de fouten/);
  });
  it('says plainly what a 403 means, differently for an action', () => {
    const e = new ApiError(403, { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Forbidden' });
    expect(explain(e).message).toMatch(/geen toestemming/);
    expect(explain(e, true).message).toMatch(/Vraag een beheerder/);
  });
  it('covers network failures, conflicts and unavailable services', () => {
    expect(explain(new ApiError(0, null)).message).toMatch(/niet bereikbaar/);
    expect(explain(new ApiError(412, null)).message).toMatch(/intussen gewijzigd/);
    expect(explain(new ApiError(503, null)).message).toMatch(/tijdelijk niet beschikbaar/);
    expect(explain(new Error('x')).message).toMatch(/ging iets mis/);
  });
});
