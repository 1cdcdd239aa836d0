// /beheer/clients: the machine clients (systems that get tokens with client credentials, such as
// a municipality's data delivery); create one, whose first secret is shown exactly once.
import { useState } from 'react';
import { Link } from 'react-router';
import { getAll, AUTH } from '../../api/client';
import type { Client, ClientAangemaakt } from '../../api/types/admin';
import { StatusBadge } from '../../components/Badges';
import { Field } from '../../components/Field';
import { Empty, Loaded } from '../../components/States';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useUrlParams } from '../../lib/useUrlParams';
import { AdminLayout } from './AdminLayout';
import { ClientForm } from './ClientForm';
import { SecretOnce } from './SecretOnce';

export default function Clients() {
  return (
    <AdminLayout title={t('admin.clients.title')} intro={t('admin.clients.intro')} current="/beheer/clients">
      <ClientsView />
    </AdminLayout>
  );
}

function ClientsView() {
  const [adding, setAdding] = useState(false);
  // The new client's secret: in this state only, so it is gone after "done" or a reload.
  const [created, setCreated] = useState<ClientAangemaakt | null>(null);
  const res = useResource((signal) => getAll<Client>(`${AUTH}/clients`, 'clients', signal, 5000), []);
  return (
    <>
      {created && <SecretOnce clientId={created.clientId} secret={created.clientSecret} onDone={() => setCreated(null)} />}
      {adding ? (
        <ClientForm
          onCancel={() => setAdding(false)}
          onSaved={(c) => {
            setAdding(false);
            setCreated(c);
            res.reload();
          }}
        />
      ) : (
        <p>
          <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => setAdding(true)}>
            {t('admin.client.new')}
          </button>
        </p>
      )}
      <Loaded resource={res}>{(list) => <ClientList list={list} />}</Loaded>
    </>
  );
}

function ClientList({ list }: { list: Client[] }) {
  const [params, update] = useUrlParams();
  const status = params.get('status') ?? '';
  const sorted = list.filter((c) => !status || (status === 'actief') === c.actief).sort((a, b) => a.clientId.localeCompare(b.clientId));
  return (
    <section className="jt-section" aria-labelledby="clients">
      <h2 id="clients" className="utrecht-heading-2">
        {t('admin.clients.list')} <span className="jt-count">({sorted.length})</span>
      </h2>
      <div className="jt-filters jt-no-print" role="search">
        <Field id="clients-status" label={t('admin.status')}>
          {(a) => (
            <select
              {...a}
              className="utrecht-select utrecht-select--html-select"
              value={status}
              onChange={(e) => update({ status: e.target.value })}
            >
              <option value="">{t('admin.users.allStatuses')}</option>
              <option value="actief">{t('admin.active')}</option>
              <option value="inactief">{t('admin.inactive')}</option>
            </select>
          )}
        </Field>
      </div>
      {sorted.length === 0 ? (
        <Empty>{t('admin.clients.none')}</Empty>
      ) : (
        <div className="utrecht-table-container jt-table-scroll">
          <table className="utrecht-table utrecht-table--html-table jt-table" data-testid="clients">
            <caption className="jt-visually-hidden">{t('admin.clients.caption')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {t('admin.client.name')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('admin.client.id')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('admin.client.scopes')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('admin.client.municipality')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('admin.status')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {sorted.map((c) => (
                <tr key={c.id} className={`utrecht-table__row${c.actief ? '' : ' jt-row--inactive'}`}>
                  <th scope="row" className="utrecht-table__header-cell jt-rowhead">
                    <Link className="utrecht-link" to={`/beheer/clients/${c.id}`}>
                      {c.naam}
                    </Link>
                  </th>
                  <td className="utrecht-table__cell">
                    <code>{c.clientId}</code>
                  </td>
                  <td className="utrecht-table__cell">
                    <ul className="jt-inline-list">
                      {c.scopes.map((s) => (
                        <li key={s}>
                          <code>{s}</code>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="utrecht-table__cell">{c.gemeente ?? ''}</td>
                  <td className="utrecht-table__cell">
                    <StatusBadge tone={c.actief ? 'safe' : 'neutral'}>{c.actief ? t('admin.active') : t('admin.inactive')}</StatusBadge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
