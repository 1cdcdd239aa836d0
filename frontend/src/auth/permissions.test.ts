import { describe, expect, it } from 'vitest';
import type { MijGebruiker } from '../api/types';
import { canEditPortfolio, canEditStakeholders } from './useSession';

const base = { id: 'x', gebruikersnaam: 'x', naam: 'X', email: null, actief: true } as unknown as MijGebruiker;
const user = (rol: string, scopes: string[], actielijnen: number[] = []) => ({ ...base, rol, scopes, actielijnen }) as MijGebruiker;

describe('what a role may change', () => {
  it('a lezer changes nothing', () => {
    const u = user('lezer', ['portfolio:read', 'stakeholders:read']);
    expect(canEditPortfolio(u, 1)).toBe(false);
    expect(canEditStakeholders(u)).toBe(false);
  });
  it('a redacteur limited to lines changes only those', () => {
    const u = user('redacteur', ['portfolio:read', 'portfolio:write'], [2, 4]);
    expect(canEditPortfolio(u, 2)).toBe(true);
    expect(canEditPortfolio(u, 3)).toBe(false);
  });
  it('a redacteur without lines and a beheerder change every line', () => {
    expect(canEditPortfolio(user('redacteur', ['portfolio:write']), 5)).toBe(true);
    expect(canEditPortfolio(user('beheerder', ['portfolio:write']), 5)).toBe(true);
  });
  it('no scope, no button', () => {
    expect(canEditPortfolio(user('beheerder', ['portfolio:read']), 1)).toBe(false);
    expect(canEditPortfolio(null, 1)).toBe(false);
  });
});
