// /beheer/gebruikers/:id: one staff account: name, e-mail, role and action lines; deactivate or
// activate again; set a new password; the account's audit history.
import { useState } from 'react';
import { useParams } from 'react-router';
import { request, AUTH } from '../../api/client';
import type { Gebruiker } from '../../api/types/admin';
import { useSession } from '../../auth/useSession';
import { StatusBadge } from '../../components/Badges';
import { Alert, ErrorState, Loaded } from '../../components/States';
import { t, tk } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { FormButtons } from '../../components/FormButtons';
import { Checkboxes, ErrorSummary, Row, Select, TextInput, useForm } from '../people/form';
import { AdminLayout } from './AdminLayout';
import { History } from './AuditTable';
import { LINES, ROLES, linesText, userPatch, userValues, validatePassword, type UserValues } from './logic';

interface UserData {
  user: Gebruiker;
  etag: string | null;
}

export default function UserPage() {
  const id = useParams().id ?? '';
  const res = useResource<UserData>(async (signal) => {
    const r = await request<Gebruiker>(`${AUTH}/gebruikers/${encodeURIComponent(id)}`, { signal });
    return { user: r.data, etag: r.etag };
  }, [id]);
  const title = res.state === 'ready' ? res.data.user.naam : t('admin.user.title');
  return (
    <AdminLayout title={title} current="/beheer/gebruikers" back={{ to: '/beheer/gebruikers', label: t('admin.users.back') }}>
      <Loaded resource={res}>{(d) => <UserView data={d} reload={res.reload} />}</Loaded>
    </AdminLayout>
  );
}

function UserView({ data, reload }: { data: UserData; reload: () => void }) {
  const { user: u, etag } = data;
  const me = useSession().user;
  const self = me?.id === u.id;
  const [notice, setNotice] = useState<string | null>(null);
  const done = (msg: string) => {
    setNotice(msg);
    reload();
  };
  return (
    <>
      <p className="jt-rank__meta">
        <code>{u.gebruikersnaam}</code>
        <StatusBadge>{tk('admin.role', u.rol)}</StatusBadge>
        <StatusBadge tone={u.actief ? 'safe' : 'neutral'}>{u.actief ? t('admin.active') : t('admin.inactive')}</StatusBadge>
      </p>
      {notice && <Alert type="ok">{notice}</Alert>}
      <div className="jt-columns">
        <div>
          <AccountForm key={etag} user={u} etag={etag} self={self} onSaved={() => done(t('edit.saved'))} />
          <PasswordForm user={u} onSaved={() => setNotice(t('admin.user.passwordSet', { naam: u.naam }))} />
        </div>
        <div>
          <section className="jt-section jt-section--flush" aria-labelledby="account-status">
            <h2 id="account-status" className="utrecht-heading-2">
              {t('admin.user.account')}
            </h2>
            <dl className="jt-dl jt-dl--rows">
              <Row label={t('admin.user.username')}>{u.gebruikersnaam}</Row>
              <Row label={t('admin.user.role')}>{tk('admin.role', u.rol)}</Row>
              {u.rol === 'redacteur' && <Row label={t('admin.user.lines')}>{linesText(u.actielijnen)}</Row>}
              <Row label={t('admin.status')}>{u.actief ? t('admin.active') : t('admin.inactive')}</Row>
            </dl>
            <ActiveToggle user={u} etag={etag} self={self} onDone={(actief) => done(actief ? t('admin.user.activated', { naam: u.naam }) : t('admin.user.deactivated', { naam: u.naam }))} />
          </section>
        </div>
      </div>
      <History key={etag} objectType="gebruiker" id={u.id} />
    </>
  );
}

function AccountForm({ user: u, etag, self, onSaved }: { user: Gebruiker; etag: string | null; self: boolean; onSaved: () => void }) {
  const form = useForm<UserValues>({ initial: () => userValues(u), draftKey: `gebruiker:${u.id}` });
  const v = form.values;
  const p = 'account';
  const labels = { naam: t('admin.user.name'), email: t('admin.user.email'), rol: t('admin.user.role'), actielijnen: t('admin.user.lines') };
  return (
    <form
      className="utrecht-form jt-form jt-pform"
      noValidate
      aria-labelledby="account-title"
      onSubmit={(e) => {
        e.preventDefault();
        const body = userPatch(v, u);
        if (Object.keys(body).length === 0) return;
        void form.submit(async () => {
          await request(`${AUTH}/gebruikers/${u.id}`, { method: 'PATCH', body, ifMatch: etag ?? undefined });
          onSaved();
        });
      }}
    >
      <h2 id="account-title" className="utrecht-heading-2">
        {t('admin.user.details')}
      </h2>
      <ErrorSummary form={form} prefix={p} labels={labels} />
      <TextInput id={`${p}-naam`} label={labels.naam} value={v.naam} onChange={(x) => form.set('naam', x)} error={form.errors.naam} autoComplete="off" required />
      <TextInput id={`${p}-email`} type="email" label={labels.email} hint={t('admin.optional')} value={v.email} onChange={(x) => form.set('email', x)} error={form.errors.email} autoComplete="off" />
      <Select
        id={`${p}-rol`}
        label={labels.rol}
        hint={self ? t('admin.user.selfRole') : t('admin.user.roleHint')}
        value={v.rol}
        onChange={(x) => form.set('rol', x)}
        error={form.errors.rol}
        options={ROLES.map((r) => ({ value: r, label: tk('admin.role', r) }))}
      />
      {v.rol === 'redacteur' && (
        <Checkboxes
          id={`${p}-actielijnen`}
          legend={labels.actielijnen}
          hint={t('admin.user.linesHint')}
          error={form.errors.actielijnen}
          options={LINES.map((n) => ({ value: n, label: t('dashboard.actionLine', { nummer: n }) }))}
          value={v.actielijnen}
          onChange={(x) => form.set('actielijnen', x)}
        />
      )}
      <FormButtons busy={form.busy} submitLabel={t('edit.save')} />
    </form>
  );
}

function PasswordForm({ user: u, onSaved }: { user: Gebruiker; onSaved: () => void }) {
  const form = useForm({ initial: () => ({ wachtwoord: '', herhaling: '' }), validate: (v) => validatePassword(v.wachtwoord, v.herhaling) });
  const p = 'wachtwoord';
  const labels = { wachtwoord: t('admin.user.newPassword'), herhaling: t('admin.user.passwordRepeat') };
  return (
    <form
      className="utrecht-form jt-form jt-pform"
      noValidate
      aria-labelledby="wachtwoord-title"
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        void form
          .submit(async (v) => {
            await request(`${AUTH}/gebruikers/${u.id}/wachtwoord`, { method: 'PUT', body: { wachtwoord: v.wachtwoord } });
          })
          .then((ok) => {
            if (!ok) return;
            form.reset();
            onSaved();
          });
      }}
    >
      <h2 id="wachtwoord-title" className="utrecht-heading-2">
        {t('admin.user.setPassword')}
      </h2>
      <p className="jt-help">{t('admin.user.setPasswordHelp')}</p>
      <ErrorSummary form={form} prefix={p} labels={labels} />
      <div className="jt-form__row">
        <TextInput id={`${p}-wachtwoord`} type="password" label={labels.wachtwoord} hint={t('admin.user.passwordRule')} value={form.values.wachtwoord} onChange={(x) => form.set('wachtwoord', x)} error={form.errors.wachtwoord} autoComplete="new-password" required />
        <TextInput id={`${p}-herhaling`} type="password" label={labels.herhaling} value={form.values.herhaling} onChange={(x) => form.set('herhaling', x)} error={form.errors.herhaling} autoComplete="new-password" required />
      </div>
      <FormButtons busy={form.busy} submitLabel={t('admin.user.setPassword')} />
    </form>
  );
}

/** Deactivating revokes the user's sessions; an admin cannot deactivate themself (the server
 * refuses it too, 409). */
function ActiveToggle({ user: u, etag, self, onDone }: { user: Gebruiker; etag: string | null; self: boolean; onDone: (actief: boolean) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (self) return <p className="jt-help">{t('admin.user.selfDeactivate')}</p>;
  return (
    <>
      {error !== null && <ErrorState error={error} />}
      <p className="jt-help">{u.actief ? t('admin.user.deactivateHelp') : t('admin.user.activateHelp')}</p>
      <button
        type="button"
        className={`utrecht-button ${u.actief ? 'utrecht-button--secondary-action jt-danger-outline' : 'utrecht-button--primary-action'}`}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await request(`${AUTH}/gebruikers/${u.id}`, { method: 'PATCH', body: { actief: !u.actief }, ifMatch: etag ?? undefined });
            onDone(!u.actief);
          } catch (e) {
            setError(e);
            setBusy(false);
          }
        }}
      >
        {u.actief ? t('admin.user.deactivate') : t('admin.user.activate')}
      </button>
    </>
  );
}
