// Writing a new progress report (POST /projecten/{id}/rapportages). What is typed is kept as a
// draft in memory, so an expired session or a logout does not lose it; the server's
// invalidParams are shown next to their fields.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { request, PORTFOLIO } from '../api/client';
import type { Rapportage, RapportageNieuw } from '../api/types';
import { t, tk } from '../i18n';
import { dropDraft, loadDraft, saveDraft } from '../lib/drafts';
import { addDays, todayIso } from '../lib/format';
import { explain } from '../lib/problems';
import { Field } from './Field';
import { Alert } from './States';
import { FormButtons } from './FormButtons';

type Values = { periodeVan: string; periodeTot: string; ragStatus: string; samenvatting: string; resultaten: string; risicos: string; volgendeStappen: string; gevraagdeBesluiten: string };
const TEXTS = ['resultaten', 'risicos', 'volgendeStappen', 'gevraagdeBesluiten'] as const;

function blank(): Values {
  const today = todayIso();
  return { periodeVan: addDays(today, -42), periodeTot: today, ragStatus: '', samenvatting: '', resultaten: '', risicos: '', volgendeStappen: '', gevraagdeBesluiten: '' };
}

/** Client-side checks, in the same words as the server would use. */
export function validateReport(v: Values): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.periodeVan) e.periodeVan = t('form.required');
  if (!v.periodeTot) e.periodeTot = t('form.required');
  if (v.periodeVan && v.periodeTot && v.periodeTot < v.periodeVan) e.periodeTot = t('form.endBeforeStart');
  if (!v.ragStatus) e.ragStatus = t('report.chooseRag');
  if (!v.samenvatting.trim()) e.samenvatting = t('form.required');
  return e;
}

export function ReportForm({ projectId, onSaved }: { projectId: string; onSaved: () => void }) {
  const key = `rapportage:${projectId}`;
  const restored = loadDraft<Values>(key);
  const [open, setOpen] = useState(!!restored);
  const [values, setValues] = useState<Values>(restored ?? blank());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) saveDraft(key, values);
  }, [key, open, values]);

  function set<K extends keyof Values>(k: K, v: Values[K]) {
    setValues((old) => ({ ...old, [k]: v }));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = validateReport(values);
    setErrors(local);
    if (Object.keys(local).length) {
      setMessage(t('state.invalid'));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    setMessage(null);
    const body: RapportageNieuw = {
      periodeVan: values.periodeVan,
      periodeTot: values.periodeTot,
      ragStatus: values.ragStatus as RapportageNieuw['ragStatus'],
      samenvatting: values.samenvatting.trim(),
    };
    for (const k of TEXTS) if (values[k].trim()) body[k] = values[k].trim();
    try {
      await request<Rapportage>(`${PORTFOLIO}/projecten/${projectId}/rapportages`, { method: 'POST', body });
      dropDraft(key);
      setValues(blank());
      setOpen(false);
      setDone(true);
      onSaved();
    } catch (err) {
      const x = explain(err, true);
      setErrors(x.fields);
      setMessage(x.message);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <div className="jt-form-open">
        {done && <Alert type="ok">{t('report.saved')}</Alert>}
        <button
          ref={openRef}
          type="button"
          className="utrecht-button utrecht-button--primary-action"
          data-testid="rapportage-schrijven"
          onClick={() => {
            setOpen(true);
            setDone(false);
          }}
        >
          {t('report.write')}
        </button>
      </div>
    );
  }

  const cls = (k: string, base: string) => `${base}${errors[k] ? ` ${base.split(' ')[0]}--invalid` : ''}`;
  return (
    <form className="utrecht-form jt-form" onSubmit={submit} noValidate aria-labelledby="report-form-title">
      <h3 id="report-form-title" className="utrecht-heading-3">
        {t('report.new')}
      </h3>
      {restored && <Alert type="info">{t('report.draftKept')}</Alert>}
      {message && (
        <div ref={summaryRef} tabIndex={-1} className="utrecht-alert utrecht-alert--error jt-alert" role="alert">
          <div className="utrecht-alert__content">
            <div className="utrecht-alert__message">
              <strong>{t('state.errorSummary')}</strong>
              <p className="utrecht-paragraph">{message}</p>
              {Object.keys(errors).length > 0 && (
                <ul>
                  {Object.entries(errors).map(([k, v]) => (
                    <li key={k}>
                      <a className="utrecht-link" href={`#report-${k}`}>
                        {k in LABELS ? t(LABELS[k as keyof typeof LABELS]) : k}: {v}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </div>
      )}
      <div className="jt-form__row">
        <Field id="report-periodeVan" label={t('report.periodeVan')} error={errors.periodeVan}>
          {(a) => <input {...a} type="date" className={cls('periodeVan', 'utrecht-textbox utrecht-textbox--html-input')} value={values.periodeVan} onChange={(e) => set('periodeVan', e.target.value)} required />}
        </Field>
        <Field id="report-periodeTot" label={t('report.periodeTot')} error={errors.periodeTot}>
          {(a) => <input {...a} type="date" className={cls('periodeTot', 'utrecht-textbox utrecht-textbox--html-input')} value={values.periodeTot} onChange={(e) => set('periodeTot', e.target.value)} required />}
        </Field>
      </div>
      <Field id="report-ragStatus" label={t('report.ragStatus')} error={errors.ragStatus}>
        {(a) => (
          <select {...a} className={cls('ragStatus', 'utrecht-select utrecht-select--html-select')} value={values.ragStatus} onChange={(e) => set('ragStatus', e.target.value)} required>
            <option value="">{t('report.chooseRag')}</option>
            {(['op_koers', 'risico', 'achter'] as const).map((r) => (
              <option key={r} value={r}>
                {tk('rag', r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="report-samenvatting" label={`${t('report.samenvatting')} ${t('report.required')}`} error={errors.samenvatting}>
        {(a) => <textarea {...a} rows={4} className={cls('samenvatting', 'utrecht-textarea utrecht-textarea--html-textarea')} value={values.samenvatting} onChange={(e) => set('samenvatting', e.target.value)} required />}
      </Field>
      {TEXTS.map((k) => (
        <Field key={k} id={`report-${k}`} label={`${t(`report.${k}`)} ${t('report.optional')}`} error={errors[k]}>
          {(a) => <textarea {...a} rows={3} className={cls(k, 'utrecht-textarea utrecht-textarea--html-textarea')} value={values[k]} onChange={(e) => set(k, e.target.value)} />}
        </Field>
      ))}
      <FormButtons
        busy={busy}
        submitLabel={t('report.save')}
        onCancel={() => {
          dropDraft(key);
          setValues(blank());
          setErrors({});
          setMessage(null);
          setOpen(false);
        }}
      />
    </form>
  );
}

const LABELS = {
  periodeVan: 'report.periodeVan',
  periodeTot: 'report.periodeTot',
  ragStatus: 'report.ragStatus',
  samenvatting: 'report.samenvatting',
  resultaten: 'report.resultaten',
  risicos: 'report.risicos',
  volgendeStappen: 'report.volgendeStappen',
  gevraagdeBesluiten: 'report.gevraagdeBesluiten',
} as const;
