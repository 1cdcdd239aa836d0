// The contributions of one year, one by one, with their CSV export; editors add and change them
// here (the form opens above the list).
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { request, CONTRIBUTIONS } from '../../api/client';
import type { Bijdrage, BijdrageAntwoord } from '../../api/types/budget';
import { Field } from '../../components/Field';
import { Alert, Empty } from '../../components/States';
import { t, tk } from '../../i18n';
import { formatDate } from '../../lib/format';
import { explain } from '../../lib/problems';
import { ContributionForm } from './ContributionForm';
import { contributionAmount, euro } from './money';
import { contributorLabel, scopeLabel, sourceName, type Names } from './names';
import { DownloadButton } from './ui';

type Editing = { kind: 'new' } | { kind: 'edit'; data: Bijdrage; etag: string | null } | null;

export function ContributionsSection({ bijdragen, years, initialYear, names, editable, onChanged }: {
  bijdragen: Bijdrage[];
  years: number[];
  initialYear: number;
  names: Names;
  editable: boolean;
  onChanged: () => void;
}) {
  const [year, setYear] = useState(initialYear);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<BijdrageAntwoord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const list = bijdragen
    .filter((b) => b.jaar === year)
    .sort((a, b) => contributorLabel(a, names).localeCompare(contributorLabel(b, names), 'nl') || a.status.localeCompare(b.status));

  async function openEdit(b: Bijdrage) {
    setSaved(null);
    setError(null);
    try {
      const cur = await request<Bijdrage>(`${CONTRIBUTIONS}/bijdragen/${b.id}`);
      setEditing({ kind: 'edit', data: cur.data, etag: cur.etag });
    } catch (e) {
      setError(explain(e).message);
    }
  }

  const th = 'utrecht-table__header-cell';
  return (
    <section className="jt-section" aria-labelledby="bijdragen-titel">
      <h2 id="bijdragen-titel" className="utrecht-heading-2">
        {t('budget.contributions.title')}
      </h2>
      <div className="jt-filters jt-budget-toolbar">
        <Field id="bijdragen-jaar" label={t('budget.field.jaar')}>
          {(a) => (
            <select {...a} className="utrecht-select utrecht-select--html-select" value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </Field>
        <DownloadButton path={`${CONTRIBUTIONS}/exports/bijdragen?jaar=${year}`} fileName={`bijdragen-${year}.csv`} label={t('budget.csv.contributions', { jaar: year })} />
      </div>
      {saved && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t('budget.contribution.saved')}</p>
          {saved.waarschuwingen?.length > 0 && (
            <ul>
              {saved.waarschuwingen.map((w, i) => (
                <li key={i}>{w.melding}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {error && <Alert type="error">{error}</Alert>}
      {editable &&
        (editing ? (
          <ContributionForm
            key={editing.kind === 'edit' ? editing.data.id : 'new'}
            contribution={editing.kind === 'edit' ? editing : undefined}
            defaultYear={year}
            names={names}
            onCancel={() => {
              setEditing(null);
              requestAnimationFrame(() => addRef.current?.focus());
            }}
            onSaved={(b) => {
              setEditing(null);
              setSaved(b);
              setYear(b.jaar);
              onChanged();
            }}
          />
        ) : (
          <p className="jt-form-open">
            <button
              ref={addRef}
              type="button"
              className="utrecht-button utrecht-button--primary-action"
              onClick={() => {
                setSaved(null);
                setEditing({ kind: 'new' });
              }}
            >
              {t('budget.contribution.add')}
            </button>
          </p>
        ))}
      {list.length === 0 ? (
        <Empty>{t('budget.contributions.none', { jaar: year })}</Empty>
      ) : (
        <div className="utrecht-table-container jt-table-scroll" tabIndex={0} role="region" aria-labelledby="bijdragen-caption">
          <table className="utrecht-table utrecht-table--html-table jt-table jt-budget-table" data-testid="bijdragen-tabel">
            <caption id="bijdragen-caption" className="jt-budget-caption">
              {t('budget.contributions.caption', { jaar: year, aantal: list.length })}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className={th}>
                  {t('budget.partners.partner')}
                </th>
                <th scope="col" className={th}>
                  {t('budget.field.scopeContribution')}
                </th>
                <th scope="col" className={th}>
                  {t('budget.field.contributionStatus')}
                </th>
                <th scope="col" className={`${th} jt-budget-num`}>
                  {t('budget.contributions.amount')}
                </th>
                <th scope="col" className={`${th} jt-budget-num`}>
                  {t('budget.contributions.value')}
                </th>
                <th scope="col" className={th}>
                  {t('budget.field.bron')}
                </th>
                <th scope="col" className={th}>
                  {t('budget.field.datum')}
                </th>
                {editable && (
                  <th scope="col" className={th}>
                    <span className="jt-visually-hidden">{t('budget.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {list.map((b) => (
                <tr key={b.id} className="utrecht-table__row">
                  <th scope="row" className={th}>
                    {contributorLabel(b, names)}
                    {b.toelichting && <span className="jt-list__meta jt-budget-block">{b.toelichting}</span>}
                  </th>
                  <td className="utrecht-table__cell">
                    {b.scope === 'project' && b.projectId ? (
                      <Link className="utrecht-link" to={`/projecten/${b.projectId}`}>
                        {scopeLabel(b, names)}
                      </Link>
                    ) : (
                      scopeLabel(b, names)
                    )}
                  </td>
                  <td className="utrecht-table__cell">{tk('budget.status', b.status)}</td>
                  <td className="utrecht-table__cell jt-budget-num">{contributionAmount(b)}</td>
                  <td className="utrecht-table__cell jt-budget-num">{euro(b.waarde)}</td>
                  <td className="utrecht-table__cell">{sourceName(b.financieringsbronId, names)}</td>
                  <td className="utrecht-table__cell jt-budget-nowrap">{formatDate(b.datum)}</td>
                  {editable && (
                    <td className="utrecht-table__cell">
                      <button type="button" className="utrecht-button utrecht-button--secondary-action jt-budget-small" onClick={() => void openEdit(b)} aria-label={t('budget.contribution.editOf', { naam: contributorLabel(b, names), bedrag: contributionAmount(b) })}>
                        {t('budget.edit')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
