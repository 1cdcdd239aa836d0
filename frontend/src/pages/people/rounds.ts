// Constituency rounds (achterbanraadplegingen): counts and the state of a round.
import type { Achterbanraadpleging } from '../../api/types/people';

export interface RoundSummary {
  leden: number;
  gereageerd: number;
  opTijd: number;
  teLaat: number;
  /** Before the mailing, open for input, or past the deadline. */
  fase: 'voorbereiding' | 'open' | 'gesloten';
}

/** The badge tone of each state of a round. */
export const PHASE_TONE: Record<RoundSummary['fase'], 'neutral' | 'active' | 'safe'> = { voorbereiding: 'neutral', open: 'active', gesloten: 'safe' };

export function summarise(r: Achterbanraadpleging, today: string): RoundSummary {
  const opTijd = r.gereageerd.filter((g) => g.opTijd).length;
  return {
    leden: r.gereageerd.length + r.nietGereageerd.length,
    gereageerd: r.gereageerd.length,
    opTijd,
    teLaat: r.gereageerd.length - opTijd,
    fase: today < r.verzenddatum ? 'voorbereiding' : today <= r.inbrengUiterlijk ? 'open' : 'gesloten',
  };
}

/** The rounds a person is asked for, with whether and when they responded. */
export function roundsOfPerson(rounds: Achterbanraadpleging[], persoonId: string) {
  const out: { round: Achterbanraadpleging; ontvangenOp: string | null; opTijd: boolean | null }[] = [];
  for (const r of rounds) {
    const done = r.gereageerd.find((g) => g.persoonId === persoonId);
    if (done) out.push({ round: r, ontvangenOp: done.ontvangenOp, opTijd: done.opTijd });
    else if (r.nietGereageerd.some((g) => g.persoonId === persoonId)) out.push({ round: r, ontvangenOp: null, opTijd: null });
  }
  return out.sort((a, b) => b.round.sessiedatum.localeCompare(a.round.sessiedatum));
}

/** Newest session first. */
export function sortRounds(rounds: Achterbanraadpleging[]): Achterbanraadpleging[] {
  return [...rounds].sort((a, b) => b.sessiedatum.localeCompare(a.sessiedatum) || a.gremiumNaam.localeCompare(b.gremiumNaam, 'nl'));
}
