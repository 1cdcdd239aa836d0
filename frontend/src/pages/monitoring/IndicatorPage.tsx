// /monitoring/indicatoren/:code: what the indicator measures and its norm; its course over time
// (region, chosen municipalities, norm) as a chart with the same numbers in a table; and for one
// period the map of Twente and the ranking with the status against the norm. The chosen areas
// and period are kept in the URL.
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { download, get, getAll, MONITORING } from '../../api/client';
import type { Bron, Bronnen, Indicator, Momentopname, Norm, Reeks } from '../../api/types/monitoring';
import { StatusBadge } from '../../components/Badges';
import { Field } from '../../components/Field';
import { useTitle } from '../../components/Layout';
import { Alert, Empty, Loaded, Loading } from '../../components/States';
import { t, tk } from '../../i18n';
import { formatDate, todayIso } from '../../lib/format';
import { explain } from '../../lib/problems';
import { useResource } from '../../lib/useResource';
import { useUrlParams } from '../../lib/useUrlParams';
import { alignSeries, formatPeriod, formatValue, lineColour, normAt, normLine, normText } from './lib';
import { RankingTable } from './RankingTable';
import type { ChartLine } from './SeriesChart';
import { MonitoringTabs } from './Tabs';
import { TableScroll } from './TableScroll';
import '../../styles/monitoring.css';

const SeriesChart = lazy(() => import('./SeriesChart'));
const MunicipalityMap = lazy(() => import('./MunicipalityMap'));

const NORM = 'norm';

interface IndicatorData {
  indicator: Indicator;
  reeks: Reeks;
  normen: Norm[];
  bron: Bron | null;
}

export default function IndicatorPage() {
  const code = useParams().code ?? '';
  const path = `${MONITORING}/indicatoren/${encodeURIComponent(code)}`;
  const res = useResource<IndicatorData>(
    async (signal) => {
      const [indicator, reeks, normen, bronnen] = await Promise.all([
        get<Indicator>(path, signal),
        get<Reeks>(`${path}/reeks`, signal),
        getAll<Norm>(`${MONITORING}/normen?indicator=${encodeURIComponent(code)}`, 'normen', signal),
        get<Bronnen>(`${MONITORING}/bronnen`, signal).then((b) => b.bronnen, () => [] as Bron[]),
      ]);
      return { indicator, reeks, normen, bron: bronnen.find((b) => b.code === indicator.bron) ?? null };
    },
    [code],
  );
  useTitle(res.state === 'ready' ? res.data.indicator.naam : t('monitoring.title'));
  return (
    <article className="jt-article">
      <p className="jt-preheading">
        <Link className="utrecht-link" to="/monitoring">
          {t('monitoring.back')}
        </Link>
      </p>
      {/* Without data the page still has its heading: the code asked for. */}
      {res.state === 'error' && <h1 className="utrecht-heading-1">{code}</h1>}
      <Loaded resource={res}>{(d) => <IndicatorView data={d} />}</Loaded>
    </article>
  );
}

function IndicatorView({ data }: { data: IndicatorData }) {
  const { indicator: ind, reeks, normen, bron } = data;
  const current = normAt(normen, todayIso());
  const areaNorms = normen.filter((n) => n.gebied);
  const areaName = new Map(reeks.reeksen.map((r) => [r.gebied, r.naam]));
  return (
    <>
      <h1 className="utrecht-heading-1">{ind.naam}</h1>
      <MonitoringTabs current="indicatoren" />
      <p className="jt-rank__meta">
        <StatusBadge>{bron?.naam ?? ind.bron}</StatusBadge>
        <StatusBadge>{tk('monitoring.frequency', ind.frequentie)}</StatusBadge>
        <StatusBadge>{tk('monitoring.unit', ind.eenheid)}</StatusBadge>
      </p>
      {ind.beschrijving && <p className="utrecht-paragraph jt-lead">{ind.beschrijving}</p>}

      <section className="jt-section" aria-labelledby="over">
        <h2 id="over" className="utrecht-heading-2">
          {t('monitoring.details')}
        </h2>
        <dl className="jt-dl jt-dl--rows mon-details">
          <Row label={t('monitoring.code')} value={ind.code} />
          <Row label={t('monitoring.unit')} value={tk('monitoring.unit', ind.eenheid)} />
          <Row label={t('monitoring.direction')} value={tk('monitoring.direction', ind.richting)} />
          <Row label={t('monitoring.source')} value={bron ? `${bron.naam}${bron.uitgever ? ` (${bron.uitgever})` : ''}` : ind.bron} />
          <Row label={t('monitoring.frequency')} value={tk('monitoring.frequency', ind.frequentie)} />
          <Row label={t('monitoring.regionRule')} value={tk('monitoring.rule', ind.regionaleWaarde)} />
          <Row
            label={t('monitoring.norm')}
            value={
              current || areaNorms.length ? (
                <>
                  {current && <NormDescription norm={current} eenheid={ind.eenheid} />}
                  {areaNorms.map((n) => (
                    <span key={n.id} className="mon-block">
                      {t('monitoring.normArea', { gebied: areaName.get(n.gebied ?? '') ?? n.gebied ?? '', norm: normText(n, ind.eenheid) })}
                    </span>
                  ))}
                </>
              ) : (
                t('monitoring.noNorm')
              )
            }
          />
          <Row label={t('monitoring.lines')} value={ind.actielijnen.join(', ')} />
          <Row label={t('monitoring.principles')} value={ind.principes.join(', ')} />
        </dl>
        <ExportButton code={ind.code} />
      </section>

      {reeks.perioden.length === 0 ? (
        <Empty>{t('monitoring.noData')}</Empty>
      ) : (
        <>
          <SeriesSection data={data} />
          <SnapshotSection data={data} />
        </>
      )}
    </>
  );
}

function Row({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="jt-dl__row">
      <dt>{label}</dt>
      <dd>{value || <span className="jt-muted">{t('monitoring.notSet')}</span>}</dd>
    </div>
  );
}

function NormDescription({ norm, eenheid }: { norm: Norm; eenheid: string }) {
  const parts = [normText(norm, eenheid)];
  if (norm.marge) parts.push(t('monitoring.normMargin', { marge: formatValue(norm.marge, eenheid) }));
  parts.push(t('monitoring.normFrom', { datum: formatDate(norm.geldigVanaf) }));
  return (
    <span className="mon-block">
      {parts.join(', ')}
      {norm.demo && (
        <>
          {' '}
          <StatusBadge tone="warning">{t('monitoring.demoNorm')}</StatusBadge>
        </>
      )}
      {norm.toelichting && !norm.demo && <span className="mon-sub">{norm.toelichting}</span>}
    </span>
  );
}

function ExportButton({ code }: { code: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="mon-export">
      {error && <Alert type="error">{error}</Alert>}
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await download(`${MONITORING}/waarnemingen/export?indicator=${encodeURIComponent(code)}`, `${code}.csv`);
          } catch (e) {
            setError(explain(e).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? t('monitoring.downloading') : t('monitoring.download')}
      </button>
    </div>
  );
}

// ---- the course over time ----

function SeriesSection({ data }: { data: IndicatorData }) {
  const { indicator: ind, reeks, normen } = data;
  const [params, update] = useUrlParams();
  const region = reeks.reeksen.find((r) => r.niveau === 'regio');
  const municipalities = reeks.reeksen.filter((r) => r.niveau !== 'regio').sort((a, b) => (a.naam ?? '').localeCompare(b.naam ?? '', 'nl'));
  const hasNorm = normen.some((n) => !n.gebied);
  // No parameter: the region and the norm; 'geen' keeps an empty choice in the address.
  const chosen = new Set((params.get('gebieden') ?? `${region?.gebied ?? ''},${NORM}`).split(',').filter(Boolean));
  const choose = (codes: Set<string>) => update({ gebieden: [...codes].join(',') || 'geen' });
  const toggle = (code: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(code);
    else next.delete(code);
    choose(next);
  };

  const values = alignSeries(reeks);
  const lines: ChartLine[] = [];
  if (region && chosen.has(region.gebied ?? '')) lines.push({ name: t('monitoring.region'), kind: 'region', values: values.get(region.gebied ?? '') ?? [] });
  municipalities.forEach((m, i) => {
    if (chosen.has(m.gebied ?? '')) lines.push({ name: m.naam ?? m.gebied ?? '', kind: 'municipality', values: values.get(m.gebied ?? '') ?? [], colour: i });
  });
  if (hasNorm && chosen.has(NORM)) lines.push({ name: t('monitoring.normLine'), kind: 'norm', values: normLine(normen, reeks.perioden) });

  return (
    <section className="jt-section" aria-labelledby="verloop">
      <h2 id="verloop" className="utrecht-heading-2">
        {t('monitoring.series')}
      </h2>
      <fieldset className="jt-fieldset mon-areas">
        <legend>{t('monitoring.chooseAreas')}</legend>
        <p className="jt-help mon-areas__help">{t('monitoring.seriesIntro')}</p>
        <div className="mon-areas__list">
          {region && (
            <Check id="mon-gebied-regio" label={t('monitoring.region')} checked={chosen.has(region.gebied ?? '')} onChange={(on) => toggle(region.gebied ?? '', on)} swatch="#1b1b1b" />
          )}
          {hasNorm && <Check id="mon-gebied-norm" label={t('monitoring.normLine')} checked={chosen.has(NORM)} onChange={(on) => toggle(NORM, on)} swatch="#b3131a" dashed />}
          {municipalities.map((m, i) => (
            <Check key={m.gebied} id={`mon-gebied-${m.gebied}`} label={m.naam ?? m.gebied ?? ''} checked={chosen.has(m.gebied ?? '')} onChange={(on) => toggle(m.gebied ?? '', on)} swatch={lineColour(i)} />
          ))}
        </div>
        <div className="jt-buttons">
          <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => choose(new Set([...chosen, ...municipalities.map((m) => m.gebied ?? '')]))}>
            {t('monitoring.all')}
          </button>
          <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => choose(new Set([...chosen].filter((c) => !municipalities.some((m) => m.gebied === c))))}>
            {t('monitoring.none')}
          </button>
        </div>
      </fieldset>
      <Suspense fallback={<div className="jt-chart mon-chart" />}>
        <SeriesChart
          periods={reeks.perioden}
          lines={lines}
          eenheid={ind.eenheid}
          label={t('monitoring.chartLabel', { indicator: ind.naam, lijnen: lines.map((l) => l.name).join(', ') })}
        />
      </Suspense>
      <details className="jt-details mon-chart-table">
        <summary>{t('monitoring.chartTable')}</summary>
        <ChartTable periods={reeks.perioden} lines={lines} eenheid={ind.eenheid} caption={t('monitoring.chartCaption', { indicator: ind.naam })} />
      </details>
    </section>
  );
}

function Check(props: { id: string; label: string; checked: boolean; onChange: (on: boolean) => void; swatch: string; dashed?: boolean }) {
  return (
    <label className="mon-check" htmlFor={props.id}>
      <input id={props.id} type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <span className={`mon-check__swatch${props.dashed ? ' mon-check__swatch--dashed' : ''}`} style={{ borderColor: props.swatch }} aria-hidden="true" />
      {props.label}
    </label>
  );
}

function ChartTable({ periods, lines, eenheid, caption }: { periods: string[]; lines: ChartLine[]; eenheid: string; caption: string }) {
  return (
    <TableScroll label={t('monitoring.chartTableLabel')}>
      <table className="utrecht-table utrecht-table--html-table jt-table" data-testid="reeks-tabel">
        <caption className="jt-visually-hidden">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {t('monitoring.period')}
            </th>
            {lines.map((l) => (
              <th key={l.name} scope="col" className="utrecht-table__header-cell mon-num">
                {l.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {periods.map((p, i) => (
            <tr key={p} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell mon-rowhead">
                {formatPeriod(p)}
              </th>
              {lines.map((l) => (
                <td key={l.name} className="utrecht-table__cell mon-num">
                  {formatValue(l.values[i], eenheid)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

// ---- one period: map and ranking ----

function SnapshotSection({ data }: { data: IndicatorData }) {
  const { indicator: ind, reeks } = data;
  const [params, update] = useUrlParams();
  const requested = params.get('periode') ?? '';
  const periode = reeks.perioden.includes(requested) ? requested : '';
  const latest = reeks.perioden[reeks.perioden.length - 1];
  const path = `${MONITORING}/indicatoren/${encodeURIComponent(ind.code)}/momentopname${periode ? `?periode=${periode}` : ''}`;
  const res = useResource<Momentopname>((signal) => get<Momentopname>(path, signal), [path]);
  return (
    <section className="jt-section" aria-labelledby="per-gemeente">
      <h2 id="per-gemeente" className="utrecht-heading-2">
        {t('monitoring.perMunicipality')}
      </h2>
      <p className="utrecht-paragraph">{t('monitoring.snapshotIntro')}</p>
      <div className="jt-filters">
        <Field id="mon-periode" label={t('monitoring.choosePeriod')}>
          {(a) => (
            <select
              {...a}
              className="utrecht-select utrecht-select--html-select"
              value={periode}
              onChange={(e) => update({ periode: e.target.value })}
            >
              <option value="">{t('monitoring.latest', { periode: formatPeriod(latest) })}</option>
              {[...reeks.perioden].reverse().map((p) => (
                <option key={p} value={p}>
                  {formatPeriod(p)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Loaded resource={res}>
        {(snap) =>
          snap.gemeenten.length === 0 ? (
            <Empty>{t('monitoring.noData')}</Empty>
          ) : (
            <div className="mon-snapshot">
              <div>
                <h3 className="utrecht-heading-3">{t('monitoring.map')}</h3>
                <Suspense fallback={<Loading label={t('monitoring.mapLoading')} />}>
                  <MunicipalityMap rows={snap.gemeenten} eenheid={ind.eenheid} label={t('monitoring.mapLabel', { indicator: ind.naam, periode: formatPeriod(snap.periode) })} />
                </Suspense>
              </div>
              <div>
                <h3 className="utrecht-heading-3">{t('monitoring.ranking')}</h3>
                <RankingTable snapshot={snap} />
              </div>
            </div>
          )
        }
      </Loaded>
    </section>
  );
}
