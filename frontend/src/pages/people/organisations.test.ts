import { describe, expect, it } from 'vitest';
import type { Organisatie } from '../../api/types/people';
import { countByType, filterOrganisations, orgBody, orgValues, parseCount, validateOrg } from './organisations';
import { changedOnly, fold, textOrNull } from './text';

function org(naam: string, type: Organisatie['type'], sector: string | null = null): Organisatie {
  return { id: naam, code: null, naam, type, sector, website: null, cbsCode: null, inwoners: null, gewijzigdOp: '2025-01-01T00:00:00Z' };
}

const list = [org('Gemeente Enschede', 'gemeente'), org('Accare', 'zorgaanbieder', 'JGGZ'), org('Ixta Noa', 'clientvertegenwoordiging', 'Cliëntperspectief'), org('Gemeente Almelo', 'gemeente')];

describe('organisations', () => {
  it('filter by type, sorted by name', () => {
    expect(filterOrganisations(list, 'gemeente', '').map((o) => o.naam)).toEqual(['Gemeente Almelo', 'Gemeente Enschede']);
    expect(filterOrganisations(list, '', '')).toHaveLength(4);
  });
  it('search name and sector, ignoring accents and case', () => {
    expect(filterOrganisations(list, '', 'CLIENT').map((o) => o.naam)).toEqual(['Ixta Noa']);
    expect(filterOrganisations(list, '', 'jggz').map((o) => o.naam)).toEqual(['Accare']);
    expect(filterOrganisations(list, 'gemeente', 'accare')).toEqual([]);
  });
  it('count per type', () => {
    expect(countByType(list)).toEqual({ gemeente: 2, zorgaanbieder: 1, clientvertegenwoordiging: 1 });
  });
  it('read a number of inhabitants as written in Dutch', () => {
    expect(parseCount('161.741')).toBe(161741);
    expect(parseCount(' 24632 ')).toBe(24632);
    expect(parseCount('')).toBeNull();
    expect(parseCount('veel')).toBeNaN();
    expect(parseCount('-5')).toBeNaN();
  });
  it('check what the app can check, and leave the CBS-code rules to the server', () => {
    expect(validateOrg({ naam: ' ', type: '', sector: '', website: '', cbsCode: '', inwoners: 'x' })).toEqual({
      naam: 'Dit veld is verplicht.',
      type: 'Kies een soort',
      inwoners: 'Vul een heel getal in, zonder letters.',
    });
    // A municipality without a CBS code passes here: the server says why not, at the field.
    expect(validateOrg({ naam: 'Gemeente X', type: 'gemeente', sector: '', website: '', cbsCode: '', inwoners: '' })).toEqual({});
  });
  it('build the body with nulls for empty fields', () => {
    expect(orgBody({ naam: ' Gemeente X ', type: 'gemeente', sector: '', website: ' ', cbsCode: 'gm0153', inwoners: '1.000' })).toEqual({
      naam: 'Gemeente X',
      type: 'gemeente',
      sector: null,
      website: null,
      cbsCode: 'GM0153',
      inwoners: 1000,
    });
  });
  it('send only what changed', () => {
    const o = { ...org('Accare', 'zorgaanbieder', 'JGGZ'), website: 'https://accare.nl' };
    const before = orgBody(orgValues(o));
    expect(changedOnly(orgBody({ ...orgValues(o), sector: '' }), before)).toEqual({ sector: null });
    expect(changedOnly(before, before)).toEqual({});
  });
  it('fold and empty text helpers', () => {
    expect(fold('Cliënt Één')).toBe('client een');
    expect(textOrNull('  ')).toBeNull();
    expect(textOrNull(' a ')).toBe('a');
  });
});
