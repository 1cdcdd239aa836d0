// Adding or editing a person (name, organisation, function, e-mail, phone). Only the minimum
// personal data the API keeps; a beheerder can export everything about a person (AVG).
import { getAll, request, STAKEHOLDERS } from '../../api/client';
import type { Organisatie, Persoon } from '../../api/types/people';
import { Alert } from '../../components/States';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { FormButtons } from '../../components/FormButtons';
import { ErrorSummary, Select, TextInput, useForm } from './form';
import { personBody, personValues, validatePerson } from './persons';
import { changedOnly } from './text';

export function PersonForm(props: { person?: Persoon; etag?: string | null; organisatieId?: string; onSaved: (p: Persoon) => void; onCancel: () => void }) {
  const { person, etag } = props;
  const form = useForm({ initial: () => personValues(person, props.organisatieId), validate: validatePerson, draftKey: `persoon:${person?.id ?? `nieuw:${props.organisatieId ?? ''}`}` });
  const orgs = useResource((signal) => getAll<Organisatie>(`${STAKEHOLDERS}/organisaties`, 'organisaties', signal, 5000), []);
  const v = form.values;
  const p = 'persoon';
  const labels = {
    naam: t('people.person.naam'),
    organisatieId: t('people.person.organisation'),
    functie: t('people.person.functie'),
    email: t('people.person.email'),
    telefoon: t('people.person.telefoon'),
  };
  const options = (orgs.state === 'ready' ? [...orgs.data].sort((a, b) => a.naam.localeCompare(b.naam, 'nl')) : []).map((o) => ({ value: o.id, label: o.naam }));
  // The current organisation stays choosable while the list loads (or if it failed).
  if (v.organisatieId && !options.some((o) => o.value === v.organisatieId)) options.unshift({ value: v.organisatieId, label: person?.organisatieNaam ?? v.organisatieId });

  async function save() {
    if (person) {
      const body = changedOnly(personBody(v), personBody(personValues(person)));
      if (Object.keys(body).length === 0) return props.onSaved(person);
      props.onSaved((await request<Persoon>(`${STAKEHOLDERS}/personen/${person.id}`, { method: 'PATCH', body, ifMatch: etag ?? undefined })).data);
    } else {
      props.onSaved((await request<Persoon>(`${STAKEHOLDERS}/personen`, { method: 'POST', body: personBody(v) })).data);
    }
  }

  return (
    <form
      className="utrecht-form jt-form jt-pform"
      noValidate
      aria-labelledby="person-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(save);
      }}
    >
      <h2 id="person-form-title" className="utrecht-heading-2">
        {person ? t('people.person.edit') : t('people.person.new')}
      </h2>
      {form.restored && <Alert type="info">{t('report.draftKept')}</Alert>}
      <ErrorSummary form={form} prefix={p} labels={labels} />
      <TextInput id={`${p}-naam`} label={labels.naam} value={v.naam} onChange={(x) => form.set('naam', x)} error={form.errors.naam} autoComplete="off" required />
      <div className="jt-form__row">
        <Select id={`${p}-organisatieId`} label={labels.organisatieId} value={v.organisatieId} onChange={(x) => form.set('organisatieId', x)} error={form.errors.organisatieId} placeholder={t('people.person.noOrganisation')} options={options} />
        <TextInput id={`${p}-functie`} label={labels.functie} value={v.functie} onChange={(x) => form.set('functie', x)} error={form.errors.functie} autoComplete="off" />
      </div>
      <div className="jt-form__row">
        <TextInput id={`${p}-email`} type="email" label={labels.email} value={v.email} onChange={(x) => form.set('email', x)} error={form.errors.email} autoComplete="off" />
        <TextInput id={`${p}-telefoon`} type="tel" label={labels.telefoon} hint={t('people.person.telefoonHint')} value={v.telefoon} onChange={(x) => form.set('telefoon', x)} error={form.errors.telefoon} autoComplete="off" />
      </div>
      <FormButtons
        busy={form.busy}
        submitLabel={person ? t('edit.save') : t('people.person.create')}
        onCancel={() => {
          form.reset();
          props.onCancel();
        }}
      />
    </form>
  );
}
