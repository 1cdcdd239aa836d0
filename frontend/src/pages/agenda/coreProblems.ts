// Submitting and triaging core problems and ideas: the checks and the request bodies, in the
// same terms as the API (KernprobleemNieuw, Triage), apart from the screen so they can be tested.
import type { KernprobleemNieuw, Triage } from '../../api/types/agenda';
import { t } from '../../i18n';

export const PROBLEM_STATES = ['ingediend', 'actielijn', 'project', 'nieuw_project', 'hiaat'] as const;
export const OUTCOMES = ['actielijn', 'project', 'nieuw_project', 'hiaat'] as const;
export const KINDS = ['kernprobleem', 'idee'] as const;
export const NEW_PROJECT_KINDS = ['nieuw', 'doorgaan', 'besloten', 'lopend'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const TITLE_MAX = 300;
const TEXT_MAX = 10000;
const NOTE_MAX = 4000;
const PROJECT_TITLE_MAX = 500;

export interface ProblemValues {
  soort: (typeof KINDS)[number];
  titel: string;
  beschrijving: string;
}

export function blankProblem(): ProblemValues {
  return { soort: 'kernprobleem', titel: '', beschrijving: '' };
}

export function validateProblem(v: ProblemValues): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.titel.trim()) e.titel = t('form.required');
  else if (v.titel.trim().length > TITLE_MAX) e.titel = t('agenda.form.tooLong', { max: TITLE_MAX });
  if (v.beschrijving.length > TEXT_MAX) e.beschrijving = t('agenda.form.tooLong', { max: TEXT_MAX });
  return e;
}

export function problemBody(v: ProblemValues): KernprobleemNieuw {
  const body: KernprobleemNieuw = { titel: v.titel.trim(), soort: v.soort };
  if (v.beschrijving.trim()) body.beschrijving = v.beschrijving.trim();
  return body;
}

export interface TriageValues {
  uitkomst: Outcome | '';
  actielijn: string;
  projectId: string;
  /** For a new project: its title, kind and description (prefilled from the problem). */
  nieuwTitel: string;
  nieuwSoort: string;
  nieuwBeschrijving: string;
  toelichting: string;
}

export function blankTriage(problem: { titel: string; beschrijving?: string; actielijn?: number | null }): TriageValues {
  return {
    uitkomst: '',
    actielijn: problem.actielijn ? String(problem.actielijn) : '',
    projectId: '',
    nieuwTitel: problem.titel,
    nieuwSoort: 'nieuw',
    nieuwBeschrijving: problem.beschrijving ?? '',
    toelichting: '',
  };
}

/** What the API requires per outcome: an action line, an existing project, or a new project
 * (line, title, kind). The keys are the field names of the form. */
export function validateTriage(v: TriageValues): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.uitkomst) e.uitkomst = t('agenda.triage.chooseOutcome');
  if ((v.uitkomst === 'actielijn' || v.uitkomst === 'nieuw_project') && !v.actielijn) e.actielijn = t('agenda.triage.chooseLine');
  if (v.uitkomst === 'project' && !v.projectId) e.projectId = t('agenda.triage.chooseProject');
  if (v.uitkomst === 'nieuw_project') {
    if (!v.nieuwTitel.trim()) e.nieuwTitel = t('form.required');
    else if (v.nieuwTitel.trim().length > PROJECT_TITLE_MAX) e.nieuwTitel = t('agenda.form.tooLong', { max: PROJECT_TITLE_MAX });
  }
  if (v.toelichting.length > NOTE_MAX) e.toelichting = t('agenda.form.tooLong', { max: NOTE_MAX });
  return e;
}

export function triageBody(v: TriageValues): Triage {
  const body: Triage = { uitkomst: v.uitkomst as Outcome };
  if (v.uitkomst === 'actielijn') body.actielijn = Number(v.actielijn);
  if (v.uitkomst === 'project') body.projectId = v.projectId;
  if (v.uitkomst === 'nieuw_project') {
    body.project = { actielijn: Number(v.actielijn), titel: v.nieuwTitel.trim(), soort: v.nieuwSoort as 'nieuw' };
    if (v.nieuwBeschrijving.trim()) body.project.beschrijving = v.nieuwBeschrijving.trim();
  }
  if (v.toelichting.trim()) body.toelichting = v.toelichting.trim();
  return body;
}

/** The server names fields of the request body (`actielijn`, `projectId`, `project`, and
 * `project.titel` etc. for a new project); this maps them onto the form's fields. */
export function triageFieldOf(name: string, uitkomst: string): string {
  if (name === 'project') return 'nieuwTitel';
  if (name === 'actielijn' || name === 'projectId' || name === 'toelichting' || name === 'uitkomst') return name;
  return uitkomst === 'nieuw_project' ? 'nieuwTitel' : 'uitkomst';
}
