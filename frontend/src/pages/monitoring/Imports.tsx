// /monitoring/importen: the CSV upload (for users who may write) and the import history, newest
// first, each batch with its counts and, on request, its rejected rows (paged by the service).
import { useState } from 'react';
import { get, MONITORING } from '../../api/client';
import type { Afwijzing, AfwijzingenPagina, Import, ImportenPagina } from '../../api/types/monitoring';
import { useSession } from '../../auth/useSession';
import { StatusBadge } from '../../components/Badges';
import { Field } from '../../components/Field';
import { useTitle } from '../../components/Layout';
import { Empty, ErrorState, Loaded, Loading } from '../../components/States';
import { t, tk } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { Counts, RejectionTable } from './ImportSummary';
import { canUpload } from './lib';
import { MonitoringTabs } from './Tabs';
import { UploadForm } from './Upload';
import '../../styles/monitoring.css';

const PAGE = 20;
const STATUSES = ['verwerkt', 'gedeeltelijk', 'afgewezen'] as const;

export default function ImportsPage() {
  useTitle(t('monitoring.imports'));
  const { user } = useSession();
  const [status, setStatus] = useState('');
  // Bumped after an upload, so the history shows the new batch.
  const [generation, setGeneration] = useState(0);
  return (
    <>
      <h1 className="utrecht-heading-1">{t('monitoring.imports')}</h1>
      <MonitoringTabs current="importen" />
      <p className="utrecht-paragraph jt-lead">{t('monitoring.importsIntro')}</p>
      {canUpload(user) && <UploadForm onImported={() => setGeneration((g) => g + 1)} />}
      <section className="jt-section" aria-labelledby="geschiedenis">
        <h2 id="geschiedenis" className="utrecht-heading-2">
          {t('monitoring.history')}
        </h2>
        <div className="jt-filters">
          <Field id="imp-status" label={t('monitoring.filterStatus')}>
            {(a) => (
              <select {...a} className="utrecht-select utrecht-select--html-select" value={status} onChange={(e) => setStatus(e.target.value)}>
                <option value="">{t('monitoring.allStatuses')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {tk('monitoring.batchStatus', s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <History key={`${status}:${generation}`} status={status} />
      </section>
    </>
  );
}

/** The batches, a page at a time ("more" follows the service's cursor). */
function History({ status }: { status: string }) {
  const [more, setMore] = useState<{ items: Import[]; cursor: string | null; busy: boolean; error: unknown }>({ items: [], cursor: null, busy: false, error: null });
  const base = `${MONITORING}/importen?limit=${PAGE}${status ? `&status=${status}` : ''}`;
  const first = useResource<ImportenPagina>((signal) => get<ImportenPagina>(base, signal), [base]);

  async function loadMore(cursor: string) {
    setMore((m) => ({ ...m, busy: true, error: null }));
    try {
      const page = await get<ImportenPagina>(`${base}&cursor=${encodeURIComponent(cursor)}`);
      setMore((m) => ({ items: [...m.items, ...page.importen], cursor: page.volgende, busy: false, error: null }));
    } catch (error) {
      setMore((m) => ({ ...m, busy: false, error }));
    }
  }

  return (
    <Loaded resource={first}>
      {(page) => {
        const items = [...page.importen, ...more.items];
        const cursor = more.items.length ? more.cursor : page.volgende;
        if (items.length === 0) return <Empty>{t('monitoring.noImports')}</Empty>;
        return (
          <>
            <ul className="jt-list" data-testid="importen">
              {items.map((b) => (
                <li key={b.id}>
                  <Batch batch={b} />
                </li>
              ))}
            </ul>
            {more.error !== null && <ErrorState error={more.error} onRetry={() => cursor && void loadMore(cursor)} />}
            {cursor && (
              <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={more.busy} onClick={() => void loadMore(cursor)}>
                {more.busy ? t('state.loading') : t('monitoring.more')}
              </button>
            )}
          </>
        );
      }}
    </Loaded>
  );
}

function statusTone(s: Import['status']) {
  return s === 'verwerkt' ? 'safe' : s === 'gedeeltelijk' ? 'warning' : s === 'afgewezen' ? 'danger' : 'neutral';
}

function Batch({ batch: b }: { batch: Import }) {
  const [open, setOpen] = useState(false);
  const actor = b.clientId && b.clientId !== b.actor ? `${b.actor} (${b.clientId})` : b.actor;
  return (
    <article className="jt-list__item mon-batch" data-testid="import" data-id={b.id} aria-labelledby={`imp-${b.id}`}>
      <div className="jt-report__head">
        <h3 id={`imp-${b.id}`} className="utrecht-heading-3 mon-batch__title">
          {t('monitoring.batchTitle', { tijdstip: formatDateTime(b.tijdstip) })}
        </h3>
        <span className="mon-kinds">
          <StatusBadge tone={statusTone(b.status)}>{tk('monitoring.batchStatus', b.status)}</StatusBadge>
          {b.demo && <StatusBadge tone="warning">{t('monitoring.demo')}</StatusBadge>}
        </span>
      </div>
      <p className="jt-list__meta">
        {[t('monitoring.batchBy', { actor }), t('monitoring.batchFormat', { formaat: b.formaat }), t('monitoring.batchMode', { modus: b.modus }), b.idempotencyKey ? t('monitoring.batchKey', { sleutel: b.idempotencyKey }) : '']
          .filter(Boolean)
          .join(' · ')}
      </p>
      {b.omschrijving && <p className="jt-list__text">{b.omschrijving}</p>}
      <Counts counts={b.aantallen} />
      {b.aantallen.afgewezen > 0 && (
        <details className="jt-details mon-batch__rejections" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
          <summary>{t('monitoring.showRejections', { aantal: b.aantallen.afgewezen })}</summary>
          {open && <BatchRejections id={b.id} />}
        </details>
      )}
    </article>
  );
}

/** The rejected rows of one batch, loaded when first shown, 100 at a time. */
function BatchRejections({ id }: { id: string }) {
  const path = `${MONITORING}/importen/${id}/afwijzingen?limit=100`;
  const first = useResource<AfwijzingenPagina>((signal) => get<AfwijzingenPagina>(path, signal), [path]);
  const [extra, setExtra] = useState<{ rows: Afwijzing[]; cursor: string | null; busy: boolean; error: unknown }>({ rows: [], cursor: null, busy: false, error: null });
  async function loadMore(cursor: string) {
    setExtra((x) => ({ ...x, busy: true, error: null }));
    try {
      const page = await get<AfwijzingenPagina>(`${path}&cursor=${encodeURIComponent(cursor)}`);
      setExtra((x) => ({ rows: [...x.rows, ...page.afwijzingen], cursor: page.volgende, busy: false, error: null }));
    } catch (error) {
      setExtra((x) => ({ ...x, busy: false, error }));
    }
  }
  if (first.state === 'loading') return <Loading />;
  if (first.state === 'error') return <ErrorState error={first.error} onRetry={first.reload} />;
  const rows = [...first.data.afwijzingen, ...extra.rows];
  const cursor = extra.rows.length ? extra.cursor : first.data.volgende;
  return (
    <>
      <RejectionTable rows={rows} />
      {extra.error !== null && <ErrorState error={extra.error} />}
      {cursor && (
        <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={extra.busy} onClick={() => void loadMore(cursor)}>
          {extra.busy ? t('state.loading') : t('monitoring.moreRejections')}
        </button>
      )}
    </>
  );
}
