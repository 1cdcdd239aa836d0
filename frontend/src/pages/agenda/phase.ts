// Phase changes of a project (POST /projecten/{id}/fasewijzigingen): which steps are offered, the
// open preconditions the API asks to accept explicitly, the checks and the request body.
import type { Project } from '../../api/types';
import type { FasewijzigingNieuw } from '../../api/types/agenda';
import { t } from '../../i18n';
import { PHASES, PRECONDITIONS } from '../../lib/phases';

type Fase = (typeof PHASES)[number];
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const NOTE_MAX = 4000;

/** The next and the previous step of the agenda's process (null at either end). */
export function phaseTargets(fase: string): { next: Fase | null; previous: Fase | null } {
  const i = PHASES.indexOf(fase as Fase);
  if (i < 0) return { next: null, previous: null };
  return { next: PHASES[i + 1] ?? null, previous: i > 0 ? PHASES[i - 1] : null };
}

/** Into `project` (the pilot) or `oplevering` the API wants every precondition settled, or the
 * open ones accepted explicitly (recorded in the event). */
export function needsAcceptance(target: string): boolean {
  return target === 'project' || target === 'oplevering';
}

/** The preconditions that are not `geregeld`, in the agenda's order. */
export function openPreconditions(p: Pick<Project, 'randvoorwaarden'>): string[] {
  return PRECONDITIONS.filter((k) => (p.randvoorwaarden?.[k]?.status ?? 'open') !== 'geregeld');
}

/** Precondition keys (as the API records them, in any order) in the agenda's order. */
export function inAgendaOrder(keys: string[] | null | undefined): string[] {
  const at = (k: string) => {
    const i = (PRECONDITIONS as readonly string[]).indexOf(k);
    return i < 0 ? PRECONDITIONS.length : i;
  };
  return [...(keys ?? [])].sort((a, b) => at(a) - at(b));
}

export interface PhaseValues {
  naar: string;
  datum: string;
  toelichting: string;
  accepteren: boolean;
}

export function validatePhase(v: PhaseValues): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.naar) e.naar = t('agenda.phase.chooseTarget');
  if (!ISO.test(v.datum)) e.datum = t('form.required');
  if (!v.toelichting.trim()) e.toelichting = t('agenda.phase.reasonRequired');
  else if (v.toelichting.length > NOTE_MAX) e.toelichting = t('agenda.form.tooLong', { max: NOTE_MAX });
  return e;
}

export function phaseBody(v: PhaseValues, open: string[]): FasewijzigingNieuw {
  const body: FasewijzigingNieuw = { fase: v.naar as Fase, datum: v.datum, toelichting: v.toelichting.trim() };
  // Only sent when it matters, so the event records an acceptance only where one was given.
  if (needsAcceptance(v.naar) && open.length > 0 && v.accepteren) body.openRandvoorwaardenAccepteren = true;
  return body;
}
