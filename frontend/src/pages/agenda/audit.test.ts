import { describe, expect, it } from 'vitest';
import type { AuditRegel } from '../../api/types/agenda';
import type { MijGebruiker } from '../../api/types';
import { actorLabel } from './actors';
import { auditChanges, objectTitle, phaseReason, showValue } from './audit';

const before = {
  id: 'p',
  versie: 1,
  gewijzigd: '2026-11-23T09:00:00Z',
  titel: 'Oud',
  status: 'voorgesteld',
  fase: 'onderzoek',
  startdatum: null,
  principes: [1],
  randvoorwaarden: { financiering: { status: 'open', toelichting: '' }, evaluatie: { status: 'open', toelichting: '' } },
};

describe('the audit trail in words', () => {
  it('lists the changed fields with their old and new value in Dutch notation, not the bookkeeping', () => {
    const after = { ...before, versie: 2, gewijzigd: '2026-11-24T09:00:00Z', titel: 'Nieuw', status: 'actief', startdatum: '2026-03-12', principes: [1, 3] };
    expect(auditChanges(before, after)).toEqual([
      { field: 'titel', label: 'Titel', before: 'Oud', after: 'Nieuw' },
      { field: 'status', label: 'Status', before: 'Voorgesteld', after: 'Actief' },
      { field: 'startdatum', label: 'Startdatum', before: 'Niet ingevuld', after: '12 mrt 2026' },
      { field: 'principes', label: 'Leidende principes', before: '1', after: '1, 3' },
    ]);
  });

  it('tells each changed precondition apart', () => {
    const after = { ...before, randvoorwaarden: { ...before.randvoorwaarden, financiering: { status: 'geregeld', toelichting: 'SPUK' } } };
    expect(auditChanges(before, after)).toEqual([{ field: 'randvoorwaarden.financiering', label: 'Randvoorwaarden: Financiering', before: 'Open', after: 'Geregeld — SPUK' }]);
  });

  it('has no field list for a creation or a deletion', () => {
    expect(auditChanges(null, before)).toEqual([]);
    expect(auditChanges(before, null)).toEqual([]);
  });

  it('shortens long texts and writes yes/no', () => {
    expect(showValue('beschrijving', 'x'.repeat(500)).length).toBe(140);
    expect(showValue('bestuurlijkBesluitGevraagd', true)).toBe('ja');
  });

  it('finds the reason of a phase change and the title of a milestone', () => {
    const a = { id: 3, actie: 'fase_gewijzigd', objectType: 'project', na: { fasewijziging: { toelichting: 'Plan ligt er' } } } as unknown as AuditRegel;
    expect(phaseReason(a)).toBe('Plan ligt er');
    expect(objectTitle({ voor: { titel: 'Mijlpaal 1' }, na: null } as unknown as AuditRegel)).toBe('Mijlpaal 1');
    expect(objectTitle({ voor: null, na: { periodeVan: '2026-01-01', periodeTot: '2026-03-31' } } as unknown as AuditRegel)).toBe('1 jan 2026 t/m 31 mrt 2026');
  });

  it('names the actor: "u" for oneself, a known name, else no bare id', () => {
    const me = { id: '8ced210f-7f9a-47e3-9886-f907218e3076' } as MijGebruiker;
    const other = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
    expect(actorLabel(me.id, me, {})).toBe('u');
    expect(actorLabel(other, me, { [other]: 'Jansen' })).toBe('Jansen');
    expect(actorLabel(other, me, {})).toBe('een andere gebruiker');
    expect(actorLabel('kennispunt-import', me, {})).toBe('kennispunt-import');
  });
});
