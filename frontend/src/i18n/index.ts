// The interface language: Dutch (the table in ./nl.ts, always loaded) or English (./en.ts, loaded
// when chosen, so the first screen stays small). The choice is remembered in localStorage (it is
// a preference, not a secret). A text missing from the English table shows in Dutch.
import { setFormatLocale } from '../lib/format';
import { nl, type MessageKey } from './nl';

export type { MessageKey };
export type Language = 'nl' | 'en';

const STORAGE_KEY = 'jt-taal';
let language: Language = 'nl';
let table: Partial<Record<MessageKey, string>> = nl;
const listeners = new Set<() => void>();

/** The Dutch text of `key` (or the English one), with {placeholders} filled in. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text: string = table[key] ?? nl[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** For enum values: `tk('phase', 'plan')` → "Plan"; an unknown value is shown as it is. */
export function tk(prefix: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const key = `${prefix}.${value}`;
  return key in nl ? t(key as MessageKey) : value;
}

export function currentLanguage(): Language {
  return language;
}

export function subscribeLanguage(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Switch the interface language; resolves when the texts are loaded. */
export async function setLanguage(next: Language, remember = true): Promise<void> {
  table = next === 'en' ? (await import('./en')).en : nl;
  language = next;
  setFormatLocale(next === 'en' ? 'en-GB' : 'nl-NL');
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage may be off; the choice then lasts until the page is closed.
    }
  }
  for (const fn of listeners) fn();
}

/** The language chosen earlier in this browser, or Dutch. */
export function rememberedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}
