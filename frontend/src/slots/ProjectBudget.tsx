// Slot of the budget area on the project page: the project's budget lines and contributions
// (contributions API, filter projectId), or a short empty state when there are none.
import { Link } from 'react-router';
import { getAll, CONTRIBUTIONS } from '../api/client';
import type { Begrotingsregel, Bijdrage } from '../api/types/budget';
import { useSession } from '../auth/useSession';
import { Empty, Loaded } from '../components/States';
import { t, tk } from '../i18n';
import { useResource } from '../lib/useResource';
import { contributionAmount, euro } from '../pages/budget/money';
import { contributorLabel, loadNames, NO_NAMES, type Names } from '../pages/budget/names';
import { canReadBudget } from '../pages/budget/ui';
import '../styles/budget.css';

interface Data {
  lines: Begrotingsregel[];
  bijdragen: Bijdrage[];
  names: Names;
}

export default function ProjectBudget({ projectId }: { projectId: string }) {
  const { user } = useSession();
  return canReadBudget(user) ? <Section projectId={projectId} /> : null;
}

function Section({ projectId }: { projectId: string }) {
  const res = useResource<Data>(
    async (signal) => {
      const id = encodeURIComponent(projectId);
      const [lines, bijdragen] = await Promise.all([
        getAll<Begrotingsregel>(`${CONTRIBUTIONS}/begrotingsregels?projectId=${id}`, 'begrotingsregels', signal),
        getAll<Bijdrage>(`${CONTRIBUTIONS}/bijdragen?projectId=${id}`, 'bijdragen', signal),
      ]);
      // Names only when there are contributions to name.
      const names = bijdragen.length ? await loadNames(['gemeenten', 'organisaties'], signal) : NO_NAMES;
      return { lines, bijdragen, names };
    },
    [projectId],
  );
  return (
    <section className="jt-section" aria-labelledby="project-begroting" data-testid="project-begroting">
      <h2 id="project-begroting" className="utrecht-heading-2">
        {t('budget.project.title')}
      </h2>
      <Loaded resource={res}>{(d) => (d.lines.length === 0 && d.bijdragen.length === 0 ? <Empty>{t('budget.project.none')}</Empty> : <ProjectMoney data={d} />)}</Loaded>
    </section>
  );
}

function ProjectMoney({ data: { lines, bijdragen, names } }: { data: Data }) {
  const th = 'utrecht-table__header-cell';
  const num = 'utrecht-table__cell jt-budget-num';
  const sortedLines = [...lines].sort((a, b) => a.jaar - b.jaar || a.omschrijving.localeCompare(b.omschrijving, 'nl'));
  const sortedContributions = [...bijdragen].sort((a, b) => a.jaar - b.jaar || contributorLabel(a, names).localeCompare(contributorLabel(b, names), 'nl'));
  const pledged = bijdragen.filter((b) => b.status === 'toegezegd').reduce((a, b) => a + b.waarde, 0);
  return (
    <>
      <h3 className="utrecht-heading-3">{t('budget.project.lines')}</h3>
      {sortedLines.length === 0 ? (
        <Empty>{t('budget.project.noLines')}</Empty>
      ) : (
        <div className="utrecht-table-container jt-table-scroll" tabIndex={0} role="region" aria-label={t('budget.project.lines')}>
          <table className="utrecht-table utrecht-table--html-table jt-table jt-budget-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className={th}>{t('budget.field.jaar')}</th>
                <th scope="col" className={th}>{t('budget.field.omschrijving')}</th>
                <th scope="col" className={th}>{t('budget.field.aard')}</th>
                <th scope="col" className={th}>{t('budget.field.status')}</th>
                <th scope="col" className={`${th} jt-budget-num`}>{t('budget.field.bedrag')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {sortedLines.map((l) => (
                <tr key={l.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{l.jaar}</td>
                  <th scope="row" className={th}>
                    <Link className="utrecht-link" to={`/begroting/regels/${l.id}`}>
                      {l.omschrijving}
                    </Link>
                  </th>
                  <td className="utrecht-table__cell">{tk('budget.aard', l.aard)}</td>
                  <td className="utrecht-table__cell">{tk('budget.status', l.status)}</td>
                  <td className={num}>{euro(l.bedrag)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot className="jt-budget-totals">
              <tr className="utrecht-table__row jt-budget-sum jt-budget-sum--strong">
                <th scope="row" colSpan={4} className={th}>{t('budget.table.total')}</th>
                <td className={num}>{euro(lines.reduce((a, l) => a + l.bedrag, 0))}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <h3 className="utrecht-heading-3">{t('budget.project.contributions')}</h3>
      {sortedContributions.length === 0 ? (
        <Empty>{t('budget.project.noContributions')}</Empty>
      ) : (
        <div className="utrecht-table-container jt-table-scroll" tabIndex={0} role="region" aria-label={t('budget.project.contributions')}>
          <table className="utrecht-table utrecht-table--html-table jt-table jt-budget-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className={th}>{t('budget.field.jaar')}</th>
                <th scope="col" className={th}>{t('budget.partners.partner')}</th>
                <th scope="col" className={th}>{t('budget.field.contributionStatus')}</th>
                <th scope="col" className={`${th} jt-budget-num`}>{t('budget.contributions.amount')}</th>
                <th scope="col" className={`${th} jt-budget-num`}>{t('budget.contributions.value')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {sortedContributions.map((b) => (
                <tr key={b.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{b.jaar}</td>
                  <th scope="row" className={th}>{contributorLabel(b, names)}</th>
                  <td className="utrecht-table__cell">{tk('budget.status', b.status)}</td>
                  <td className={num}>{contributionAmount(b)}</td>
                  <td className={num}>{euro(b.waarde)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot className="jt-budget-totals">
              <tr className="utrecht-table__row jt-budget-sum jt-budget-sum--strong">
                <th scope="row" colSpan={4} className={th}>{t('budget.project.totalPledged')}</th>
                <td className={num}>{euro(pledged)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <p>
        <Link className="utrecht-link" to="/begroting">
          {t('budget.tile.link')}
        </Link>
      </p>
    </>
  );
}
