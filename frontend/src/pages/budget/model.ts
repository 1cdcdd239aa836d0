// The budget screens' arithmetic, kept apart from the components so it can be tested: the
// multi-year table, coverage per year, contributions per partner. All amounts are integer cents.
import type { Begrotingsregel, Bijdrage, Dekking, Scope, Verdeling } from '../../api/types/budget';

/** The years from `from` to `to`, inclusive (empty when `to` < `from`). */
export function yearRange(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

export interface ScopeRef {
  scope: Scope;
  actielijn: number | null;
  projectId: string | null;
}

/** One key per scope: "programma", "actielijn:2", "project:<id>". */
export function scopeKey(s: ScopeRef): string {
  if (s.scope === 'project') return `project:${s.projectId ?? ''}`;
  if (s.scope === 'actielijn') return `actielijn:${s.actielijn ?? ''}`;
  return 'programma';
}

export type PerYear = Record<number, number>;

function add(into: PerYear, year: number, cents: number) {
  into[year] = (into[year] ?? 0) + cents;
}

export function sumOf(values: PerYear): number {
  return Object.values(values).reduce((a, b) => a + b, 0);
}

/** A row of the table: the lines with the same scope, kind, category and description, one per
 * year (a multi-year budget repeats a line every year). */
export interface BudgetRow {
  key: string;
  aard: Begrotingsregel['aard'];
  categorie: string;
  omschrijving: string;
  perYear: PerYear;
  /** The line behind each cell, to link to. */
  lines: Record<number, Begrotingsregel>;
  total: number;
}

export interface BudgetGroup {
  key: string;
  ref: ScopeRef;
  rows: BudgetRow[];
  structureel: PerYear;
  incidenteel: PerYear;
  totaal: PerYear;
}

export interface BudgetTable {
  years: number[];
  groups: BudgetGroup[];
  structureel: PerYear;
  incidenteel: PerYear;
  totaal: PerYear;
}

const SCOPE_ORDER: Record<Scope, number> = { programma: 0, actielijn: 1, project: 2 };

/** The multi-year table: lines grouped by scope (programme, action lines 1..5, projects by
 * `label`), structural before incidental, subtotals per kind and scope, totals per year. Lines
 * outside `years` are left out. */
export function buildBudgetTable(lines: Begrotingsregel[], years: number[], label: (key: string) => string = (k) => k): BudgetTable {
  const inRange = new Set(years);
  const groups = new Map<string, BudgetGroup>();
  const table: BudgetTable = { years, groups: [], structureel: {}, incidenteel: {}, totaal: {} };
  for (const l of lines) {
    if (!inRange.has(l.jaar)) continue;
    const gk = scopeKey(l);
    let g = groups.get(gk);
    if (!g) {
      g = { key: gk, ref: { scope: l.scope, actielijn: l.actielijn, projectId: l.projectId }, rows: [], structureel: {}, incidenteel: {}, totaal: {} };
      groups.set(gk, g);
    }
    // Two lines alike in the same year get a row each, so every cell links to one line.
    const base = JSON.stringify([l.aard, l.categorie.trim().toLowerCase(), l.omschrijving.trim()]);
    let n = 1;
    while (g.rows.some((x) => x.key === `${base}#${n}` && x.lines[l.jaar])) n++;
    const rk = `${base}#${n}`;
    let r = g.rows.find((x) => x.key === rk);
    if (!r) {
      r = { key: rk, aard: l.aard, categorie: l.categorie, omschrijving: l.omschrijving, perYear: {}, lines: {}, total: 0 };
      g.rows.push(r);
    }
    add(r.perYear, l.jaar, l.bedrag);
    r.lines[l.jaar] = l;
    r.total += l.bedrag;
    add(g[l.aard], l.jaar, l.bedrag);
    add(g.totaal, l.jaar, l.bedrag);
    add(table[l.aard], l.jaar, l.bedrag);
    add(table.totaal, l.jaar, l.bedrag);
  }
  table.groups = [...groups.values()].sort(
    (a, b) =>
      SCOPE_ORDER[a.ref.scope] - SCOPE_ORDER[b.ref.scope] ||
      (a.ref.actielijn ?? 99) - (b.ref.actielijn ?? 99) ||
      label(a.key).localeCompare(label(b.key), 'nl'),
  );
  for (const g of table.groups) {
    g.rows.sort(
      (a, b) =>
        (a.aard === b.aard ? 0 : a.aard === 'structureel' ? -1 : 1) ||
        a.categorie.localeCompare(b.categorie, 'nl') ||
        a.omschrijving.localeCompare(b.omschrijving, 'nl'),
    );
  }
  return table;
}

/** Coverage of one year, the figures of the chart and its table. */
export interface CoverageYear {
  jaar: number;
  structureel: number;
  incidenteel: number;
  begroot: number;
  toegezegd: number;
  gerealiseerd: number;
  uitgegeven: number;
  uren: number;
  /** Budget minus pledged: positive is a gap, negative a surplus. */
  tekort: number;
  /** Pledged as a share of the budget (0..1+), null without a budget. */
  gedekt: number | null;
}

/** The totals per year from /dekking, for every year of `years` (a year without data is zero). */
export function coverageByYear(d: Dekking, years: number[]): CoverageYear[] {
  const byYear = new Map(d.jaren.map((j) => [j.jaar, j.totaal]));
  return years.map((jaar) => {
    const t = byYear.get(jaar);
    const begroot = t?.begroot?.totaal ?? 0;
    const toegezegd = t?.toegezegd ?? 0;
    return {
      jaar,
      structureel: t?.begroot?.structureel ?? 0,
      incidenteel: t?.begroot?.incidenteel ?? 0,
      begroot,
      toegezegd,
      gerealiseerd: t?.gerealiseerd ?? 0,
      uitgegeven: t?.uitgegeven ?? 0,
      uren: t?.urenToegezegd ?? 0,
      tekort: t?.tekort ?? begroot - toegezegd,
      gedekt: begroot > 0 ? toegezegd / begroot : null,
    };
  });
}

/** Who contributes: an organisation, a municipality, or an organisation on behalf of one. */
export function contributorKey(b: Pick<Bijdrage, 'organisatie' | 'gemeente'>): string {
  return [b.organisatie ? `org:${b.organisatie}` : '', b.gemeente ? `gm:${b.gemeente}` : ''].filter(Boolean).join('|');
}

export interface PartnerRow {
  key: string;
  organisatie: string | null;
  gemeente: string | null;
  /** Pledged value per year (money, and staff hours at their rate). */
  toegezegd: PerYear;
  /** Realised value per year. */
  gerealiseerd: PerYear;
  uren: number;
  totaalToegezegd: number;
  totaalGerealiseerd: number;
}

/** Contributions summed per contributor and year, largest pledge first. */
export function byPartner(bijdragen: Bijdrage[], label: (row: PartnerRow) => string = (r) => r.key): PartnerRow[] {
  const rows = new Map<string, PartnerRow>();
  for (const b of bijdragen) {
    const key = contributorKey(b);
    let r = rows.get(key);
    if (!r) {
      r = { key, organisatie: b.organisatie, gemeente: b.gemeente, toegezegd: {}, gerealiseerd: {}, uren: 0, totaalToegezegd: 0, totaalGerealiseerd: 0 };
      rows.set(key, r);
    }
    if (b.status === 'toegezegd') {
      add(r.toegezegd, b.jaar, b.waarde);
      r.totaalToegezegd += b.waarde;
      if (b.soort === 'menskracht') r.uren += b.uren ?? 0;
    } else {
      add(r.gerealiseerd, b.jaar, b.waarde);
      r.totaalGerealiseerd += b.waarde;
    }
  }
  return [...rows.values()].sort((a, b) => b.totaalToegezegd - a.totaalToegezegd || label(a).localeCompare(label(b), 'nl'));
}

/** The sum of a split's shares; equal to the amount for every answer of /verdelingen. */
export function sumShares(aandelen: { aandeel: number }[]): number {
  return aandelen.reduce((a, s) => a + s.aandeel, 0);
}

/** Splits `amount` cents by `weights` the way the service does (largest remainder, see
 * services/contributions/DESIGN.md): everyone the floor of amount × w / W, then the cents left one
 * by one to the largest remainders, at equal remainders first in the given (CBS code) order. Used
 * for a municipality's share per budget line, from the weights of one /verdelingen answer, so the
 * statement needs one request instead of one per line. BigInt: amount × weight exceeds 2^53. */
export function allocate(amount: number, weights: number[]): number[] {
  const total = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (total === 0n) return weights.map(() => 0);
  const a = BigInt(amount);
  const floors = weights.map((w) => (a * BigInt(w)) / total);
  const rests = weights.map((w) => (a * BigInt(w)) % total);
  let left = Number(a - floors.reduce((x, y) => x + y, 0n));
  const order = weights.map((_, i) => i).sort((i, j) => (rests[j] > rests[i] ? 1 : rests[j] < rests[i] ? -1 : i - j));
  for (const i of order) {
    if (left <= 0) break;
    floors[i] += 1n;
    left--;
  }
  return floors.map(Number);
}

/** What to split: the year's structural budget, one budget line, or a typed amount. */
export type AllocationSource = { kind: 'structureel' } | { kind: 'regel'; regel: string } | { kind: 'bedrag'; bedrag: number };

/** The query of /verdelingen and /exports/verdeling for a year, a key (id or code) and a source. */
export function allocationQuery(jaar: number, sleutel: string, source: AllocationSource): string {
  const q = new URLSearchParams();
  if (sleutel) q.set('verdeelsleutel', sleutel);
  if (source.kind === 'regel') q.set('begrotingsregel', source.regel);
  else {
    q.set('jaar', String(jaar));
    if (source.kind === 'bedrag') q.set('bedrag', String(source.bedrag));
    else q.set('structureel', 'true');
  }
  return q.toString();
}

/** A municipality's share of each line, split by the weights of one /verdelingen answer (in CBS
 * order) the way the service splits; empty when the municipality is not in the answer. */
export function sharesPerLine(lines: Begrotingsregel[], weights: Pick<Verdeling, 'aandelen'>, code: string): { line: Begrotingsregel; share: number }[] {
  const at = weights.aandelen.findIndex((a) => a.gemeente === code);
  if (at < 0) return [];
  const w = weights.aandelen.map((a) => a.gewicht);
  return lines.map((line) => ({ line, share: allocate(line.bedrag, w)[at] }));
}
