// Milestones of a project: the checks, and the bodies for creating (MijlpaalNieuw) and changing
// (MijlpaalWijziging, only what changed, with If-Match).
import type { Mijlpaal, MijlpaalNieuw, MijlpaalWijziging } from '../../api/types/agenda';
import { t } from '../../i18n';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export interface MilestoneValues {
  titel: string;
  streefdatum: string;
  beschrijving: string;
  besluit: boolean;
  gereedOp: string;
}

export function blankMilestone(): MilestoneValues {
  return { titel: '', streefdatum: '', beschrijving: '', besluit: false, gereedOp: '' };
}

export function milestoneValues(m: Mijlpaal): MilestoneValues {
  return { titel: m.titel, streefdatum: m.streefdatum, beschrijving: m.beschrijving ?? '', besluit: !!m.bestuurlijkBesluitGevraagd, gereedOp: m.gereedOp ?? '' };
}

export function validateMilestone(v: MilestoneValues): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.titel.trim()) e.titel = t('form.required');
  else if (v.titel.trim().length > 300) e.titel = t('agenda.form.tooLong', { max: 300 });
  if (!ISO.test(v.streefdatum)) e.streefdatum = t('form.required');
  if (v.gereedOp && !ISO.test(v.gereedOp)) e.gereedOp = t('agenda.form.date');
  if (v.beschrijving.length > 10000) e.beschrijving = t('agenda.form.tooLong', { max: 10000 });
  return e;
}

export function newMilestoneBody(v: MilestoneValues): MijlpaalNieuw {
  const body: MijlpaalNieuw = { titel: v.titel.trim(), streefdatum: v.streefdatum, bestuurlijkBesluitGevraagd: v.besluit };
  if (v.beschrijving.trim()) body.beschrijving = v.beschrijving.trim();
  if (v.gereedOp) body.gereedOp = v.gereedOp;
  return body;
}

/** Only the fields that differ from `base`; an emptied "done on" date reopens (null). */
export function milestonePatch(base: MilestoneValues, v: MilestoneValues): MijlpaalWijziging {
  const body: MijlpaalWijziging = {};
  if (v.titel.trim() !== base.titel) body.titel = v.titel.trim();
  if (v.streefdatum !== base.streefdatum) body.streefdatum = v.streefdatum;
  if (v.beschrijving !== base.beschrijving) body.beschrijving = v.beschrijving;
  if (v.besluit !== base.besluit) body.bestuurlijkBesluitGevraagd = v.besluit;
  if (v.gereedOp !== base.gereedOp) body.gereedOp = v.gereedOp || null;
  return body;
}

export type MilestoneState = 'done' | 'late' | 'open';

export function milestoneState(m: Pick<Mijlpaal, 'gereedOp' | 'streefdatum'>, today: string): MilestoneState {
  if (m.gereedOp) return 'done';
  return m.streefdatum < today ? 'late' : 'open';
}

/** Open ones first by target date, then the done ones (most recently done first). */
export function sortMilestones<T extends Pick<Mijlpaal, 'gereedOp' | 'streefdatum'>>(list: T[]): T[] {
  return [...list].sort((a, b) => {
    if (!!a.gereedOp !== !!b.gereedOp) return a.gereedOp ? 1 : -1;
    if (a.gereedOp && b.gereedOp) return b.gereedOp.localeCompare(a.gereedOp);
    return a.streefdatum.localeCompare(b.streefdatum);
  });
}
