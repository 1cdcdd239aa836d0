import { nl, type MessageKey } from './nl';

export type { MessageKey };

/** The Dutch text of `key`, with {placeholders} filled in. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text: string = nl[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** For enum values: `tk('phase', 'plan')` → "Plan"; an unknown value is shown as it is. */
export function tk(prefix: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const key = `${prefix}.${value}`;
  return key in nl ? nl[key as MessageKey] : value;
}
