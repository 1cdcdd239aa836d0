// The auth audit trail as a table: when, who, what, on which account, and what changed (secrets
// and hashes never appear in it).
import { getAll, AUTH } from '../../api/client';
import type { AuditRegel, Gebruiker } from '../../api/types/admin';
import { Empty, Loaded } from '../../components/States';
import { t, tk } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { auditChanges, showValue } from './logic';

export function AuditTable({ rows, caption, names, showObject = true }: { rows: AuditRegel[]; caption: string; names: Map<string, string>; showObject?: boolean }) {
  if (rows.length === 0) return <Empty>{t('admin.audit.none')}</Empty>;
  return (
    <div className="utrecht-table-container jt-table-scroll">
      <table className="utrecht-table utrecht-table--html-table jt-table jt-audit" data-testid="audit">
        <caption className="jt-visually-hidden">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {t('admin.audit.when')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t('admin.audit.who')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t('admin.audit.what')}
            </th>
            {showObject && (
              <th scope="col" className="utrecht-table__header-cell">
                {t('admin.audit.object')}
              </th>
            )}
            <th scope="col" className="utrecht-table__header-cell">
              {t('admin.audit.changes')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((r) => {
            const changes = r.actie === 'aangemaakt' ? [] : auditChanges(r.voor as Record<string, unknown> | null, r.na as Record<string, unknown> | null);
            return (
              <tr key={r.id} className="utrecht-table__row">
                <td className="utrecht-table__cell jt-nowrap">{formatDateTime(r.tijdstip)}</td>
                <td className="utrecht-table__cell">{names.get(r.actor) ?? (r.actor === 'systeem' ? t('admin.audit.system') : r.actor)}</td>
                <td className="utrecht-table__cell">{tk('admin.action', r.actie)}</td>
                {showObject && (
                  <td className="utrecht-table__cell">
                    {tk('admin.objectType', r.objectType)}: {names.get(r.objectId) ?? objectName(r) ?? r.objectId}
                  </td>
                )}
                <td className="utrecht-table__cell">
                  {changes.length === 0 ? (
                    <span className="jt-muted">—</span>
                  ) : (
                    <ul className="jt-plainlist jt-changes">
                      {changes.map((c) => (
                        <li key={c.veld}>
                          {tk('admin.field', c.veld)}: {showValue(c.voor)} → {showValue(c.na)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The account's own name from the row (what it was called then). */
function objectName(r: AuditRegel): string | null {
  const state = (r.na ?? r.voor) as Record<string, unknown> | null;
  const name = state?.naam ?? state?.gebruikersnaam ?? state?.clientId;
  return typeof name === 'string' ? name : null;
}

/** The audit rows of one user or client, newest first. */
export function History({ objectType, id }: { objectType: 'gebruiker' | 'client'; id: string }) {
  const res = useResource(async (signal) => {
    const [rows, users] = await Promise.all([
      getAll<AuditRegel>(`${AUTH}/audit?objectType=${objectType}&objectId=${id}`, 'audit', signal, 200),
      getAll<Gebruiker>(`${AUTH}/gebruikers`, 'gebruikers', signal, 5000).catch(() => []),
    ]);
    return { rows, names: new Map(users.map((u) => [u.id, u.naam])) };
  }, [objectType, id]);
  return (
    <section className="jt-section" aria-labelledby="historie">
      <h2 id="historie" className="utrecht-heading-2">
        {t('admin.history')}
      </h2>
      <Loaded resource={res}>{(d) => <AuditTable rows={d.rows} caption={t('admin.historyCaption')} names={d.names} showObject={false} />}</Loaded>
    </section>
  );
}
