// Creating a machine client: its login name (clientId), name, scopes and, for a municipality, its
// CBS code. The answer carries the first secret, which the caller shows once.
import { request, AUTH } from '../../api/client';
import type { ClientAangemaakt, ClientScope } from '../../api/types/admin';
import { t } from '../../i18n';
import { FormButtons } from '../../components/FormButtons';
import { ErrorSummary, TextInput, useForm } from '../people/form';
import { clientBody, validateClient, type ClientValues } from './logic';
import { ScopeChoice } from './ScopeChoice';

export function ClientForm({ onSaved, onCancel }: { onSaved: (c: ClientAangemaakt) => void; onCancel: () => void }) {
  const form = useForm<ClientValues>({ initial: () => ({ clientId: '', naam: '', scopes: [], gemeente: '' }), validate: validateClient, draftKey: 'client:nieuw' });
  const v = form.values;
  const p = 'client';
  const labels = { clientId: t('admin.client.id'), naam: t('admin.client.name'), scopes: t('admin.client.scopes'), gemeente: t('admin.client.municipality') };
  return (
    <form
      className="utrecht-form jt-form jt-pform"
      noValidate
      aria-labelledby="client-form-title"
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async () => onSaved((await request<ClientAangemaakt>(`${AUTH}/clients`, { method: 'POST', body: clientBody(v) })).data));
      }}
    >
      <h2 id="client-form-title" className="utrecht-heading-2">
        {t('admin.client.new')}
      </h2>
      <ErrorSummary form={form} prefix={p} labels={labels} />
      <div className="jt-form__row">
        <TextInput id={`${p}-clientId`} label={labels.clientId} hint={t('admin.client.idRule')} value={v.clientId} onChange={(x) => form.set('clientId', x)} error={form.errors.clientId} autoComplete="off" required />
        <TextInput id={`${p}-naam`} label={labels.naam} value={v.naam} onChange={(x) => form.set('naam', x)} error={form.errors.naam} autoComplete="off" required />
      </div>
      <ScopeChoice id={`${p}-scopes`} value={v.scopes} onChange={(x: ClientScope[]) => form.set('scopes', x)} error={form.errors.scopes} />
      <TextInput id={`${p}-gemeente`} label={labels.gemeente} hint={t('admin.client.municipalityHint')} value={v.gemeente} onChange={(x) => form.set('gemeente', x)} error={form.errors.gemeente} autoComplete="off" />
      <FormButtons
        busy={form.busy}
        submitLabel={t('admin.client.create')}
        onCancel={() => {
          form.reset();
          onCancel();
        }}
      />
    </form>
  );
}
