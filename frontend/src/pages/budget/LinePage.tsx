// /begroting/regels/:id: one budget line with its expenditures and revisions; editors change it
// here (If-Match; an adopted line's change becomes a revision with its reason).
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { get, getAll, request, CONTRIBUTIONS } from '../../api/client';
import type { Begrotingsregel, Revisie, Uitgave } from '../../api/types/budget';
import { useSession } from '../../auth/useSession';
import { StatusBadge } from '../../components/Badges';
import { useTitle } from '../../components/Layout';
import { Alert, Empty, Loaded } from '../../components/States';
import { t, tk } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { LineForm } from './LineForm';
import { euro } from './money';
import { loadNames, scopeLabel, type Names } from './names';
import { canEditBudget, FactRow } from './ui';
import '../../styles/budget.css';

interface LineData {
  line: Begrotingsregel;
  etag: string | null;
  uitgaven: Uitgave[];
  revisies: Revisie[];
  names: Names;
}

export default function LinePage() {
  const id = useParams().id ?? '';
  const { user } = useSession();
  const res = useResource<LineData>(
    async (signal) => {
      const { data: line, etag } = await request<Begrotingsregel>(`${CONTRIBUTIONS}/begrotingsregels/${encodeURIComponent(id)}`, { signal });
      const [uitgaven, revisies, names] = await Promise.all([
        getAll<Uitgave>(`${CONTRIBUTIONS}/begrotingsregels/${line.id}/uitgaven`, 'uitgaven', signal, 5000),
        get<{ revisies: Revisie[] }>(`${CONTRIBUTIONS}/begrotingsregels/${line.id}/revisies`, signal).then((r) => r.revisies ?? []),
        loadNames(['actielijnen', 'projecten'], signal),
      ]);
      return { line, etag, uitgaven, revisies, names };
    },
    [id],
  );
  useTitle(res.state === 'ready' ? res.data.line.omschrijving : t('budget.line.title'));
  return (
    <>
      <p className="jt-preheading">
        <Link className="utrecht-link" to="/begroting">
          {t('budget.backToBudget')}
        </Link>
      </p>
      <Loaded resource={res}>{(d) => <LineView data={d} editable={canEditBudget(user)} reload={res.reload} />}</Loaded>
    </>
  );
}

function LineView({ data, editable, reload }: { data: LineData; editable: boolean; reload: () => void }) {
  const { line: l, etag, uitgaven, revisies, names } = data;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const spent = uitgaven.reduce((a, u) => a + u.bedrag, 0);
  const revisions = [...revisies].sort((a, b) => b.revisie - a.revisie);
  return (
    <article>
      <h1 className="utrecht-heading-1">{l.omschrijving}</h1>
      <p className="jt-rank__meta">
        <StatusBadge>{tk('budget.aard', l.aard)}</StatusBadge>
        <StatusBadge tone={l.status === 'vastgesteld' ? 'safe' : 'warning'}>{tk('budget.status', l.status)}</StatusBadge>
        {l.revisie > 0 && <StatusBadge>{t('budget.line.revision', { revisie: l.revisie })}</StatusBadge>}
        {l.demo && <StatusBadge>{t('budget.demo')}</StatusBadge>}
      </p>
      {saved && <Alert type="ok">{t('budget.line.saved')}</Alert>}
      {editable &&
        (editing ? (
          <LineForm
            line={{ data: l, etag }}
            defaultYear={l.jaar}
            names={names}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
              reload();
            }}
          />
        ) : (
          <p className="jt-form-open">
            <button
              type="button"
              className="utrecht-button utrecht-button--primary-action"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('budget.line.edit')}
            </button>
          </p>
        ))}
      <dl className="jt-dl jt-dl--rows jt-budget-facts">
        <FactRow label={t('budget.field.bedrag')} value={euro(l.bedrag)} />
        <FactRow label={t('budget.field.jaar')} value={String(l.jaar)} />
        <FactRow
          label={t('budget.field.scope')}
          value={
            l.scope === 'project' && l.projectId ? (
              <Link className="utrecht-link" to={`/projecten/${l.projectId}`}>
                {scopeLabel(l, names)}
              </Link>
            ) : (
              scopeLabel(l, names)
            )
          }
        />
        <FactRow label={t('budget.field.aard')} value={tk('budget.aard', l.aard)} />
        <FactRow label={t('budget.field.categorie')} value={l.categorie} />
        <FactRow label={t('budget.field.status')} value={tk('budget.status', l.status)} />
        <FactRow label={t('budget.line.spent')} value={euro(spent)} />
        <FactRow label={t('budget.line.remaining')} value={euro(l.bedrag - spent)} />
        <FactRow label={t('budget.line.changed')} value={formatDateTime(l.gewijzigd)} />
      </dl>
      <p>
        <Link className="utrecht-link" to={`/begroting/verdeling?jaar=${l.jaar}&regel=${l.id}`}>
          {t('budget.line.allocate')}
        </Link>
      </p>

      <section className="jt-section" aria-labelledby="uitgaven-titel">
        <h2 id="uitgaven-titel" className="utrecht-heading-2">
          {t('budget.line.expenditures')}
        </h2>
        {uitgaven.length === 0 ? (
          <Empty>{t('budget.line.noExpenditures')}</Empty>
        ) : (
          <div className="utrecht-table-container jt-table-scroll" tabIndex={0} role="region" aria-labelledby="uitgaven-titel">
            <table className="utrecht-table utrecht-table--html-table jt-table jt-budget-table">
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">
                    {t('budget.field.datum')}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t('budget.field.omschrijving')}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell jt-budget-num">
                    {t('budget.field.bedrag')}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {[...uitgaven]
                  .sort((a, b) => a.datum.localeCompare(b.datum))
                  .map((u) => (
                    <tr key={u.id} className="utrecht-table__row">
                      <td className="utrecht-table__cell jt-budget-nowrap">{formatDate(u.datum)}</td>
                      <td className="utrecht-table__cell">{u.omschrijving}</td>
                      <td className="utrecht-table__cell jt-budget-num">{euro(u.bedrag)}</td>
                    </tr>
                  ))}
              </tbody>
              <tfoot className="jt-budget-totals">
                <tr className="utrecht-table__row jt-budget-sum jt-budget-sum--strong">
                  <th scope="row" colSpan={2} className="utrecht-table__header-cell">
                    {t('budget.table.total')}
                  </th>
                  <td className="utrecht-table__cell jt-budget-num">{euro(spent)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>

      <section className="jt-section" aria-labelledby="revisies-titel">
        <h2 id="revisies-titel" className="utrecht-heading-2">
          {t('budget.line.revisions')}
        </h2>
        {revisions.length === 0 ? (
          <Empty>{t('budget.line.noRevisions')}</Empty>
        ) : (
          <ol className="jt-list" reversed>
            {revisions.map((r) => (
              <li key={r.revisie} className="jt-list__item">
                <strong>{r.revisie === 1 ? t('budget.line.original') : t('budget.line.revision', { revisie: r.revisie })}</strong>: {euro(r.regel.bedrag)} · {r.regel.omschrijving}
                <p className="jt-list__meta">
                  {formatDateTime(r.tijdstip)}
                  {r.toelichting && <> · {r.toelichting}</>}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
