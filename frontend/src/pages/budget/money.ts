// Money in the contributions API is integer euro cents. These helpers show cents in Dutch notation
// and read what a user types ("1.234,56", "€ 1234", "1234.5") back into cents, without floating
// point, so that a typed amount arrives at the server to the cent.
import type { Bijdrage } from '../../api/types/budget';
import { t } from '../../i18n';
import { formatMoney, formatNumber } from '../../lib/format';

/** The largest amount the API accepts (10^15 cents). */
export const MAX_CENTS = 1_000_000_000_000_000;

/** Cents as "€ 1.234,56"; null/undefined give "". */
export function euro(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  return formatMoney(cents / 100);
}

const wholeEuros = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 });

/** Cents short, for chart axes: "€ 1,2 mln", "€ 12.345". */
export function euroShort(cents: number): string {
  const e = cents / 100;
  if (Math.abs(e) >= 1_000_000) return `€\u00a0${formatNumber(Math.round(e / 100_000) / 10)}\u00a0mln`;
  return wholeEuros.format(Math.round(e));
}

/** A share as "12,3 %"; null (nothing to divide by) gives "—". */
export function percent(part: number, whole: number): string {
  if (!whole) return '—';
  return `${formatNumber(Math.round((part / whole) * 1000) / 10)}%`;
}

export type ParsedEuro = { ok: true; cents: number } | { ok: false; error: 'empty' | 'invalid' | 'decimals' | 'negative' | 'tooLarge' };

/** What a user typed as an amount in euros, as cents. Dutch notation first: a comma is the
 * decimal sign and dots group thousands; a lone dot followed by one or two digits is read as a
 * decimal point ("1234.5"), since nobody writes thousands that way. */
export function parseEuro(input: string): ParsedEuro {
  let s = input.replace(/[\s\u00a0]/g, '').replace(/^€/, '').replace(/^EUR/i, '');
  if (s === '') return { ok: false, error: 'empty' };
  if (s.startsWith('-')) return { ok: false, error: 'negative' };
  let whole: string;
  let frac = '';
  if (s.includes(',')) {
    const parts = s.split(',');
    if (parts.length !== 2) return { ok: false, error: 'invalid' };
    [whole, frac] = parts;
    if (!/^\d{1,3}(\.\d{3})*$|^\d+$/.test(whole || '0')) return { ok: false, error: 'invalid' };
    whole = whole.replace(/\./g, '');
  } else if (/^\d+\.\d{1,2}$/.test(s)) {
    [whole, frac] = s.split('.');
  } else {
    if (!/^\d{1,3}(\.\d{3})+$|^\d+$/.test(s)) return { ok: false, error: 'invalid' };
    whole = s.replace(/\./g, '');
  }
  s = frac;
  if (!/^\d*$/.test(s)) return { ok: false, error: 'invalid' };
  if (s.length > 2) return { ok: false, error: 'decimals' };
  if (whole === '' && s === '') return { ok: false, error: 'invalid' };
  const digits = `${whole || '0'}${s.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  // Compare as text first: a number beyond 2^53 would lose cents before the check.
  if (digits.length > 16 || (digits.length === 16 && digits > String(MAX_CENTS))) return { ok: false, error: 'tooLarge' };
  return { ok: true, cents: Number(digits) };
}

/** Cents as the text of an amount field: "1.234,56" (what parseEuro reads back). */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const s = String(Math.trunc(cents)).padStart(3, '0');
  const whole = s.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${whole},${s.slice(-2)}`;
}

/** A contribution's amount: "€ 1.000,00", or "40 uur à € 85,00" for staff hours. */
export function contributionAmount(b: Pick<Bijdrage, 'soort' | 'bedrag' | 'uren' | 'uurtarief'>): string {
  if (b.soort === 'geld') return euro(b.bedrag);
  const hours = t('budget.contribution.hoursValue', { uren: formatNumber(b.uren ?? 0) });
  return b.uurtarief ? t('budget.contribution.hoursAtRate', { uren: hours, tarief: euro(b.uurtarief) }) : hours;
}
