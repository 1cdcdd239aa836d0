import { describe, expect, it } from 'vitest';
import { addDays, formatDate, formatDateTime, formatMoney, formatNumber, todayIso } from './format';

describe('Dutch formats', () => {
  it('writes dates as "12 mrt 2025"', () => {
    expect(formatDate('2025-03-12')).toBe('12 mrt 2025');
    expect(formatDate('2025-05-01')).toBe('1 mei 2025');
    expect(formatDate('2025-12-31')).toBe('31 dec 2025');
  });
  it('leaves empty dates empty and odd ones as they are', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('geen datum')).toBe('geen datum');
  });
  it('writes timestamps in Amsterdam time', () => {
    expect(formatDateTime('2025-03-12T13:05:00Z')).toBe('12 mrt 2025, 14:05');
    expect(formatDateTime('2025-07-01T08:00:00Z')).toBe('1 jul 2025, 10:00');
  });
  it('writes money as "€ 1.234,56" (a non-breaking space after the sign)', () => {
    expect(formatMoney(1234.56)).toBe('€\u00a01.234,56');
    expect(formatMoney(0)).toBe('€\u00a00,00');
    expect(formatMoney(1000000)).toBe('€\u00a01.000.000,00');
    expect(formatMoney(null)).toBe('');
  });
  it('writes numbers with a decimal comma', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(undefined)).toBe('');
  });
  it('counts days across month ends', () => {
    expect(addDays('2025-02-27', 2)).toBe('2025-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(todayIso(new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01');
  });
});
