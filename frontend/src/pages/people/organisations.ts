// Organisations: the types, filtering for the list, and the form's values and request body.
import type { Organisatie, OrganisatieNieuw } from '../../api/types/people';
import { t } from '../../i18n';
import { fold, textOrNull } from './text';

export const ORG_TYPES = [
  'gemeente',
  'zorgaanbieder',
  'onderwijs',
  'gecertificeerde_instelling',
  'jgz',
  'clientvertegenwoordiging',
  'kennisinstituut',
  'financier',
  'regionale_organisatie',
  'rijk',
  'ketenpartner',
  'adviesbureau',
  'overig',
] as const satisfies readonly Organisatie['type'][];

/** The organisations of one type (or all) whose name or sector contains the search text, by name. */
export function filterOrganisations(list: Organisatie[], type: string, zoek: string): Organisatie[] {
  const q = fold(zoek.trim());
  return list
    .filter((o) => !type || o.type === type)
    .filter((o) => !q || fold(o.naam).includes(q) || fold(o.sector ?? '').includes(q))
    .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
}

/** How many organisations there are of each type. */
export function countByType(list: Organisatie[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of list) out[o.type] = (out[o.type] ?? 0) + 1;
  return out;
}

export interface OrgValues {
  naam: string;
  type: string;
  sector: string;
  website: string;
  cbsCode: string;
  inwoners: string;
}

export function orgValues(o?: Organisatie): OrgValues {
  return {
    naam: o?.naam ?? '',
    type: o?.type ?? '',
    sector: o?.sector ?? '',
    website: o?.website ?? '',
    cbsCode: o?.cbsCode ?? '',
    inwoners: o?.inwoners === null || o?.inwoners === undefined ? '' : String(o.inwoners),
  };
}

/** "12.345" or "12345" as a number; empty is null; anything else is NaN. */
export function parseCount(s: string): number | null {
  const v = s.trim().replace(/[.\s]/g, '');
  if (v === '') return null;
  return /^\d+$/.test(v) ? Number(v) : Number.NaN;
}

/** What the app checks itself; the CBS-code rules (format, only and always for a municipality,
 * unique) are the server's and come back as its problems. */
export function validateOrg(v: OrgValues): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.naam.trim()) e.naam = t('form.required');
  if (!v.type) e.type = t('people.org.chooseType');
  if (Number.isNaN(parseCount(v.inwoners))) e.inwoners = t('people.org.wholeNumber');
  return e;
}

/** The request body with every field; empty fields are null. */
export function orgBody(v: OrgValues): OrganisatieNieuw {
  return {
    naam: v.naam.trim(),
    type: v.type as OrganisatieNieuw['type'],
    sector: textOrNull(v.sector),
    website: textOrNull(v.website),
    cbsCode: textOrNull(v.cbsCode)?.toUpperCase() ?? null,
    inwoners: parseCount(v.inwoners),
  };
}
