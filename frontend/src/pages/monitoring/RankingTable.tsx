// The municipalities ranked on an indicator for one period, best first, with the norm, the status
// against it and the trend; the region below. It is also the text alternative of the map.
import type { Momentopname } from '../../api/types/monitoring';
import { StatusBadge } from '../../components/Badges';
import { t, tk } from '../../i18n';
import { formatCell, formatPeriod, normText, rankMunicipalities, statusLabel, statusTone, trendArrow, trendText, withUnit } from './lib';
import { TableScroll } from './TableScroll';

export function RankingTable({ snapshot }: { snapshot: Momentopname }) {
  const { indicator, periode, regio, gemeenten } = snapshot;
  const rows = rankMunicipalities(gemeenten, indicator.richting);
  const unit = indicator.eenheid;
  const trendPeriods = gemeenten.find((g) => g.trend?.perioden)?.trend?.perioden;
  // One norm for all (the usual case) goes in the caption instead of a column of its own.
  const norms = new Set(gemeenten.map((g) => g.norm?.id ?? ''));
  const sharedNorm = norms.size === 1 ? (gemeenten[0]?.norm ?? null) : undefined;
  const normColumn = sharedNorm === undefined;
  return (
    <TableScroll label={t('monitoring.rankingLabel')}>
      <table className="utrecht-table utrecht-table--html-table jt-table mon-ranking" data-testid="rangorde">
        <caption className="mon-caption">
          {t('monitoring.rankingCaption', { periode: formatPeriod(periode), richting: tk('monitoring.direction', indicator.richting).toLowerCase() })}
          {sharedNorm && <span className="mon-sub">{t('monitoring.normAll', { norm: normText(sharedNorm, unit) })}</span>}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell mon-num">
              {t('monitoring.rank')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t('monitoring.municipality')}
            </th>
            <th scope="col" className="utrecht-table__header-cell mon-num">
              {withUnit(t('monitoring.value'), unit)}
            </th>
            {normColumn && (
              <th scope="col" className="utrecht-table__header-cell">
                {t('monitoring.norm')}
              </th>
            )}
            <th scope="col" className="utrecht-table__header-cell">
              {t('monitoring.status')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {trendPeriods ? t('monitoring.trendHead', { perioden: trendPeriods }) : t('monitoring.trend')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((g) => (
            <tr key={g.code} className="utrecht-table__row" data-code={g.code}>
              <td className="utrecht-table__cell mon-num">{g.rang ?? '–'}</td>
              <th scope="row" className="utrecht-table__header-cell mon-rowhead">
                {g.naam}
              </th>
              <td className="utrecht-table__cell mon-num">
                {typeof g.waarde === 'number' ? formatCell(g.waarde, unit) : <span className="jt-muted">{t('monitoring.noValue')}</span>}
                {g.periode && periode && g.periode !== periode && <span className="mon-sub">{t('monitoring.valuePeriod', { periode: formatPeriod(g.periode, 'short') })}</span>}
              </td>
              {normColumn && <td className="utrecht-table__cell">{normText(g.norm, unit, true)}</td>}
              <td className="utrecht-table__cell mon-nowrap">{g.normStatus ? <StatusBadge tone={statusTone(g.normStatus)}>{statusLabel(g.normStatus)}</StatusBadge> : <span className="jt-muted">{statusLabel(null)}</span>}</td>
              <td className="utrecht-table__cell">
                {g.trend && (
                  <>
                    <span aria-hidden="true" className="mon-arrow">
                      {trendArrow(g.trend)}
                    </span>{' '}
                    {trendText(g.trend)}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="utrecht-table__row mon-region-row">
            <td className="utrecht-table__cell" />
            <th scope="row" className="utrecht-table__header-cell mon-rowhead mon-wrap">
              {t('monitoring.regionValue')}
              <span className="mon-sub">{regio.berekend ? t('monitoring.regionComputed', { regel: tk('monitoring.rule', regio.regel ?? indicator.regionaleWaarde).toLowerCase() }) : t('monitoring.regionOwn')}</span>
            </th>
            <td className="utrecht-table__cell mon-num">
              {typeof regio.waarde === 'number' ? formatCell(regio.waarde, unit) : <span className="jt-muted">{t('monitoring.noValue')}</span>}
            </td>
            {normColumn && <td className="utrecht-table__cell">{normText(regio.norm, unit, true)}</td>}
            <td className="utrecht-table__cell mon-nowrap">{regio.normStatus ? <StatusBadge tone={statusTone(regio.normStatus)}>{statusLabel(regio.normStatus)}</StatusBadge> : <span className="jt-muted">{statusLabel(null)}</span>}</td>
            <td className="utrecht-table__cell" />
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
