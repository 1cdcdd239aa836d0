import { describe, expect, it } from 'vitest';
import type { Achterbanraadpleging } from '../../api/types/people';
import { personBody, personValues, validatePerson } from './persons';
import { roundBody, validateRound } from './RoundForm';
import { roundsOfPerson, sortRounds, summarise } from './rounds';

function round(id: string, sessiedatum: string, done: { persoonId: string; opTijd: boolean }[], open: string[]): Achterbanraadpleging {
  return {
    id,
    gremiumId: 'g',
    gremiumNaam: 'Werkgroep',
    sessiedatum,
    verzenddatum: '2025-03-08',
    inbrengUiterlijk: '2025-03-15',
    onderwerp: null,
    gereageerd: done.map((d) => ({ ...d, naam: d.persoonId, achterban: null, tekst: 'x', ontvangenOp: '2025-03-10' })),
    nietGereageerd: open.map((p) => ({ persoonId: p, naam: p, achterban: null })),
  };
}

describe('constituency rounds', () => {
  const r = round('r1', '2025-03-01', [{ persoonId: 'a', opTijd: true }, { persoonId: 'b', opTijd: false }], ['c']);

  it('count members, responses on time and late', () => {
    expect(summarise(r, '2025-03-10')).toEqual({ leden: 3, gereageerd: 2, opTijd: 1, teLaat: 1, fase: 'open' });
  });
  it('know whether a round is not yet mailed, open or closed (the deadline day is still open)', () => {
    expect(summarise(r, '2025-03-07').fase).toBe('voorbereiding');
    expect(summarise(r, '2025-03-08').fase).toBe('open');
    expect(summarise(r, '2025-03-15').fase).toBe('open');
    expect(summarise(r, '2025-03-16').fase).toBe('gesloten');
  });
  it('find the rounds a person is asked for, newest first', () => {
    const later = round('r2', '2025-04-01', [], ['a']);
    const other = round('r3', '2025-05-01', [], ['z']);
    const mine = roundsOfPerson([r, later, other], 'a');
    expect(mine.map((m) => [m.round.id, m.ontvangenOp, m.opTijd])).toEqual([
      ['r2', null, null],
      ['r1', '2025-03-10', true],
    ]);
    expect(sortRounds([r, later, other]).map((x) => x.id)).toEqual(['r3', 'r2', 'r1']);
  });
  it('check a new round’s dates in order', () => {
    expect(validateRound({ gremiumId: '', sessiedatum: '', verzenddatum: '', inbrengUiterlijk: '', onderwerp: '' })).toEqual({ gremiumId: 'Kies een gremium', sessiedatum: 'Dit veld is verplicht.' });
    expect(Object.keys(validateRound({ gremiumId: 'g', sessiedatum: '2025-03-10', verzenddatum: '2025-03-09', inbrengUiterlijk: '2025-03-08', onderwerp: '' }))).toEqual(['verzenddatum', 'inbrengUiterlijk']);
    expect(validateRound({ gremiumId: 'g', sessiedatum: '2025-03-10', verzenddatum: '', inbrengUiterlijk: '2025-03-10', onderwerp: '' })).toEqual({});
  });
  it('leave the mailing and deadline out when empty, so the server fills in its defaults', () => {
    expect(roundBody({ gremiumId: 'g', sessiedatum: '2025-03-10', verzenddatum: '', inbrengUiterlijk: '', onderwerp: ' ' })).toEqual({ gremiumId: 'g', sessiedatum: '2025-03-10', onderwerp: null });
    expect(roundBody({ gremiumId: 'g', sessiedatum: '2025-03-10', verzenddatum: '2025-03-12', inbrengUiterlijk: '2025-03-20', onderwerp: 'Jeugd-GGZ' })).toEqual({
      gremiumId: 'g',
      sessiedatum: '2025-03-10',
      verzenddatum: '2025-03-12',
      inbrengUiterlijk: '2025-03-20',
      onderwerp: 'Jeugd-GGZ',
    });
  });
});

describe('a person’s form', () => {
  it('requires a name and a plausible e-mail address', () => {
    expect(validatePerson(personValues())).toEqual({ naam: 'Dit veld is verplicht.' });
    expect(validatePerson({ ...personValues(), naam: 'Anna', email: 'anna' })).toHaveProperty('email');
    expect(validatePerson({ ...personValues(), naam: 'Anna', email: 'anna@example.org' })).toEqual({});
  });
  it('sends null for what is empty and keeps a preset organisation', () => {
    expect(personBody(personValues(undefined, 'org-1'))).toEqual({ naam: '', organisatieId: 'org-1', functie: null, email: null, telefoon: null });
  });
});
