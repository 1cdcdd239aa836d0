// Creating a user: login name, name, e-mail, role (with action lines for a redacteur) and a first
// password, typed twice.
import { request, AUTH } from '../../api/client';
import type { Gebruiker } from '../../api/types/admin';
import { t, tk } from '../../i18n';
import { FormButtons } from '../../components/FormButtons';
import { Checkboxes, ErrorSummary, Select, TextInput, useForm } from '../people/form';
import { LINES, ROLES, newUserBody, validateNewUser, type NewUserValues } from './logic';

export function UserForm({ onSaved, onCancel }: { onSaved: (u: Gebruiker) => void; onCancel: () => void }) {
  // No draft: a password is never kept, not even in memory after the form is gone.
  const form = useForm<NewUserValues>({
    initial: () => ({ gebruikersnaam: '', naam: '', email: '', rol: '', actielijnen: [], wachtwoord: '', herhaling: '' }),
    validate: validateNewUser,
  });
  const v = form.values;
  const p = 'gebruiker';
  const labels = {
    gebruikersnaam: t('admin.user.username'),
    naam: t('admin.user.name'),
    email: t('admin.user.email'),
    rol: t('admin.user.role'),
    actielijnen: t('admin.user.lines'),
    wachtwoord: t('admin.user.password'),
    herhaling: t('admin.user.passwordRepeat'),
  };
  return (
    <form
      className="utrecht-form jt-form jt-pform"
      noValidate
      aria-labelledby="gebruiker-form-title"
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async () => onSaved((await request<Gebruiker>(`${AUTH}/gebruikers`, { method: 'POST', body: newUserBody(v) })).data));
      }}
    >
      <h2 id="gebruiker-form-title" className="utrecht-heading-2">
        {t('admin.user.new')}
      </h2>
      <ErrorSummary form={form} prefix={p} labels={labels} />
      <div className="jt-form__row">
        <TextInput id={`${p}-gebruikersnaam`} label={labels.gebruikersnaam} hint={t('admin.user.usernameRule')} value={v.gebruikersnaam} onChange={(x) => form.set('gebruikersnaam', x)} error={form.errors.gebruikersnaam} autoComplete="off" required />
        <TextInput id={`${p}-naam`} label={labels.naam} value={v.naam} onChange={(x) => form.set('naam', x)} error={form.errors.naam} autoComplete="off" required />
      </div>
      <TextInput id={`${p}-email`} type="email" label={labels.email} hint={t('admin.optional')} value={v.email} onChange={(x) => form.set('email', x)} error={form.errors.email} autoComplete="off" />
      <Select id={`${p}-rol`} label={labels.rol} hint={t('admin.user.roleHint')} value={v.rol} onChange={(x) => form.set('rol', x)} error={form.errors.rol} placeholder={t('admin.user.chooseRole')} options={ROLES.map((r) => ({ value: r, label: tk('admin.role', r) }))} required />
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
      <div className="jt-form__row">
        <TextInput id={`${p}-wachtwoord`} type="password" label={labels.wachtwoord} hint={t('admin.user.passwordRule')} value={v.wachtwoord} onChange={(x) => form.set('wachtwoord', x)} error={form.errors.wachtwoord} autoComplete="new-password" required />
        <TextInput id={`${p}-herhaling`} type="password" label={labels.herhaling} value={v.herhaling} onChange={(x) => form.set('herhaling', x)} error={form.errors.herhaling} autoComplete="new-password" required />
      </div>
      <FormButtons
        busy={form.busy}
        submitLabel={t('admin.user.create')}
        onCancel={() => {
          form.reset();
          onCancel();
        }}
      />
    </form>
  );
}
