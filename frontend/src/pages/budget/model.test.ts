import { describe, expect, it } from 'vitest';
import type { Begrotingsregel, Bijdrage, Dekking } from '../../api/types/budget';
import { allocate, allocationQuery, sharesPerLine, buildBudgetTable, byPartner, contributorKey, coverageByYear, scopeKey, sumOf, sumShares, yearRange } from './model';

let n = 0;
function line(p: Partial<Begrotingsregel>): Begrotingsregel {
  n++;
  return {
    id: `l${n}`, scope: 'programma', actielijn: null, projectId: null, jaar: 2025, aard: 'structureel', categorie: 'ondersteuning',
    omschrijving: 'Secretariaat', bedrag: 100, status: 'raming', revisie: 0, demo: false, aangemaakt: '', gewijzigd: '', ...p,
  };
}
function gift(p: Partial<Bijdrage>): Bijdrage {
  n++;
  return {
    id: `b${n}`, organisatie: null, gemeente: null, scope: 'programma', actielijn: null, projectId: null, jaar: 2025, soort: 'geld', bedrag: 0,
    uren: null, uurtarief: null, waarde: 0, financieringsbronId: null, status: 'toegezegd', datum: null, toelichting: null, demo: false,
    aangemaakt: '', gewijzigd: '', ...p,
  };
}

describe('the multi-year table', () => {
  const lines = [
    line({ jaar: 2024, bedrag: 1000 }),
    line({ jaar: 2025, bedrag: 1100 }),
    line({ jaar: 2026, bedrag: 1200, omschrijving: 'Secretariaat ' }),
    line({ jaar: 2025, scope: 'actielijn', actielijn: 2, aard: 'incidenteel', categorie: 'projectkosten', omschrijving: 'Pilot', bedrag: 500 }),
    line({ jaar: 2025, scope: 'project', actielijn: 1, projectId: 'p-b', aard: 'incidenteel', categorie: 'projectkosten', omschrijving: 'B', bedrag: 70 }),
    line({ jaar: 2025, scope: 'project', actielijn: 1, projectId: 'p-a', aard: 'incidenteel', categorie: 'projectkosten', omschrijving: 'A', bedrag: 30 }),
    line({ jaar: 2025, scope: 'programma', aard: 'incidenteel', categorie: 'onderzoek', omschrijving: 'Evaluatie', bedrag: 400 }),
    line({ jaar: 2030, bedrag: 999_999 }),
  ];
  const table = buildBudgetTable(lines, [2024, 2025, 2026], (k) => ({ 'project:p-a': 'Alfa', 'project:p-b': 'Beta' })[k] ?? k);

  it('puts the same line of several years in one row, years as columns', () => {
    const prog = table.groups[0];
    expect(prog.key).toBe('programma');
    const row = prog.rows[0];
    expect(row.omschrijving).toBe('Secretariaat');
    expect(row.perYear).toEqual({ 2024: 1000, 2025: 1100, 2026: 1200 });
    expect(row.total).toBe(3300);
    expect(row.lines[2025].bedrag).toBe(1100);
  });
  it('orders the scopes: programme, action lines by number, projects by name; structural rows first', () => {
    expect(table.groups.map((g) => g.key)).toEqual(['programma', 'actielijn:2', 'project:p-a', 'project:p-b']);
    expect(table.groups[0].rows.map((r) => r.aard)).toEqual(['structureel', 'incidenteel']);
  });
  it('sums structural and incidental per scope and per year, leaving out years outside the range', () => {
    expect(table.groups[0].structureel).toEqual({ 2024: 1000, 2025: 1100, 2026: 1200 });
    expect(table.groups[0].incidenteel).toEqual({ 2025: 400 });
    expect(table.groups[0].totaal).toEqual({ 2024: 1000, 2025: 1500, 2026: 1200 });
    expect(table.structureel).toEqual({ 2024: 1000, 2025: 1100, 2026: 1200 });
    expect(table.incidenteel).toEqual({ 2025: 1000 });
    expect(sumOf(table.totaal)).toBe(4300);
  });
  it('gives two alike lines in the same year a row each, so every cell is one line', () => {
    const t = buildBudgetTable([line({ bedrag: 1 }), line({ bedrag: 2 }), line({ jaar: 2026, bedrag: 3 })], [2025, 2026]);
    expect(t.groups[0].rows.map((r) => r.perYear)).toEqual([{ 2025: 1, 2026: 3 }, { 2025: 2 }]);
    expect(sumOf(t.totaal)).toBe(6);
  });
  it('is empty without lines in the range', () => {
    expect(buildBudgetTable(lines, [2040]).groups).toEqual([]);
  });
});

describe('coverage per year', () => {
  const dekking = {
    vanJaar: 2025,
    totJaar: 2027,
    jaren: [
      { jaar: 2025, scopes: [], totaal: { begroot: { structureel: 600, incidenteel: 400, totaal: 1000 }, toegezegd: 750, gerealiseerd: 100, urenToegezegd: 8, urenGerealiseerd: 0, uitgegeven: 50, tekort: 250 } },
      { jaar: 2026, scopes: [], totaal: { begroot: { structureel: 100, incidenteel: 0, totaal: 100 }, toegezegd: 150, gerealiseerd: 0, urenToegezegd: 0, urenGerealiseerd: 0, uitgegeven: 0, tekort: -50 } },
    ],
  } as Dekking;
  it('gives every year of the range, zero where the API has nothing, with the share covered', () => {
    const y = coverageByYear(dekking, [2025, 2026, 2027]);
    expect(y.map((x) => [x.jaar, x.begroot, x.toegezegd, x.tekort])).toEqual([[2025, 1000, 750, 250], [2026, 100, 150, -50], [2027, 0, 0, 0]]);
    expect(y[0].gedekt).toBe(0.75);
    expect(y[1].gedekt).toBe(1.5);
    expect(y[2].gedekt).toBeNull();
    expect(y[0].uren).toBe(8);
  });
});

describe('contributions per partner', () => {
  it('sums pledged and realised value per contributor and year, largest pledge first', () => {
    const rows = byPartner([
      gift({ gemeente: 'GM0153', jaar: 2025, waarde: 500 }),
      gift({ gemeente: 'GM0153', jaar: 2026, waarde: 600 }),
      gift({ gemeente: 'GM0153', jaar: 2025, waarde: 500, status: 'gerealiseerd' }),
      gift({ organisatie: 'accare', soort: 'menskracht', uren: 40, uurtarief: 100, waarde: 4000 }),
      gift({ organisatie: 'accare', gemeente: 'GM0153', waarde: 7 }),
    ]);
    expect(rows.map((r) => r.key)).toEqual(['org:accare', 'gm:GM0153', 'org:accare|gm:GM0153']);
    expect(rows[0]).toMatchObject({ totaalToegezegd: 4000, uren: 40, totaalGerealiseerd: 0 });
    expect(rows[1]).toMatchObject({ toegezegd: { 2025: 500, 2026: 600 }, gerealiseerd: { 2025: 500 }, totaalToegezegd: 1100, totaalGerealiseerd: 500 });
  });
  it('names the contributor key by organisation and municipality', () => {
    expect(contributorKey({ organisatie: null, gemeente: 'GM0141' })).toBe('gm:GM0141');
    expect(contributorKey({ organisatie: 'x', gemeente: null })).toBe('org:x');
  });
});

describe('allocate (largest remainder, like the service)', () => {
  // An answer of /verdelingen?jaar=2025&bedrag=100001 with the per-inwoner weights.
  const weights = [74355, 24632, 161741, 24360, 36271, 83051, 23380, 31794, 21393, 24637, 34071, 35438, 38676, 26741];
  it('gives the same shares as the service', () => {
    expect(allocate(100001, weights)).toEqual([11608, 3845, 25251, 3803, 5663, 12966, 3650, 4964, 3340, 3846, 5319, 5533, 6038, 4175]);
    expect(allocate(7, weights)).toEqual([1, 0, 2, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0]);
  });
  it('sums exactly to the amount, also for amounts beyond 2^53 / weight', () => {
    for (const amount of [0, 1, 13, 999_999, 47_380_000, 1_000_000_000_000_000]) {
      const s = allocate(amount, weights);
      expect(sumShares(s.map((aandeel) => ({ aandeel })))).toBe(amount);
      expect(s.every((x) => x >= 0)).toBe(true);
    }
  });
  it('gives a municipality its share of each line', () => {
    const aandelen = [{ gemeente: 'GM0141', naam: 'Almelo', gewicht: 1, aandeel: 0 }, { gemeente: 'GM0153', naam: 'Enschede', gewicht: 3, aandeel: 0 }];
    const lines = [line({ bedrag: 400 }), line({ bedrag: 5 })];
    expect(sharesPerLine(lines, { aandelen }, 'GM0153').map((x) => x.share)).toEqual([300, 4]);
    expect(sharesPerLine(lines, { aandelen }, 'GM9999')).toEqual([]);
  });
  it('gives weight 0 nothing and breaks ties in the given order', () => {
    expect(allocate(5, [1, 0, 1, 1])).toEqual([2, 0, 2, 1]);
    expect(allocate(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocate(10, [0, 0])).toEqual([0, 0]);
  });
});

describe('small helpers', () => {
  it('builds the allocation query for each source', () => {
    expect(allocationQuery(2025, 'per-inwoner', { kind: 'structureel' })).toBe('verdeelsleutel=per-inwoner&jaar=2025&structureel=true');
    expect(allocationQuery(2025, 'k', { kind: 'bedrag', bedrag: 12345 })).toBe('verdeelsleutel=k&jaar=2025&bedrag=12345');
    expect(allocationQuery(2025, 'k', { kind: 'regel', regel: 'abc' })).toBe('verdeelsleutel=k&begrotingsregel=abc');
  });
  it('counts years and keys scopes', () => {
    expect(yearRange(2024, 2026)).toEqual([2024, 2025, 2026]);
    expect(yearRange(2026, 2024)).toEqual([]);
    expect(scopeKey({ scope: 'actielijn', actielijn: 3, projectId: null })).toBe('actielijn:3');
    expect(scopeKey({ scope: 'project', actielijn: 3, projectId: 'x' })).toBe('project:x');
  });
});
