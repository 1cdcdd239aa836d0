import { describe, expect, it } from 'vitest';
import type { MijGebruiker } from '../../api/types';
import type { MomentGemeente, Norm, Reeks, Signaal } from '../../api/types/monitoring';
import {
  alignSeries,
  canUpload,
  classBreaks,
  classColour,
  classOf,
  filterIndicators,
  formatPeriod,
  formatCell,
  formatValue,
  groupByIndicator,
  inspectCsv,
  lineColour,
  MAP_COLOURS,
  newIdempotencyKey,
  NO_DATA_COLOUR,
  normAt,
  normLine,
  normText,
  periodStart,
  rankMunicipalities,
  sortSignals,
  statusLabel,
  trendArrow,
  trendText,
  withUnit,
} from './lib';

const norm = (n: Partial<Norm>): Norm => ({ id: n.id ?? 'n', indicator: 'X', vergelijking: '<=', waarde: 10, geldigVanaf: '2019-01-01', demo: false, gebied: null, ...n });

describe('periods', () => {
  it('writes quarters, months and years in Dutch', () => {
    expect(formatPeriod('2024-Q1')).toBe('1e kwartaal 2024');
    expect(formatPeriod('2024-Q4', 'short')).toBe('K4 2024');
    expect(formatPeriod('2024-03')).toBe('maart 2024');
    expect(formatPeriod('2024-12', 'short')).toBe('dec 2024');
    expect(formatPeriod('2024')).toBe('2024');
    expect(formatPeriod(null)).toBe('');
  });
  it('knows the first day of a period (a date stays a date)', () => {
    expect(periodStart('2024-Q3')).toBe('2024-07-01');
    expect(periodStart('2024-Q1')).toBe('2024-01-01');
    expect(periodStart('2024-11')).toBe('2024-11-01');
    expect(periodStart('2024')).toBe('2024-01-01');
    expect(periodStart('2026-05-17')).toBe('2026-05-17');
  });
});

describe('values', () => {
  it('writes each unit in Dutch notation', () => {
    expect(formatValue(14.55, 'percentage')).toBe('14,55%');
    expect(formatValue(1234.5, 'aantal')).toBe('1.234,5');
    expect(formatValue(12.3, 'per_1000_jeugdigen')).toBe('12,3 per 1.000 jeugdigen');
    expect(formatValue(16, 'weken')).toBe('16 weken');
    expect(formatValue(468, 'euro')).toBe('€\u00a0468,00');
    expect(formatValue(0, 'aantal')).toBe('0');
    expect(formatValue(null, 'aantal')).toBe('');
  });
  it('leaves long units out of table cells and names them in the column head', () => {
    expect(formatCell(2.62, 'per_1000_jeugdigen')).toBe('2,62');
    expect(withUnit('Waarde', 'per_1000_jeugdigen')).toBe('Waarde (per 1.000 jeugdigen)');
    expect(withUnit('Waarde', 'weken')).toBe('Waarde (weken)');
    expect(formatCell(14.5, 'percentage')).toBe('14,5%');
    expect(withUnit('Waarde', 'percentage')).toBe('Waarde');
    expect(normText({ vergelijking: '<=', waarde: 2.5 }, 'per_1000_jeugdigen', true)).toBe('≤ 2,5');
  });
  it('writes a norm with its comparator', () => {
    expect(normText({ vergelijking: '<=', waarde: 14 }, 'percentage')).toBe('≤ 14%');
    expect(normText({ vergelijking: '>', waarde: 75.5 }, 'aantal')).toBe('> 75,5');
    expect(normText(null, 'aantal')).toBe('');
  });
});

describe('norms over time', () => {
  const norms = [
    norm({ id: 'old', waarde: 12, geldigVanaf: '2019-01-01' }),
    norm({ id: 'new', waarde: 10, geldigVanaf: '2024-04-01' }),
    norm({ id: 'enschede', waarde: 15, geldigVanaf: '2020-01-01', gebied: 'GM0153' }),
  ];
  it('takes the latest general norm valid at the start of the period', () => {
    expect(normAt(norms, '2024-Q1')?.id).toBe('old');
    expect(normAt(norms, '2024-Q2')?.id).toBe('new');
    expect(normAt(norms, '2018-Q4')).toBeNull();
  });
  it("prefers an area's own norm to the general one", () => {
    expect(normAt(norms, '2024-Q3', 'GM0153')?.id).toBe('enschede');
    expect(normAt(norms, '2019-Q2', 'GM0153')?.id).toBe('old');
    expect(normAt(norms, '2024-Q3', 'GM0141')?.id).toBe('new');
  });
  it('draws the norm line per period from the general norms only', () => {
    expect(normLine(norms, ['2018-Q4', '2024-Q1', '2024-Q2'])).toEqual([null, 12, 10]);
  });
});

describe('series', () => {
  it('aligns each area to the periods, with gaps as null', () => {
    const reeks = {
      indicator: {} as Reeks['indicator'],
      perioden: ['2024-Q1', '2024-Q2', '2024-Q3'],
      reeksen: [
        { gebied: 'TWENTE', naam: 'Twente', niveau: 'regio', waarden: [{ periode: '2024-Q1', waarde: 5 }, { periode: '2024-Q3', waarde: 7 }] },
        { gebied: 'GM0153', naam: 'Enschede', niveau: 'gemeente', waarden: [{ periode: '2024-Q2', waarde: null }] },
      ],
    } as Reeks;
    const m = alignSeries(reeks);
    expect(m.get('TWENTE')).toEqual([5, null, 7]);
    expect(m.get('GM0153')).toEqual([null, null, null]);
  });
  it('gives every municipality its own stable colour', () => {
    expect(lineColour(0)).not.toBe(lineColour(1));
    expect(lineColour(14)).toBe(lineColour(0));
  });
});

describe('ranking', () => {
  const g = (naam: string, waarde: number | null): MomentGemeente => ({ code: naam, naam, waarde });
  const list = [g('Almelo', 12), g('Borne', null), g('Enschede', 9), g('Hengelo', 12), g('Losser', 15)];
  it('puts the best first when lower is better, equal values sharing a rank, no value last', () => {
    const r = rankMunicipalities(list, 'lager_is_beter');
    expect(r.map((x) => [x.naam, x.rang])).toEqual([
      ['Enschede', 1],
      ['Almelo', 2],
      ['Hengelo', 2],
      ['Losser', 4],
      ['Borne', null],
    ]);
  });
  it('puts the highest first when higher is better or neutral', () => {
    expect(rankMunicipalities(list, 'hoger_is_beter').map((x) => x.naam)).toEqual(['Losser', 'Almelo', 'Hengelo', 'Enschede', 'Borne']);
    expect(rankMunicipalities(list, 'neutraal')[0].naam).toBe('Losser');
  });
});

describe('map colours', () => {
  it('makes five equal classes from the minimum to the maximum', () => {
    const b = classBreaks([10, 20, null, 15, 30]);
    expect(b).toEqual([10, 14, 18, 22, 26, 30]);
    expect(classOf(10, b)).toBe(0);
    expect(classOf(13.99, b)).toBe(0);
    expect(classOf(14, b)).toBe(1);
    expect(classOf(29, b)).toBe(4);
    expect(classOf(30, b)).toBe(4);
    expect(classOf(null, b)).toBe(-1);
  });
  it('copes with one value or none', () => {
    expect(classBreaks([7, 7])).toEqual([7, 7]);
    expect(classOf(7, [7, 7])).toBe(0);
    expect(classBreaks([null, undefined])).toEqual([]);
    expect(classOf(3, [])).toBe(-1);
  });
  it('colours light to dark, grey without data, the middle for a single class', () => {
    expect(classColour(0, 5)).toBe(MAP_COLOURS[0]);
    expect(classColour(4, 5)).toBe(MAP_COLOURS[4]);
    expect(classColour(-1, 5)).toBe(NO_DATA_COLOUR);
    expect(classColour(0, 1)).toBe(MAP_COLOURS[2]);
  });
});

describe('status and trend in words', () => {
  it('never relies on colour alone', () => {
    expect(statusLabel('groen')).toBe('● Haalt de norm');
    expect(statusLabel('oranje')).toBe('▲ Mist de norm net');
    expect(statusLabel('rood')).toBe('■ Mist de norm');
    expect(statusLabel(null)).toBe('○ Geen norm of waarde');
  });
  it('describes a trend with its difference and judgement', () => {
    expect(trendText({ perioden: 4, richting: 'stijgend', verschil: 2.97, oordeel: 'slechter' })).toBe('stijgend (+2,97), slechter');
    expect(trendText({ perioden: 4, richting: 'dalend', verschil: -1.5, oordeel: null })).toBe('dalend (-1,5)');
    expect(trendArrow({ richting: 'dalend' })).toBe('↘');
    expect(trendText(null)).toBe('');
  });
});

describe('signals', () => {
  const s = (ind: string, gem: string, soorten: ('norm' | 'verslechtering')[], normStatus: Signaal['normStatus']): Signaal => ({
    soorten,
    indicator: { code: ind, naam: ind, eenheid: 'aantal' },
    gemeente: { code: gem, naam: gem },
    normStatus,
  });
  const list = [
    s('B', 'Losser', ['verslechtering'], null),
    s('A', 'Almelo', ['norm'], 'oranje'),
    s('B', 'Borne', ['norm'], 'rood'),
    s('A', 'Enschede', ['norm', 'verslechtering'], 'oranje'),
  ];
  it('orders the most serious first: red, then both kinds, then a norm breach, then a deterioration', () => {
    expect(sortSignals(list).map((x) => x.gemeente?.naam)).toEqual(['Borne', 'Enschede', 'Almelo', 'Losser']);
  });
  it('groups per indicator in the order of their most serious signal', () => {
    const groups = groupByIndicator(list);
    expect(groups.map((g) => [g.code, g.signalen.length])).toEqual([
      ['B', 2],
      ['A', 2],
    ]);
    expect(groups[0].signalen.map((x) => x.gemeente?.naam)).toEqual(['Borne', 'Losser']);
  });
});

describe('the catalogue filter', () => {
  const ind = (code: string, naam: string, bron: string, actielijnen: number[], principes: number[], beschrijving = '') => ({ code, naam, bron, actielijnen, principes, beschrijving });
  const list = [ind('WT_JGGZ', 'Wachttijd jeugd-GGZ', 'wachttijden', [4], [7]), ind('OJ_THUISZITTERS', 'Thuiszitters', 'onderwijs-jeugd', [2], [3, 7], 'Leerplichtige jeugdigen'), ind('JB_INSTROOM', 'Instroom', 'jbk', [5], [7])];
  it('searches name, code and description and combines the filters', () => {
    expect(filterIndicators(list, { q: 'wacht' }).map((i) => i.code)).toEqual(['WT_JGGZ']);
    expect(filterIndicators(list, { q: 'leerplicht' }).map((i) => i.code)).toEqual(['OJ_THUISZITTERS']);
    expect(filterIndicators(list, { q: 'jb_' }).map((i) => i.code)).toEqual(['JB_INSTROOM']);
    expect(filterIndicators(list, { principe: 3 }).map((i) => i.code)).toEqual(['OJ_THUISZITTERS']);
    expect(filterIndicators(list, { principe: 7, actielijn: 5 }).map((i) => i.code)).toEqual(['JB_INSTROOM']);
    expect(filterIndicators(list, { bron: 'jbk', actielijn: 4 })).toEqual([]);
  });
  it('sorts by name in Dutch order', () => {
    expect(filterIndicators(list, {}).map((i) => i.naam)).toEqual(['Instroom', 'Thuiszitters', 'Wachttijd jeugd-GGZ']);
  });
});

describe('who may upload', () => {
  const user = (rol: MijGebruiker['rol'], scopes: string[]) => ({ id: 'u', gebruikersnaam: 'u', naam: 'U', rol, scopes }) as MijGebruiker;
  it('offers the upload to editors and administrators with monitoring:ingest, never to a reader', () => {
    expect(canUpload(user('redacteur', ['monitoring:read', 'monitoring:write', 'monitoring:ingest']))).toBe(true);
    expect(canUpload(user('beheerder', ['monitoring:read', 'monitoring:write', 'monitoring:ingest']))).toBe(true);
    expect(canUpload(user('lezer', ['monitoring:read']))).toBe(false);
    expect(canUpload(user('lezer', ['monitoring:read', 'monitoring:ingest']))).toBe(false);
    expect(canUpload(user('redacteur', ['monitoring:read']))).toBe(false);
    expect(canUpload(user('redacteur', ['monitoring:read', 'monitoring:write']))).toBe(false);
    expect(canUpload(null)).toBe(false);
  });
});

describe('the CSV file, before it is sent', () => {
  it('recognises the separator as the service does, with a BOM and Windows line ends', () => {
    const c = inspectCsv('\uFEFFindicator;gebied;periode;waarde;teller;noemer;status\r\nX;GM0153;2024-Q1;1;;;\r\nX;GM0141;2024-Q1;2;;;\r\n\r\n');
    expect(c.separator).toBe(';');
    expect(c.columns).toEqual(['indicator', 'gebied', 'periode', 'waarde', 'teller', 'noemer', 'status']);
    expect(c.missing).toEqual([]);
    expect(c.unknown).toEqual([]);
    expect(c.rows).toBe(2);
    expect(c.lines[2]).toBe('X;GM0141;2024-Q1;2;;;');
  });
  it('takes a comma when the header has more commas, and reads quoted names', () => {
    const c = inspectCsv('"indicator","gebied","periode","waarde"\nX,GM0153,2024,"1.5"\n');
    expect(c.separator).toBe(',');
    expect(c.columns).toEqual(['indicator', 'gebied', 'periode', 'waarde']);
    expect(c.rows).toBe(1);
  });
  it('names missing and unknown columns', () => {
    const c = inspectCsv('Indicator;Gebied;jaar;waarde;opmerking\n');
    expect(c.missing).toEqual(['periode']);
    expect(c.unknown).toEqual(['jaar', 'opmerking']);
    expect(c.rows).toBe(0);
  });
  it('makes a new idempotency key for every upload', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});
