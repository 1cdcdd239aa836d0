// Adding or editing an organisation. The CBS-code rules (GM and four digits; required for a
// municipality and only for one; unique) are the server's: its problems appear at the fields.
import { request, STAKEHOLDERS } from '../../api/client';
import type { Organisatie } from '../../api/types/people';
import { Alert } from '../../components/States';
import { t, tk } from '../../i18n';
import { FormButtons } from '../../components/FormButtons';
import { ErrorSummary, Select, TextInput, useForm } from './form';
import { ORG_TYPES, orgBody, orgValues, validateOrg } from './organisations';
import { changedOnly } from './text';

const LABELS = () => ({
  naam: t('people.org.naam'),
  type: t('people.org.type'),
  sector: t('people.org.sector'),
  website: t('people.org.website'),
  cbsCode: t('people.org.cbsCode'),
  inwoners: t('people.org.inwoners'),
});

export function OrganisationForm(props: { organisation?: Organisatie; etag?: string | null; onSaved: (o: Organisatie) => void; onCancel: () => void }) {
  const { organisation: o, etag } = props;
  const form = useForm({ initial: () => orgValues(o), validate: validateOrg, draftKey: `organisatie:${o?.id ?? 'nieuw'}` });
  const v = form.values;
  const labels = LABELS();
  const p = 'org';

  async function save() {
    if (o) {
      const body = changedOnly(orgBody(v), orgBody(orgValues(o)));
      if (Object.keys(body).length === 0) return props.onSaved(o);
      const res = await request<Organisatie>(`${STAKEHOLDERS}/organisaties/${o.id}`, { method: 'PATCH', body, ifMatch: etag ?? undefined });
      props.onSaved(res.data);
    } else {
      const res = await request<Organisatie>(`${STAKEHOLDERS}/organisaties`, { method: 'POST', body: orgBody(v) });
      props.onSaved(res.data);
    }
  }

  return (
    <form
      className="utrecht-form jt-form jt-pform"
      noValidate
      aria-labelledby="org-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(save);
      }}
    >
      <h2 id="org-form-title" className="utrecht-heading-2">
        {o ? t('people.org.edit') : t('people.org.new')}
      </h2>
      {form.restored && <Alert type="info">{t('report.draftKept')}</Alert>}
      <ErrorSummary form={form} prefix={p} labels={labels} />
      <TextInput id={`${p}-naam`} label={labels.naam} value={v.naam} onChange={(x) => form.set('naam', x)} error={form.errors.naam} required />
      <div className="jt-form__row">
        <Select
          id={`${p}-type`}
          label={labels.type}
          value={v.type}
          onChange={(x) => form.set('type', x)}
          error={form.errors.type}
          placeholder={t('people.org.chooseType')}
          options={ORG_TYPES.map((x) => ({ value: x, label: tk('people.orgType', x) }))}
          required
        />
        <TextInput id={`${p}-sector`} label={labels.sector} hint={t('people.org.sectorHint')} value={v.sector} onChange={(x) => form.set('sector', x)} error={form.errors.sector} />
      </div>
      <TextInput id={`${p}-website`} type="url" label={labels.website} hint={t('people.org.websiteHint')} value={v.website} onChange={(x) => form.set('website', x)} error={form.errors.website} />
      <div className="jt-form__row">
        <TextInput id={`${p}-cbsCode`} label={labels.cbsCode} hint={t('people.org.cbsHint')} value={v.cbsCode} onChange={(x) => form.set('cbsCode', x)} error={form.errors.cbsCode} />
        <TextInput id={`${p}-inwoners`} inputMode="numeric" label={labels.inwoners} hint={t('people.org.inwonersHint')} value={v.inwoners} onChange={(x) => form.set('inwoners', x)} error={form.errors.inwoners} />
      </div>
      <FormButtons
        busy={form.busy}
        submitLabel={o ? t('edit.save') : t('people.org.create')}
        onCancel={() => {
          form.reset();
          props.onCancel();
        }}
      />
    </form>
  );
}
