import { describe, expect, it } from 'vitest';
import { allowedLinesOf } from './CoreProblems';
import { blankTriage, problemBody, triageBody, triageFieldOf, validateProblem, validateTriage } from './coreProblems';
import type { MijGebruiker } from '../../api/types';

describe('submitting a core problem', () => {
  it('needs a title of at most 300 characters', () => {
    expect(validateProblem({ soort: 'idee', titel: '  ', beschrijving: '' })).toEqual({ titel: 'Dit veld is verplicht.' });
    expect(Object.keys(validateProblem({ soort: 'idee', titel: 'x'.repeat(301), beschrijving: '' }))).toEqual(['titel']);
    expect(validateProblem({ soort: 'idee', titel: 'Wachtlijst GGZ', beschrijving: '' })).toEqual({});
  });

  it('sends the trimmed title and leaves an empty description out', () => {
    expect(problemBody({ soort: 'idee', titel: ' Wachtlijst ', beschrijving: '  ' })).toEqual({ titel: 'Wachtlijst', soort: 'idee' });
    expect(problemBody({ soort: 'kernprobleem', titel: 'A', beschrijving: 'B ' })).toEqual({ titel: 'A', soort: 'kernprobleem', beschrijving: 'B' });
  });
});

describe('triage', () => {
  const base = blankTriage({ titel: 'Wachtlijst', beschrijving: 'Lang' });

  it('asks for what each outcome needs', () => {
    expect(Object.keys(validateTriage(base))).toEqual(['uitkomst']);
    expect(Object.keys(validateTriage({ ...base, uitkomst: 'actielijn' }))).toEqual(['actielijn']);
    expect(Object.keys(validateTriage({ ...base, uitkomst: 'project' }))).toEqual(['projectId']);
    expect(Object.keys(validateTriage({ ...base, uitkomst: 'nieuw_project', nieuwTitel: ' ' }))).toEqual(['actielijn', 'nieuwTitel']);
    expect(validateTriage({ ...base, uitkomst: 'hiaat' })).toEqual({});
  });

  it('builds the body the API expects per outcome', () => {
    expect(triageBody({ ...base, uitkomst: 'actielijn', actielijn: '3', projectId: 'p', toelichting: ' past ' })).toEqual({ uitkomst: 'actielijn', actielijn: 3, toelichting: 'past' });
    expect(triageBody({ ...base, uitkomst: 'project', projectId: 'p1', actielijn: '2' })).toEqual({ uitkomst: 'project', projectId: 'p1' });
    expect(triageBody({ ...base, uitkomst: 'hiaat' })).toEqual({ uitkomst: 'hiaat' });
    expect(triageBody({ ...base, uitkomst: 'nieuw_project', actielijn: '4' })).toEqual({
      uitkomst: 'nieuw_project',
      project: { actielijn: 4, titel: 'Wachtlijst', soort: 'nieuw', beschrijving: 'Lang' },
    });
  });

  it('puts the server’s problems next to the right field', () => {
    expect(triageFieldOf('project', 'nieuw_project')).toBe('nieuwTitel');
    expect(triageFieldOf('projectId', 'project')).toBe('projectId');
    expect(triageFieldOf('iets', 'hiaat')).toBe('uitkomst');
  });

  it('offers a limited editor only their own action lines', () => {
    const u = (rol: string, actielijnen: number[]) => ({ rol, actielijnen }) as unknown as MijGebruiker;
    expect(allowedLinesOf(u('redacteur', [2, 4]))).toEqual([2, 4]);
    expect(allowedLinesOf(u('redacteur', []))).toEqual([1, 2, 3, 4, 5]);
    expect(allowedLinesOf(u('beheerder', []))).toEqual([1, 2, 3, 4, 5]);
    expect(allowedLinesOf(null)).toEqual([]);
  });
});
