// /beheer/clients/:id: one machine client: issue a new secret (shown exactly once; the old one
// stops working at once), revoke the secret, change name, scopes and municipality, deactivate;
// the client's audit history.
import { useState } from 'react';
import { useParams } from 'react-router';
import { getAll, request, AUTH } from '../../api/client';
import type { AuditRegel, Client, NieuwClientGeheim } from '../../api/types/admin';
import { StatusBadge } from '../../components/Badges';
import { Alert, Loaded } from '../../components/States';
import { t } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { FormButtons } from '../../components/FormButtons';
import { ErrorSummary, Row, TextInput, useForm } from '../people/form';
import { AdminLayout } from './AdminLayout';
import { ConfirmAction } from './ConfirmAction';
import { clientPatch, secretState, type ClientEditValues } from './logic';
import { ScopeChoice } from './ScopeChoice';
import { SecretOnce } from './SecretOnce';
import { History } from './AuditTable';

interface ClientData {
  client: Client;
  etag: string | null;
}

export default function ClientPage() {
  const id = useParams().id ?? '';
  const res = useResource<ClientData>(async (signal) => {
    const r = await request<Client>(`${AUTH}/clients/${encodeURIComponent(id)}`, { signal });
    return { client: r.data, etag: r.etag };
  }, [id]);
  const title = res.state === 'ready' ? res.data.client.naam : t('admin.client.title');
  return (
    <AdminLayout title={title} current="/beheer/clients" back={{ to: '/beheer/clients', label: t('admin.clients.back') }}>
      <Loaded resource={res}>{(d) => <ClientView data={d} reload={res.reload} />}</Loaded>
    </AdminLayout>
  );
}

function ClientView({ data, reload }: { data: ClientData; reload: () => void }) {
  const { client: c, etag } = data;
  const [secret, setSecret] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <p className="jt-rank__meta">
        <code>{c.clientId}</code>
        <StatusBadge tone={c.actief ? 'safe' : 'neutral'}>{c.actief ? t('admin.active') : t('admin.inactive')}</StatusBadge>
      </p>
      {notice && <Alert type="ok">{notice}</Alert>}
      {secret && <SecretOnce clientId={c.clientId} secret={secret} onDone={() => setSecret(null)} />}
      <section className="jt-section" aria-labelledby="geheimen">
        <h2 id="geheimen" className="utrecht-heading-2">
          {t('admin.secret.section')}
        </h2>
        <p className="jt-help">{t('admin.secret.help')}</p>
        <SecretStatus key={etag} id={c.id} />
        <div className="jt-buttons jt-actions">
          <ConfirmAction
            label={t('admin.secret.issue')}
            question={t('admin.secret.issueQuestion')}
            yes={t('admin.secret.issueYes')}
            action={async () => {
              const r = await request<NieuwClientGeheim>(`${AUTH}/clients/${c.id}/geheimen`, { method: 'POST' });
              setNotice(null);
              setSecret(r.data.clientSecret);
              reload();
            }}
          />
          <ConfirmAction
            label={t('admin.secret.revoke')}
            question={t('admin.secret.revokeQuestion')}
            yes={t('admin.secret.revokeYes')}
            danger
            action={async () => {
              await request(`${AUTH}/clients/${c.id}/geheimen`, { method: 'DELETE' });
              setSecret(null);
              setNotice(t('admin.secret.revoked', { clientId: c.clientId }));
              reload();
            }}
          />
        </div>
      </section>
      <div className="jt-columns">
        <ClientEdit key={etag} client={c} etag={etag} onSaved={() => {
            setNotice(t('edit.saved'));
            reload();
          }} />
        <section className="jt-section jt-section--flush" aria-labelledby="client-status">
          <h2 id="client-status" className="utrecht-heading-2">
            {t('admin.client.account')}
          </h2>
          <dl className="jt-dl jt-dl--rows">
            <Row label={t('admin.client.id')}>{c.clientId}</Row>
            <Row label={t('admin.client.municipality')}>{c.gemeente}</Row>
            <Row label={t('admin.status')}>{c.actief ? t('admin.active') : t('admin.inactive')}</Row>
          </dl>
          <p className="jt-help">{c.actief ? t('admin.client.deactivateHelp') : t('admin.client.activateHelp')}</p>
          <ConfirmAction
            label={c.actief ? t('admin.client.deactivate') : t('admin.client.activate')}
            question={c.actief ? t('admin.client.deactivateQuestion', { naam: c.naam }) : t('admin.client.activateQuestion', { naam: c.naam })}
            yes={c.actief ? t('admin.client.deactivate') : t('admin.client.activate')}
            danger={c.actief}
            action={async () => {
              await request(`${AUTH}/clients/${c.id}`, { method: 'PATCH', body: { actief: !c.actief }, ifMatch: etag ?? undefined });
              setNotice(c.actief ? t('admin.client.deactivated', { naam: c.naam }) : t('admin.client.activated', { naam: c.naam }));
              reload();
            }}
          />
        </section>
      </div>
      <History key={etag} objectType="client" id={c.id} />
    </>
  );
}

function ClientEdit({ client: c, etag, onSaved }: { client: Client; etag: string | null; onSaved: () => void }) {
  const form = useForm<ClientEditValues>({
    initial: () => ({ naam: c.naam, scopes: [...c.scopes], gemeente: c.gemeente ?? '' }),
    validate: (v): Record<string, string> => (v.naam.trim() ? {} : { naam: t('form.required') }),
    draftKey: `client:${c.id}`,
  });
  const v = form.values;
  const p = 'client-edit';
  const labels = { naam: t('admin.client.name'), scopes: t('admin.client.scopes'), gemeente: t('admin.client.municipality') };
  return (
    <form
      className="utrecht-form jt-form jt-pform"
      noValidate
      aria-labelledby="client-edit-title"
      onSubmit={(e) => {
        e.preventDefault();
        const body = clientPatch(v, c);
        if (Object.keys(body).length === 0) return;
        void form.submit(async () => {
          await request(`${AUTH}/clients/${c.id}`, { method: 'PATCH', body, ifMatch: etag ?? undefined });
          onSaved();
        });
      }}
    >
      <h2 id="client-edit-title" className="utrecht-heading-2">
        {t('admin.client.details')}
      </h2>
      <ErrorSummary form={form} prefix={p} labels={labels} />
      <TextInput id={`${p}-naam`} label={labels.naam} value={v.naam} onChange={(x) => form.set('naam', x)} error={form.errors.naam} autoComplete="off" required />
      <ScopeChoice id={`${p}-scopes`} value={v.scopes} onChange={(x) => form.set('scopes', x)} error={form.errors.scopes} />
      <TextInput id={`${p}-gemeente`} label={labels.gemeente} hint={t('admin.client.municipalityHint')} value={v.gemeente} onChange={(x) => form.set('gemeente', x)} error={form.errors.gemeente} autoComplete="off" />
      <FormButtons busy={form.busy} submitLabel={t('edit.save')} />
    </form>
  );
}

/** Whether the client has a working secret now, from its audit trail. */
function SecretStatus({ id }: { id: string }) {
  const res = useResource((signal) => getAll<AuditRegel>(`${AUTH}/audit?objectType=client&objectId=${id}`, 'audit', signal, 200), [id]);
  if (res.state !== 'ready') return null;
  const s = secretState(res.data);
  if (!s) return null;
  return (
    <p className="utrecht-paragraph" data-testid="geheim-status">
      <StatusBadge tone={s.state === 'uitgegeven' ? 'safe' : 'danger'}>{s.state === 'uitgegeven' ? t('admin.secret.stateIssued', { datum: formatDateTime(s.sinds) }) : t('admin.secret.stateRevoked', { datum: formatDateTime(s.sinds) })}</StatusBadge>
    </p>
  );
}
