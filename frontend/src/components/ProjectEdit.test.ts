import { describe, expect, it } from 'vitest';
import type { Project } from '../api/types';
import { diff, merge, patchBody, valuesOf } from './ProjectEdit';

const project = {
  id: 'p',
  actielijn: 1,
  rang: 1,
  soort: 'nieuw',
  fase: 'plan',
  status: 'actief',
  titel: 'Oud',
  beschrijving: 'Tekst',
  schaal: null,
  startdatum: null,
  einddatum: null,
  randvoorwaarden: { financiering: { status: 'open', toelichting: '' } },
} as unknown as Project;

describe('editing with the ETag', () => {
  const base = valuesOf(project);

  it('sends only what changed', () => {
    const mine = { ...base, titel: 'Nieuw', schaal: 'regionaal' };
    expect(diff(base, mine)).toEqual(['titel', 'schaal']);
    expect(patchBody(mine, diff(base, mine))).toEqual({ titel: 'Nieuw', schaal: 'regionaal' });
  });

  it('an emptied date or scale is sent as null', () => {
    const v = { ...base, startdatum: '2025-01-01' };
    expect(patchBody({ ...v, startdatum: '' }, ['startdatum'])).toEqual({ startdatum: null });
  });

  it('sends all preconditions when one changed', () => {
    const mine = { ...base, randvoorwaarden: { ...base.randvoorwaarden, financiering: { status: 'geregeld', toelichting: 'SPUK' } } };
    const ks = diff(base, mine);
    expect(ks).toEqual(['rv.financiering']);
    const body = patchBody(mine, ks) as { randvoorwaarden: Record<string, { status: string }> };
    expect(Object.keys(body.randvoorwaarden)).toHaveLength(5);
    expect(body.randvoorwaarden.financiering.status).toBe('geregeld');
  });

  it('sends the principles and reform lines the project contributes to, sorted, when they changed', () => {
    const mine = { ...base, principes: [3, 1], hervormingslijnen: [] };
    expect(diff(base, mine)).toEqual(['principes']);
    expect(patchBody(mine, diff(base, mine))).toEqual({ principes: [1, 3] });
    expect(diff(base, { ...base, principes: [] })).toEqual([]);
  });

  it('merges the lists like any field: mine where only I changed them', () => {
    const mine = { ...base, principes: [2] };
    const theirs = { ...base, hervormingslijnen: [5], titel: 'Hun titel' };
    expect(merge(base, mine, theirs, {})).toMatchObject({ principes: [2], hervormingslijnen: [5], titel: 'Hun titel' });
  });

  it('merges: theirs where only they changed, mine where only I changed, my choice where both did', () => {
    const mine = { ...base, titel: 'Mijn titel', beschrijving: 'Mijn tekst' };
    const theirs = { ...base, titel: 'Hun titel', status: 'gepauzeerd' };
    const keepMine = merge(base, mine, theirs, { titel: 'mine' });
    expect(keepMine).toMatchObject({ titel: 'Mijn titel', beschrijving: 'Mijn tekst', status: 'gepauzeerd' });
    const takeTheirs = merge(base, mine, theirs, { titel: 'theirs' });
    expect(takeTheirs).toMatchObject({ titel: 'Hun titel', beschrijving: 'Mijn tekst', status: 'gepauzeerd' });
  });
});
