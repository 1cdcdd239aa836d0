import { describe, expect, it } from 'vitest';
import { t, tk } from '.';
import { nl } from './nl';

describe('the translation table', () => {
  it('has a text for every key', () => {
    for (const [key, text] of Object.entries(nl)) {
      expect(text.trim(), key).not.toBe('');
    }
  });
  it('fills in placeholders', () => {
    expect(t('line.title', { nummer: 2, titel: 'Onderwijs en zorg' })).toBe('Actielijn 2: Onderwijs en zorg');
    expect(t('dashboard.projects', { aantal: 0 })).toBe('0 projecten');
  });
  it('leaves a missing placeholder visible rather than writing "undefined"', () => {
    expect(t('line.title', { nummer: 2 })).toBe('Actielijn 2: {titel}');
  });
  it('translates enum values and shows unknown ones as they are', () => {
    expect(tk('phase', 'oplevering')).toBe('Oplevering');
    expect(tk('rag', 'op_koers')).toBe('Op koers');
    expect(tk('phase', 'iets-nieuws')).toBe('iets-nieuws');
    expect(tk('phase', null)).toBe('');
  });
  it('covers every phase, status, kind and RAG value of the portfolio API', () => {
    for (const v of ['onderzoek', 'analyse', 'plan', 'project', 'oplevering']) expect(`phase.${v}` in nl).toBe(true);
    for (const v of ['voorgesteld', 'actief', 'gepauzeerd', 'afgerond', 'gestopt']) expect(`status.${v}` in nl).toBe(true);
    for (const v of ['nieuw', 'doorgaan', 'besloten', 'lopend']) expect(`kind.${v}` in nl).toBe(true);
    for (const v of ['op_koers', 'risico', 'achter']) expect(`rag.${v}` in nl).toBe(true);
  });
});

describe('the area tables', () => {
  it('use their own key prefix, so no area overrides another text', async () => {
    const areas = {
      admin: (await import('./nl/admin')).admin,
      agenda: (await import('./nl/agenda')).agenda,
      budget: (await import('./nl/budget')).budget,
      monitoring: (await import('./nl/monitoring')).monitoring,
      people: (await import('./nl/people')).people,
    };
    for (const [area, table] of Object.entries(areas)) {
      for (const key of Object.keys(table)) expect(key.startsWith(`${area}.`), key).toBe(true);
    }
  });
});

describe('the language switch', () => {
  it('shows English texts and notation after setLanguage("en"), Dutch again after "nl"', async () => {
    const { setLanguage, currentLanguage } = await import('.');
    const { formatMoney, formatDate } = await import('../lib/format');
    await setLanguage('en', false);
    expect(currentLanguage()).toBe('en');
    expect(t('app.otherLanguage')).toBe('Nederlands');
    expect(document.documentElement.lang).toBe('en');
    expect(formatMoney(1234.5)).toBe('€1,234.50');
    expect(formatDate('2025-03-12')).toBe('12 Mar 2025');
    await setLanguage('nl', false);
    expect(t('app.otherLanguage')).toBe('English');
    expect(formatMoney(1234.5)).toBe('€\u00a01.234,50');
    expect(formatDate('2025-03-12')).toBe('12 mrt 2025');
  });
  it('remembers the choice in this browser', async () => {
    const { setLanguage, rememberedLanguage } = await import('.');
    await setLanguage('en');
    expect(rememberedLanguage()).toBe('en');
    await setLanguage('nl');
    expect(rememberedLanguage()).toBe('nl');
  });
});
