import { describe, expect, it } from 'vitest';
import { centsToInput, contributionAmount, euro, euroShort, MAX_CENTS, parseEuro, percent } from './money';

const cents = (s: string) => {
  const p = parseEuro(s);
  return p.ok ? p.cents : p.error;
};

describe('parseEuro', () => {
  it('reads Dutch notation: dots group thousands, the comma is the decimal sign', () => {
    expect(cents('1.234,56')).toBe(123456);
    expect(cents('1234,56')).toBe(123456);
    expect(cents('12.500')).toBe(1250000);
    expect(cents('1.000.000')).toBe(100000000);
    expect(cents('0,5')).toBe(50);
    expect(cents(',05')).toBe(5);
    expect(cents('7')).toBe(700);
  });
  it('accepts a euro sign, spaces and a decimal point with one or two digits', () => {
    expect(cents('€ 1.234,56')).toBe(123456);
    expect(cents('€\u00a012 500')).toBe(1250000);
    expect(cents('1234.5')).toBe(123450);
    expect(cents('1234.56')).toBe(123456);
  });
  it('refuses what is not an amount, in words the user understands', () => {
    expect(cents('')).toBe('empty');
    expect(cents('   ')).toBe('empty');
    expect(cents('abc')).toBe('invalid');
    expect(cents('1,2,3')).toBe('invalid');
    expect(cents('12.34.5')).toBe('invalid');
    expect(cents('1.23,45')).toBe('invalid');
    expect(cents('1,234')).toBe('decimals');
    expect(cents('-5')).toBe('negative');
  });
  it('stays exact to the cent up to the API maximum, and refuses more', () => {
    expect(cents('10.000.000.000.000,00')).toBe(MAX_CENTS);
    expect(cents('10.000.000.000.000,01')).toBe('tooLarge');
    expect(cents('99999999999999999')).toBe('tooLarge');
    expect(cents('1.234.567.890.123,45')).toBe(123456789012345);
  });
  it('reads back what centsToInput writes', () => {
    for (const c of [0, 1, 99, 100, 123456, 100000000, 123456789012345]) expect(cents(centsToInput(c))).toBe(c);
    expect(centsToInput(123456)).toBe('1.234,56');
    expect(centsToInput(5)).toBe('0,05');
    expect(centsToInput(null)).toBe('');
  });
});

describe('showing amounts', () => {
  it('writes cents as Dutch euros', () => {
    expect(euro(123456)).toBe('€\u00a01.234,56');
    expect(euro(0)).toBe('€\u00a00,00');
    expect(euro(null)).toBe('');
  });
  it('shortens chart axis amounts', () => {
    expect(euroShort(150_000_000)).toBe('€\u00a01,5\u00a0mln');
    expect(euroShort(1_234_567)).toBe('€\u00a012.346');
  });
  it('gives a share as a percentage, and a dash without a whole', () => {
    expect(percent(1, 3)).toBe('33,3%');
    expect(percent(5, 5)).toBe('100%');
    expect(percent(5, 0)).toBe('—');
  });
  it('writes staff hours with and without a rate', () => {
    expect(contributionAmount({ soort: 'geld', bedrag: 250000, uren: null, uurtarief: null })).toBe('€\u00a02.500,00');
    expect(contributionAmount({ soort: 'menskracht', bedrag: null, uren: 40, uurtarief: 8500 })).toBe('40 uur à €\u00a085,00');
    expect(contributionAmount({ soort: 'menskracht', bedrag: null, uren: 1200, uurtarief: null })).toBe('1.200 uur');
  });
});
