// Small text helpers shared by the people screens.

/** Lower case without accents, as the stakeholders service compares names ("Cliënt" ~ "client"). */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** A trimmed text field, or null when it is empty (the APIs use null for "not set"). */
export function textOrNull(s: string): string | null {
  const v = s.trim();
  return v === '' ? null : v;
}

/** The PATCH body: only the keys whose value differs from the original. */
export function changedOnly<T extends object>(next: T, original: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(next[k]) !== JSON.stringify(original[k])) out[k] = next[k];
  }
  return out;
}
