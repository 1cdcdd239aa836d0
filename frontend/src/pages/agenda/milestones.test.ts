import { describe, expect, it } from 'vitest';
import type { Mijlpaal } from '../../api/types/agenda';
import { blankMilestone, milestonePatch, milestoneState, milestoneValues, newMilestoneBody, sortMilestones, validateMilestone } from './milestones';

const m = { id: 'm', projectId: 'p', titel: 'Plan klaar', beschrijving: '', streefdatum: '2026-12-01', gereedOp: null, bestuurlijkBesluitGevraagd: false, versie: 1 } as Mijlpaal;

describe('milestones', () => {
  it('need a title and a target date', () => {
    expect(Object.keys(validateMilestone(blankMilestone()))).toEqual(['titel', 'streefdatum']);
    expect(validateMilestone({ ...blankMilestone(), titel: 'A', streefdatum: '2026-12-01' })).toEqual({});
    expect(Object.keys(validateMilestone({ ...blankMilestone(), titel: 'A', streefdatum: '2026-12-01', gereedOp: '1-12-2026' }))).toEqual(['gereedOp']);
  });

  it('are created with what was filled in', () => {
    expect(newMilestoneBody({ titel: ' Plan ', streefdatum: '2026-12-01', beschrijving: '', besluit: true, gereedOp: '' })).toEqual({ titel: 'Plan', streefdatum: '2026-12-01', bestuurlijkBesluitGevraagd: true });
  });

  it('are changed by sending only what differs; emptying the done date reopens', () => {
    const base = milestoneValues({ ...m, gereedOp: '2026-11-20' });
    expect(milestonePatch(base, base)).toEqual({});
    expect(milestonePatch(base, { ...base, titel: 'Plan af ', gereedOp: '' })).toEqual({ titel: 'Plan af', gereedOp: null });
    expect(milestonePatch(base, { ...base, besluit: true, streefdatum: '2027-01-15' })).toEqual({ bestuurlijkBesluitGevraagd: true, streefdatum: '2027-01-15' });
  });

  it('are done, late or open relative to today', () => {
    expect(milestoneState(m, '2026-11-23')).toBe('open');
    expect(milestoneState(m, '2026-12-02')).toBe('late');
    expect(milestoneState({ ...m, gereedOp: '2026-11-01' }, '2027-01-01')).toBe('done');
  });

  it('are listed open first by target date, then the done ones, latest first', () => {
    const list = [
      { ...m, id: 'd1', gereedOp: '2026-10-01' },
      { ...m, id: 'o2', streefdatum: '2027-01-01' },
      { ...m, id: 'd2', gereedOp: '2026-11-01' },
      { ...m, id: 'o1', streefdatum: '2026-10-01' },
    ];
    expect(sortMilestones(list).map((x) => x.id)).toEqual(['o1', 'o2', 'd2', 'd1']);
  });
});
