import { describe, expect, it } from 'vitest';
import { en } from './en';
import { nl, type MessageKey } from './nl';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the English table', () => {
  it('has an English text for every Dutch one', () => {
    const missing = (Object.keys(nl) as MessageKey[]).filter((k) => !en[k]?.trim());
    expect(missing).toEqual([]);
  });
  it('uses the same placeholders as the Dutch text', () => {
    const differing = (Object.keys(nl) as MessageKey[]).filter((k) => en[k] && placeholders(en[k]).join() !== placeholders(nl[k]).join());
    expect(differing).toEqual([]);
  });
  it('has no texts for keys the Dutch table does not know', () => {
    expect(Object.keys(en).filter((k) => !(k in nl))).toEqual([]);
  });
});
