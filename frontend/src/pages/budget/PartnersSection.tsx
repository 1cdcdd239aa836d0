// Contributions per partner (who pledged how much per year, realised, staff hours) and the
// funding sources with what is available and pledged.
import { Link } from 'react-router';
import type { Bijdrage } from '../../api/types/budget';
import { Empty } from '../../components/States';
import { t, tk } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { byPartner } from './model';
import { euro } from './money';
import { contributorLabel, type Names } from './names';

export function PartnersSection({ bijdragen, years, names }: { bijdragen: Bijdrage[]; years: number[]; names: Names }) {
  const rows = byPartner(bijdragen, (r) => contributorLabel(r, names));
  const th = 'utrecht-table__header-cell';
  const td = 'utrecht-table__cell jt-budget-num';
  return (
    <section className="jt-section" aria-labelledby="partners-titel">
      <h2 id="partners-titel" className="utrecht-heading-2">
        {t('budget.partners.title')}
      </h2>
      {rows.length === 0 ? (
        <Empty>{t('budget.partners.none')}</Empty>
      ) : (
        <div className="utrecht-table-container jt-table-scroll" tabIndex={0} role="region" aria-labelledby="partners-caption">
          <table className="utrecht-table utrecht-table--html-table jt-table jt-budget-table" data-testid="partners-tabel">
            <caption id="partners-caption" className="jt-budget-caption">
              {t('budget.partners.caption')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className={th}>
                  {t('budget.partners.partner')}
                </th>
                {years.map((y) => (
                  <th key={y} scope="col" className={`${th} jt-budget-num`}>
                    {y}
                  </th>
                ))}
                <th scope="col" className={`${th} jt-budget-num`}>
                  {t('budget.partners.totalPledged')}
                </th>
                <th scope="col" className={`${th} jt-budget-num`}>
                  {t('budget.partners.totalRealised')}
                </th>
                <th scope="col" className={`${th} jt-budget-num`}>
                  {t('budget.coverage.hours')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((r) => (
                <tr key={r.key} className="utrecht-table__row">
                  <th scope="row" className={th}>
                    {r.gemeente && !r.organisatie ? (
                      <Link className="utrecht-link" to={`/begroting/gemeenten/${r.gemeente}`}>
                        {contributorLabel(r, names)}
                      </Link>
                    ) : (
                      contributorLabel(r, names)
                    )}
                  </th>
                  {years.map((y) => (
                    <td key={y} className={td}>
                      {r.toegezegd[y] ? euro(r.toegezegd[y]) : <span className="jt-muted">—</span>}
                    </td>
                  ))}
                  <td className={td}>{euro(r.totaalToegezegd)}</td>
                  <td className={td}>{euro(r.totaalGerealiseerd)}</td>
                  <td className={td}>{r.uren ? formatNumber(r.uren) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3 className="utrecht-heading-3">{t('budget.sources.title')}</h3>
      {names.bronnen.length === 0 ? (
        <Empty>{t('budget.sources.none')}</Empty>
      ) : (
        <div className="utrecht-table-container jt-table-scroll" tabIndex={0} role="region" aria-labelledby="bronnen-caption">
          <table className="utrecht-table utrecht-table--html-table jt-table jt-budget-table" data-testid="bronnen-tabel">
            <caption id="bronnen-caption" className="jt-budget-caption">
              {t('budget.sources.caption')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className={th}>
                  {t('budget.sources.name')}
                </th>
                <th scope="col" className={th}>
                  {t('budget.sources.kind')}
                </th>
                <th scope="col" className={th}>
                  {t('budget.sources.provider')}
                </th>
                <th scope="col" className={th}>
                  {t('budget.sources.period')}
                </th>
                <th scope="col" className={`${th} jt-budget-num`}>
                  {t('budget.sources.available')}
                </th>
                <th scope="col" className={`${th} jt-budget-num`}>
                  {t('budget.sources.pledged')}
                </th>
                <th scope="col" className={`${th} jt-budget-num`}>
                  {t('budget.sources.left')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {names.bronnen.map((b) => (
                <tr key={b.id} className="utrecht-table__row">
                  <th scope="row" className={th}>
                    {b.naam}
                    {b.voorwaarden && <span className="jt-list__meta jt-budget-block">{b.voorwaarden}</span>}
                  </th>
                  <td className="utrecht-table__cell">{tk('budget.sourceKind', b.soort)}</td>
                  <td className="utrecht-table__cell">{b.verstrekker ? (names.organisaties.get(b.verstrekker) ?? b.verstrekker) : ''}</td>
                  <td className="utrecht-table__cell jt-budget-nowrap">{b.periodeVan || b.periodeTot ? t('budget.sources.periodValue', { van: formatDate(b.periodeVan) || '…', tot: formatDate(b.periodeTot) || '…' }) : ''}</td>
                  <td className={td}>{b.beschikbaarBedrag === null ? <span className="jt-muted">{t('budget.sources.open')}</span> : euro(b.beschikbaarBedrag)}</td>
                  <td className={td}>{euro(b.toegezegd)}</td>
                  <td className={td}>{b.beschikbaarBedrag === null ? '' : euro(b.beschikbaarBedrag - b.toegezegd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
