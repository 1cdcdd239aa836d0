// Slot of the monitoring area: the indicators linked to the project (Indicator.projecten), each
// with a small chart of the regional series (loaded on demand) and a link to its page. Nothing
// but a short empty state when none are linked. No buttons: a reader's project page has none.
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { get, getAll, MONITORING } from '../api/client';
import type { Indicator, Reeks } from '../api/types/monitoring';
import { Empty, ErrorState, Loaded, Loading } from '../components/States';
import { t } from '../i18n';
import { useResource } from '../lib/useResource';
import { alignSeries, formatPeriod, formatValue } from '../pages/monitoring/lib';
import '../styles/monitoring.css';

const SeriesChart = lazy(() => import('../pages/monitoring/SeriesChart'));

/** The region's code in the monitoring service (DESIGN.md: the region TWENTE and its 14 municipalities). */
const REGION = 'TWENTE';

export default function ProjectIndicators({ projectId }: { projectId: string }) {
  const res = useResource<Indicator[]>(
    async (signal) => (await getAll<Indicator>(`${MONITORING}/indicatoren`, 'indicatoren', signal)).filter((i) => i.projecten.includes(projectId)),
    [projectId],
  );
  return (
    <section className="jt-section" aria-labelledby="project-indicatoren-titel" data-testid="project-indicatoren">
      <h2 id="project-indicatoren-titel" className="utrecht-heading-2">
        {t('monitoring.projectTitle')}
      </h2>
      <Loaded resource={res}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('monitoring.projectNone')}</Empty>
          ) : (
            <ul className="jt-list jt-list--grid mon-project-indicators">
              {list.map((i) => (
                <li key={i.code} className="jt-list__item">
                  <ProjectIndicator indicator={i} />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function ProjectIndicator({ indicator: i }: { indicator: Indicator }) {
  const res = useResource<Reeks>((signal) => get<Reeks>(`${MONITORING}/indicatoren/${encodeURIComponent(i.code)}/reeks?gebieden=${REGION}`, signal), [i.code]);
  return (
    <>
      <h3 className="utrecht-heading-3 mon-catalogue__title">
        <Link className="utrecht-link" to={`/monitoring/indicatoren/${encodeURIComponent(i.code)}`}>
          {i.naam}
        </Link>
      </h3>
      {res.state === 'loading' && <Loading />}
      {res.state === 'error' && <ErrorState error={res.error} />}
      {res.state === 'ready' && <RegionSeries indicator={i} reeks={res.data} />}
    </>
  );
}

function RegionSeries({ indicator: i, reeks }: { indicator: Indicator; reeks: Reeks }) {
  const values = alignSeries(reeks).get(REGION) ?? [];
  const known = reeks.perioden.map((p, k) => ({ p, v: values[k] })).filter((x): x is { p: string; v: number } => typeof x.v === 'number');
  if (known.length === 0) return <p className="jt-list__meta">{t('monitoring.projectNoValue')}</p>;
  const first = known[0];
  const last = known[known.length - 1];
  const label = t('monitoring.projectChart', {
    indicator: i.naam,
    van: formatPeriod(first.p),
    tot: formatPeriod(last.p),
    begin: formatValue(first.v, i.eenheid),
    eind: formatValue(last.v, i.eenheid),
  });
  return (
    <>
      <p className="jt-list__text">{t('monitoring.projectLatest', { periode: formatPeriod(last.p), waarde: formatValue(last.v, i.eenheid) })}</p>
      <Suspense fallback={<div className="jt-chart mon-chart mon-chart--compact" />}>
        <SeriesChart periods={reeks.perioden} lines={[{ name: t('monitoring.region'), kind: 'region', values }]} eenheid={i.eenheid} label={label} compact />
      </Suspense>
    </>
  );
}
