// The logic of the monitoring screens, kept apart from the components so it can be tested:
// periods and values in Dutch, the norm of a period, ranking, colour classes, signals, and the
// check of a CSV file before it is sent.
import type { MijGebruiker } from '../../api/types';
import type { Eenheid, MomentGemeente, Norm, NormKort, Normstatus, Reeks, Richting, Signaal, Trend } from '../../api/types/monitoring';
import { t, tk } from '../../i18n';
import { formatMoney, formatNumber } from '../../lib/format';

// ---- periods ----

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const MONTHS_LONG = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** A period of the API ("2024", "2024-Q1", "2024-03") in Dutch: short "K1 2024" / "mrt 2024" for
 * chart axes, long "1e kwartaal 2024" / "maart 2024" for text. */
export function formatPeriod(p: string | null | undefined, style: 'short' | 'long' = 'long'): string {
  if (!p) return '';
  const q = /^(\d{4})-Q([1-4])$/.exec(p);
  if (q) return style === 'short' ? `K${q[2]} ${q[1]}` : t('monitoring.quarter', { kwartaal: q[2], jaar: q[1] });
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) {
    const i = Number(m[2]) - 1;
    if (i >= 0 && i < 12) return `${(style === 'short' ? MONTHS : MONTHS_LONG)[i]} ${m[1]}`;
  }
  return p;
}

/** The first day of a period, "YYYY-MM-DD" (a date stays as it is). */
export function periodStart(p: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(p)) return p;
  const q = /^(\d{4})-Q([1-4])$/.exec(p);
  if (q) return `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) return `${m[1]}-${m[2]}-01`;
  return `${p.slice(0, 4)}-01-01`;
}

// ---- values ----

/** A value in its unit, in Dutch notation: "14,55%", "12,3 per 1.000 jeugdigen", "€ 1.234,00". */
export function formatValue(v: number | null | undefined, eenheid: Eenheid | string | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '';
  switch (eenheid) {
    case 'percentage':
      return `${formatNumber(v)}%`;
    case 'euro':
      return formatMoney(v);
    case 'per_1000_jeugdigen':
      return t('monitoring.valuePer1000', { waarde: formatNumber(v) });
    case 'weken':
      return t('monitoring.valueWeeks', { waarde: formatNumber(v) });
    default:
      return formatNumber(v);
  }
}

/** The unit for a column head over bare numbers ("per 1.000 jeugdigen", "weken"); empty when the
 * value carries its own sign (%, €) or is a plain count. */
export function unitSuffix(eenheid: Eenheid | string | undefined): string {
  return eenheid === 'per_1000_jeugdigen' || eenheid === 'weken' ? tk('monitoring.unitHead', eenheid) : '';
}

/** A value for a table cell under a head with unitSuffix: "14,55%", "€ 468,00", "2,62". */
export function formatCell(v: number | null | undefined, eenheid: Eenheid | string | undefined): string {
  return unitSuffix(eenheid) ? formatNumber(v) : formatValue(v, eenheid);
}

/** A column head with the unit where the cells leave it out: "Waarde (weken)". */
export function withUnit(head: string, eenheid: Eenheid | string | undefined): string {
  const u = unitSuffix(eenheid);
  return u ? `${head} (${u})` : head;
}

const COMPARATORS: Record<string, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

/** A norm as "≤ 14%"; `cell`: without a unit that the column head names (see formatCell). */
export function normText(n: Pick<NormKort, 'vergelijking' | 'waarde'> | null | undefined, eenheid: Eenheid | string | undefined, cell = false): string {
  if (!n || n.waarde === undefined || !n.vergelijking) return '';
  return `${COMPARATORS[n.vergelijking] ?? n.vergelijking} ${(cell ? formatCell : formatValue)(n.waarde, eenheid)}`;
}

/** The norm in force at the start of a period (or on a date): the area's own norm before the
 * general one (no area), each the latest valid from then. */
export function normAt(norms: Norm[], period: string, gebied: string | null = null): Norm | null {
  const start = periodStart(period);
  const pick = (list: Norm[]) =>
    list.filter((n) => n.geldigVanaf <= start).sort((a, b) => b.geldigVanaf.localeCompare(a.geldigVanaf))[0] ?? null;
  return (gebied ? pick(norms.filter((n) => n.gebied === gebied)) : null) ?? pick(norms.filter((n) => !n.gebied));
}

/** The norm value for every period (null where none applies): the norm line of the chart. */
export function normLine(norms: Norm[], periods: string[]): (number | null)[] {
  return periods.map((p) => normAt(norms, p)?.waarde ?? null);
}

/** The values of each area of a series, aligned to the series' periods. */
export function alignSeries(reeks: Reeks): Map<string, (number | null)[]> {
  const out = new Map<string, (number | null)[]>();
  for (const r of reeks.reeksen) {
    const byPeriod = new Map((r.waarden ?? []).map((w) => [w.periode, w.waarde ?? null]));
    out.set(r.gebied ?? '', reeks.perioden.map((p) => byPeriod.get(p) ?? null));
  }
  return out;
}

/** Distinct line colours for the municipalities, each at least 3:1 against white (WCAG 1.4.11);
 * the region is drawn black and thick, the norm red and dashed. */
const LINE_COLOURS = ['#1f77b4', '#d95f02', '#2ca02c', '#9467bd', '#8c564b', '#e7298a', '#7f7f7f', '#808000', '#0e7c86', '#7570b3', '#a6761d', '#6a3d9a', '#c2185b', '#1b9e77'];

export function lineColour(i: number): string {
  return LINE_COLOURS[((i % LINE_COLOURS.length) + LINE_COLOURS.length) % LINE_COLOURS.length];
}

// ---- norm status ----

export type Tone = 'safe' | 'warning' | 'danger' | 'neutral';

export function statusTone(s: Normstatus | undefined): Tone {
  return s === 'groen' ? 'safe' : s === 'oranje' ? 'warning' : s === 'rood' ? 'danger' : 'neutral';
}

/** The status in words with a symbol, so it never depends on colour alone. */
export function statusLabel(s: Normstatus | undefined): string {
  const symbol = s === 'groen' ? '●' : s === 'oranje' ? '▲' : s === 'rood' ? '■' : '○';
  return `${symbol} ${tk('monitoring.status', s ?? 'geen')}`;
}

/** A trend in words: "stijgend (+2,97), slechter" (the number of periods is in the column head). */
export function trendText(tr: Trend | null | undefined): string {
  if (!tr || !tr.richting) return '';
  const d = tr.verschil ?? 0;
  const vars = {
    richting: tk('monitoring.trend', tr.richting),
    verschil: `${d > 0 ? '+' : ''}${formatNumber(d)}`,
    oordeel: tk('monitoring.judgement', tr.oordeel ?? ''),
  };
  return t(tr.oordeel ? 'monitoring.trendJudged' : 'monitoring.trendText', vars);
}

/** An arrow for a trend, for the eye only (the words say the same). */
export function trendArrow(tr: Trend | null | undefined): string {
  return !tr?.richting ? '' : tr.richting === 'stijgend' ? '↗' : tr.richting === 'dalend' ? '↘' : '→';
}

// ---- ranking ----

export interface RankRow extends MomentGemeente {
  rang: number | null;
}

/** Municipalities ordered best first in the indicator's direction (higher or lower is better;
 * neutral: highest first); equal values share a rank; those without a value come last. */
export function rankMunicipalities(list: MomentGemeente[], richting: Richting | string): RankRow[] {
  const sign = richting === 'lager_is_beter' ? 1 : -1;
  const withValue = list.filter((g) => typeof g.waarde === 'number');
  const without = list.filter((g) => typeof g.waarde !== 'number');
  withValue.sort((a, b) => sign * ((a.waarde as number) - (b.waarde as number)) || (a.naam ?? '').localeCompare(b.naam ?? '', 'nl'));
  without.sort((a, b) => (a.naam ?? '').localeCompare(b.naam ?? '', 'nl'));
  const rows: RankRow[] = [];
  withValue.forEach((g, i) => {
    const prev = rows[i - 1];
    rows.push({ ...g, rang: prev && prev.waarde === g.waarde ? prev.rang : i + 1 });
  });
  return [...rows, ...without.map((g) => ({ ...g, rang: null }))];
}

// ---- colour classes of the map ----

/** A sequential blue scale (ColorBrewer Blues), light = low, dark = high. */
export const MAP_COLOURS = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
export const NO_DATA_COLOUR = '#d9d9d9';

/** Equal-interval class limits over the values: n+1 limits from the minimum to the maximum
 * (one class when all values are equal, none without values). */
export function classBreaks(values: (number | null | undefined)[], n = MAP_COLOURS.length): number[] {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  if (v.length === 0) return [];
  const min = Math.min(...v);
  const max = Math.max(...v);
  if (min === max) return [min, max];
  return Array.from({ length: n + 1 }, (_, i) => (i === n ? max : min + ((max - min) * i) / n));
}

/** The class of a value (0 .. breaks.length - 2), or -1 without a value. */
export function classOf(v: number | null | undefined, breaks: number[]): number {
  if (typeof v !== 'number' || breaks.length < 2) return -1;
  for (let i = 1; i < breaks.length - 1; i++) if (v < breaks[i]) return i - 1;
  return breaks.length - 2;
}

/** The colour of a class; with one class (all values equal) the middle of the scale. */
export function classColour(cls: number, classes: number): string {
  if (cls < 0) return NO_DATA_COLOUR;
  if (classes <= 1) return MAP_COLOURS[Math.floor(MAP_COLOURS.length / 2)];
  return MAP_COLOURS[Math.min(cls, MAP_COLOURS.length - 1)];
}

// ---- signals ----

/** How serious a signal is: red before orange, both kinds before one, a norm breach before a
 * deterioration alone. Higher is more serious. */
export function signalWeight(s: Signaal): number {
  const status = s.normStatus === 'rood' ? 10 : s.normStatus === 'oranje' ? 5 : 0;
  const kinds = s.soorten ?? [];
  return status + (kinds.includes('verslechtering') ? 1 : 0) + (kinds.length > 1 ? 1 : 0);
}

/** Signals most serious first, then by indicator and municipality name. */
export function sortSignals(list: Signaal[]): Signaal[] {
  return [...list].sort(
    (a, b) =>
      signalWeight(b) - signalWeight(a) ||
      (a.indicator?.naam ?? '').localeCompare(b.indicator?.naam ?? '', 'nl') ||
      (a.gemeente?.naam ?? '').localeCompare(b.gemeente?.naam ?? '', 'nl'),
  );
}

/** Signals grouped per indicator (in the order of the first, most serious, signal). */
export function groupByIndicator(list: Signaal[]): { code: string; naam: string; eenheid: string; signalen: Signaal[] }[] {
  const groups = new Map<string, { code: string; naam: string; eenheid: string; signalen: Signaal[] }>();
  for (const s of sortSignals(list)) {
    const code = s.indicator?.code ?? '';
    if (!groups.has(code)) groups.set(code, { code, naam: s.indicator?.naam ?? code, eenheid: s.indicator?.eenheid ?? '', signalen: [] });
    groups.get(code)!.signalen.push(s);
  }
  return [...groups.values()];
}

// ---- rights ----

/** Whether the user is offered the CSV upload: the push requires `monitoring:ingest`, which
 * editors and administrators carry; a `lezer` never. The service decides in the end: its 403 is
 * explained. */
export function canUpload(user: MijGebruiker | null): boolean {
  if (!user || user.rol === 'lezer') return false;
  return (user.scopes ?? []).includes('monitoring:ingest');
}

// ---- the CSV file, checked before it is sent ----

export const REQUIRED_COLUMNS = ['indicator', 'gebied', 'periode', 'waarde'] as const;
export const OPTIONAL_COLUMNS = ['teller', 'noemer', 'status'] as const;

export interface CsvInspection {
  /** `;` or `,`, whichever the header line uses (the service detects it the same way). */
  separator: ';' | ',';
  columns: string[];
  missing: string[];
  unknown: string[];
  /** Data rows (non-empty lines after the header). */
  rows: number;
  /** Every line of the file (index 0 = line 1, the header), to show a rejected line. */
  lines: string[];
}

/** Reads the header of a CSV push: the separator (auto), the columns, what is missing or
 * unknown, and the number of data rows. */
export function inspectCsv(text: string): CsvInspection {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const header = lines[0] ?? '';
  // The service's rule (csv.c): more commas than semicolons outside quotes means a comma.
  const unquoted = header.replace(/"[^"]*"/g, '');
  const separator: ';' | ',' = (unquoted.match(/,/g)?.length ?? 0) > (unquoted.match(/;/g)?.length ?? 0) ? ',' : ';';
  const columns = header
    .split(separator)
    .map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase())
    .filter((c) => c !== '');
  const known: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
  return {
    separator,
    columns,
    missing: REQUIRED_COLUMNS.filter((c) => !columns.includes(c)),
    unknown: columns.filter((c) => !known.includes(c)),
    rows: lines.slice(1).filter((l) => l.trim() !== '').length,
    lines,
  };
}

/** A fresh key for one upload (the Idempotency-Key of the real import), so that sending the
 * same import twice (a double click, a retry after a lost answer) processes it once. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// ---- the catalogue ----

export interface CatalogueFilter {
  q?: string;
  bron?: string;
  actielijn?: number;
  principe?: number;
}

/** Indicators matching the search text (name, code, description) and the chosen source, action
 * line and principle, sorted by name. */
export function filterIndicators<T extends { code: string; naam: string; beschrijving?: string; bron: string; actielijnen: number[]; principes: number[] }>(list: T[], f: CatalogueFilter): T[] {
  const q = (f.q ?? '').trim().toLowerCase();
  return list
    .filter((i) => !q || `${i.naam}\n${i.code}\n${i.beschrijving ?? ''}`.toLowerCase().includes(q))
    .filter((i) => !f.bron || i.bron === f.bron)
    .filter((i) => !f.actielijn || i.actielijnen.includes(f.actielijn))
    .filter((i) => !f.principe || i.principes.includes(f.principe))
    .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
}
