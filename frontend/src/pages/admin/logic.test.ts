import { describe, expect, it } from 'vitest';
import type { Client, Gebruiker } from '../../api/types/admin';
import type { MijGebruiker } from '../../api/types';
import { isAdmin } from './access';
import { auditChanges, clientBody, clientPatch, linesText, newUserBody, secretState, showValue, userPatch, userValues, validateClient, validateNewUser, validatePassword } from './logic';

const user: Gebruiker = { id: 'u1', gebruikersnaam: 'j.jansen', naam: 'Jan Jansen', email: 'j@example.org', rol: 'redacteur', actielijnen: [4, 2], actief: true };
const client: Client = { id: 'c1', clientId: 'gemeente-enschede', naam: 'Gemeente Enschede', scopes: ['monitoring:ingest', 'monitoring:read'], gemeente: 'GM0153', actief: true };

describe('administration logic', () => {
  it('lets only a beheerder with auth:admin in', () => {
    const me = (rol: string, scopes: string[]) => ({ ...user, rol, scopes }) as MijGebruiker;
    expect(isAdmin(me('beheerder', ['auth:admin']))).toBe(true);
    expect(isAdmin(me('beheerder', []))).toBe(false);
    expect(isAdmin(me('redacteur', ['auth:admin']))).toBe(false);
    expect(isAdmin(null)).toBe(false);
  });

  it('checks a new user as the API would', () => {
    const e = validateNewUser({ gebruikersnaam: 'J Jansen', naam: '', email: 'nee', rol: '', actielijnen: [], wachtwoord: 'kort', herhaling: 'kort' });
    expect(Object.keys(e).sort()).toEqual(['email', 'gebruikersnaam', 'naam', 'rol', 'wachtwoord']);
    expect(validatePassword('twaalf tekens', 'twaalf tekenz')).toEqual({ herhaling: 'De twee wachtwoorden zijn niet gelijk.' });
    expect(validatePassword('x'.repeat(129), 'x'.repeat(129))).toHaveProperty('wachtwoord');
    expect(validatePassword('twaalf tekens', 'twaalf tekens')).toEqual({});
  });

  it('sends action lines only with the role redacteur', () => {
    const v = { gebruikersnaam: 'a.b', naam: ' A B ', email: '', rol: 'lezer', actielijnen: [2], wachtwoord: 'twaalf tekens', herhaling: 'twaalf tekens' };
    expect(newUserBody(v)).toEqual({ gebruikersnaam: 'a.b', naam: 'A B', rol: 'lezer', wachtwoord: 'twaalf tekens' });
    expect(newUserBody({ ...v, rol: 'redacteur', actielijnen: [5, 2], email: 'a@b.nl' })).toEqual({ gebruikersnaam: 'a.b', naam: 'A B', rol: 'redacteur', wachtwoord: 'twaalf tekens', email: 'a@b.nl', actielijnen: [2, 5] });
  });

  it('patches only what changed; demoting a redacteur clears the lines', () => {
    expect(userPatch(userValues(user), user)).toEqual({});
    expect(userPatch({ ...userValues(user), rol: 'lezer' }, user)).toEqual({ rol: 'lezer', actielijnen: [] });
    expect(userPatch({ ...userValues(user), email: ' ', actielijnen: [2, 4] }, user)).toEqual({ email: null });
  });

  it('says which action lines a redacteur may change', () => {
    expect(linesText([])).toBe('alle actielijnen');
    expect(linesText([4])).toBe('actielijn 4');
    expect(linesText([4, 1, 2])).toBe('actielijnen 1, 2 en 4');
  });

  it('checks and builds a client, scopes in a fixed order', () => {
    expect(Object.keys(validateClient({ clientId: 'Gemeente Enschede', naam: '', scopes: [], gemeente: '' })).sort()).toEqual(['clientId', 'naam', 'scopes']);
    expect(clientBody({ clientId: 'kp', naam: 'Kennispunt', scopes: ['monitoring:ingest', 'portfolio:read'], gemeente: '' })).toEqual({ clientId: 'kp', naam: 'Kennispunt', scopes: ['portfolio:read', 'monitoring:ingest'] });
    expect(clientBody({ clientId: 'ens', naam: 'E', scopes: ['monitoring:ingest'], gemeente: 'gm0153' }).gemeente).toBe('GM0153');
  });

  it('patches a client with only what changed; an emptied municipality is null', () => {
    expect(clientPatch({ naam: client.naam, scopes: ['monitoring:read', 'monitoring:ingest'], gemeente: 'GM0153' }, client)).toEqual({});
    expect(clientPatch({ naam: 'Enschede', scopes: ['monitoring:read'], gemeente: '' }, client)).toEqual({ naam: 'Enschede', scopes: ['monitoring:read'], gemeente: null });
  });

  it('describes what an audit row changed', () => {
    expect(auditChanges({ id: 'x', rol: 'redacteur', actief: true, actielijnen: [2] }, { id: 'x', rol: 'lezer', actief: true, actielijnen: [] })).toEqual([
      { veld: 'actielijnen', voor: [2], na: [] },
      { veld: 'rol', voor: 'redacteur', na: 'lezer' },
    ]);
    expect(auditChanges(null, { id: 'x', naam: 'A' })).toEqual([{ veld: 'naam', voor: undefined, na: 'A' }]);
    expect(auditChanges(null, null)).toEqual([]);
    expect([true, false, null, [], ['a', 'b'], 'x'].map(showValue)).toEqual(['ja', 'nee', '—', '—', 'a, b', 'x']);
  });

  it('tells from the audit trail whether a client has a secret', () => {
    expect(secretState([])).toBeNull();
    expect(secretState([{ actie: 'gewijzigd', tijdstip: 't3' }, { actie: 'geheim-ingetrokken', tijdstip: 't2' }, { actie: 'aangemaakt', tijdstip: 't1' }])).toEqual({ state: 'ingetrokken', sinds: 't2' });
    expect(secretState([{ actie: 'geheim-vernieuwd', tijdstip: 't4' }, { actie: 'geheim-ingetrokken', tijdstip: 't2' }])).toEqual({ state: 'uitgegeven', sinds: 't4' });
    expect(secretState([{ actie: 'aangemaakt', tijdstip: 't1' }])).toEqual({ state: 'uitgegeven', sinds: 't1' });
  });
});
