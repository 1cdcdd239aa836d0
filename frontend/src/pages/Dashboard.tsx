import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { get, PORTFOLIO } from '../api/client';
import type { Overzicht, Stuurgroeprapportage } from '../api/types';
import { RagBadge } from '../components/Badges';
import { useTitle } from '../components/Layout';
import { Empty, Loaded } from '../components/States';
import { t, tk } from '../i18n';
import { addDays, formatDate, todayIso } from '../lib/format';
import { useResource } from '../lib/useResource';

import { PHASES } from '../lib/phases';
const RAGS = ['op_koers', 'risico', 'achter', 'geen'] as const;
const LOOKAHEAD_WEEKS = 6;

const PhaseChart = lazy(() => import('../components/PhaseChart'));
import DashboardBudget from '../slots/DashboardBudget';
import DashboardSignals from '../slots/DashboardSignals';

// Items of the steering-group report (the API leaves their shape open).
interface MilestoneItem {
  id?: string;
  projectId?: string;
  project?: string;
  titel?: string;
  streefdatum?: string;
  bestuurlijkBesluitGevraagd?: boolean;
}
interface DecisionItem {
  bron?: 'mijlpaal' | 'rapportage' | string;
  id?: string;
  projectId?: string;
  project?: string;
  tekst?: string;
  datum?: string;
}

interface DashboardData {
  overzicht: Overzicht;
  rapport: Stuurgroeprapportage;
}

export function Dashboard() {
  useTitle(t('dashboard.title'));
  const today = todayIso();
  const res = useResource<DashboardData>(
    async (signal) => {
      const [overzicht, rapport] = await Promise.all([
        get<Overzicht>(`${PORTFOLIO}/overzicht`, signal),
        // The steering-group report of the last six weeks holds milestones due and overdue and
        // the decisions asked.
        get<Stuurgroeprapportage>(`${PORTFOLIO}/stuurgroeprapportage?van=${addDays(today, -7 * LOOKAHEAD_WEEKS)}&tot=${today}&weken=${LOOKAHEAD_WEEKS}`, signal),
      ]);
      return { overzicht, rapport };
    },
    [today],
  );

  return (
    <>
      <h1 className="utrecht-heading-1">{t('dashboard.title')}</h1>
      <p className="utrecht-paragraph jt-lead">{t('dashboard.intro')}</p>
      <Loaded resource={res}>
        {({ overzicht, rapport }) => {
          const lines = [...overzicht.actielijnen].sort((a, b) => (a.nummer ?? 0) - (b.nummer ?? 0));
          const due = rapport.actielijnen.flatMap((l) => ((l.mijlpalenKomend ?? []) as MilestoneItem[]).map((m) => ({ ...m, lijn: l.nummer })));
          const late = rapport.actielijnen.flatMap((l) => ((l.mijlpalenTeLaat ?? []) as MilestoneItem[]).map((m) => ({ ...m, lijn: l.nummer })));
          const decisions = rapport.actielijnen.flatMap((l) => ((l.gevraagdeBesluiten ?? []) as DecisionItem[]).map((d) => ({ ...d, lijn: l.nummer })));
          due.sort((a, b) => (a.streefdatum ?? '').localeCompare(b.streefdatum ?? ''));
          late.sort((a, b) => (a.streefdatum ?? '').localeCompare(b.streefdatum ?? ''));
          return (
            <>
              {lines.length === 0 ? (
                <Empty />
              ) : (
                <ul className="jt-cards" aria-label={t('nav.actionLines')}>
                  {lines.map((l) => (
                    <li key={l.nummer} className="jt-card" data-testid="actielijn-kaart">
                      <h2 className="utrecht-heading-3 jt-card__title">
                        <Link className="utrecht-link" to={`/actielijnen/${l.nummer}`}>
                          <span className="jt-card__number">{t('dashboard.actionLine', { nummer: l.nummer ?? '' })}</span>
                          <span>{l.titel}</span>
                        </Link>
                      </h2>
                      <p className="jt-card__meta">{t('dashboard.projects', { aantal: l.aantalProjecten ?? 0 })}</p>
                      <h3 className="jt-card__subhead">{t('dashboard.perPhase')}</h3>
                      <ol className="jt-phasebar">
                        {PHASES.map((p) => (
                          <li key={p} className={`jt-phasebar__step${(l.perFase?.[p] ?? 0) > 0 ? ' jt-phasebar__step--filled' : ''}`}>
                            <span className="jt-phasebar__count">{l.perFase?.[p] ?? 0}</span>
                            <span className="jt-phasebar__label">{tk('phase', p)}</span>
                          </li>
                        ))}
                      </ol>
                      <h3 className="jt-card__subhead">{t('dashboard.perRag')}</h3>
                      <ul className="jt-raglist">
                        {RAGS.filter((r) => (l.perRag?.[r] ?? 0) > 0 || r !== 'geen').map((r) => (
                          <li key={r}>
                            <RagBadge rag={r} count={l.perRag?.[r] ?? 0} />
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              )}

              <section aria-labelledby="chart-title" className="jt-section">
                <h2 id="chart-title" className="utrecht-heading-2">
                  {t('dashboard.chartTitle')}
                </h2>
                <Suspense fallback={<div className="jt-chart" />}>
                  <PhaseChart lines={lines} />
                </Suspense>
              </section>

              <div className="jt-columns">
                <section aria-labelledby="ms-title" className="jt-section">
                  <h2 id="ms-title" className="utrecht-heading-2">
                    {t('dashboard.milestones')}
                  </h2>
                  <h3 className="utrecht-heading-3">{t('dashboard.milestonesOverdue')}</h3>
                  {late.length === 0 ? (
                    <Empty>{t('dashboard.noMilestonesOverdue')}</Empty>
                  ) : (
                    <MilestoneList items={late} late />
                  )}
                  <h3 className="utrecht-heading-3">{t('dashboard.milestonesDue', { weken: rapport.weken ?? LOOKAHEAD_WEEKS })}</h3>
                  {due.length === 0 ? <Empty>{t('dashboard.noMilestonesDue')}</Empty> : <MilestoneList items={due} />}
                </section>
                <section aria-labelledby="dec-title" className="jt-section">
                  <h2 id="dec-title" className="utrecht-heading-2">
                    {t('dashboard.decisions')}
                  </h2>
                  {decisions.length === 0 ? (
                    <Empty>{t('dashboard.noDecisions')}</Empty>
                  ) : (
                    <ul className="jt-list">
                      {decisions.map((d, i) => (
                        <li key={d.id ?? i} className="jt-list__item">
                          <strong>{d.tekst}</strong>
                          {d.projectId && (
                            <p className="jt-list__text">
                              <Link className="utrecht-link" to={`/projecten/${d.projectId}`}>
                                {d.project ?? d.projectId}
                              </Link>
                            </p>
                          )}
                          <p className="jt-list__meta">
                            {t('dashboard.actionLine', { nummer: d.lijn ?? '' })} · {d.bron === 'mijlpaal' ? t('dashboard.fromMilestone') : t('dashboard.fromReport')}
                            {d.datum && <> · {formatDate(d.datum)}</>}
                          </p>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              </div>

              <div className="jt-columns">
                <DashboardSignals />
                <DashboardBudget />
              </div>
            </>
          );
        }}
      </Loaded>
    </>
  );
}

function MilestoneList({ items, late }: { items: (MilestoneItem & { lijn?: number })[]; late?: boolean }) {
  return (
    <ul className="jt-list">
      {items.map((m, i) => (
        <li key={m.id ?? i} className={`jt-list__item${late ? ' jt-list__item--late' : ''}`}>
          <strong>{m.titel}</strong>
          {m.projectId && (
            <p className="jt-list__text">
              <Link className="utrecht-link" to={`/projecten/${m.projectId}`}>
                {m.project ?? m.projectId}
              </Link>
            </p>
          )}
          <p className="jt-list__meta">
            {late && <span className="jt-late">{t('project.milestoneLate')}: </span>}
            {t('dashboard.due', { datum: formatDate(m.streefdatum) })}
            {m.bestuurlijkBesluitGevraagd && <> · {t('dashboard.decisionAsked')}</>}
          </p>
        </li>
      ))}
    </ul>
  );
}
