// /beheer/audit: the auth service's audit trail (accounts and clients created, changed,
// passwords set, secrets issued and revoked), newest first, a page at a time.
import { useState } from 'react';
import { get, getAll, AUTH } from '../../api/client';
import type { AuditRegel, Client, Gebruiker } from '../../api/types/admin';
import { Field } from '../../components/Field';
import { ErrorState, Loaded } from '../../components/States';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { AdminLayout } from './AdminLayout';
import { AuditTable } from './AuditTable';

const PAGE = 50;

interface AuditData {
  rows: AuditRegel[];
  volgende: string | null;
  names: Map<string, string>;
}

export default function Audit() {
  return (
    <AdminLayout title={t('admin.audit.title')} intro={t('admin.audit.intro')} current="/beheer/audit">
      <AuditView />
    </AdminLayout>
  );
}

function AuditView() {
  const [type, setType] = useState('');
  const res = useResource<AuditData>(
    async (signal) => {
      const filter = type ? `&objectType=${type}` : '';
      const [page, users, clients] = await Promise.all([
        get<{ audit: AuditRegel[]; volgende: string | null }>(`${AUTH}/audit?limit=${PAGE}${filter}`, signal),
        getAll<Gebruiker>(`${AUTH}/gebruikers`, 'gebruikers', signal, 5000).catch(() => []),
        getAll<Client>(`${AUTH}/clients`, 'clients', signal, 5000).catch(() => []),
      ]);
      const names = new Map<string, string>([...users.map((u) => [u.id, u.naam] as const), ...clients.map((c) => [c.id, c.naam] as const), ...clients.map((c) => [c.clientId, c.naam] as const)]);
      return { rows: page.audit, volgende: page.volgende, names };
    },
    [type],
  );
  return (
    <>
      <div className="jt-filters jt-no-print" role="search">
        <Field id="audit-soort" label={t('admin.audit.object')}>
          {(a) => (
            <select {...a} className="utrecht-select utrecht-select--html-select" value={type} onChange={(e) => setType(e.target.value)}>
              <option value="">{t('admin.audit.allObjects')}</option>
              <option value="gebruiker">{t('admin.objectType.gebruiker')}</option>
              <option value="client">{t('admin.objectType.client')}</option>
            </select>
          )}
        </Field>
      </div>
      <Loaded resource={res}>{(d) => <AuditPages key={type} first={d} type={type} />}</Loaded>
    </>
  );
}

/** The first page, then "show more" fetches the next one with the cursor. */
function AuditPages({ first, type }: { first: AuditData; type: string }) {
  const [rows, setRows] = useState(first.rows);
  const [next, setNext] = useState(first.volgende);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <section className="jt-section" aria-labelledby="audit-lijst">
      <h2 id="audit-lijst" className="utrecht-heading-2">
        {t('admin.audit.list')} <span className="jt-count">({rows.length})</span>
      </h2>
      <AuditTable rows={rows} caption={t('admin.audit.caption')} names={first.names} />
      {error !== null && <ErrorState error={error} />}
      {next && (
        <p>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                const filter = type ? `&objectType=${type}` : '';
                const page = await get<{ audit: AuditRegel[]; volgende: string | null }>(`${AUTH}/audit?limit=${PAGE}${filter}&cursor=${encodeURIComponent(next)}`);
                setRows((r) => [...r, ...page.audit]);
                setNext(page.volgende);
              } catch (e) {
                setError(e);
              } finally {
                setBusy(false);
              }
            }}
          >
            {busy ? t('state.loading') : t('admin.audit.more')}
          </button>
        </p>
      )}
    </section>
  );
}
