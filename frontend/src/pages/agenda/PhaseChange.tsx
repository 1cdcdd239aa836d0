// Moving a project to the next or the previous step of the process, with a date and a reason.
// Into `project` or `oplevering` with open preconditions the API asks to accept them explicitly;
// the form says which are open and offers the acceptance, and the server's problem (409: same
// phase, open preconditions not accepted) is shown as it comes.
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, request, PORTFOLIO } from '../../api/client';
import type { Project } from '../../api/types';
import type { Fasewijziging } from '../../api/types/agenda';
import { Field } from '../../components/Field';
import { Alert } from '../../components/States';
import { t, tk } from '../../i18n';
import { todayIso } from '../../lib/format';
import { explain } from '../../lib/problems';
import { ErrorSummary } from '../../components/ErrorSummary';
import { needsAcceptance, openPreconditions, phaseBody, phaseTargets, validatePhase, type PhaseValues } from './phase';
import { FormButtons } from '../../components/FormButtons';

export function PhaseChange({ project, onSaved, onEditPreconditions }: { project: Project; onSaved: () => void; onEditPreconditions: () => void }) {
  const { next, previous } = phaseTargets(project.fase);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<PhaseValues>({ naar: next ?? previous ?? '', datum: todayIso(), toelichting: '', accepteren: false });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const openRv = openPreconditions(project);
  const asksAcceptance = needsAcceptance(values.naar) && openRv.length > 0;
  const labels = { naar: t('agenda.phase.target'), datum: t('agenda.phase.date'), toelichting: t('agenda.phase.reason'), accepteren: t('agenda.phase.accept') };
  const set = <K extends keyof PhaseValues>(k: K, v: PhaseValues[K]) => setValues((o) => ({ ...o, [k]: v }));

  function close() {
    setOpen(false);
    setErrors({});
    setMessage(null);
    requestAnimationFrame(() => openRef.current?.focus());
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = validatePhase(values);
    setErrors(local);
    if (Object.keys(local).length) {
      setMessage(t('state.invalid'));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const { data } = await request<Fasewijziging>(`${PORTFOLIO}/projecten/${project.id}/fasewijzigingen`, { method: 'POST', body: phaseBody(values, openRv) });
      setDone(tk('phase', data.naarFase ?? values.naar));
      setOpen(false);
      setValues((v) => ({ ...v, toelichting: '', accepteren: false }));
      onSaved();
    } catch (err) {
      const x = explain(err, true);
      const fields = { ...x.fields };
      if (fields.fase) {
        fields.naar = fields.fase;
        delete fields.fase;
      }
      if (fields.openRandvoorwaardenAccepteren) {
        fields.accepteren = fields.openRandvoorwaardenAccepteren;
        delete fields.openRandvoorwaardenAccepteren;
      }
      let text = x.message;
      // The API's 409 names its own field names; say it in the words of the form instead.
      if (err instanceof ApiError && err.status === 409 && asksAcceptance && !values.accepteren) {
        text = t('agenda.phase.mustAccept', { fase: tk('phase', values.naar) });
        fields.accepteren = t('agenda.phase.acceptHint');
      }
      setErrors(fields);
      setMessage(text);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  if (!next && !previous) return null;
  if (!open) {
    return (
      <div className="jt-form-open">
        {done && <Alert type="ok">{t('agenda.phase.saved', { fase: done })}</Alert>}
        <button
          ref={openRef}
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => {
            setDone(null);
            setValues((v) => ({ ...v, naar: next ?? previous ?? '', datum: todayIso() }));
            setOpen(true);
          }}
        >
          {t('agenda.phase.open')}
        </button>
      </div>
    );
  }

  return (
    <form className="utrecht-form jt-form" onSubmit={submit} noValidate aria-labelledby="phase-form-title" data-testid="fase-wijzigen">
      <h3 id="phase-form-title" className="utrecht-heading-3">
        {t('agenda.phase.title')}
      </h3>
      <p className="jt-help">{t('agenda.phase.current', { fase: tk('phase', project.fase) })}</p>
      {message && <ErrorSummary ref={summaryRef} message={message} errors={errors} labels={labels} idPrefix="phase" />}
      <fieldset className="utrecht-form-fieldset jt-fieldset" id="phase-naar" aria-describedby={errors.naar ? 'phase-naar-error' : undefined}>
        <legend className="utrecht-form-fieldset__legend">{labels.naar}</legend>
        {errors.naar && (
          <p className="utrecht-form-field-error-message" id="phase-naar-error">
            {errors.naar}
          </p>
        )}
        <div className="jt-radios jt-radios--stacked">
          {next && (
            <label className="jt-radio">
              <input type="radio" name="phase-naar" value={next} checked={values.naar === next} onChange={() => set('naar', next)} /> {t('agenda.phase.next', { fase: tk('phase', next) })}
            </label>
          )}
          {previous && (
            <label className="jt-radio">
              <input type="radio" name="phase-naar" value={previous} checked={values.naar === previous} onChange={() => set('naar', previous)} /> {t('agenda.phase.previous', { fase: tk('phase', previous) })}
            </label>
          )}
        </div>
      </fieldset>
      {asksAcceptance && (
        <div className="jt-phase-open" id="phase-accepteren">
          <p className="utrecht-paragraph">
            <strong>{t('agenda.phase.openTitle', { fase: tk('phase', values.naar) })}</strong> {openRv.map((k) => tk('precondition', k)).join(', ')}.
          </p>
          {errors.accepteren && (
            <p className="utrecht-form-field-error-message" id="phase-accepteren-error">
              {errors.accepteren}
            </p>
          )}
          <label className="jt-checkbox">
            <input
              type="checkbox"
              checked={values.accepteren}
              aria-invalid={errors.accepteren ? true : undefined}
              aria-describedby={errors.accepteren ? 'phase-accepteren-error' : undefined}
              onChange={(e) => set('accepteren', e.target.checked)}
            />{' '}
            {labels.accepteren}
          </label>
          <p>
            <button type="button" className="utrecht-button utrecht-button--subtle jt-linkbutton" onClick={onEditPreconditions}>
              {t('agenda.phase.editPreconditions')}
            </button>
          </p>
        </div>
      )}
      <Field id="phase-datum" label={labels.datum} error={errors.datum}>
        {(a) => <input {...a} type="date" className="utrecht-textbox utrecht-textbox--html-input" value={values.datum} onChange={(e) => set('datum', e.target.value)} />}
      </Field>
      <Field id="phase-toelichting" label={`${labels.toelichting} ${t('report.required')}`} error={errors.toelichting} hint={t('agenda.phase.reasonHint')}>
        {(a) => <textarea {...a} rows={3} className="utrecht-textarea utrecht-textarea--html-textarea" value={values.toelichting} onChange={(e) => set('toelichting', e.target.value)} />}
      </Field>
      <FormButtons busy={busy} submitLabel={t('agenda.phase.save')} onCancel={close} />
    </form>
  );
}
