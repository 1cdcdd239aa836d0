// Core problems and ideas: a form for anyone with a login, the list with a status filter, and for
// editors the triage of what was submitted (to an action line, an existing or new project, or a
// gap in the care landscape), with a note.
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { get, getAll, PORTFOLIO } from '../../api/client';
import type { Actielijn, Actielijnen, MijGebruiker, Project } from '../../api/types';
import type { Kernprobleem } from '../../api/types/agenda';
import { canEditPortfolio, useSession } from '../../auth/useSession';
import { StatusBadge } from '../../components/Badges';
import { Field } from '../../components/Field';
import { useTitle } from '../../components/Layout';
import { Alert, Empty, ErrorState, Loaded, Loading } from '../../components/States';
import { t, tk } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { useActors } from './actors';
import { PROBLEM_STATES } from './coreProblems';
import { ProblemForm, TriageForm } from './ProblemForms';
import '../../styles/agenda.css';

const ALL_LINES = [1, 2, 3, 4, 5];

/** The action lines an editor may triage to: a redacteur limited to some lines only those. */
export function allowedLinesOf(user: MijGebruiker | null): number[] {
  if (!user) return [];
  if (user.rol === 'redacteur' && (user.actielijnen?.length ?? 0) > 0) return user.actielijnen ?? [];
  return ALL_LINES;
}

interface Meta {
  lines: Actielijn[];
  projects: Project[];
}

export default function CoreProblemsPage() {
  useTitle(t('agenda.problems.title'));
  const { user } = useSession();
  const [status, setStatus] = useState('');
  // Kept here, not in the list: the triaged item may leave a filtered list, even empty it.
  const [triaged, setTriaged] = useState<string | null>(null);
  const editor = canEditPortfolio(user);
  const meta = useResource<Meta>(async (signal) => {
    const [al, projects] = await Promise.all([get<Actielijnen>(`${PORTFOLIO}/actielijnen`, signal), getAll<Project>(`${PORTFOLIO}/projecten`, 'projecten', signal, 5000)]);
    return { lines: al.actielijnen, projects };
  }, []);
  const list = useResource<Kernprobleem[]>(
    (signal) => getAll<Kernprobleem>(`${PORTFOLIO}/kernproblemen${status ? `?status=${status}` : ''}`, 'kernproblemen', signal),
    [status],
  );

  const form = (
    <div className="jt-problems__form">
      <ProblemForm onSubmitted={() => list.reload()} />
    </div>
  );
  return (
    <>
      <h1 className="utrecht-heading-1">{t('agenda.problems.title')}</h1>
      <p className="utrecht-paragraph jt-lead">{t('agenda.problems.intro')}</p>
      <div className={`jt-columns jt-problems${editor ? '' : ' jt-problems--reader'}`}>
        {/* Editors come here to triage: the list first. Everyone else mainly to submit. */}
        {!editor && form}
        <section className="jt-section" aria-labelledby="problems-list">
          <h2 id="problems-list" className="utrecht-heading-2" tabIndex={-1}>
            {editor ? t('agenda.problems.triageTitle') : t('agenda.problems.listTitle')}
          </h2>
          {editor && <p className="jt-help">{t('agenda.problems.triageIntro')}</p>}
          <div className="jt-filters" role="search">
            <Field id="problems-status" label={t('agenda.problems.filter')}>
              {(a) => (
                <select {...a} className="utrecht-select utrecht-select--html-select" value={status} onChange={(e) => setStatus(e.target.value)}>
                  <option value="">{t('agenda.problems.allStates')}</option>
                  {PROBLEM_STATES.map((s) => (
                    <option key={s} value={s}>
                      {tk('agenda.problemStatus', s)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {triaged && <Alert type="ok">{t('agenda.triage.saved', { titel: triaged })}</Alert>}
          <Loaded resource={list}>
            {(problems) => (
              <>
                <p className="jt-visually-hidden" role="status">
                  {t('agenda.problems.found', { aantal: problems.length })}
                </p>
                {problems.length === 0 ? (
                  <Empty>{status ? t('agenda.problems.noneWithStatus') : t('agenda.problems.none')}</Empty>
                ) : meta.state === 'loading' ? (
                  <Loading />
                ) : (
                  <ProblemList problems={problems} meta={meta.state === 'ready' ? meta.data : null} metaError={meta.state === 'error' ? meta.error : null} user={user} editor={editor}
                    onTriage={() => setTriaged(null)}
                    onTriaged={(titel) => {
                      setTriaged(titel);
                      list.reload();
                      // The form is gone: continue from the top of the list, where the message is.
                      requestAnimationFrame(() => document.getElementById('problems-list')?.focus());
                    }}
                  />
                )}
              </>
            )}
          </Loaded>
        </section>
        {editor && form}
      </div>
    </>
  );
}

function ProblemList(props: {
  problems: Kernprobleem[];
  meta: Meta | null;
  metaError: unknown;
  user: MijGebruiker | null;
  editor: boolean;
  onTriage: () => void;
  onTriaged: (titel: string) => void;
}) {
  const { problems, meta, metaError, user, editor, onTriage, onTriaged } = props;
  const [triaging, setTriaging] = useState<string | null>(null);
  const actor = useActors(
    problems.flatMap((p) => [p.ingediendDoor, p.getriageerdDoor]),
    user,
  );
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const allowed = allowedLinesOf(user);
  return (
    <>
      {metaError ? <ErrorState error={metaError} /> : null}
      <ul className="jt-list" data-testid="kernproblemen">
        {problems.map((p) => (
          <li key={p.id} className={`jt-list__item jt-problem${p.status === 'ingediend' ? ' jt-problem--open' : ''}`} data-testid="kernprobleem">
            <h3 className="utrecht-heading-3 jt-problem__title">{p.titel}</h3>
            <p className="jt-rank__meta">
              <StatusBadge>{tk('agenda.problemKind', p.soort ?? 'kernprobleem')}</StatusBadge>
              <StatusBadge tone={p.status === 'ingediend' ? 'warning' : p.status === 'hiaat' ? 'danger' : 'safe'}>{tk('agenda.problemStatus', p.status)}</StatusBadge>
            </p>
            <p className="jt-list__meta">{t('agenda.problems.submittedBy', { datum: formatDate(p.ingediend), door: actor(p.ingediendDoor) })}</p>
            {p.beschrijving && <p className="jt-list__text jt-prose">{p.beschrijving}</p>}
            {p.status !== 'ingediend' && <Outcome problem={p} meta={meta} actor={actor} />}
            {editor && p.status === 'ingediend' && meta && (
              triaging === p.id ? (
                <TriageForm
                  problem={p}
                  lines={meta.lines}
                  projects={meta.projects}
                  allowedLines={allowed}
                  onCancel={() => {
                    setTriaging(null);
                    requestAnimationFrame(() => buttons.current.get(p.id)?.focus());
                  }}
                  onDone={(np) => {
                    setTriaging(null);
                    onTriaged(np.titel);
                  }}
                />
              ) : (
                <p>
                  <button
                    type="button"
                    ref={(el) => {
                      if (el) buttons.current.set(p.id, el);
                    }}
                    className="utrecht-button utrecht-button--secondary-action"
                    onClick={() => {
                      onTriage();
                      setTriaging(p.id);
                    }}
                    aria-label={t('agenda.triage.openFor', { titel: p.titel })}
                  >
                    {t('agenda.triage.open')}
                  </button>
                </p>
              )
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function Outcome({ problem: p, meta, actor }: { problem: Kernprobleem; meta: Meta | null; actor: (id: string | null | undefined) => string }) {
  const line = p.actielijn ? meta?.lines.find((l) => l.nummer === p.actielijn) : undefined;
  const project = p.projectId ? meta?.projects.find((x) => x.id === p.projectId) : undefined;
  return (
    <div className="jt-problem__outcome">
      <p className="jt-list__text">
        <strong>{t('agenda.triage.result')}</strong> {tk('agenda.outcome', p.status)}
        {p.actielijn && (
          <>
            {' · '}
            <Link className="utrecht-link" to={`/actielijnen/${p.actielijn}`}>
              {line ? t('line.title', { nummer: p.actielijn, titel: line.titel }) : t('dashboard.actionLine', { nummer: p.actielijn })}
            </Link>
          </>
        )}
        {(p.status === 'project' || p.status === 'nieuw_project') && (
          <>
            {' · '}
            {p.projectId ? (
              <Link className="utrecht-link" to={`/projecten/${p.projectId}`}>
                {project?.titel ?? t('agenda.triage.toProject')}
              </Link>
            ) : (
              <span className="jt-muted">{t('agenda.triage.projectGone')}</span>
            )}
          </>
        )}
      </p>
      {p.triageToelichting && <p className="jt-list__text">{p.triageToelichting}</p>}
      {p.getriageerdOp && <p className="jt-list__meta">{t('agenda.triage.by', { datum: formatDateTime(p.getriageerdOp), door: actor(p.getriageerdDoor) })}</p>}
    </div>
  );
}
