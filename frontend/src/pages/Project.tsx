import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { get, getAll, request, PORTFOLIO, STAKEHOLDERS } from '../api/client';
import type { Actielijn, Betrokkenheid, Fasewijzigingen, Mijlpalen, Project, Rapportages } from '../api/types';
import { canEditPortfolio, useSession } from '../auth/useSession';
import { RagBadge, StatusBadge } from '../components/Badges';
import { useTitle } from '../components/Layout';
import { ReportForm } from '../components/ReportForm';
import { ProjectEdit } from '../components/ProjectEdit';
import { loadDraft } from '../lib/drafts';
import { Alert, Empty, ErrorState, Loaded } from '../components/States';
import { t, tk } from '../i18n';
import { formatDate, formatDateTime } from '../lib/format';
import { PHASES, PRECONDITIONS } from '../lib/phases';
import { useResource } from '../lib/useResource';
import { Text } from './ActionLine';
import ProjectBudget from '../slots/ProjectBudget';
import ProjectIndicators from '../slots/ProjectIndicators';
import { useActors } from './agenda/actors';
import { AuditHistory } from './agenda/AuditHistory';
import { Milestones } from './agenda/Milestones';
import { PhaseChange } from './agenda/PhaseChange';
import { inAgendaOrder } from './agenda/phase';
import '../styles/agenda.css';

interface ProjectData {
  project: Project;
  etag: string | null;
  lijn: Actielijn | null;
  fasen: Fasewijzigingen;
  mijlpalen: Mijlpalen;
  rapportages: Rapportages;
  betrokken: Betrokkenheid[] | { error: unknown };
}

export default function ProjectPage() {
  const id = useParams().id ?? '';
  const { user } = useSession();
  const res = useResource<ProjectData>(
    async (signal) => {
      const { data: project, etag } = await request<Project>(`${PORTFOLIO}/projecten/${encodeURIComponent(id)}`, { signal });
      const [lijn, fasen, mijlpalen, rapportages, betrokken] = await Promise.all([
        get<Actielijn>(`${PORTFOLIO}/actielijnen/${project.actielijn}`, signal).catch(() => null),
        get<Fasewijzigingen>(`${PORTFOLIO}/projecten/${id}/fasewijzigingen`, signal),
        get<Mijlpalen>(`${PORTFOLIO}/projecten/${id}/mijlpalen`, signal),
        get<Rapportages>(`${PORTFOLIO}/projecten/${id}/rapportages`, signal),
        getAll<Betrokkenheid>(`${STAKEHOLDERS}/betrokkenheden?doelType=project&doelId=${id}`, 'betrokkenheden', signal).catch((error: unknown) => ({ error })),
      ]);
      return { project, etag, lijn, fasen, mijlpalen, rapportages, betrokken };
    },
    [id],
  );
  useTitle(res.state === 'ready' ? res.data.project.titel : undefined);
  return <Loaded resource={res}>{(d) => <ProjectView data={d} editable={canEditPortfolio(user, d.project.actielijn)} reload={res.reload} />}</Loaded>;
}

function ProjectView({ data, editable, reload }: { data: ProjectData; editable: boolean; reload: () => void }) {
  const { project: p, etag, lijn, fasen, mijlpalen, rapportages, betrokken } = data;
  const { user } = useSession();
  const [editing, setEditing] = useState<false | 'all' | 'preconditions'>(() => (editable && !!loadDraft(`project:${p.id}`) ? 'all' : false));
  const [saved, setSaved] = useState(false);
  const phaseIndex = PHASES.indexOf(p.fase);
  const reports = [...rapportages.rapportages].sort((a, b) => b.periodeTot.localeCompare(a.periodeTot));
  const history = [...fasen.fasewijzigingen].sort((a, b) => b.datum.localeCompare(a.datum) || (b.geregistreerd ?? '').localeCompare(a.geregistreerd ?? ''));
  const actor = useActors(history.map((h) => h.door), user);
  const editPreconditions = () => {
    setSaved(false);
    setEditing('preconditions');
  };

  return (
    <article className="jt-article">
      <p className="jt-preheading">
        <Link className="utrecht-link" to={`/actielijnen/${p.actielijn}`}>
          {t('project.backToLine', { nummer: p.actielijn })}
          {lijn ? `: ${lijn.titel}` : ''}
        </Link>
      </p>
      <h1 className="utrecht-heading-1 jt-project-title">{p.titel}</h1>
      <p className="jt-rank__meta">
        <StatusBadge>{tk('kind', p.soort)}</StatusBadge>
        <StatusBadge tone="active">{tk('phase', p.fase)}</StatusBadge>
        <StatusBadge>{tk('status', p.status)}</StatusBadge>
        <RagBadge rag={p.laatsteRag} />
      </p>
      {saved && <Alert type="ok">{t('edit.saved')}</Alert>}
      {editable &&
        (editing ? (
          <ProjectEdit
            project={p}
            etag={etag}
            focus={editing === 'preconditions' ? 'preconditions' : undefined}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
              reload();
            }}
          />
        ) : (
          <p>
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              onClick={() => {
                setSaved(false);
                setEditing('all');
              }}
            >
              {t('edit.open')}
            </button>
          </p>
        ))}

      <div className="jt-columns jt-columns--wide">
        <div>
          <section className="jt-section" aria-labelledby="beschrijving">
            <h2 id="beschrijving" className="utrecht-heading-2">
              {t('project.description')}
            </h2>
            <Text value={p.beschrijving} />
          </section>

          <section className="jt-section" aria-labelledby="fase">
            <h2 id="fase" className="utrecht-heading-2">
              {t('project.phaseTitle')}
            </h2>
            <ol className="jt-steps" aria-label={t('project.phaseSteps')}>
              {PHASES.map((f, i) => (
                <li key={f} className={`jt-steps__step${i < phaseIndex ? ' jt-steps__step--done' : ''}${i === phaseIndex ? ' jt-steps__step--current' : ''}`} aria-current={i === phaseIndex ? 'step' : undefined}>
                  <span className="jt-steps__num" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span>
                    {tk('phase', f)}
                    {i === phaseIndex && <span className="jt-visually-hidden"> ({t('project.currentPhase')})</span>}
                  </span>
                </li>
              ))}
            </ol>
            {editable && <PhaseChange project={p} onSaved={reload} onEditPreconditions={editPreconditions} />}
            <h3 className="utrecht-heading-3">{t('project.phaseHistory')}</h3>
            {history.length === 0 ? (
              <Empty>{t('project.noPhaseHistory')}</Empty>
            ) : (
              <ul className="jt-list" data-testid="fasegeschiedenis">
                {history.map((h) => (
                  <li key={h.id} className="jt-list__item">
                    <strong>{t('project.phaseChange', { van: tk('phase', h.vanFase), naar: tk('phase', h.naarFase) })}</strong>
                    <p className="jt-list__meta">
                      {formatDate(h.datum)}
                      {h.door && <> · {t('project.by', { door: actor(h.door) })}</>}
                    </p>
                    {h.toelichting && <p className="jt-list__text">{h.toelichting}</p>}
                    {(h.geaccepteerdeOpenRandvoorwaarden?.length ?? 0) > 0 && (
                      <p className="jt-list__meta">{t('agenda.phase.acceptedOpen', { lijst: inAgendaOrder(h.geaccepteerdeOpenRandvoorwaarden).map((k) => tk('precondition', k)).join(', ') })}</p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="jt-section" aria-labelledby="randvoorwaarden">
            <h2 id="randvoorwaarden" className="utrecht-heading-2">
              {t('project.preconditions')}
            </h2>
            {editable && !editing && (
              <p className="jt-form-open">
                <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={editPreconditions}>
                  {t('agenda.preconditions.edit')}
                </button>
              </p>
            )}
            <div className="utrecht-table-container jt-table-scroll">
              <table className="utrecht-table utrecht-table--html-table jt-table">
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    <th className="utrecht-table__header-cell" scope="col">
                      {t('project.preconditions')}
                    </th>
                    <th className="utrecht-table__header-cell" scope="col">
                      {t('project.status')}
                    </th>
                    <th className="utrecht-table__header-cell" scope="col">
                      {t('involvement.note')}
                    </th>
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {PRECONDITIONS.map((k) => {
                    const r = p.randvoorwaarden?.[k];
                    const st = r?.status ?? 'open';
                    return (
                      <tr key={k} className="utrecht-table__row">
                        <th className="utrecht-table__header-cell" scope="row">
                          {tk('precondition', k)}
                        </th>
                        <td className="utrecht-table__cell">
                          <StatusBadge tone={st === 'geregeld' ? 'safe' : st === 'in_bewerking' ? 'warning' : 'neutral'}>{tk('preconditionState', st)}</StatusBadge>
                        </td>
                        <td className="utrecht-table__cell">{r?.toelichting || '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>

          <Milestones projectId={p.id} mijlpalen={mijlpalen} editable={editable} onChanged={reload} />

          <section className="jt-section" aria-labelledby="rapportages">
            <h2 id="rapportages" className="utrecht-heading-2">
              {t('project.reports')}
            </h2>
            {editable && <ReportForm projectId={p.id} onSaved={reload} />}
            {reports.length === 0 ? (
              <Empty>{t('project.noReports')}</Empty>
            ) : (
              <ul className="jt-list">
                {reports.map((r) => (
                  <li key={r.id} className="jt-list__item jt-report">
                    <div className="jt-report__head">
                      <strong>{t('project.reportPeriod', { van: formatDate(r.periodeVan), tot: formatDate(r.periodeTot) })}</strong>
                      <RagBadge rag={r.ragStatus} />
                    </div>
                    <p className="jt-list__text">{r.samenvatting}</p>
                    <dl className="jt-dl">
                      {(['resultaten', 'risicos', 'volgendeStappen', 'gevraagdeBesluiten'] as const)
                        .filter((k) => r[k])
                        .map((k) => (
                          <div key={k}>
                            <dt>{t(`report.${k}`)}</dt>
                            <dd>{r[k]}</dd>
                          </div>
                        ))}
                    </dl>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <ProjectIndicators projectId={p.id} />
          <ProjectBudget projectId={p.id} />
          <AuditHistory
            projectId={p.id}
            milestoneIds={mijlpalen.mijlpalen.map((m) => m.id)}
            reportIds={rapportages.rapportages.map((r) => r.id)}
            version={`${p.versie ?? ''}:${mijlpalen.mijlpalen.map((m) => m.versie ?? 0).join('.')}:${rapportages.rapportages.length}`}
          />
        </div>

        <aside className="jt-aside">
          <section aria-labelledby="gegevens">
            <h2 id="gegevens" className="utrecht-heading-3">
              {t('project.details')}
            </h2>
            <dl className="jt-dl jt-dl--rows">
              <Row label={t('project.actionLine')} value={lijn ? `${p.actielijn}. ${lijn.titel}` : String(p.actielijn)} />
              <Row label={t('project.rank')} value={String(p.rang)} />
              <Row label={t('project.kind')} value={tk('kind', p.soort)} />
              <Row label={t('project.phase')} value={tk('phase', p.fase)} />
              <Row label={t('project.status')} value={tk('status', p.status)} />
              <Row label={t('project.scale')} value={p.schaal ? tk('scale', p.schaal) : ''} />
              <Row label={t('project.start')} value={formatDate(p.startdatum)} />
              <Row label={t('project.end')} value={formatDate(p.einddatum)} />
              <Row label={t('project.code')} value={p.code ?? ''} />
              <Row label={t('project.programmes')} value={(p.programmas ?? []).map((g) => g.naam).join(', ')} />
              <Row label={t('line.principles')} value={(p.principes ?? []).join(', ')} />
              <Row label={t('line.reformLines')} value={(p.hervormingslijnen ?? []).join(', ')} />
              <Row label={t('project.tags')} value={(p.tags ?? []).join(', ')} />
              <Row label={t('project.changed')} value={formatDateTime(p.gewijzigd)} />
              <Row label={t('project.source')} value={p.bron ? p.bron.replace(/^.*\(([^)]*)\).*$/, '$1') : ''} />
            </dl>
          </section>
          <section aria-labelledby="betrokken">
            <h2 id="betrokken" className="utrecht-heading-3">
              {t('project.involved')}
            </h2>
            {'error' in betrokken ? (
              <ErrorState error={betrokken.error} />
            ) : betrokken.length === 0 ? (
              <Empty>{t('project.noInvolved')}</Empty>
            ) : (
              <ul className="jt-plainlist">
                {betrokken.map((b) => (
                  <li key={b.id}>
                    <strong>{[b.persoonNaam, b.organisatieNaam].filter(Boolean).join(', ')}</strong> — {tk('involvement', b.rol)}
                    {b.toelichting && <span className="jt-list__meta"> ({b.toelichting})</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </article>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="jt-dl__row">
      <dt>{label}</dt>
      <dd>{value || <span className="jt-muted">{t('project.notSet')}</span>}</dd>
    </div>
  );
}
