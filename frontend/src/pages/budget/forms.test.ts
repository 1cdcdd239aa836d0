import { describe, expect, it } from 'vitest';
import type { Begrotingsregel, Bijdrage } from '../../api/types/budget';
import {
  blankContribution,
  blankLine,
  contributionBody,
  contributionPatch,
  contributionValues,
  lineBody,
  linePatch,
  lineValues,
  mergeValues,
  validateContribution,
  validateLine,
} from './forms';

const adopted: Begrotingsregel = {
  id: 'l1', scope: 'actielijn', actielijn: 2, projectId: null, jaar: 2025, aard: 'incidenteel', categorie: 'projectkosten',
  omschrijving: 'Pilot', bedrag: 123456, status: 'vastgesteld', revisie: 1, demo: false, aangemaakt: '', gewijzigd: '',
};

describe('the budget-line form', () => {
  it('asks for what the API requires, in Dutch', () => {
    const e = validateLine({ ...blankLine(2025), scope: 'project', jaar: '1999', bedrag: 'twaalf' });
    expect(Object.keys(e).sort()).toEqual(['bedrag', 'categorie', 'jaar', 'omschrijving', 'projectId']);
    expect(e.jaar).toMatch(/tussen 2000 en 2100/);
    expect(e.bedrag).toMatch(/geen bedrag/);
  });
  it('needs a reason to change an adopted line', () => {
    const v = lineValues(adopted);
    expect(validateLine(v, true).toelichting).toMatch(/reden/i);
    expect(validateLine({ ...v, toelichting: 'Bijgesteld' }, true)).toEqual({});
  });
  it('sends cents and leaves out action line and project where the scope has none', () => {
    expect(lineBody({ ...blankLine(2026), actielijn: '3', categorie: ' onderzoek ', omschrijving: 'Monitor', bedrag: '12.500,50' })).toEqual({
      scope: 'programma', actielijn: null, projectId: null, jaar: 2026, aard: 'incidenteel', categorie: 'onderzoek', omschrijving: 'Monitor', bedrag: 1250050, status: 'raming',
    });
  });
  it('patches only what changed, the scope fields together, with the reason', () => {
    const base = lineValues(adopted);
    expect(linePatch(base, { ...base })).toBeNull();
    expect(linePatch(base, { ...base, bedrag: '1.500,00', toelichting: 'Meer nodig' })).toEqual({ bedrag: 150000, toelichting: 'Meer nodig' });
    expect(linePatch(base, { ...base, actielijn: '4' })).toEqual({ scope: 'actielijn', actielijn: 4, projectId: null });
    // Re-typing the same amount differently is no change.
    expect(linePatch(base, { ...base, bedrag: '1234,56' })).toBeNull();
  });
  it('starts a project line with the project chosen', () => {
    expect(blankLine(2025, 'p1')).toMatchObject({ scope: 'project', projectId: 'p1', jaar: '2025' });
  });
});

describe('the contribution form', () => {
  it('needs a contributor and, for money, an amount; for staff, whole hours', () => {
    expect(Object.keys(validateContribution(blankContribution(2025))).sort()).toEqual(['bedrag', 'organisatie']);
    const staff = { ...blankContribution(2025), gemeente: 'GM0153', soort: 'menskracht', uren: '7,5', uurtarief: 'x' };
    expect(Object.keys(validateContribution(staff)).sort()).toEqual(['uren', 'uurtarief']);
    expect(validateContribution({ ...staff, uren: '8', uurtarief: '' })).toEqual({});
  });
  it('sends staff hours without an amount and money without hours', () => {
    const staff = contributionBody({ ...blankContribution(2025), organisatie: 'accare', soort: 'menskracht', uren: '40', uurtarief: '85', bedrag: '100' });
    expect(staff).toMatchObject({ soort: 'menskracht', bedrag: null, uren: 40, uurtarief: 8500, organisatie: 'accare', gemeente: null });
    const money = contributionBody({ ...blankContribution(2025), gemeente: 'GM0153', bedrag: '1.000', uren: '3' });
    expect(money).toMatchObject({ soort: 'geld', bedrag: 100000, uren: null, uurtarief: null, datum: null, toelichting: null });
  });
  it('patches kind, amount, hours and rate together', () => {
    const b: Bijdrage = {
      id: 'b1', organisatie: null, gemeente: 'GM0153', scope: 'programma', actielijn: null, projectId: null, jaar: 2025, soort: 'geld', bedrag: 5000,
      uren: null, uurtarief: null, waarde: 5000, financieringsbronId: null, status: 'toegezegd', datum: '2025-01-31', toelichting: null, demo: false, aangemaakt: '', gewijzigd: '',
    };
    const base = contributionValues(b);
    expect(contributionPatch(base, base)).toBeNull();
    expect(contributionPatch(base, { ...base, status: 'gerealiseerd' })).toEqual({ status: 'gerealiseerd' });
    expect(contributionPatch(base, { ...base, bedrag: '60,00' })).toEqual({ soort: 'geld', bedrag: 6000, uren: null, uurtarief: null });
    expect(contributionPatch(base, { ...base, datum: '' })).toEqual({ datum: null });
  });
});

describe('after a conflict', () => {
  it('keeps their changes and puts mine on top', () => {
    const base = { a: '1', b: '1', c: '1' };
    expect(mergeValues(base, { a: '2', b: '1', c: '1' }, { a: '1', b: '3', c: '1' })).toEqual({ a: '2', b: '3', c: '1' });
  });
});
