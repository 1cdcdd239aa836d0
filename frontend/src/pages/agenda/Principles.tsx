// The principles matrix: the action lines (with their projects, expandable) against the 8 guiding
// principles and against the 8 reform lines. A cell counts the projects that contribute; a ✓ marks
// what the action line itself names under "Draagt bij aan"; a column nothing contributes to is
// hatched and named above the table, so it never depends on colour alone.
import { useState } from 'react';
import { Link } from 'react-router';
import { get, getAll, PORTFOLIO } from '../../api/client';
import type { Actielijnen, Hervormingslijnen, Principes, Project } from '../../api/types';
import { useTitle } from '../../components/Layout';
import { Empty, Loaded } from '../../components/States';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { buildMatrix, emptyColumns, level, strongest, type Dimension, type Matrix } from './matrix';
import '../../styles/agenda.css';

interface MatrixData {
  principes: Principes['principes'];
  hervormingslijnen: Hervormingslijnen['hervormingslijnen'];
  lijnen: Actielijnen['actielijnen'];
  projecten: Project[];
}

export default function PrinciplesPage() {
  useTitle(t('agenda.principles.title'));
  const res = useResource<MatrixData>(async (signal) => {
    const [pr, hv, al, projecten] = await Promise.all([
      get<Principes>(`${PORTFOLIO}/principes`, signal),
      get<Hervormingslijnen>(`${PORTFOLIO}/hervormingslijnen`, signal),
      get<Actielijnen>(`${PORTFOLIO}/actielijnen`, signal),
      getAll<Project>(`${PORTFOLIO}/projecten`, 'projecten', signal, 5000),
    ]);
    return { principes: pr.principes, hervormingslijnen: hv.hervormingslijnen, lijnen: al.actielijnen, projecten };
  }, []);
  return (
    <>
      <h1 className="utrecht-heading-1">{t('agenda.principles.title')}</h1>
      <p className="utrecht-paragraph jt-lead">{t('agenda.principles.intro')}</p>
      <Loaded resource={res}>
        {(d) =>
          d.lijnen.length === 0 ? (
            <Empty />
          ) : (
            <>
              <Legend />
              <MatrixSection dim="principes" matrix={buildMatrix(d.principes, d.lijnen, d.projecten, 'principes')} />
              <MatrixSection dim="hervormingslijnen" matrix={buildMatrix(d.hervormingslijnen, d.lijnen, d.projecten, 'hervormingslijnen')} />
            </>
          )
        }
      </Loaded>
    </>
  );
}

function Legend() {
  return (
    <section className="jt-matrix-legend" aria-labelledby="matrix-legend">
      <h2 id="matrix-legend" className="utrecht-heading-3">
        {t('agenda.matrix.legendTitle')}
      </h2>
      <ul className="jt-plainlist">
        <li>{t('agenda.matrix.legendCount')}</li>
        <li>
          <span className="jt-matrix__declared" aria-hidden="true">
            ✓
          </span>{' '}
          {t('agenda.matrix.legendDeclared')}
        </li>
        <li>
          <span className="jt-matrix__swatch jt-matrix__cell--empty" aria-hidden="true" /> {t('agenda.matrix.legendEmpty')}
        </li>
        <li>{t('agenda.matrix.legendStopped')}</li>
      </ul>
    </section>
  );
}

const TEXT: Record<Dimension, { title: string; caption: string; prefix: string; col: string }> = {
  principes: { title: 'agenda.matrix.principlesTitle', caption: 'agenda.matrix.principlesCaption', prefix: 'agenda.matrix.principlePrefix', col: 'agenda.matrix.principle' },
  hervormingslijnen: { title: 'agenda.matrix.reformTitle', caption: 'agenda.matrix.reformCaption', prefix: 'agenda.matrix.reformPrefix', col: 'agenda.matrix.reformLine' },
};

function MatrixSection({ dim, matrix }: { dim: Dimension; matrix: Matrix }) {
  const [open, setOpen] = useState<Set<number>>(new Set());
  const txt = TEXT[dim];
  const k = (key: string) => t(key as 'agenda.matrix.principle');
  const empty = emptyColumns(matrix);
  const strong = strongest(matrix);
  const allOpen = open.size === matrix.lines.length;
  const colName = (c: { nummer: number; titel: string }) => `${k(txt.col)} ${c.nummer}: ${c.titel}`;
  const toggle = (n: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(n)) next.delete(n);
      else next.add(n);
      return next;
    });
  const emptyCol = matrix.columns.map((c) => c.projects === 0);

  return (
    <section className="jt-section" aria-labelledby={`${dim}-title`} data-testid={`matrix-${dim}`}>
      <h2 id={`${dim}-title`} className="utrecht-heading-2">
        {k(txt.title)}
      </h2>
      <ul className="jt-matrix-summary">
        <li>
          <strong>{t('agenda.matrix.strong')}</strong>{' '}
          {strong.length === 0 ? t('agenda.matrix.noneYet') : strong.map((c) => t('agenda.matrix.strongItem', { naam: colName(c), aantal: c.projects })).join('; ')}
        </li>
        <li className={empty.length ? 'jt-matrix-summary__gap' : undefined}>
          <strong>{t('agenda.matrix.gaps')}</strong>{' '}
          {empty.length === 0 ? t('agenda.matrix.noGaps') : empty.map((c) => colName(c)).join('; ')}
        </li>
      </ul>
      <p className="jt-matrix-tools">
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setOpen(allOpen ? new Set() : new Set(matrix.lines.map((l) => l.nummer)))}>
          {allOpen ? t('agenda.matrix.collapseAll') : t('agenda.matrix.expandAll')}
        </button>
      </p>
      <div className="jt-table-scroll jt-matrix-scroll" role="region" aria-labelledby={`${dim}-caption`} tabIndex={0}>
        <table className="utrecht-table utrecht-table--html-table jt-table jt-matrix">
          <caption id={`${dim}-caption`} className="utrecht-table__caption jt-matrix__caption">
            {k(txt.caption)}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell jt-matrix__rowhead">
                {t('agenda.matrix.rowHeader')}
              </th>
              {matrix.columns.map((c, i) => (
                <th key={c.nummer} scope="col" className={`utrecht-table__header-cell jt-matrix__col${emptyCol[i] ? ' jt-matrix__cell--empty' : ''}`} title={c.titel} data-testid="matrix-kolom">
                  <span aria-hidden="true">
                    {k(txt.prefix)}
                    {c.nummer}
                    {emptyCol[i] && <span className="jt-matrix__gapmark">!</span>}
                  </span>
                  <span className="jt-visually-hidden">
                    {colName(c)}
                    {emptyCol[i] ? ` (${t('agenda.matrix.nothing')})` : ''}
                  </span>
                </th>
              ))}
              <th scope="col" className="utrecht-table__header-cell jt-matrix__num">
                {t('agenda.matrix.total', { aantal: matrix.columns.length })}
              </th>
            </tr>
          </thead>
          {matrix.lines.map((l) => {
            const isOpen = open.has(l.nummer);
            return (
              <tbody key={l.nummer} className="utrecht-table__body">
                <tr className="utrecht-table__row jt-matrix__line">
                  <th scope="row" className="utrecht-table__header-cell jt-matrix__rowhead">
                    <button type="button" className="jt-matrix__toggle" aria-expanded={isOpen} onClick={() => toggle(l.nummer)}>
                      <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span> {l.nummer}. {l.titel} <span className="jt-count">{t('agenda.matrix.projectCount', { aantal: l.projects.length })}</span>
                    </button>
                  </th>
                  {l.counts.map((n, i) => (
                    <td key={i} className={`utrecht-table__cell jt-matrix__cell jt-matrix__cell--l${level(n, matrix.max)}${emptyCol[i] ? ' jt-matrix__cell--empty' : ''}`}>
                      <span aria-hidden="true">
                        {l.declared[i] && <span className="jt-matrix__declared">✓</span>}
                        {n}
                      </span>
                      <span className="jt-visually-hidden">
                        {t('agenda.matrix.cellProjects', { aantal: n })}
                        {l.declared[i] ? `; ${t('agenda.matrix.cellDeclared')}` : ''}
                      </span>
                    </td>
                  ))}
                  <td className="utrecht-table__cell jt-matrix__num">
                    {t('agenda.matrix.ofTotal', { aantal: l.total, totaal: matrix.columns.length })}
                  </td>
                </tr>
                {isOpen &&
                  (l.projects.length === 0 ? (
                    <tr className="utrecht-table__row jt-matrix__project">
                      <td className="utrecht-table__cell" colSpan={matrix.columns.length + 2}>
                        <span className="jt-empty">{t('agenda.matrix.noProjects')}</span>
                      </td>
                    </tr>
                  ) : (
                    l.projects.map((p) => (
                      <tr key={p.id} className="utrecht-table__row jt-matrix__project">
                        <th scope="row" className="utrecht-table__header-cell jt-matrix__rowhead">
                          <Link className="utrecht-link jt-clamp" to={`/projecten/${p.id}`} title={p.titel}>
                            {p.titel}
                          </Link>
                        </th>
                        {p.cells.map((on, i) => (
                          <td key={i} className={`utrecht-table__cell jt-matrix__cell${on ? ' jt-matrix__cell--on' : ''}${emptyCol[i] ? ' jt-matrix__cell--empty' : ''}`}>
                            <span aria-hidden="true">{on ? '●' : '·'}</span>
                            <span className="jt-visually-hidden">{on ? t('agenda.matrix.contributes') : t('agenda.matrix.notContributes')}</span>
                          </td>
                        ))}
                        <td className="utrecht-table__cell jt-matrix__num">{p.total}</td>
                      </tr>
                    ))
                  ))}
              </tbody>
            );
          })}
          <tfoot className="utrecht-table__footer">
            <tr className="utrecht-table__row jt-matrix__totals">
              <th scope="row" className="utrecht-table__header-cell jt-matrix__rowhead">
                {t('agenda.matrix.totalProjects')}
              </th>
              {matrix.columns.map((c, i) => (
                <td key={c.nummer} className={`utrecht-table__cell jt-matrix__cell${emptyCol[i] ? ' jt-matrix__cell--empty' : ''}`}>
                  {c.projects === 0 ? <strong>{t('agenda.matrix.zeroNothing')}</strong> : c.projects}
                </td>
              ))}
              <td className="utrecht-table__cell jt-matrix__num">{t('agenda.matrix.projectsTaken', { aantal: matrix.projectCount })}</td>
            </tr>
            <tr className="utrecht-table__row jt-matrix__totals">
              <th scope="row" className="utrecht-table__header-cell jt-matrix__rowhead">
                {t('agenda.matrix.totalLines')}
              </th>
              {matrix.columns.map((c, i) => (
                <td key={c.nummer} className={`utrecht-table__cell jt-matrix__cell${emptyCol[i] ? ' jt-matrix__cell--empty' : ''}`}>
                  {c.lines}
                </td>
              ))}
              <td className="utrecht-table__cell jt-matrix__num">{matrix.lines.length}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h3 className="utrecht-heading-3">{t('agenda.matrix.columnsTitle', { naam: k(txt.title) })}</h3>
      <ol className="jt-matrix-key">
        {matrix.columns.map((c) => (
          <li key={c.nummer}>
            <span className="jt-matrix-key__code" aria-hidden="true">
              {k(txt.prefix)}
              {c.nummer}
            </span>{' '}
            {c.titel}
          </li>
        ))}
      </ol>
    </section>
  );
}
