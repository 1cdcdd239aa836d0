// The multi-year budget as one table: years as columns, the lines grouped by scope, subtotals of
// structural and incidental costs, totals per year. Each amount links to its budget line.
import { Link } from 'react-router';
import { t, tk } from '../../i18n';
import { sumOf, type BudgetGroup, type BudgetTable as Table, type PerYear } from './model';
import { euro } from './money';
import { scopeLabel, type Names } from './names';

export function BudgetTable({ table, names }: { table: Table; names: Names }) {
  const cols = table.years.length + 3;
  return (
    <div className="utrecht-table-container jt-table-scroll" tabIndex={0} role="region" aria-labelledby="begroting-caption">
      <table className="utrecht-table utrecht-table--html-table jt-table jt-budget-table" data-testid="begroting-tabel">
        <caption id="begroting-caption" className="jt-budget-caption">
          {t('budget.table.caption', { van: table.years[0], tot: table.years[table.years.length - 1] })}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {t('budget.table.line')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t('budget.field.aard')}
            </th>
            {table.years.map((y) => (
              <th key={y} scope="col" className="utrecht-table__header-cell jt-budget-num">
                {y}
              </th>
            ))}
            <th scope="col" className="utrecht-table__header-cell jt-budget-num">
              {t('budget.table.total')}
            </th>
          </tr>
        </thead>
        {table.groups.map((g) => (
          <Group key={g.key} group={g} years={table.years} cols={cols} names={names} />
        ))}
        <tfoot className="jt-budget-totals">
          <SumRow label={t('budget.table.totalStructural')} values={table.structureel} years={table.years} />
          <SumRow label={t('budget.table.totalIncidental')} values={table.incidenteel} years={table.years} />
          <SumRow label={t('budget.table.totalBudget')} values={table.totaal} years={table.years} strong />
        </tfoot>
      </table>
    </div>
  );
}

function Group({ group: g, years, cols, names }: { group: BudgetGroup; years: number[]; cols: number; names: Names }) {
  const label = scopeLabel(g.ref, names);
  const both = g.rows.some((r) => r.aard === 'structureel') && g.rows.some((r) => r.aard === 'incidenteel');
  return (
    <tbody className="utrecht-table__body">
      <tr className="utrecht-table__row jt-budget-group">
        <th scope="colgroup" colSpan={cols} className="utrecht-table__header-cell">
          {g.ref.scope === 'project' && g.ref.projectId ? (
            <Link className="utrecht-link" to={`/projecten/${g.ref.projectId}`}>
              {label}
            </Link>
          ) : (
            label
          )}
        </th>
      </tr>
      {g.rows.map((r) => (
        <tr key={r.key} className="utrecht-table__row">
          <th scope="row" className="utrecht-table__header-cell jt-budget-rowhead">
            <span className="jt-budget-category">{r.categorie}</span> {r.omschrijving}
          </th>
          <td className="utrecht-table__cell">{tk('budget.aard', r.aard)}</td>
          {years.map((y) => {
            const line = r.lines[y];
            return (
              <td key={y} className="utrecht-table__cell jt-budget-num">
                {line ? (
                  <>
                    <Link className="utrecht-link" to={`/begroting/regels/${line.id}`} aria-label={t('budget.table.lineLink', { omschrijving: r.omschrijving, jaar: y, bedrag: euro(line.bedrag) })}>
                      {euro(line.bedrag)}
                    </Link>
                    {line.status === 'raming' && <span className="jt-budget-estimate">{t('budget.status.raming')}</span>}
                  </>
                ) : (
                  <span className="jt-muted">—</span>
                )}
              </td>
            );
          })}
          <td className="utrecht-table__cell jt-budget-num">{euro(r.total)}</td>
        </tr>
      ))}
      {both && <SumRow label={t('budget.table.subtotalStructural')} values={g.structureel} years={years} />}
      {both && <SumRow label={t('budget.table.subtotalIncidental')} values={g.incidenteel} years={years} />}
      <SumRow label={t('budget.table.totalOf', { naam: label })} values={g.totaal} years={years} strong />
    </tbody>
  );
}

function SumRow({ label, values, years, strong }: { label: string; values: PerYear; years: number[]; strong?: boolean }) {
  return (
    <tr className={`utrecht-table__row jt-budget-sum${strong ? ' jt-budget-sum--strong' : ''}`}>
      <th scope="row" colSpan={2} className="utrecht-table__header-cell">
        {label}
      </th>
      {years.map((y) => (
        <td key={y} className="utrecht-table__cell jt-budget-num">
          {euro(values[y] ?? 0)}
        </td>
      ))}
      <td className="utrecht-table__cell jt-budget-num">{euro(sumOf(values))}</td>
    </tr>
  );
}
