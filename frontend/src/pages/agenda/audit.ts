// The audit trail of a project in words: which fields an entry changed, from what to what.
import type { AuditRegel } from '../../api/types/agenda';
import { t, tk } from '../../i18n';
import { formatDate } from '../../lib/format';
import { PRECONDITIONS } from '../../lib/phases';

/** Bookkeeping, not content: never shown as a change. */
const IGNORED = new Set(['id', 'versie', 'gewijzigd', 'aangemaakt', 'laatsteRag', 'fasewijziging', 'bron', 'nummerInBron', 'projectId', 'kernprobleemId']);
const DATES = new Set(['startdatum', 'einddatum', 'streefdatum', 'gereedOp', 'periodeVan', 'periodeTot']);
const ENUMS: Record<string, string> = { status: 'status', fase: 'phase', schaal: 'scale', soort: 'kind', ragStatus: 'rag' };
const MAX = 140;

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

export function fieldLabel(field: string): string {
  if (field.startsWith('randvoorwaarden.')) return `${t('project.preconditions')}: ${tk('precondition', field.slice(16))}`;
  // A field without a text of its own is shown by its API name.
  return tk('agenda.field', field);
}

/** A stored value as the user reads it. */
export function showValue(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return t('project.notSet');
  if (DATES.has(field) && typeof v === 'string') return formatDate(v);
  if (field in ENUMS && typeof v === 'string') return tk(ENUMS[field], v);
  if (field.startsWith('randvoorwaarden.') && typeof v === 'object') {
    const r = v as { status?: string; toelichting?: string };
    return `${tk('preconditionState', r.status ?? 'open')}${r.toelichting ? ` — ${r.toelichting}` : ''}`;
  }
  if (typeof v === 'boolean') return v ? t('agenda.yes') : t('agenda.no');
  if (Array.isArray(v)) {
    if (v.length === 0) return t('project.notSet');
    return v.map((x) => (typeof x === 'object' && x && 'naam' in x ? String((x as { naam: string }).naam) : String(x))).join(', ');
  }
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** What an entry changed: the fields that differ between `voor` and `na` (each precondition
 * apart). Empty for a creation or a deletion, which are told by their action. */
export function auditChanges(voor: Record<string, unknown> | null | undefined, na: Record<string, unknown> | null | undefined): FieldChange[] {
  if (!voor || !na) return [];
  const out: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(voor), ...Object.keys(na)])].filter((k) => !IGNORED.has(k));
  for (const k of keys) {
    if (k === 'randvoorwaarden') {
      const a = (voor[k] ?? {}) as Record<string, unknown>;
      const b = (na[k] ?? {}) as Record<string, unknown>;
      for (const r of PRECONDITIONS) {
        if (!same(a[r], b[r])) out.push({ field: `randvoorwaarden.${r}`, label: fieldLabel(`randvoorwaarden.${r}`), before: showValue(`randvoorwaarden.${r}`, a[r]), after: showValue(`randvoorwaarden.${r}`, b[r]) });
      }
      continue;
    }
    if (same(voor[k], na[k])) continue;
    out.push({ field: k, label: fieldLabel(k), before: showValue(k, voor[k]), after: showValue(k, na[k]) });
  }
  return out;
}

/** The phase-change reason stored with a `fase_gewijzigd` entry. */
export function phaseReason(a: AuditRegel): string | null {
  const f = (a.na as { fasewijziging?: { toelichting?: string } } | null)?.fasewijziging;
  return f?.toelichting || null;
}

/** A readable name for the object of an entry (its title where it has one). */
export function objectTitle(a: AuditRegel): string {
  const s = (a.na ?? a.voor) as { titel?: string; periodeVan?: string; periodeTot?: string } | null;
  if (s?.titel) return s.titel;
  if (s?.periodeVan && s.periodeTot) return t('project.reportPeriod', { van: formatDate(s.periodeVan), tot: formatDate(s.periodeTot) });
  return '';
}
