// The steering-group report as data: the period, and what the screen adds to the portfolio's
// report (milestones done in the period from the audit feed, signals and budget per action line).
import type { AuditRegel, Dekking, DekkingBedragen, SgrChange, SgrLine, SgrProject, Signaal } from '../../api/types/agenda';
import { t } from '../../i18n';
import { addDays } from '../../lib/format';

export const DEFAULT_WEEKS = 6;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export interface Period {
  van: string;
  tot: string;
  weken: number;
}

/** The last six weeks up to today: the steering group meets every six weeks. */
export function defaultPeriod(today: string): Period {
  return { van: addDays(today, -7 * DEFAULT_WEEKS), tot: today, weken: DEFAULT_WEEKS };
}

/** The period from the address (?van&tot&weken), the default where a part is missing or odd. */
export function periodFrom(params: URLSearchParams, today: string): Period {
  const d = defaultPeriod(today);
  const van = params.get('van') ?? '';
  const tot = params.get('tot') ?? '';
  const weken = Number(params.get('weken'));
  const ok = ISO.test(van) && ISO.test(tot) && van <= tot;
  return {
    van: ok ? van : d.van,
    tot: ok ? tot : d.tot,
    weken: Number.isInteger(weken) && weken >= 1 && weken <= 52 ? weken : d.weken,
  };
}

export function validatePeriod(v: { van: string; tot: string; weken: string }): Record<string, string> {
  const e: Record<string, string> = {};
  if (!ISO.test(v.van)) e.van = t('form.required');
  if (!ISO.test(v.tot)) e.tot = t('form.required');
  if (!e.van && !e.tot && v.tot < v.van) e.tot = t('form.endBeforeStart');
  const w = Number(v.weken);
  if (!Number.isInteger(w) || w < 1 || w > 52) e.weken = t('agenda.report.weeksRange');
  return e;
}

export type RagCounts = Record<'op_koers' | 'risico' | 'achter' | 'geen', number>;

export function ragCounts(projects: Pick<SgrProject, 'laatsteRag'>[]): RagCounts {
  const c: RagCounts = { op_koers: 0, risico: 0, achter: 0, geen: 0 };
  for (const p of projects) {
    const k = (p.laatsteRag ?? 'geen') as keyof RagCounts;
    c[k in c ? k : 'geen'] += 1;
  }
  return c;
}

export interface DoneMilestone {
  id: string;
  projectId: string;
  titel: string;
  gereedOp: string;
}

/** Milestones done within [van, tot], from the audit feed of milestones over that period: the
 * latest state of each milestone counts (one reopened or deleted later in the period is not
 * done). The portfolio's report lists only open milestones, so this fills that in. */
export function doneMilestones(audit: AuditRegel[], van: string, tot: string): DoneMilestone[] {
  const latest = new Map<string, AuditRegel>();
  for (const a of [...audit].sort((x, y) => y.id - x.id)) if (!latest.has(a.objectId)) latest.set(a.objectId, a);
  const out: DoneMilestone[] = [];
  for (const a of latest.values()) {
    if (a.actie === 'verwijderd' || !a.na) continue;
    const na = a.na as { gereedOp?: string | null; projectId?: string; titel?: string };
    if (!na.gereedOp || na.gereedOp < van || na.gereedOp > tot || !na.projectId) continue;
    out.push({ id: a.objectId, projectId: na.projectId, titel: na.titel ?? '', gereedOp: na.gereedOp });
  }
  return out.sort((a, b) => a.gereedOp.localeCompare(b.gereedOp) || a.titel.localeCompare(b.titel, 'nl'));
}

export interface ChangeGroup {
  projectId: string;
  titel: string;
  /** The kinds of change with how often, in the order they first happened. */
  acties: { actie: string; aantal: number }[];
  laatst: string;
}

/** The audited project changes of a line, one entry per project. Phase changes are left out
 * (they have their own list with from, to and reason). */
export function groupChanges(changes: SgrChange[]): ChangeGroup[] {
  const by = new Map<string, ChangeGroup>();
  for (const c of changes) {
    if (c.actie === 'fase_gewijzigd') continue;
    let g = by.get(c.projectId);
    if (!g) {
      g = { projectId: c.projectId, titel: c.titel, acties: [], laatst: c.tijdstip };
      by.set(c.projectId, g);
    }
    const a = g.acties.find((x) => x.actie === c.actie);
    if (a) a.aantal += 1;
    else g.acties.push({ actie: c.actie, aantal: 1 });
    if (c.tijdstip > g.laatst) g.laatst = c.tijdstip;
  }
  return [...by.values()].sort((a, b) => b.laatst.localeCompare(a.laatst));
}

/** The signals of the monitors that concern action line `nummer`. */
export function signalsFor(signals: Signaal[], nummer: number): Signaal[] {
  return signals
    .filter((s) => (s.actielijnen ?? []).includes(nummer))
    .sort((a, b) => (a.indicator?.naam ?? '').localeCompare(b.indicator?.naam ?? '', 'nl') || (a.gemeente?.naam ?? '').localeCompare(b.gemeente?.naam ?? '', 'nl'));
}

export interface Budget {
  begroot: number;
  toegezegd: number;
  gerealiseerd: number;
  uitgegeven: number;
  tekort: number;
}

const zero = (): Budget => ({ begroot: 0, toegezegd: 0, gerealiseerd: 0, uitgegeven: 0, tekort: 0 });

function add(b: Budget, x: DekkingBedragen) {
  b.begroot += x.begroot?.totaal ?? (x.begroot?.structureel ?? 0) + (x.begroot?.incidenteel ?? 0);
  b.toegezegd += x.toegezegd;
  b.gerealiseerd += x.gerealiseerd;
  b.uitgegeven += x.uitgegeven;
  b.tekort += x.tekort;
}

/** Budget and coverage of one year per action line (in cents): the line's own budget lines plus
 * those of its projects (a project scope names its line, or the line is looked up from the
 * portfolio). Programme-wide money belongs to no line; it is the `programme` part. */
export function budgetPerLine(dekking: Dekking, year: number, lineOfProject: Map<string, number>): { lines: Map<number, Budget>; programme: Budget; total: Budget } | null {
  const y = dekking.jaren.find((j) => j.jaar === year);
  if (!y) return null;
  const lines = new Map<number, Budget>();
  const programme = zero();
  for (const s of y.scopes) {
    const line = s.actielijn ?? (s.projectId ? lineOfProject.get(s.projectId) : undefined);
    if (s.scope === 'programma' || !line) {
      add(programme, s.bedragen);
      continue;
    }
    if (!lines.has(line)) lines.set(line, zero());
    add(lines.get(line)!, s.bedragen);
  }
  const total = zero();
  add(total, y.totaal);
  return { lines, programme, total };
}

/** Which action line each project of the report belongs to. */
export function projectLines(lines: Pick<SgrLine, 'nummer' | 'projecten'>[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) for (const p of l.projecten) m.set(p.id, l.nummer);
  return m;
}

/** Money in cents as euros. */
export function euros(cents: number): number {
  return cents / 100;
}

export interface SignalGroup {
  code: string;
  naam: string;
  eenheid: string;
  /** norm and/or verslechtering, over all its municipalities. */
  soorten: string[];
  gemeenten: { naam: string; periode: string; waarde: number | undefined }[];
}

/** Signals grouped per indicator (the steering group reads "waiting time: Almelo, Hengelo"
 * rather than one row per municipality), municipalities in alphabetical order. */
export function groupSignals(signals: Signaal[]): SignalGroup[] {
  const by = new Map<string, SignalGroup>();
  for (const s of signals) {
    const code = s.indicator?.code ?? '';
    let g = by.get(code);
    if (!g) {
      g = { code, naam: s.indicator?.naam ?? code, eenheid: s.indicator?.eenheid ?? '', soorten: [], gemeenten: [] };
      by.set(code, g);
    }
    for (const k of s.soorten ?? []) if (!g.soorten.includes(k)) g.soorten.push(k);
    g.gemeenten.push({ naam: s.gemeente?.naam ?? s.gemeente?.code ?? '', periode: s.periode ?? '', waarde: s.waarde });
  }
  for (const g of by.values()) {
    g.soorten.sort();
    g.gemeenten.sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  }
  return [...by.values()].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
}
