// /beheer/gebruikers: the staff accounts with their roles (and action lines for a redacteur);
// filter by role, status and name; create a user. Each user has a page to manage the account.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { getAll, AUTH } from '../../api/client';
import type { Gebruiker } from '../../api/types/admin';
import { StatusBadge } from '../../components/Badges';
import { Field } from '../../components/Field';
import { Alert, Empty, Loaded } from '../../components/States';
import { t, tk } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useUrlParams } from '../../lib/useUrlParams';
import { fold } from '../people/text';
import { AdminLayout } from './AdminLayout';
import { ROLES, linesText } from './logic';
import { UserForm } from './UserForm';

export default function Users() {
  return (
    <AdminLayout title={t('admin.users.title')} intro={t('admin.users.intro')} current="/beheer/gebruikers">
      <UsersView />
    </AdminLayout>
  );
}

function UsersView() {
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<Gebruiker | null>(null);
  const res = useResource((signal) => getAll<Gebruiker>(`${AUTH}/gebruikers`, 'gebruikers', signal, 5000), []);
  return (
    <>
      {created && (
        <Alert type="ok">
          {t('admin.user.created', { naam: created.naam, gebruikersnaam: created.gebruikersnaam })}{' '}
          <Link className="utrecht-link" to={`/beheer/gebruikers/${created.id}`}>
            {t('admin.user.manage', { naam: created.naam })}
          </Link>
        </Alert>
      )}
      {adding ? (
        <UserForm
          onCancel={() => setAdding(false)}
          onSaved={(u) => {
            setAdding(false);
            setCreated(u);
            res.reload();
          }}
        />
      ) : (
        <p>
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action"
            onClick={() => {
              setCreated(null);
              setAdding(true);
            }}
          >
            {t('admin.user.new')}
          </button>
        </p>
      )}
      <Loaded resource={res}>{(list) => <UserList list={list} />}</Loaded>
    </>
  );
}

function UserList({ list }: { list: Gebruiker[] }) {
  const [params, update] = useUrlParams();
  const rol = params.get('rol') ?? '';
  const status = params.get('status') ?? '';
  const zoek = params.get('zoek') ?? '';
  const shown = useMemo(() => {
    const q = fold(zoek.trim());
    return list
      .filter((u) => !rol || u.rol === rol)
      .filter((u) => !status || (status === 'actief') === u.actief)
      .filter((u) => !q || fold(u.naam).includes(q) || u.gebruikersnaam.includes(q) || fold(u.email ?? '').includes(q))
      .sort((a, b) => a.gebruikersnaam.localeCompare(b.gebruikersnaam));
  }, [list, rol, status, zoek]);
  const setParam = (k: string, v: string) => update({ [k]: v });
  return (
    <section className="jt-section" aria-labelledby="gebruikers">
      <h2 id="gebruikers" className="utrecht-heading-2">
        {t('admin.users.list')} <span className="jt-count">({shown.length})</span>
      </h2>
      <div className="jt-filters jt-no-print" role="search">
        <Field id="gebruikers-rol" label={t('admin.user.role')}>
          {(a) => (
            <select {...a} className="utrecht-select utrecht-select--html-select" value={rol} onChange={(e) => setParam('rol', e.target.value)}>
              <option value="">{t('admin.users.allRoles')}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {tk('admin.role', r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="gebruikers-status" label={t('admin.status')}>
          {(a) => (
            <select {...a} className="utrecht-select utrecht-select--html-select" value={status} onChange={(e) => setParam('status', e.target.value)}>
              <option value="">{t('admin.users.allStatuses')}</option>
              <option value="actief">{t('admin.active')}</option>
              <option value="inactief">{t('admin.inactive')}</option>
            </select>
          )}
        </Field>
        <Field id="gebruikers-zoek" label={t('admin.users.search')}>
          {(a) => <input {...a} type="search" className="utrecht-textbox utrecht-textbox--html-input" value={zoek} onChange={(e) => setParam('zoek', e.target.value)} />}
        </Field>
      </div>
      <p className="jt-visually-hidden" role="status">
        {t('admin.users.found', { aantal: shown.length })}
      </p>
      {shown.length === 0 ? (
        <Empty>{t('admin.users.none')}</Empty>
      ) : (
        <div className="utrecht-table-container jt-table-scroll">
          <table className="utrecht-table utrecht-table--html-table jt-table" data-testid="gebruikers">
            <caption className="jt-visually-hidden">{t('admin.users.caption')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {t('admin.user.name')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('admin.user.username')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('admin.user.role')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('admin.user.email')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('admin.status')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {shown.map((u) => (
                <tr key={u.id} className={`utrecht-table__row${u.actief ? '' : ' jt-row--inactive'}`}>
                  <th scope="row" className="utrecht-table__header-cell jt-rowhead">
                    <Link className="utrecht-link" to={`/beheer/gebruikers/${u.id}`}>
                      {u.naam}
                    </Link>
                  </th>
                  <td className="utrecht-table__cell">
                    <code>{u.gebruikersnaam}</code>
                  </td>
                  <td className="utrecht-table__cell">
                    {tk('admin.role', u.rol)}
                    {u.rol === 'redacteur' && <span className="jt-muted"> · {linesText(u.actielijnen)}</span>}
                  </td>
                  <td className="utrecht-table__cell">{u.email ?? ''}</td>
                  <td className="utrecht-table__cell">
                    <StatusBadge tone={u.actief ? 'safe' : 'neutral'}>{u.actief ? t('admin.active') : t('admin.inactive')}</StatusBadge>
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
