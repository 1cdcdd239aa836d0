// Dutch notation for dates, numbers and money, through Intl (nl-NL, Europe/Amsterdam); en-GB when
// the interface is in English.

const TZ = 'Europe/Amsterdam';

function formatters(locale: string) {
  return {
    date: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: TZ }),
    dateTime: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TZ }),
    money: new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }),
    number: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
  };
}

let fmt = formatters('nl-NL');

/** The notation of the interface language (i18n's setLanguage calls this): nl-NL or en-GB. */
export function setFormatLocale(locale: 'nl-NL' | 'en-GB') {
  fmt = formatters(locale);
}

/** A calendar date "2025-03-12" (or a timestamp) as "12 mrt 2025"; empty input gives "". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  // Some ICU versions write "mrt." — the house style is without the dot.
  return fmt.date.format(d).replace(/\./g, '');
}

/** A timestamp as "12 mrt 2025, 14:05". */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return fmt.dateTime.format(d).replace(/\./g, '');
}

/** An amount in euros as "€ 1.234,56". */
export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return fmt.money.format(value);
}

/** A number as "1.234,5". */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return fmt.number.format(value);
}

/** Today's date in Amsterdam as "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** "YYYY-MM-DD" plus n days. */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
