import { describe, expect, it } from 'vitest';
import type { AuditRegel, Dekking, Signaal } from '../../api/types/agenda';
import { budgetPerLine, defaultPeriod, doneMilestones, groupChanges, groupSignals, periodFrom, ragCounts, signalsFor, validatePeriod } from './report';

describe('the report period', () => {
  it('is the last six weeks by default', () => {
    expect(defaultPeriod('2026-11-23')).toEqual({ van: '2026-10-12', tot: '2026-11-23', weken: 6 });
  });
  it('comes from the address when it makes sense, else the default', () => {
    expect(periodFrom(new URLSearchParams('van=2026-01-01&tot=2026-02-11&weken=8'), '2026-11-23')).toEqual({ van: '2026-01-01', tot: '2026-02-11', weken: 8 });
    expect(periodFrom(new URLSearchParams('van=2026-03-01&tot=2026-02-11&weken=99'), '2026-11-23')).toEqual({ van: '2026-10-12', tot: '2026-11-23', weken: 6 });
  });
  it('is checked before asking', () => {
    expect(Object.keys(validatePeriod({ van: '2026-03-01', tot: '2026-02-01', weken: '0' }))).toEqual(['tot', 'weken']);
    expect(validatePeriod({ van: '2026-01-01', tot: '2026-02-01', weken: '6' })).toEqual({});
  });
});

describe('the report per action line', () => {
  it('counts the latest RAG of the projects, none as "geen"', () => {
    expect(ragCounts([{ laatsteRag: 'risico' }, { laatsteRag: null }, { laatsteRag: 'risico' }])).toEqual({ op_koers: 0, risico: 2, achter: 0, geen: 1 });
  });

  it('finds the milestones done in the period from the audit feed, by their latest state', () => {
    const row = (id: number, objectId: string, actie: string, na: Record<string, unknown> | null) => ({ id, objectId, actie, objectType: 'mijlpaal', na, voor: null }) as unknown as AuditRegel;
    const audit = [
      row(1, 'a', 'aangemaakt', { projectId: 'p', titel: 'A', gereedOp: null }),
      row(2, 'a', 'gewijzigd', { projectId: 'p', titel: 'A', gereedOp: '2026-11-01' }),
      row(3, 'b', 'gewijzigd', { projectId: 'p', titel: 'B', gereedOp: '2026-11-02' }),
      row(4, 'b', 'gewijzigd', { projectId: 'p', titel: 'B', gereedOp: null }),
      row(5, 'c', 'gewijzigd', { projectId: 'p', titel: 'C', gereedOp: '2026-11-03' }),
      row(6, 'c', 'verwijderd', null),
      row(7, 'd', 'gewijzigd', { projectId: 'q', titel: 'D', gereedOp: '2025-01-01' }),
      row(8, 'e', 'aangemaakt', { projectId: 'q', titel: 'E', gereedOp: '2026-10-20' }),
    ];
    expect(doneMilestones(audit, '2026-10-12', '2026-11-23')).toEqual([
      { id: 'e', projectId: 'q', titel: 'E', gereedOp: '2026-10-20' },
      { id: 'a', projectId: 'p', titel: 'A', gereedOp: '2026-11-01' },
    ]);
  });

  it('groups other changes per project, without the phase changes', () => {
    const g = groupChanges([
      { projectId: 'p', titel: 'P', actie: 'gewijzigd', tijdstip: '2026-11-01T10:00:00Z' },
      { projectId: 'p', titel: 'P', actie: 'fase_gewijzigd', tijdstip: '2026-11-02T10:00:00Z' },
      { projectId: 'p', titel: 'P', actie: 'gewijzigd', tijdstip: '2026-11-03T10:00:00Z' },
      { projectId: 'q', titel: 'Q', actie: 'aangemaakt', tijdstip: '2026-11-02T10:00:00Z' },
    ]);
    expect(g).toEqual([
      { projectId: 'p', titel: 'P', acties: [{ actie: 'gewijzigd', aantal: 2 }], laatst: '2026-11-03T10:00:00Z' },
      { projectId: 'q', titel: 'Q', acties: [{ actie: 'aangemaakt', aantal: 1 }], laatst: '2026-11-02T10:00:00Z' },
    ]);
  });

  it('picks the signals of a line and groups them per indicator', () => {
    const s = (code: string, gemeente: string, lijnen: number[], soorten: string[]) =>
      ({ indicator: { code, naam: code === 'W' ? 'Wachttijd' : 'Instroom', eenheid: 'weken' }, gemeente: { code: gemeente, naam: gemeente }, periode: '2026-Q3', waarde: 7.5, soorten, actielijnen: lijnen }) as unknown as Signaal;
    const all = [s('W', 'Hengelo', [4], ['norm']), s('I', 'Almelo', [5], ['norm']), s('W', 'Almelo', [4, 5], ['verslechtering'])];
    expect(signalsFor(all, 4).map((x) => x.gemeente?.naam)).toEqual(['Almelo', 'Hengelo']);
    const g = groupSignals(signalsFor(all, 4));
    expect(g).toHaveLength(1);
    expect(g[0].soorten).toEqual(['norm', 'verslechtering']);
    expect(g[0].gemeenten.map((x) => x.naam)).toEqual(['Almelo', 'Hengelo']);
  });

  it('adds up a year’s budget per line: the line’s own lines and its projects’, programme money apart', () => {
    const b = (totaal: number, toegezegd: number) => ({ begroot: { structureel: 0, incidenteel: totaal, totaal }, toegezegd, gerealiseerd: 0, urenToegezegd: 0, urenGerealiseerd: 0, uitgegeven: 0, tekort: totaal - toegezegd });
    const dekking = {
      vanJaar: 2026,
      totJaar: 2026,
      jaren: [
        {
          jaar: 2026,
          totaal: b(1000, 300),
          scopes: [
            { scope: 'programma', actielijn: null, projectId: null, bedragen: b(500, 0) },
            { scope: 'actielijn', actielijn: 4, projectId: null, bedragen: b(300, 200) },
            { scope: 'project', actielijn: null, projectId: 'p4', bedragen: b(200, 100) },
          ],
        },
      ],
    } as unknown as Dekking;
    const r = budgetPerLine(dekking, 2026, new Map([['p4', 4]]))!;
    expect(r.lines.get(4)).toEqual({ begroot: 500, toegezegd: 300, gerealiseerd: 0, uitgegeven: 0, tekort: 200 });
    expect(r.programme.begroot).toBe(500);
    expect(r.total.tekort).toBe(700);
    expect(budgetPerLine(dekking, 2025, new Map())).toBeNull();
  });
});
