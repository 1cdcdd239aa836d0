// The two forms of the core-problems screen: submitting a core problem or idea (anyone with a
// login: POST /kernproblemen) and triaging one (editors: POST /kernproblemen/{id}/triage).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { request, PORTFOLIO } from '../../api/client';
import type { Actielijn, Project } from '../../api/types';
import type { Kernprobleem } from '../../api/types/agenda';
import { Field } from '../../components/Field';
import { Alert } from '../../components/States';
import { t, tk } from '../../i18n';
import { dropDraft, loadDraft, saveDraft } from '../../lib/drafts';
import { explain } from '../../lib/problems';
import { blankProblem, blankTriage, KINDS, NEW_PROJECT_KINDS, OUTCOMES, problemBody, triageBody, triageFieldOf, validateProblem, validateTriage, type ProblemValues, type TriageValues } from './coreProblems';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormButtons } from '../../components/FormButtons';

const DRAFT = 'kernprobleem:nieuw';

export function ProblemForm({ onSubmitted }: { onSubmitted: (p: Kernprobleem) => void }) {
  const restored = loadDraft<ProblemValues>(DRAFT);
  const [values, setValues] = useState<ProblemValues>(restored ?? blankProblem());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (values.titel || values.beschrijving) saveDraft(DRAFT, values);
  }, [values]);

  const labels = { titel: t('agenda.problem.titel'), beschrijving: t('agenda.problem.beschrijving'), soort: t('agenda.problem.soort') };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = validateProblem(values);
    setErrors(local);
    setDone(null);
    if (Object.keys(local).length) {
      setMessage(t('state.invalid'));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const { data } = await request<Kernprobleem>(`${PORTFOLIO}/kernproblemen`, { method: 'POST', body: problemBody(values) });
      dropDraft(DRAFT);
      setValues(blankProblem());
      setDone(data.titel);
      onSubmitted(data);
    } catch (err) {
      const x = explain(err, true);
      setErrors(x.fields);
      setMessage(x.message);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  const cls = (k: string, base: string) => `${base}${errors[k] ? ` ${base.split(' ')[0]}--invalid` : ''}`;
  return (
    <form className="utrecht-form jt-form" onSubmit={submit} noValidate aria-labelledby="problem-form-title" data-testid="kernprobleem-indienen">
      <h2 id="problem-form-title" className="utrecht-heading-2">
        {t('agenda.problem.formTitle')}
      </h2>
      <p className="jt-help">{t('agenda.problem.formIntro')}</p>
      {done && <Alert type="ok">{t('agenda.problem.submitted', { titel: done })}</Alert>}
      {restored && !done && <Alert type="info">{t('report.draftKept')}</Alert>}
      {message && <ErrorSummary ref={summaryRef} message={message} errors={errors} labels={labels} idPrefix="problem" />}
      <fieldset className="utrecht-form-fieldset jt-fieldset" id="problem-soort">
        <legend className="utrecht-form-fieldset__legend">{labels.soort}</legend>
        <div className="jt-radios">
          {KINDS.map((k) => (
            <label key={k} className="jt-radio">
              <input type="radio" name="problem-soort" value={k} checked={values.soort === k} onChange={() => setValues((v) => ({ ...v, soort: k }))} /> {tk('agenda.problemKind', k)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field id="problem-titel" label={`${labels.titel} ${t('report.required')}`} error={errors.titel} hint={t('agenda.problem.titelHint')}>
        {(a) => <input {...a} className={cls('titel', 'utrecht-textbox utrecht-textbox--html-input')} value={values.titel} maxLength={300} onChange={(e) => setValues((v) => ({ ...v, titel: e.target.value }))} required />}
      </Field>
      <Field id="problem-beschrijving" label={`${labels.beschrijving} ${t('report.optional')}`} error={errors.beschrijving} hint={t('agenda.problem.beschrijvingHint')}>
        {(a) => <textarea {...a} rows={5} className={cls('beschrijving', 'utrecht-textarea utrecht-textarea--html-textarea')} value={values.beschrijving} onChange={(e) => setValues((v) => ({ ...v, beschrijving: e.target.value }))} />}
      </Field>
      <FormButtons busy={busy} submitLabel={t('agenda.problem.submit')} />
    </form>
  );
}

export function TriageForm({
  problem,
  lines,
  projects,
  allowedLines,
  onDone,
  onCancel,
}: {
  problem: Kernprobleem;
  lines: Actielijn[];
  projects: Project[];
  allowedLines: number[];
  onDone: (p: Kernprobleem) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<TriageValues>(() => blankTriage(problem));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const idp = `triage-${problem.id}`;
  const set = <K extends keyof TriageValues>(k: K, v: TriageValues[K]) => {
    setValues((o) => ({ ...o, [k]: v }));
    // A choice made answers its problem; the others stay until the next attempt.
    setErrors((e) => {
      if (!(k in e)) return e;
      const rest = { ...e };
      delete rest[k];
      return rest;
    });
  };
  const usable = lines.filter((l) => allowedLines.includes(l.nummer));
  const labels: Record<string, string> = {
    uitkomst: t('agenda.triage.outcome'),
    actielijn: t('project.actionLine'),
    projectId: t('agenda.triage.project'),
    nieuwTitel: t('agenda.triage.newTitle'),
    toelichting: t('agenda.triage.note'),
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = validateTriage(values);
    setErrors(local);
    if (Object.keys(local).length) {
      setMessage(t('state.invalid'));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const { data } = await request<Kernprobleem>(`${PORTFOLIO}/kernproblemen/${problem.id}/triage`, { method: 'POST', body: triageBody(values) });
      onDone(data);
    } catch (err) {
      const x = explain(err, true);
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries(x.fields)) fields[triageFieldOf(k, values.uitkomst)] = v;
      setErrors(fields);
      setMessage(x.message);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  const lineSelect = (
    <Field id={`${idp}-actielijn`} label={labels.actielijn} error={errors.actielijn}>
      {(a) => (
        <select {...a} className="utrecht-select utrecht-select--html-select" value={values.actielijn} onChange={(e) => set('actielijn', e.target.value)}>
          <option value="">{t('agenda.triage.chooseLine')}</option>
          {usable.map((l) => (
            <option key={l.nummer} value={l.nummer}>
              {l.nummer}. {l.titel}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form className="utrecht-form jt-form jt-triage" onSubmit={submit} noValidate aria-labelledby={`${idp}-title`} data-testid="triage-formulier">
      <h4 id={`${idp}-title`} className="utrecht-heading-3">
        {t('agenda.triage.title', { titel: problem.titel })}
      </h4>
      {message && <ErrorSummary ref={summaryRef} message={message} errors={errors} labels={labels} idPrefix={idp} />}
      <fieldset className="utrecht-form-fieldset jt-fieldset" id={`${idp}-uitkomst`} aria-describedby={errors.uitkomst ? `${idp}-uitkomst-error` : undefined}>
        <legend className="utrecht-form-fieldset__legend">{labels.uitkomst}</legend>
        {errors.uitkomst && (
          <p className="utrecht-form-field-error-message" id={`${idp}-uitkomst-error`}>
            {errors.uitkomst}
          </p>
        )}
        <div className="jt-radios jt-radios--stacked">
          {OUTCOMES.map((o) => (
            <label key={o} className="jt-radio">
              <input type="radio" name={`${idp}-uitkomst`} value={o} checked={values.uitkomst === o} onChange={() => set('uitkomst', o)} /> {tk('agenda.outcome', o)}
              <span className="jt-radio__hint">{tk('agenda.outcomeHint', o)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {values.uitkomst === 'actielijn' && lineSelect}
      {values.uitkomst === 'project' && (
        <Field id={`${idp}-projectId`} label={labels.projectId} error={errors.projectId}>
          {(a) => (
            <select {...a} className="utrecht-select utrecht-select--html-select jt-select-wide" value={values.projectId} onChange={(e) => set('projectId', e.target.value)}>
              <option value="">{t('agenda.triage.chooseProject')}</option>
              {usable.map((l) => (
                <optgroup key={l.nummer} label={`${l.nummer}. ${l.titel}`}>
                  {projects
                    .filter((p) => p.actielijn === l.nummer)
                    .sort((a, b) => a.rang - b.rang)
                    .map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.titel}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
      )}
      {values.uitkomst === 'nieuw_project' && (
        <>
          {lineSelect}
          <Field id={`${idp}-nieuwTitel`} label={labels.nieuwTitel} error={errors.nieuwTitel}>
            {(a) => <input {...a} className="utrecht-textbox utrecht-textbox--html-input jt-input-wide" value={values.nieuwTitel} onChange={(e) => set('nieuwTitel', e.target.value)} />}
          </Field>
          <Field id={`${idp}-nieuwSoort`} label={t('project.kind')}>
            {(a) => (
              <select {...a} className="utrecht-select utrecht-select--html-select" value={values.nieuwSoort} onChange={(e) => set('nieuwSoort', e.target.value)}>
                {NEW_PROJECT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {tk('kind', k)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${idp}-nieuwBeschrijving`} label={t('project.description')}>
            {(a) => <textarea {...a} rows={3} className="utrecht-textarea utrecht-textarea--html-textarea" value={values.nieuwBeschrijving} onChange={(e) => set('nieuwBeschrijving', e.target.value)} />}
          </Field>
        </>
      )}
      <Field id={`${idp}-toelichting`} label={`${labels.toelichting} ${t('report.optional')}`} error={errors.toelichting}>
        {(a) => <textarea {...a} rows={3} className="utrecht-textarea utrecht-textarea--html-textarea" value={values.toelichting} onChange={(e) => set('toelichting', e.target.value)} />}
      </Field>
      <FormButtons busy={busy} submitLabel={t('agenda.triage.save')} onCancel={onCancel} />
    </form>
  );
}
