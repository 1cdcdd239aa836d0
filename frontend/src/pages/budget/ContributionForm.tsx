// Recording a contribution (POST /bijdragen) or changing one (PATCH with If-Match): money in
// euros or staff hours with an optional hourly rate, pledged or realised, from a municipality
// and/or an organisation. The answer's warnings (more realised than pledged) are passed on.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CONTRIBUTIONS } from '../../api/client';
import type { Bijdrage, BijdrageAntwoord } from '../../api/types/budget';
import { Field } from '../../components/Field';
import { Alert } from '../../components/States';
import { t, tk } from '../../i18n';
import { ConflictNotice } from './Conflict';
import { blankContribution, changedFields, contributionBody, contributionPatch, contributionValues, mergeValues, validateContribution, type ContributionValues } from './forms';
import { municipalityName, sourceName, type Names } from './names';
import { ScopeFields } from './ScopeFields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { saveResource, useDraftForm } from './useDraftForm';
import { FormButtons } from '../../components/FormButtons';

function labels(): Record<keyof ContributionValues, string> {
  return {
    gemeente: t('budget.field.gemeente'),
    organisatie: t('budget.field.organisatie'),
    scope: t('budget.field.scopeContribution'),
    actielijn: t('budget.field.actielijn'),
    projectId: t('budget.field.project'),
    jaar: t('budget.field.jaar'),
    soort: t('budget.field.soort'),
    bedrag: t('budget.field.bedrag'),
    uren: t('budget.field.uren'),
    uurtarief: t('budget.field.uurtarief'),
    financieringsbronId: t('budget.field.bron'),
    status: t('budget.field.contributionStatus'),
    datum: t('budget.field.datum'),
    toelichting: t('budget.field.toelichting'),
  };
}

interface Props {
  contribution?: { data: Bijdrage; etag: string | null };
  defaultYear: number;
  projectId?: string;
  names: Names;
  onSaved: (b: BijdrageAntwoord) => void;
  onCancel: () => void;
}

export function ContributionForm({ contribution, defaultYear, projectId, names, onSaved, onCancel }: Props) {
  const editing = !!contribution;
  const f = useDraftForm<ContributionValues>(`budget-contribution:${contribution?.data.id ?? 'new'}`, () => {
    const v = contribution ? contributionValues(contribution.data) : blankContribution(defaultYear, projectId);
    return { base: v, values: v, etag: contribution?.etag ?? null };
  });
  const [conflict, setConflict] = useState<{ theirs: Bijdrage; etag: string | null } | null>(null);
  const v = f.values;
  // The form replaces the button that opened it: the focus moves to its heading.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const L = labels();
  const id = (k: keyof ContributionValues) => `contribution-${k}`;
  const invalid = (k: string, base: string) => `${base}${f.errors[k] ? ` ${base.split(' ')[0]}--invalid` : ''}`;
  const text = 'utrecht-textbox utrecht-textbox--html-input';
  const select = 'utrecht-select utrecht-select--html-select';

  async function save(values: ContributionValues, base: ContributionValues, etag: string | null) {
    const local = validateContribution(values);
    if (Object.keys(local).length) return f.fail(t('state.invalid'), local);
    await saveResource<BijdrageAntwoord, Bijdrage>(f, {
      collection: `${CONTRIBUTIONS}/bijdragen`,
      id: contribution?.data.id,
      patch: contribution ? contributionPatch(base, values) : null,
      create: contributionBody(values),
      etag,
      onSaved,
      onCancel,
      onConflict: (cur) => setConflict({ theirs: cur.data, etag: cur.etag }),
    });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void save(v, f.base, f.etag);
  }

  function show(k: keyof ContributionValues, x: ContributionValues): string {
    if (k === 'soort' || k === 'status') return tk(`budget.${k}`, x[k]);
    if (k === 'gemeente') return municipalityName(x.gemeente, names);
    if (k === 'organisatie') return names.organisaties.get(x.organisatie) ?? x.organisatie;
    if (k === 'financieringsbronId') return sourceName(x.financieringsbronId, names);
    return x[k];
  }

  const titleId = editing ? 'contribution-form-edit' : 'contribution-form-new';
  const theirs = conflict ? contributionValues(conflict.theirs) : null;
  return (
    <form className="utrecht-form jt-form" onSubmit={submit} noValidate aria-labelledby={titleId} data-testid="bijdrage-formulier">
      <h3 id={titleId} className="utrecht-heading-3" tabIndex={-1} ref={headingRef}>
        {editing ? t('budget.contribution.editTitle') : t('budget.contribution.newTitle')}
      </h3>
      {f.restored && <Alert type="info">{t('budget.form.draftKept')}</Alert>}
      {conflict && theirs && (
        <ConflictNotice
          changes={changedFields(f.base, theirs).map((k) => ({ label: L[k], value: show(k, theirs) }))}
          onApply={() => {
            f.rebase(theirs, mergeValues(f.base, v, theirs), conflict.etag);
            setConflict(null);
          }}
          onDiscard={() => {
            f.drop();
            onCancel();
          }}
        />
      )}
      {f.message && <ErrorSummary message={f.message} errors={f.errors} labels={L} idPrefix="contribution" ref={f.summaryRef} />}

      <fieldset className="jt-fieldset">
        <legend>{t('budget.contribution.who')}</legend>
        <p className="jt-help">{t('budget.contribution.whoHelp')}</p>
        <div className="jt-form__row">
          <Field id={id('gemeente')} label={L.gemeente} error={f.errors.gemeente}>
            {(a) => (
              <select {...a} className={invalid('gemeente', select)} value={v.gemeente} onChange={(e) => f.set('gemeente', e.target.value)}>
                <option value="">{t('budget.contribution.noMunicipality')}</option>
                {names.gemeenten.map((g) => (
                  <option key={g.code} value={g.code}>
                    {g.naam}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={id('organisatie')} label={L.organisatie} error={f.errors.organisatie}>
            {(a) =>
              names.organisatieLijst.length > 0 ? (
                <select {...a} className={invalid('organisatie', select)} value={v.organisatie} onChange={(e) => f.set('organisatie', e.target.value)}>
                  <option value="">{t('budget.contribution.noOrganisation')}</option>
                  {/* A code the list does not know (any more) stays choosable, so editing keeps it. */}
                  {v.organisatie && !names.organisatieLijst.some((o) => o.key === v.organisatie) && <option value={v.organisatie}>{names.organisaties.get(v.organisatie) ?? v.organisatie}</option>}
                  {names.organisatieLijst.map((o) => (
                    <option key={o.key} value={o.key}>
                      {o.naam}
                    </option>
                  ))}
                </select>
              ) : (
                // Without the stakeholders service the organisation is typed as its code.
                <input {...a} type="text" maxLength={200} className={invalid('organisatie', text)} value={v.organisatie} onChange={(e) => f.set('organisatie', e.target.value)} />
              )
            }
          </Field>
        </div>
      </fieldset>

      <ScopeFields prefix="contribution" values={v} errors={f.errors} names={names} set={(k, x) => f.set(k, x)} labels={L} />
      <div className="jt-form__row">
        <Field id={id('jaar')} label={L.jaar} error={f.errors.jaar}>
          {(a) => <input {...a} type="number" inputMode="numeric" min={2000} max={2100} className={invalid('jaar', `${text} jt-budget-year`)} value={v.jaar} onChange={(e) => f.set('jaar', e.target.value)} required />}
        </Field>
        <Field id={id('status')} label={L.status} error={f.errors.status}>
          {(a) => (
            <select {...a} className={invalid('status', select)} value={v.status} onChange={(e) => f.set('status', e.target.value)}>
              {(['toegezegd', 'gerealiseerd'] as const).map((x) => (
                <option key={x} value={x}>
                  {tk('budget.status', x)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('datum')} label={`${L.datum} ${t('budget.form.optional')}`} error={f.errors.datum}>
          {(a) => <input {...a} type="date" className={invalid('datum', text)} value={v.datum} onChange={(e) => f.set('datum', e.target.value)} />}
        </Field>
      </div>
      <div className="jt-form__row">
        <Field id={id('soort')} label={L.soort} error={f.errors.soort}>
          {(a) => (
            <select {...a} className={invalid('soort', select)} value={v.soort} onChange={(e) => f.set('soort', e.target.value)}>
              {(['geld', 'menskracht'] as const).map((x) => (
                <option key={x} value={x}>
                  {tk('budget.soort', x)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {v.soort === 'geld' ? (
          <Field id={id('bedrag')} label={L.bedrag} hint={t('budget.amount.hint')} error={f.errors.bedrag}>
            {(a) => <input {...a} type="text" inputMode="decimal" autoComplete="off" className={invalid('bedrag', `${text} jt-budget-amount-input`)} value={v.bedrag} onChange={(e) => f.set('bedrag', e.target.value)} required />}
          </Field>
        ) : (
          <>
            <Field id={id('uren')} label={L.uren} error={f.errors.uren}>
              {(a) => <input {...a} type="text" inputMode="numeric" autoComplete="off" className={invalid('uren', `${text} jt-budget-year`)} value={v.uren} onChange={(e) => f.set('uren', e.target.value)} required />}
            </Field>
            <Field id={id('uurtarief')} label={`${L.uurtarief} ${t('budget.form.optional')}`} hint={t('budget.contribution.rateHint')} error={f.errors.uurtarief}>
              {(a) => <input {...a} type="text" inputMode="decimal" autoComplete="off" className={invalid('uurtarief', `${text} jt-budget-amount-input`)} value={v.uurtarief} onChange={(e) => f.set('uurtarief', e.target.value)} />}
            </Field>
          </>
        )}
      </div>
      <Field id={id('financieringsbronId')} label={`${L.financieringsbronId} ${t('budget.form.optional')}`} error={f.errors.financieringsbronId}>
        {(a) => (
          <select {...a} className={invalid('financieringsbronId', select)} value={v.financieringsbronId} onChange={(e) => f.set('financieringsbronId', e.target.value)}>
            <option value="">{t('budget.contribution.noSource')}</option>
            {names.bronnen.map((b) => (
              <option key={b.id} value={b.id}>
                {b.naam}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={id('toelichting')} label={`${L.toelichting} ${t('budget.form.optional')}`} error={f.errors.toelichting}>
        {(a) => <textarea {...a} rows={2} maxLength={2000} className={invalid('toelichting', 'utrecht-textarea utrecht-textarea--html-textarea')} value={v.toelichting} onChange={(e) => f.set('toelichting', e.target.value)} />}
      </Field>
      <FormButtons
        busy={f.busy}
        submitLabel={editing ? t('budget.form.saveChanges') : t('budget.contribution.add')}
        onCancel={() => {
          f.drop();
          onCancel();
        }}
      />
    </form>
  );
}
