import { describe, expect, it } from 'vitest';
import type { Project } from '../../api/types';
import { inAgendaOrder, needsAcceptance, openPreconditions, phaseBody, phaseTargets, validatePhase } from './phase';

describe('phase changes', () => {
  it('offers the next and the previous step, none past either end', () => {
    expect(phaseTargets('onderzoek')).toEqual({ next: 'analyse', previous: null });
    expect(phaseTargets('plan')).toEqual({ next: 'project', previous: 'analyse' });
    expect(phaseTargets('oplevering')).toEqual({ next: null, previous: 'project' });
    expect(phaseTargets('onbekend')).toEqual({ next: null, previous: null });
  });

  it('knows which steps need the open preconditions accepted', () => {
    expect(['onderzoek', 'analyse', 'plan', 'project', 'oplevering'].filter(needsAcceptance)).toEqual(['project', 'oplevering']);
  });

  it('lists the preconditions that are not settled, a missing one as open', () => {
    const p = { randvoorwaarden: { projectorganisatie: { status: 'geregeld' }, financiering: { status: 'in_bewerking' } } } as unknown as Project;
    expect(openPreconditions(p)).toEqual(['uitvoeringEnFasering', 'menskrachtEnMiddelen', 'financiering', 'evaluatie']);
  });

  it('wants a target, a date and a reason', () => {
    expect(Object.keys(validatePhase({ naar: '', datum: '', toelichting: ' ', accepteren: false }))).toEqual(['naar', 'datum', 'toelichting']);
    expect(validatePhase({ naar: 'plan', datum: '2026-11-23', toelichting: 'Plan ligt er', accepteren: false })).toEqual({});
  });

  it('sends the acceptance only into project or oplevering with open preconditions, and only when given', () => {
    const v = { naar: 'project', datum: '2026-11-23', toelichting: ' Pilot start ', accepteren: true };
    expect(phaseBody(v, ['financiering'])).toEqual({ fase: 'project', datum: '2026-11-23', toelichting: 'Pilot start', openRandvoorwaardenAccepteren: true });
    expect(phaseBody(v, [])).not.toHaveProperty('openRandvoorwaardenAccepteren');
    expect(phaseBody({ ...v, accepteren: false }, ['financiering'])).not.toHaveProperty('openRandvoorwaardenAccepteren');
    expect(phaseBody({ ...v, naar: 'plan' }, ['financiering'])).not.toHaveProperty('openRandvoorwaardenAccepteren');
  });

  it('lists accepted preconditions in the agenda’s order, whatever order the API gives', () => {
    expect(inAgendaOrder(['evaluatie', 'financiering', 'projectorganisatie'])).toEqual(['projectorganisatie', 'financiering', 'evaluatie']);
    expect(inAgendaOrder(null)).toEqual([]);
  });
});
