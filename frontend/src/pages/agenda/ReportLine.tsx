// One action line of the steering-group report: status, changes, milestones, decisions asked,
// signals and budget. On paper each line starts on a new page.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Kernprobleem, SgrLine, SgrMilestone } from '../../api/types/agenda';
import { RagBadge } from '../../components/Badges';
import { Empty } from '../../components/States';
import { t, tk } from '../../i18n';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../lib/format';
import { explain } from '../../lib/problems';
import { inAgendaOrder } from './phase';
import { euros, groupChanges, groupSignals, ragCounts } from './report';
import type { LineExtras } from './SteeringReport';

export function ReportLine({ line: l, extras, weken }: { line: SgrLine; extras: LineExtras; weken: number }) {
  const id = `actielijn-${l.nummer}`;
  const c = ragCounts(l.projecten);
  const changes = groupChanges(l.wijzigingen);
  const nothingChanged = l.faseWijzigingen.length + l.rapportages.length + changes.length + l.nieuweKernproblemen.length === 0;
  return (
    <section className="jt-section jt-sgr__line" aria-labelledby={id} data-testid="rapport-actielijn">
      <h2 id={id} className="utrecht-heading-2">
        {t('line.title', { nummer: l.nummer, titel: l.titel })}
      </h2>

      <Part title={t('agenda.report.status')}>
        <p className="jt-raglist">
          {(['op_koers', 'risico', 'achter', 'geen'] as const).map((r) => (
            <RagBadge key={r} rag={r} count={c[r]} />
          ))}
        </p>
        {l.projecten.length === 0 ? (
          <Empty>{t('agenda.report.noProjects')}</Empty>
        ) : (
          <div className="jt-table-scroll" role="region" aria-label={t('agenda.report.projectsOf', { nummer: l.nummer })} tabIndex={0}>
            <table className="utrecht-table utrecht-table--html-table jt-table jt-sgr__table">
              <caption className="utrecht-table__caption jt-visually-hidden">{t('agenda.report.projectsOf', { nummer: l.nummer })}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell jt-num">{t('project.rank')}</th>
                  <th scope="col" className="utrecht-table__header-cell">{t('agenda.report.project')}</th>
                  <th scope="col" className="utrecht-table__header-cell">{t('project.phase')}</th>
                  <th scope="col" className="utrecht-table__header-cell">{t('project.status')}</th>
                  <th scope="col" className="utrecht-table__header-cell">{t('rag.label')}</th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {l.projecten.map((p) => (
                  <tr key={p.id} className="utrecht-table__row">
                    <td className="utrecht-table__cell jt-num">{p.rang}</td>
                    <th scope="row" className="utrecht-table__header-cell jt-sgr__projectcell">
                      <Link className="utrecht-link" to={`/projecten/${p.id}`}>
                        {p.titel}
                      </Link>
                    </th>
                    <td className="utrecht-table__cell">{tk('phase', p.fase)}</td>
                    <td className="utrecht-table__cell">{tk('status', p.status)}</td>
                    <td className="utrecht-table__cell">
                      <RagBadge rag={p.laatsteRag} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Part>

      <Part title={t('agenda.report.changes')}>
        {nothingChanged && <Empty>{t('agenda.report.noChanges')}</Empty>}
        {l.faseWijzigingen.length > 0 && (
          <>
            <h4 className="jt-card__subhead">{t('project.phaseHistory')}</h4>
            <ul className="jt-sgr__items">
              {l.faseWijzigingen.map((f, i) => (
                <li key={`${f.projectId}-${i}`}>
                  <ProjectLink id={f.projectId} titel={f.titel} />: {t('project.phaseChange', { van: tk('phase', f.vanFase), naar: tk('phase', f.naarFase) })} ({formatDate(f.datum)})
                  {f.toelichting && <> — {f.toelichting}</>}
                  {(f.geaccepteerdeOpenRandvoorwaarden?.length ?? 0) > 0 && (
                    <span className="jt-list__meta"> {t('agenda.phase.acceptedOpen', { lijst: inAgendaOrder(f.geaccepteerdeOpenRandvoorwaarden).map((k) => tk('precondition', k)).join(', ') })}</span>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        {l.rapportages.length > 0 && (
          <>
            <h4 className="jt-card__subhead">{t('project.reports')}</h4>
            <ul className="jt-sgr__items">
              {l.rapportages.map((r) => (
                <li key={r.id}>
                  <ProjectLink id={r.projectId} titel={r.titel} /> ({t('project.reportPeriod', { van: formatDate(r.periodeVan), tot: formatDate(r.periodeTot) })}) <RagBadge rag={r.ragStatus} />
                  <p className="jt-list__text">{r.samenvatting}</p>
                  {r.risicos && (
                    <p className="jt-list__meta">
                      {t('report.risicos')}: {r.risicos}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        {changes.length > 0 && (
          <>
            <h4 className="jt-card__subhead">{t('agenda.report.otherChanges')}</h4>
            <ul className="jt-sgr__items">
              {changes.map((g) => (
                <li key={g.projectId}>
                  <ProjectLink id={g.projectId} titel={g.titel} />: {g.acties.map((a) => (a.aantal > 1 ? `${tk('agenda.action', a.actie)} (${a.aantal}×)` : tk('agenda.action', a.actie))).join(', ')}
                  <span className="jt-list__meta"> · {t('agenda.report.lastChange', { datum: formatDateTime(g.laatst) })}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {l.nieuweKernproblemen.length > 0 && (
          <>
            <h4 className="jt-card__subhead">{t('agenda.report.newProblems')}</h4>
            <ProblemItems items={l.nieuweKernproblemen} />
          </>
        )}
      </Part>

      <Part title={t('project.milestones')}>
        <h4 className="jt-card__subhead">{t('dashboard.milestonesOverdue')}</h4>
        {l.mijlpalenTeLaat.length === 0 ? <Empty>{t('dashboard.noMilestonesOverdue')}</Empty> : <Milestones items={l.mijlpalenTeLaat} late />}
        <h4 className="jt-card__subhead">{t('dashboard.milestonesDue', { weken })}</h4>
        {l.mijlpalenKomend.length === 0 ? <Empty>{t('dashboard.noMilestonesDue')}</Empty> : <Milestones items={l.mijlpalenKomend} />}
        <h4 className="jt-card__subhead">{t('agenda.report.doneInPeriod')}</h4>
        {!extras.done.ok ? (
          <p className="jt-muted">{t('agenda.report.noDone', { reden: explain(extras.done.error).message })}</p>
        ) : extras.done.data.length === 0 ? (
          <Empty>{t('agenda.report.noneDone')}</Empty>
        ) : (
          <ul className="jt-sgr__items">
            {extras.done.data.map((m) => (
              <li key={m.id}>
                <strong>{m.titel}</strong> — {t('project.milestoneDone', { datum: formatDate(m.gereedOp) })}
                {' · '}
                <Link className="utrecht-link" to={`/projecten/${m.projectId}`}>
                  {l.projecten.find((p) => p.id === m.projectId)?.titel ?? t('agenda.triage.toProject')}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Part>

      <Part title={t('agenda.report.decisionsTitle')}>
        {l.gevraagdeBesluiten.length === 0 ? (
          <Empty>{t('dashboard.noDecisions')}</Empty>
        ) : (
          <ul className="jt-sgr__items">
            {l.gevraagdeBesluiten.map((d) => (
              <li key={`${d.bron}-${d.id}`}>
                <strong>{d.tekst}</strong>
                <span className="jt-list__meta">
                  {' '}
                  · <ProjectLink id={d.projectId} titel={d.project} /> · {d.bron === 'mijlpaal' ? t('dashboard.fromMilestone') : t('dashboard.fromReport')} · {formatDate(d.datum)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Part>

      <Part title={t('agenda.report.signalsTitle')}>
        {!extras.signals.ok ? (
          <p className="jt-muted">{t('agenda.report.noSignals', { reden: explain(extras.signals.error).message })}</p>
        ) : extras.signals.data.length === 0 ? (
          <Empty>{t('agenda.report.noneSignals')}</Empty>
        ) : (
          <ul className="jt-sgr__items">
            {groupSignals(extras.signals.data).map((g) => (
              <li key={g.code}>
                <strong>{g.naam}</strong> <span className="jt-list__meta">({g.soorten.map((s) => tk('agenda.signalKind', s)).join(', ')})</span>
                <br />
                {g.gemeenten.map((m) => `${m.naam} ${formatNumber(m.waarde)}${g.eenheid === 'percentage' ? '%' : g.eenheid ? ` ${g.eenheid}` : ''} (${m.periode})`).join('; ')}
              </li>
            ))}
          </ul>
        )}
      </Part>

      <Part title={t('agenda.report.budgetTitle', { jaar: extras.year })}>
        {!extras.budget.ok ? (
          <p className="jt-muted">{t('agenda.report.noBudget', { reden: explain(extras.budget.error).message })}</p>
        ) : !extras.budget.data ? (
          <Empty>{t('agenda.report.noneBudget')}</Empty>
        ) : (
          <dl className="jt-dl jt-dl--rows jt-sgr__budget">
            {(['begroot', 'toegezegd', 'gerealiseerd', 'uitgegeven', 'tekort'] as const).map((k) => (
              <div key={k} className="jt-dl__row">
                <dt>{tk('agenda.budget', k)}</dt>
                <dd className="jt-num">{formatMoney(euros(extras.budget.ok && extras.budget.data ? extras.budget.data[k] : 0))}</dd>
              </div>
            ))}
          </dl>
        )}
      </Part>
    </section>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="jt-sgr__part">
      <h3 className="utrecht-heading-3">{title}</h3>
      {children}
    </div>
  );
}

function ProjectLink({ id, titel }: { id: string; titel: string }) {
  return (
    <Link className="utrecht-link" to={`/projecten/${id}`}>
      {titel}
    </Link>
  );
}

function Milestones({ items, late }: { items: SgrMilestone[]; late?: boolean }) {
  return (
    <ul className="jt-sgr__items">
      {items.map((m) => (
        <li key={m.id}>
          <strong>{m.titel}</strong> — {late && <span className="jt-late">{t('project.milestoneLate')}: </span>}
          {t('dashboard.due', { datum: formatDate(m.streefdatum) })}
          {m.bestuurlijkBesluitGevraagd && <> · {t('dashboard.decisionAsked')}</>}
          {' · '}
          <ProjectLink id={m.projectId} titel={m.project} />
        </li>
      ))}
    </ul>
  );
}

export function ProblemItems({ items }: { items: Kernprobleem[] }) {
  return (
    <ul className="jt-sgr__items">
      {items.map((k) => (
        <li key={k.id}>
          <strong>{k.titel}</strong> <span className="jt-list__meta">({tk('agenda.problemKind', k.soort ?? 'kernprobleem')}, {tk('agenda.problemStatus', k.status)}, {formatDate(k.ingediend)})</span>
        </li>
      ))}
    </ul>
  );
}
