// A person's form: values and request body.
import type { Persoon, PersoonNieuw } from '../../api/types/people';
import { t } from '../../i18n';
import { textOrNull } from './text';

export interface PersonValues {
  naam: string;
  organisatieId: string;
  functie: string;
  email: string;
  telefoon: string;
}

export function personValues(p?: Persoon, organisatieId?: string): PersonValues {
  return {
    naam: p?.naam ?? '',
    organisatieId: p?.organisatieId ?? organisatieId ?? '',
    functie: p?.functie ?? '',
    email: p?.email ?? '',
    telefoon: p?.telefoon ?? '',
  };
}

export function validatePerson(v: PersonValues): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.naam.trim()) e.naam = t('form.required');
  if (v.email.trim() && !/^[^@\s]+@[^@\s]+$/.test(v.email.trim())) e.email = t('people.person.emailFormat');
  return e;
}

export function personBody(v: PersonValues): PersoonNieuw {
  return {
    naam: v.naam.trim(),
    organisatieId: v.organisatieId || null,
    functie: textOrNull(v.functie),
    email: textOrNull(v.email),
    telefoon: textOrNull(v.telefoon),
  };
}
