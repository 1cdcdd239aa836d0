// A small form kit for the people and administration screens: form state with the app's own
// checks and the server's problems (explain) per field, an error summary that links to the
// fields, and labelled inputs built on Field. Unsaved input can be kept as a draft in memory
// (lib/drafts), as the project forms do.
import { ErrorSummary as SharedErrorSummary } from '../../components/ErrorSummary';
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Link } from 'react-router';
import { Field } from '../../components/Field';
import { t, type MessageKey } from '../../i18n';
import { dropDraft, loadDraft, saveDraft } from '../../lib/drafts';
import { explain } from '../../lib/problems';

export interface FormState<V> {
  values: V;
  set: <K extends keyof V>(k: K, v: V[K]) => void;
  setValues: (v: V) => void;
  errors: Record<string, string>;
  message: string | null;
  busy: boolean;
  restored: boolean;
  summaryRef: RefObject<HTMLDivElement | null>;
  /** Check, then run `action`; its error is explained next to the fields. True when it succeeded. */
  submit: (action: (v: V) => Promise<void>) => Promise<boolean>;
  /** Back to the initial values, without errors, and the draft dropped. */
  reset: () => void;
  /** Show an error that is not about one field (e.g. a 403 on a button). */
  fail: (err: unknown) => void;
}

export function useForm<V extends object>(opts: { initial: () => V; validate?: (v: V) => Record<string, string>; draftKey?: string }): FormState<V> {
  const { initial, validate, draftKey } = opts;
  const [restoredDraft] = useState(() => (draftKey ? loadDraft<V>(draftKey) : undefined));
  const [values, setValues] = useState<V>(() => restoredDraft ?? initial());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const dirty = useRef(false);

  useEffect(() => {
    if (draftKey && dirty.current) saveDraft(draftKey, values);
  }, [draftKey, values]);

  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  function fail(err: unknown) {
    const x = explain(err, true);
    setErrors(x.fields);
    setMessage(x.message);
    focusSummary();
  }

  return {
    values,
    set: (k, v) => {
      dirty.current = true;
      setValues((o) => ({ ...o, [k]: v }));
    },
    setValues: (v) => {
      dirty.current = true;
      setValues(v);
    },
    errors,
    message,
    busy,
    restored: !!restoredDraft,
    summaryRef,
    async submit(action) {
      const local = validate?.(values) ?? {};
      setErrors(local);
      if (Object.keys(local).length) {
        setMessage(t('state.invalid'));
        focusSummary();
        return false;
      }
      setBusy(true);
      setMessage(null);
      try {
        await action(values);
        if (draftKey) dropDraft(draftKey);
        dirty.current = false;
        return true;
      } catch (err) {
        fail(err);
        return false;
      } finally {
        setBusy(false);
      }
    },
    reset() {
      if (draftKey) dropDraft(draftKey);
      dirty.current = false;
      setValues(initial());
      setErrors({});
      setMessage(null);
    },
    fail,
  };
}

/** The error summary of a form made with useForm (components/ErrorSummary). */
export function ErrorSummary({ form, prefix, labels }: { form: Pick<FormState<object>, 'message' | 'errors' | 'summaryRef'>; prefix: string; labels: Record<string, string> }) {
  if (!form.message) return null;
  return <SharedErrorSummary ref={form.summaryRef} message={form.message} errors={form.errors} labels={labels} idPrefix={prefix} />;
}

type InputProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (v: string) => void;
  type?: 'text' | 'email' | 'tel' | 'url' | 'date' | 'password' | 'search';
  autoComplete?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'text';
};

export function TextInput(p: InputProps) {
  return (
    <Field id={p.id} label={p.label} hint={p.hint} error={p.error}>
      {(a) => (
        <input
          {...a}
          type={p.type ?? 'text'}
          className={`utrecht-textbox utrecht-textbox--html-input${p.error ? ' utrecht-textbox--invalid' : ''}`}
          value={p.value}
          onChange={(e) => p.onChange(e.target.value)}
          autoComplete={p.autoComplete}
          required={p.required}
          inputMode={p.inputMode}
        />
      )}
    </Field>
  );
}

export function TextArea(p: Omit<InputProps, 'type' | 'autoComplete' | 'inputMode'> & { rows?: number }) {
  return (
    <Field id={p.id} label={p.label} hint={p.hint} error={p.error}>
      {(a) => (
        <textarea
          {...a}
          rows={p.rows ?? 4}
          className={`utrecht-textarea utrecht-textarea--html-textarea${p.error ? ' utrecht-textarea--invalid' : ''}`}
          value={p.value}
          onChange={(e) => p.onChange(e.target.value)}
          required={p.required}
        />
      )}
    </Field>
  );
}

export function Select(p: Omit<InputProps, 'type' | 'autoComplete' | 'inputMode'> & { options: { value: string; label: string }[]; placeholder?: string }) {
  return (
    <Field id={p.id} label={p.label} hint={p.hint} error={p.error}>
      {(a) => (
        <select
          {...a}
          className={`utrecht-select utrecht-select--html-select${p.error ? ' utrecht-select--invalid' : ''}`}
          value={p.value}
          onChange={(e) => p.onChange(e.target.value)}
          required={p.required}
        >
          {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
          {p.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A group of checkboxes with a legend (e.g. action lines, scopes), its error next to it. */
export function Checkboxes<T extends string | number>(p: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { value: T; label: string }[];
  value: T[];
  onChange: (v: T[]) => void;
}) {
  const describedBy = [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`utrecht-form-fieldset jt-fieldset jt-checks${p.error ? ' utrecht-form-fieldset--invalid' : ''}`} id={p.id} aria-describedby={describedBy} tabIndex={-1}>
      <legend className="utrecht-form-fieldset__legend">{p.legend}</legend>
      {p.hint && (
        <div className="utrecht-form-field-description" id={`${p.id}-hint`}>
          {p.hint}
        </div>
      )}
      {p.error && (
        <div className="utrecht-form-field-error-message" id={`${p.id}-error`}>
          {p.error}
        </div>
      )}
      <div className="jt-checks__options">
        {p.options.map((o) => (
          <label key={String(o.value)} className="jt-checks__option">
            <input
              type="checkbox"
              className="utrecht-checkbox utrecht-checkbox--html-input"
              checked={p.value.includes(o.value)}
              onChange={(e) => p.onChange(e.target.checked ? [...p.value, o.value] : p.value.filter((x) => x !== o.value))}
            />{' '}
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Sub-navigation between the screens of one area (the app's tab style). */
export function SubNav({ label, items, current }: { label: string; items: { to: string; label: MessageKey }[]; current: string }) {
  return (
    <nav aria-label={label} className="jt-tabs jt-subnav">
      <ul>
        {items.map((i) => (
          <li key={i.to}>
            <Link to={i.to} className={`jt-tabs__link${i.to === current ? ' jt-tabs__link--current' : ''}`} aria-current={i.to === current ? 'page' : undefined}>
              {t(i.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A definition-list row: label and value, "Niet ingevuld" when empty. */
export function Row({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <div className="jt-dl__row">
      <dt>{label}</dt>
      <dd>{empty ? <span className="jt-muted">{t('project.notSet')}</span> : children}</dd>
    </div>
  );
}
