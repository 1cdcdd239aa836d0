// /monitoring/signalen: the current signals (brandhaarden): municipalities where the latest value
// misses the norm, or that got worse several periods in a row; grouped per indicator, most
// serious first. The filters are the service's own parameters, kept in the URL.
import { Link } from 'react-router';
import { get, getAll, MONITORING, PORTFOLIO } from '../../api/client';
import type { Actielijnen } from '../../api/types';
import type { Gebied, Signaal, Signalen } from '../../api/types/monitoring';
import { StatusBadge } from '../../components/Badges';
import { Field } from '../../components/Field';
import { useTitle } from '../../components/Layout';
import { Empty, Loaded } from '../../components/States';
import { t, tk } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useUrlParams } from '../../lib/useUrlParams';
import { formatNumber } from '../../lib/format';
import { formatCell, formatPeriod, groupByIndicator, normText, statusLabel, statusTone, withUnit } from './lib';
import { MonitoringTabs } from './Tabs';
import { TableScroll } from './TableScroll';
import '../../styles/monitoring.css';

const PERIODS = [2, 3, 4, 5, 6];
const DEFAULT_PERIODS = 3;

export default function SignalsPage() {
  useTitle(t('monitoring.signals'));
  const [params, update] = useUrlParams();
  const soort = params.get('soort') ?? '';
  const actielijn = params.get('actielijn') ?? '';
  const gemeente = params.get('gemeente') ?? '';
  const perioden = Number(params.get('perioden')) || DEFAULT_PERIODS;
  const query = new URLSearchParams({ perioden: String(perioden) });
  if (soort) query.set('soort', soort);
  if (actielijn) query.set('actielijn', actielijn);
  if (gemeente) query.set('gemeente', gemeente);

  const choices = useResource(async (signal) => {
    const [gemeenten, lijnen] = await Promise.all([
      getAll<Gebied>(`${MONITORING}/gebieden?niveau=gemeente`, 'gebieden', signal).catch(() => [] as Gebied[]),
      get<Actielijnen>(`${PORTFOLIO}/actielijnen`, signal).then((a) => a.actielijnen, () => null),
    ]);
    return { gemeenten, lijnen: lijnen ?? [1, 2, 3, 4, 5].map((nummer) => ({ nummer, titel: '' })) };
  }, []);
  const res = useResource<Signalen>((signal) => get<Signalen>(`${MONITORING}/signalen?${query.toString()}`, signal), [query.toString()]);

  const set = (key: string, value: string) => update({ [key]: value });
  const gemeenten = choices.state === 'ready' ? [...choices.data.gemeenten].sort((a, b) => a.naam.localeCompare(b.naam, 'nl')) : [];
  const lijnen = choices.state === 'ready' ? choices.data.lijnen : [];

  return (
    <>
      <h1 className="utrecht-heading-1">{t('monitoring.signals')}</h1>
      <MonitoringTabs current="signalen" />
      <p className="utrecht-paragraph jt-lead">{t('monitoring.signalsIntro')}</p>
      <div className="jt-filters mon-filters" role="search">
        <Field id="sig-soort" label={t('monitoring.filterKind')}>
          {(a) => (
            <select {...a} className="utrecht-select utrecht-select--html-select" value={soort} onChange={(e) => set('soort', e.target.value)}>
              <option value="">{t('monitoring.allKinds')}</option>
              <option value="norm">{t('monitoring.kindOption.norm')}</option>
              <option value="verslechtering">{t('monitoring.kindOption.verslechtering')}</option>
            </select>
          )}
        </Field>
        <Field id="sig-actielijn" label={t('monitoring.filterLine')}>
          {(a) => (
            <select {...a} className="utrecht-select utrecht-select--html-select" value={actielijn} onChange={(e) => set('actielijn', e.target.value)}>
              <option value="">{t('monitoring.allLines')}</option>
              {lijnen.map((l) => (
                <option key={l.nummer} value={l.nummer}>
                  {l.titel ? t('monitoring.lineOption', { nummer: l.nummer, titel: l.titel }) : l.nummer}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="sig-gemeente" label={t('monitoring.filterMunicipality')}>
          {(a) => (
            <select {...a} className="utrecht-select utrecht-select--html-select" value={gemeente} onChange={(e) => set('gemeente', e.target.value)}>
              <option value="">{t('monitoring.allMunicipalities')}</option>
              {gemeenten.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.naam}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="sig-perioden" label={t('monitoring.filterPeriods')}>
          {(a) => (
            <select {...a} className="utrecht-select utrecht-select--html-select" value={perioden} onChange={(e) => set('perioden', e.target.value === String(DEFAULT_PERIODS) ? '' : e.target.value)}>
              {PERIODS.map((n) => (
                <option key={n} value={n}>
                  {t('monitoring.periodsOption', { aantal: n })}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Loaded resource={res}>{(d) => <SignalList data={d} />}</Loaded>
    </>
  );
}

function SignalList({ data }: { data: Signalen }) {
  const groups = groupByIndicator(data.signalen);
  const municipalities = new Set(data.signalen.map((s) => s.gemeente?.code)).size;
  return (
    <>
      <p className="utrecht-paragraph mon-summary" role="status">
        {data.signalen.length === 0 ? '' : t('monitoring.signalsCount', { aantal: data.signalen.length, gemeenten: municipalities, indicatoren: groups.length })}
      </p>
      {groups.length === 0 ? (
        <Empty>{t('monitoring.noSignals', { perioden: data.perioden })}</Empty>
      ) : (
        groups.map((g) => (
          <section key={g.code} className="jt-section mon-signal-group" aria-labelledby={`sig-${g.code}`} data-testid="signaalgroep">
            <h2 id={`sig-${g.code}`} className="utrecht-heading-2">
              <Link className="utrecht-link" to={`/monitoring/indicatoren/${encodeURIComponent(g.code)}`}>
                {g.naam}
              </Link>{' '}
              <span className="jt-count">({g.signalen.length})</span>
            </h2>
            <SignalTable indicator={g.naam} eenheid={g.eenheid} signals={g.signalen} />
          </section>
        ))
      )}
    </>
  );
}

function SignalTable({ indicator, eenheid, signals }: { indicator: string; eenheid: string; signals: Signaal[] }) {
  return (
    <TableScroll label={t('monitoring.signalsLabel', { indicator })}>
      <table className="utrecht-table utrecht-table--html-table jt-table">
        <caption className="jt-visually-hidden">{t('monitoring.signalsOf', { indicator })}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {t('monitoring.municipality')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t('monitoring.kindColumn')}
            </th>
            <th scope="col" className="utrecht-table__header-cell mon-num">
              {withUnit(t('monitoring.value'), eenheid)}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t('monitoring.norm')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t('monitoring.status')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {withUnit(t('monitoring.recent'), eenheid)}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {signals.map((s) => (
            <tr key={`${s.gemeente?.code}`} className="utrecht-table__row" data-testid="signaal">
              <th scope="row" className="utrecht-table__header-cell mon-rowhead">
                {s.gemeente?.naam}
              </th>
              <td className="utrecht-table__cell">
                <span className="mon-kinds">
                  {(s.soorten ?? []).map((k) => (
                    <StatusBadge key={k}>
                      {tk('monitoring.kind', k)}
                    </StatusBadge>
                  ))}
                </span>
              </td>
              <td className="utrecht-table__cell mon-num">
                {formatCell(s.waarde, eenheid)}
                <span className="mon-sub">{formatPeriod(s.periode, 'short')}</span>
              </td>
              <td className="utrecht-table__cell mon-nowrap">{normText(s.norm, eenheid, true)}</td>
              <td className="utrecht-table__cell mon-nowrap">{s.normStatus ? <StatusBadge tone={statusTone(s.normStatus)}>{statusLabel(s.normStatus)}</StatusBadge> : <span className="jt-muted">{statusLabel(null)}</span>}</td>
              <td className="utrecht-table__cell mon-recent">
                {(s.reeks ?? []).map((r, i) => (
                  <span key={r.periode}>
                    {i > 0 && <span aria-hidden="true"> → </span>}
                    <span className="mon-nowrap">
                      <span className="jt-visually-hidden">{formatPeriod(r.periode, 'short')}: </span>
                      {formatNumber(r.waarde)}
                    </span>
                    {i < (s.reeks?.length ?? 0) - 1 && <span className="jt-visually-hidden">, </span>}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
