// Adding a budget line (POST /begrotingsregels) or changing one (PATCH with If-Match). Changing an
// adopted line makes a new revision and needs a reason. The server's invalidParams appear next
// to their fields; a 412 shows what someone else changed first.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CONTRIBUTIONS } from '../../api/client';
import type { Begrotingsregel } from '../../api/types/budget';
import { Field } from '../../components/Field';
import { Alert } from '../../components/States';
import { t, tk } from '../../i18n';
import { ConflictNotice } from './Conflict';
import { blankLine, changedFields, lineBody, linePatch, lineValues, mergeValues, validateLine, type LineValues } from './forms';
import type { Names } from './names';
import { ErrorSummary } from '../../components/ErrorSummary';
import { saveResource, useDraftForm } from './useDraftForm';
import { ScopeFields } from './ScopeFields';
import { FormButtons } from '../../components/FormButtons';

const CATEGORIES = ['projectleiding', 'ondersteuning', 'bedrijfsvoering', 'projectkosten', 'onderzoek'];

function labels(): Record<keyof LineValues, string> {
  return {
    scope: t('budget.field.scope'),
    actielijn: t('budget.field.actielijn'),
    projectId: t('budget.field.project'),
    jaar: t('budget.field.jaar'),
    aard: t('budget.field.aard'),
    categorie: t('budget.field.categorie'),
    omschrijving: t('budget.field.omschrijving'),
    bedrag: t('budget.field.bedrag'),
    status: t('budget.field.status'),
    toelichting: t('budget.field.reason'),
  };
}

interface Props {
  /** The line to change, with its ETag; absent for a new line. */
  line?: { data: Begrotingsregel; etag: string | null };
  defaultYear: number;
  projectId?: string;
  names: Names;
  onSaved: (line: Begrotingsregel) => void;
  onCancel: () => void;
}

export function LineForm({ line, defaultYear, projectId, names, onSaved, onCancel }: Props) {
  const editing = !!line;
  const f = useDraftForm<LineValues>(`budget-line:${line?.data.id ?? 'new'}`, () => {
    const v = line ? lineValues(line.data) : blankLine(defaultYear, projectId);
    return { base: v, values: v, etag: line?.etag ?? null };
  });
  const [conflict, setConflict] = useState<{ theirs: Begrotingsregel; etag: string | null } | null>(null);
  const adopted = editing && f.base.status === 'vastgesteld';
  const v = f.values;
  // The form replaces the button that opened it: the focus moves to its heading.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const L = labels();
  const id = (k: keyof LineValues) => `line-${k}`;
  const invalid = (k: string, base: string) => `${base}${f.errors[k] ? ` ${base.split(' ')[0]}--invalid` : ''}`;

  async function save(values: LineValues, base: LineValues, etag: string | null) {
    const local = validateLine(values, adopted);
    if (Object.keys(local).length) return f.fail(t('state.invalid'), local);
    await saveResource<Begrotingsregel, Begrotingsregel>(f, {
      collection: `${CONTRIBUTIONS}/begrotingsregels`,
      id: line?.data.id,
      patch: line ? linePatch(base, values) : null,
      create: lineBody(values),
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

  const titleId = editing ? 'line-form-edit' : 'line-form-new';
  const theirs = conflict ? lineValues(conflict.theirs) : null;
  return (
    <form className="utrecht-form jt-form" onSubmit={submit} noValidate aria-labelledby={titleId} data-testid="begrotingsregel-formulier">
      <h3 id={titleId} className="utrecht-heading-3" tabIndex={-1} ref={headingRef}>
        {editing ? t('budget.line.editTitle') : t('budget.line.newTitle')}
      </h3>
      {f.restored && <Alert type="info">{t('budget.form.draftKept')}</Alert>}
      {conflict && theirs && (
        <ConflictNotice
          changes={changedFields(f.base, theirs)
            .filter((k) => k !== 'toelichting')
            .map((k) => ({ label: L[k], value: k === 'aard' || k === 'status' ? tk(`budget.${k}`, theirs[k]) : String(theirs[k]) }))}
          onApply={() => {
            const merged = mergeValues(f.base, v, theirs);
            f.rebase(theirs, merged, conflict.etag);
            setConflict(null);
          }}
          onDiscard={() => {
            f.drop();
            onCancel();
          }}
        />
      )}
      {f.message && <ErrorSummary message={f.message} errors={f.errors} labels={L} idPrefix="line" ref={f.summaryRef} />}
      {adopted && <p className="jt-help">{t('budget.line.adoptedHelp', { revisie: line?.data.revisie ?? 1 })}</p>}

      <ScopeFields prefix="line" values={v} errors={f.errors} names={names} set={(k, x) => f.set(k, x)} labels={L} />
      <div className="jt-form__row">
        <Field id={id('jaar')} label={L.jaar} error={f.errors.jaar}>
          {(a) => <input {...a} type="number" inputMode="numeric" min={2000} max={2100} className={invalid('jaar', 'utrecht-textbox utrecht-textbox--html-input jt-budget-year')} value={v.jaar} onChange={(e) => f.set('jaar', e.target.value)} required />}
        </Field>
        <Field id={id('aard')} label={L.aard} error={f.errors.aard}>
          {(a) => (
            <select {...a} className={invalid('aard', 'utrecht-select utrecht-select--html-select')} value={v.aard} onChange={(e) => f.set('aard', e.target.value)}>
              {(['structureel', 'incidenteel'] as const).map((x) => (
                <option key={x} value={x}>
                  {tk('budget.aard', x)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('status')} label={L.status} error={f.errors.status}>
          {(a) => (
            <select {...a} className={invalid('status', 'utrecht-select utrecht-select--html-select')} value={v.status} onChange={(e) => f.set('status', e.target.value)}>
              {(adopted ? ['vastgesteld'] : ['raming', 'vastgesteld']).map((x) => (
                <option key={x} value={x}>
                  {tk('budget.status', x)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="jt-form__row">
        <Field id={id('categorie')} label={L.categorie} hint={t('budget.line.categoryHint')} error={f.errors.categorie}>
          {(a) => (
            <>
              <input {...a} type="text" list="line-categories" maxLength={100} className={invalid('categorie', 'utrecht-textbox utrecht-textbox--html-input')} value={v.categorie} onChange={(e) => f.set('categorie', e.target.value)} required />
              <datalist id="line-categories">
                {CATEGORIES.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field id={id('bedrag')} label={L.bedrag} hint={t('budget.amount.hint')} error={f.errors.bedrag}>
          {(a) => <input {...a} type="text" inputMode="decimal" autoComplete="off" className={invalid('bedrag', 'utrecht-textbox utrecht-textbox--html-input jt-budget-amount-input')} value={v.bedrag} onChange={(e) => f.set('bedrag', e.target.value)} required />}
        </Field>
      </div>
      <Field id={id('omschrijving')} label={L.omschrijving} error={f.errors.omschrijving}>
        {(a) => <textarea {...a} rows={2} maxLength={1000} className={invalid('omschrijving', 'utrecht-textarea utrecht-textarea--html-textarea')} value={v.omschrijving} onChange={(e) => f.set('omschrijving', e.target.value)} required />}
      </Field>
      {editing && (
        <Field id={id('toelichting')} label={adopted ? L.toelichting : `${L.toelichting} ${t('budget.form.optional')}`} hint={adopted ? t('budget.line.reasonHint') : undefined} error={f.errors.toelichting}>
          {(a) => <textarea {...a} rows={2} maxLength={1000} className={invalid('toelichting', 'utrecht-textarea utrecht-textarea--html-textarea')} value={v.toelichting} onChange={(e) => f.set('toelichting', e.target.value)} required={adopted} />}
        </Field>
      )}
      <FormButtons
        busy={f.busy}
        submitLabel={editing ? t('budget.form.saveChanges') : t('budget.line.add')}
        onCancel={() => {
          f.drop();
          onCancel();
        }}
      />
    </form>
  );
}
