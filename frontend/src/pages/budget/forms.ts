// The values of the budget-line and contribution forms (all text, as typed), their checks in the
// words the server would use, and the request bodies built from them: a whole object for a new
// one, only what changed for a PATCH.
import type {
  Begrotingsregel,
  BegrotingsregelNieuw,
  BegrotingsregelWijziging,
  Bijdrage,
  BijdrageNieuw,
  BijdrageWijziging,
} from '../../api/types/budget';
import { t } from '../../i18n';
import { centsToInput, parseEuro, type ParsedEuro } from './money';

export type Errors = Record<string, string>;

function euroError(p: ParsedEuro): string | null {
  if (p.ok) return null;
  return t(`budget.amount.${p.error}`);
}

function yearError(v: string): string | null {
  if (!v.trim()) return t('form.required');
  const n = Number(v);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? null : t('budget.form.yearRange');
}

function scopeErrors(v: { scope: string; actielijn: string; projectId: string }, e: Errors) {
  if (v.scope === 'actielijn' && !v.actielijn) e.actielijn = t('budget.form.chooseActionLine');
  if (v.scope === 'project' && !v.projectId) e.projectId = t('budget.form.chooseProject');
}

function scopeFields(v: { scope: string; actielijn: string; projectId: string }) {
  return {
    scope: v.scope as Begrotingsregel['scope'],
    actielijn: v.scope === 'programma' || !v.actielijn ? null : Number(v.actielijn),
    projectId: v.scope === 'project' ? v.projectId : null,
  };
}

// ---- budget lines ----

export interface LineValues {
  scope: string;
  actielijn: string;
  projectId: string;
  jaar: string;
  aard: string;
  categorie: string;
  omschrijving: string;
  bedrag: string;
  status: string;
  toelichting: string;
}

export function blankLine(year: number, projectId?: string): LineValues {
  return {
    scope: projectId ? 'project' : 'programma',
    actielijn: '',
    projectId: projectId ?? '',
    jaar: String(year),
    aard: 'incidenteel',
    categorie: '',
    omschrijving: '',
    bedrag: '',
    status: 'raming',
    toelichting: '',
  };
}

export function lineValues(l: Begrotingsregel): LineValues {
  return {
    scope: l.scope,
    actielijn: l.actielijn ? String(l.actielijn) : '',
    projectId: l.projectId ?? '',
    jaar: String(l.jaar),
    aard: l.aard,
    categorie: l.categorie,
    omschrijving: l.omschrijving,
    bedrag: centsToInput(l.bedrag),
    status: l.status,
    toelichting: '',
  };
}

/** Checks before sending. `adopted`: the line being changed is vastgesteld, so a reason is required. */
export function validateLine(v: LineValues, adopted = false): Errors {
  const e: Errors = {};
  scopeErrors(v, e);
  const y = yearError(v.jaar);
  if (y) e.jaar = y;
  if (!v.aard) e.aard = t('form.required');
  if (!v.categorie.trim()) e.categorie = t('form.required');
  if (!v.omschrijving.trim()) e.omschrijving = t('form.required');
  const b = euroError(parseEuro(v.bedrag));
  if (b) e.bedrag = b;
  if (adopted && !v.toelichting.trim()) e.toelichting = t('budget.line.reasonRequired');
  return e;
}

/** The body of POST /begrotingsregels (after validateLine found nothing). */
export function lineBody(v: LineValues): BegrotingsregelNieuw {
  const p = parseEuro(v.bedrag);
  return {
    ...scopeFields(v),
    jaar: Number(v.jaar),
    aard: v.aard as Begrotingsregel['aard'],
    categorie: v.categorie.trim(),
    omschrijving: v.omschrijving.trim(),
    bedrag: p.ok ? p.cents : 0,
    status: v.status as Begrotingsregel['status'],
  };
}

/** The PATCH body: the fields that differ from `base`, the scope fields together (the API
 * changes scope, action line and project as one), the reason when there is one. Null when
 * nothing changed. */
export function linePatch(base: LineValues, v: LineValues): BegrotingsregelWijziging | null {
  const next = lineBody(v);
  const before = lineBody(base);
  // Partial: the generated type marks `status` required because the API gives it a default.
  const body: Partial<BegrotingsregelWijziging> = {};
  if (next.scope !== before.scope || next.actielijn !== before.actielijn || next.projectId !== before.projectId) {
    Object.assign(body, scopeFields(v));
  }
  for (const k of ['jaar', 'aard', 'categorie', 'omschrijving', 'bedrag', 'status'] as const) {
    if (next[k] !== before[k]) (body as Record<string, unknown>)[k] = next[k];
  }
  if (Object.keys(body).length === 0) return null;
  if (v.toelichting.trim()) body.toelichting = v.toelichting.trim();
  return body as BegrotingsregelWijziging;
}

// ---- contributions ----

export interface ContributionValues {
  gemeente: string;
  organisatie: string;
  scope: string;
  actielijn: string;
  projectId: string;
  jaar: string;
  soort: string;
  bedrag: string;
  uren: string;
  uurtarief: string;
  financieringsbronId: string;
  status: string;
  datum: string;
  toelichting: string;
}

export function blankContribution(year: number, projectId?: string): ContributionValues {
  return {
    gemeente: '',
    organisatie: '',
    scope: projectId ? 'project' : 'programma',
    actielijn: '',
    projectId: projectId ?? '',
    jaar: String(year),
    soort: 'geld',
    bedrag: '',
    uren: '',
    uurtarief: '',
    financieringsbronId: '',
    status: 'toegezegd',
    datum: '',
    toelichting: '',
  };
}

export function contributionValues(b: Bijdrage): ContributionValues {
  return {
    gemeente: b.gemeente ?? '',
    organisatie: b.organisatie ?? '',
    scope: b.scope,
    actielijn: b.actielijn ? String(b.actielijn) : '',
    projectId: b.projectId ?? '',
    jaar: String(b.jaar),
    soort: b.soort,
    bedrag: b.soort === 'geld' ? centsToInput(b.bedrag) : '',
    uren: b.uren === null || b.uren === undefined ? '' : String(b.uren),
    uurtarief: b.uurtarief === null || b.uurtarief === undefined ? '' : centsToInput(b.uurtarief),
    financieringsbronId: b.financieringsbronId ?? '',
    status: b.status,
    datum: b.datum ?? '',
    toelichting: b.toelichting ?? '',
  };
}

export function validateContribution(v: ContributionValues): Errors {
  const e: Errors = {};
  if (!v.gemeente && !v.organisatie.trim()) e.organisatie = t('budget.contribution.whoRequired');
  scopeErrors(v, e);
  const y = yearError(v.jaar);
  if (y) e.jaar = y;
  if (v.soort === 'geld') {
    const b = euroError(parseEuro(v.bedrag));
    if (b) e.bedrag = b;
  } else {
    if (!/^\d+$/.test(v.uren.trim())) e.uren = v.uren.trim() ? t('budget.contribution.wholeHours') : t('form.required');
    if (v.uurtarief.trim()) {
      const r = euroError(parseEuro(v.uurtarief));
      if (r) e.uurtarief = r;
    }
  }
  if (!v.status) e.status = t('form.required');
  return e;
}

export function contributionBody(v: ContributionValues): BijdrageNieuw {
  const geld = v.soort === 'geld';
  const amount = parseEuro(v.bedrag);
  const rate = parseEuro(v.uurtarief);
  return {
    gemeente: v.gemeente || null,
    organisatie: v.organisatie.trim() || null,
    ...scopeFields(v),
    jaar: Number(v.jaar),
    soort: v.soort as Bijdrage['soort'],
    bedrag: geld && amount.ok ? amount.cents : null,
    uren: geld ? null : Number(v.uren.trim()),
    uurtarief: geld || !rate.ok ? null : rate.cents,
    financieringsbronId: v.financieringsbronId || null,
    status: v.status as Bijdrage['status'],
    datum: v.datum || null,
    toelichting: v.toelichting.trim() || null,
  };
}

/** The PATCH body of a contribution, or null when nothing changed. Kind, amount, hours and rate
 * go together (the API changes them as one), like scope, action line and project. */
export function contributionPatch(base: ContributionValues, v: ContributionValues): BijdrageWijziging | null {
  const next = contributionBody(v);
  const before = contributionBody(base);
  const body: Partial<BijdrageWijziging> = {};
  if (next.scope !== before.scope || next.actielijn !== before.actielijn || next.projectId !== before.projectId) Object.assign(body, scopeFields(v));
  if (next.soort !== before.soort || next.bedrag !== before.bedrag || next.uren !== before.uren || next.uurtarief !== before.uurtarief) {
    Object.assign(body, { soort: next.soort, bedrag: next.bedrag, uren: next.uren, uurtarief: next.uurtarief });
  }
  for (const k of ['gemeente', 'organisatie', 'jaar', 'financieringsbronId', 'status', 'datum', 'toelichting'] as const) {
    if (next[k] !== before[k]) (body as Record<string, unknown>)[k] = next[k];
  }
  return Object.keys(body).length ? (body as BijdrageWijziging) : null;
}

/** The fields in which two sets of form values differ (for showing what someone else changed). */
export function changedFields<T extends object>(a: T, b: T): (keyof T)[] {
  return (Object.keys(a) as (keyof T)[]).filter((k) => a[k] !== b[k]);
}

/** After someone else saved first: their version, with my own changes (from `base`) on top. */
export function mergeValues<T extends object>(base: T, mine: T, theirs: T): T {
  const out = { ...theirs };
  for (const k of changedFields(base, mine)) out[k] = mine[k];
  return out;
}
