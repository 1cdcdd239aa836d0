// The counts of an import (or a dry run) and its rejected rows: row, line, field, reason, and, for
// a file the user just chose, the text of the rejected line.
import type { Aantallen, Afwijzing } from '../../api/types/monitoring';
import { t, type MessageKey } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { TableScroll } from './TableScroll';

const COUNTS = ['rijen', 'aangemaakt', 'bijgewerkt', 'ongewijzigd', 'afgewezen', 'nietVerwerkt'] as const;

export function Counts({ counts }: { counts: Aantallen }) {
  return (
    <dl className="mon-counts" aria-label={t('monitoring.counts')}>
      {COUNTS.filter((k) => k !== 'nietVerwerkt' || (counts.nietVerwerkt ?? 0) > 0).map((k) => (
        <div key={k} className={`mon-counts__item${k === 'afgewezen' && counts.afgewezen > 0 ? ' mon-counts__item--bad' : ''}`} data-testid={`aantal-${k}`}>
          <dt>{t(`monitoring.count.${k}` as MessageKey)}</dt>
          <dd>{formatNumber(counts[k] ?? 0)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function RejectionTable({ rows, lines }: { rows: Afwijzing[]; lines?: string[] }) {
  return (
    <TableScroll label={t('monitoring.rejectionsLabel')}>
      <table className="utrecht-table utrecht-table--html-table jt-table mon-rejections" data-testid="afwijzingen">
        <caption className="jt-visually-hidden">{t('monitoring.rejectionsCaption')}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell mon-num">
              {t('monitoring.row')}
            </th>
            <th scope="col" className="utrecht-table__header-cell mon-num">
              {t('monitoring.line')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t('monitoring.field')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t('monitoring.reason')}
            </th>
            {lines && (
              <th scope="col" className="utrecht-table__header-cell">
                {t('monitoring.lineContent')}
              </th>
            )}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((r, i) => (
            <tr key={`${r.rij}-${r.veld}-${i}`} className="utrecht-table__row">
              <td className="utrecht-table__cell mon-num">{r.rij}</td>
              <td className="utrecht-table__cell mon-num">{r.regel ?? ''}</td>
              <td className="utrecht-table__cell">
                <code>{r.veld}</code>
              </td>
              <td className="utrecht-table__cell">{r.reden}</td>
              {lines && (
                <td className="utrecht-table__cell">
                  <code className="mon-line">{r.regel ? (lines[r.regel - 1] ?? '') : ''}</code>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
