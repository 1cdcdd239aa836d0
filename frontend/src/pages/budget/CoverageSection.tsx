// Coverage and gap per year: a chart (loaded on demand) and the same figures as a table.
import { lazy, Suspense } from 'react';
import { t } from '../../i18n';
import { formatNumber } from '../../lib/format';
import type { CoverageYear } from './model';
import { euro, percent } from './money';

const CoverageChart = lazy(() => import('./CoverageChart'));

/** "€ 1.000,00 tekort" or "€ 200,00 overschot": the sign in words, not colour alone. */
export function Gap({ cents }: { cents: number }) {
  if (cents === 0) return <>{euro(0)}</>;
  return cents > 0 ? (
    <span className="jt-budget-gap">{t('budget.coverage.gapAmount', { bedrag: euro(cents) })}</span>
  ) : (
    <span className="jt-budget-surplus">{t('budget.coverage.surplusAmount', { bedrag: euro(-cents) })}</span>
  );
}

export function CoverageSection({ years }: { years: CoverageYear[] }) {
  return (
    <section className="jt-section" aria-labelledby="dekking-titel">
      <h2 id="dekking-titel" className="utrecht-heading-2">
        {t('budget.coverage.title')}
      </h2>
      <p className="jt-help">{t('budget.coverage.help')}</p>
      <Suspense fallback={<div className="jt-chart" />}>
        <CoverageChart years={years} />
      </Suspense>
      <div className="utrecht-table-container jt-table-scroll" tabIndex={0} role="region" aria-labelledby="dekking-caption">
        <table className="utrecht-table utrecht-table--html-table jt-table jt-budget-table" data-testid="dekking-tabel">
          <caption id="dekking-caption" className="jt-budget-caption">
            {t('budget.coverage.caption')}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {t('budget.field.jaar')}
              </th>
              <th scope="col" className="utrecht-table__header-cell jt-budget-num">
                {t('budget.aard.structureel')}
              </th>
              <th scope="col" className="utrecht-table__header-cell jt-budget-num">
                {t('budget.aard.incidenteel')}
              </th>
              <th scope="col" className="utrecht-table__header-cell jt-budget-num">
                {t('budget.coverage.budget')}
              </th>
              <th scope="col" className="utrecht-table__header-cell jt-budget-num">
                {t('budget.coverage.pledged')}
              </th>
              <th scope="col" className="utrecht-table__header-cell jt-budget-num">
                {t('budget.coverage.covered')}
              </th>
              <th scope="col" className="utrecht-table__header-cell jt-budget-num">
                {t('budget.coverage.gapOrSurplus')}
              </th>
              <th scope="col" className="utrecht-table__header-cell jt-budget-num">
                {t('budget.coverage.realised')}
              </th>
              <th scope="col" className="utrecht-table__header-cell jt-budget-num">
                {t('budget.coverage.spent')}
              </th>
              <th scope="col" className="utrecht-table__header-cell jt-budget-num">
                {t('budget.coverage.hours')}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {years.map((y) => (
              <tr key={y.jaar} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {y.jaar}
                </th>
                <td className="utrecht-table__cell jt-budget-num">{euro(y.structureel)}</td>
                <td className="utrecht-table__cell jt-budget-num">{euro(y.incidenteel)}</td>
                <td className="utrecht-table__cell jt-budget-num">{euro(y.begroot)}</td>
                <td className="utrecht-table__cell jt-budget-num">{euro(y.toegezegd)}</td>
                <td className="utrecht-table__cell jt-budget-num">{percent(y.toegezegd, y.begroot)}</td>
                <td className="utrecht-table__cell jt-budget-num">
                  <Gap cents={y.tekort} />
                </td>
                <td className="utrecht-table__cell jt-budget-num">{euro(y.gerealiseerd)}</td>
                <td className="utrecht-table__cell jt-budget-num">{euro(y.uitgegeven)}</td>
                <td className="utrecht-table__cell jt-budget-num">{formatNumber(y.uren)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
