// Editing a project's fields (PATCH /projecten/{id} with If-Match). When someone else saved
// first (412), nothing is overwritten: the user sees per field what the other person changed
// next to their own change, chooses, and saves again on top of the new version.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { get, request, PORTFOLIO } from '../api/client';
import type { Hervormingslijnen, Principes, Project } from '../api/types';
import type { components } from '../api/generated/portfolio';
import { t, tk } from '../i18n';
import { dropDraft, loadDraft, saveDraft } from '../lib/drafts';
import { formatDate } from '../lib/format';
import { PRECONDITIONS } from '../lib/phases';
import { explain } from '../lib/problems';
import { useResource } from '../lib/useResource';
import { Field } from './Field';
import { Alert } from './States';
import { FormButtons } from './FormButtons';

type ProjectWijziging = components['schemas']['ProjectWijziging'];
type Rv = { status: string; toelichting: string };
export interface EditValues {
  titel: string;
  beschrijving: string;
  status: string;
  schaal: string;
  startdatum: string;
  einddatum: string;
  randvoorwaarden: Record<string, Rv>;
  /** The guiding principles and reform lines (numbers 1..8) the project contributes to. */
  principes: number[];
  hervormingslijnen: number[];
}
type ListKey = 'principes' | 'hervormingslijnen';
type Key = 'titel' | 'beschrijving' | 'status' | 'schaal' | 'startdatum' | 'einddatum' | ListKey | `rv.${string}`;

const STATUSES = ['voorgesteld', 'actief', 'gepauzeerd', 'afgerond', 'gestopt'] as const;
const SCALES = ['landelijk', 'bovenregionaal', 'regionaal', 'subregionaal', 'lokaal', 'wijk'] as const;
const RV_STATES = ['open', 'in_bewerking', 'geregeld'] as const;
const SIMPLE = ['titel', 'beschrijving', 'status', 'schaal', 'startdatum', 'einddatum'] as const;
const LISTS = ['principes', 'hervormingslijnen'] as const;
const isList = (k: string): k is ListKey => k === 'principes' || k === 'hervormingslijnen';
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

export function valuesOf(p: Project): EditValues {
  const rv: Record<string, Rv> = {};
  for (const k of PRECONDITIONS) rv[k] = { status: p.randvoorwaarden?.[k]?.status ?? 'open', toelichting: p.randvoorwaarden?.[k]?.toelichting ?? '' };
  return {
    titel: p.titel,
    beschrijving: p.beschrijving ?? '',
    status: p.status,
    schaal: p.schaal ?? '',
    startdatum: p.startdatum ?? '',
    einddatum: p.einddatum ?? '',
    randvoorwaarden: rv,
    principes: sorted(p.principes ?? []),
    hervormingslijnen: sorted(p.hervormingslijnen ?? []),
  };
}

function field(v: EditValues, k: Key): string {
  if (k.startsWith('rv.')) {
    const r = v.randvoorwaarden[k.slice(3)];
    return JSON.stringify([r.status, r.toelichting]);
  }
  if (isList(k)) return sorted(v[k]).join(',');
  return v[k as (typeof SIMPLE)[number]];
}

export function keys(): Key[] {
  return [...SIMPLE, ...LISTS, ...PRECONDITIONS.map((k) => `rv.${k}` as Key)];
}

/** The fields in which `a` and `b` differ. */
export function diff(a: EditValues, b: EditValues): Key[] {
  return keys().filter((k) => field(a, k) !== field(b, k));
}

/** The PATCH body for the fields `ks` of `v`. */
export function patchBody(v: EditValues, ks: Key[]): ProjectWijziging {
  const body: Record<string, unknown> = {};
  for (const k of ks) {
    if (k === 'titel') body.titel = v.titel.trim();
    else if (k === 'beschrijving') body.beschrijving = v.beschrijving;
    else if (k === 'status') body.status = v.status;
    else if (k === 'schaal') body.schaal = v.schaal || null;
    else if (k === 'startdatum') body.startdatum = v.startdatum || null;
    else if (k === 'einddatum') body.einddatum = v.einddatum || null;
    else if (isList(k)) body[k] = sorted(v[k]);
  }
  if (ks.some((k) => k.startsWith('rv.'))) body.randvoorwaarden = v.randvoorwaarden;
  return body as ProjectWijziging;
}

/** Three-way merge: theirs wins where only they changed, mine where only I changed; `choices`
 * decides where both changed. */
export function merge(base: EditValues, mine: EditValues, theirs: EditValues, choices: Record<string, 'mine' | 'theirs'>): EditValues {
  const out: EditValues = { ...theirs, randvoorwaarden: { ...theirs.randvoorwaarden }, principes: [...theirs.principes], hervormingslijnen: [...theirs.hervormingslijnen] };
  for (const k of diff(base, mine)) {
    const takeMine = !diff(base, theirs).includes(k) || choices[k] === 'mine';
    if (!takeMine) continue;
    if (k.startsWith('rv.')) out.randvoorwaarden[k.slice(3)] = mine.randvoorwaarden[k.slice(3)];
    else if (isList(k)) out[k] = [...mine[k]];
    else (out as unknown as Record<string, string>)[k] = field(mine, k);
  }
  return out;
}

function label(k: Key): string {
  if (k.startsWith('rv.')) return `${t('project.preconditions')}: ${tk('precondition', k.slice(3))}`;
  if (k === 'principes') return t('line.principles');
  if (k === 'hervormingslijnen') return t('line.reformLines');
  return t(`edit.${k}` as 'edit.titel');
}

function show(v: EditValues, k: Key): string {
  if (k.startsWith('rv.')) {
    const r = v.randvoorwaarden[k.slice(3)];
    return `${tk('preconditionState', r.status)}${r.toelichting ? ` — ${r.toelichting}` : ''}`;
  }
  const x = field(v, k);
  if (!x) return t('project.notSet');
  if (isList(k)) return x.split(',').join(', ');
  if (k === 'status') return tk('status', x);
  if (k === 'schaal') return tk('scale', x);
  if (k === 'startdatum' || k === 'einddatum') return formatDate(x);
  return x;
}

interface Conflict {
  theirs: Project;
  etag: string | null;
  choices: Record<string, 'mine' | 'theirs'>;
}

/** The titles of the principles and reform lines, for the checkboxes (numbers alone when they
 * cannot be loaded). */
function useLists() {
  return useResource(async (signal) => {
    const [p, h] = await Promise.all([get<Principes>(`${PORTFOLIO}/principes`, signal), get<Hervormingslijnen>(`${PORTFOLIO}/hervormingslijnen`, signal)]);
    return { principes: p.principes, hervormingslijnen: h.hervormingslijnen };
  }, []);
}

export function ProjectEdit({ project, etag, onSaved, onClose, focus }: { project: Project; etag: string | null; onSaved: () => void; onClose: () => void; focus?: 'preconditions' }) {
  const key = `project:${project.id}`;
  const draft = loadDraft<{ base: EditValues; values: EditValues; etag: string | null }>(key);
  const [base, setBase] = useState<EditValues>(draft?.base ?? valuesOf(project));
  const [values, setValues] = useState<EditValues>(draft?.values ?? valuesOf(project));
  const [baseEtag, setBaseEtag] = useState<string | null>(draft?.etag ?? etag);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  useEffect(() => saveDraft(key, { base, values, etag: baseEtag }), [key, base, values, baseEtag]);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const set = (k: (typeof SIMPLE)[number], v: string) => setValues((o) => ({ ...o, [k]: v }));
  const lists = useLists();
  const preconditionsRef = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    // Opened from the preconditions section or the phase change: start at the preconditions.
    if (focus !== 'preconditions') return;
    preconditionsRef.current?.scrollIntoView({ block: 'start' });
    preconditionsRef.current?.querySelector('select')?.focus();
  }, [focus]);
  const toggle = (k: ListKey, n: number, on: boolean) =>
    setValues((o) => ({ ...o, [k]: on ? sorted([...new Set([...o[k], n])]) : o[k].filter((x) => x !== n) }));
  const setRv = (k: string, part: keyof Rv, v: string) =>
    setValues((o) => ({ ...o, randvoorwaarden: { ...o.randvoorwaarden, [k]: { ...o.randvoorwaarden[k], [part]: v } } }));

  async function save(next: EditValues, from: EditValues, ifMatch: string | null) {
    const changed = diff(from, next);
    if (changed.length === 0) {
      dropDraft(key);
      onClose();
      return;
    }
    if (!next.titel.trim()) {
      setErrors({ titel: t('form.required') });
      setMessage(t('state.invalid'));
      return;
    }
    setBusy(true);
    setMessage(null);
    setErrors({});
    try {
      await request<Project>(`${PORTFOLIO}/projecten/${project.id}`, { method: 'PATCH', body: patchBody(next, changed), ifMatch: ifMatch ?? undefined });
      dropDraft(key);
      setConflict(null);
      onSaved();
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status === 412) {
        // Someone else saved first: fetch their version and let the user choose.
        try {
          const cur = await request<Project>(`${PORTFOLIO}/projecten/${project.id}`);
          setConflict({ theirs: cur.data, etag: cur.etag, choices: {} });
        } catch (e2) {
          setMessage(explain(e2).message);
        }
      } else {
        const x = explain(e, true);
        setErrors(x.fields);
        setMessage(x.message);
        requestAnimationFrame(() => messageRef.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void save(values, base, baseEtag);
  }

  function resolve() {
    if (!conflict) return;
    const theirs = valuesOf(conflict.theirs);
    const merged = merge(base, values, theirs, conflict.choices);
    setBase(theirs);
    setValues(merged);
    setBaseEtag(conflict.etag);
    void save(merged, theirs, conflict.etag);
  }

  if (conflict) {
    const theirs = valuesOf(conflict.theirs);
    const theirChanges = diff(base, theirs);
    const mine = diff(base, values);
    const both = mine.filter((k) => theirChanges.includes(k) && field(values, k) !== field(theirs, k));
    const onlyTheirs = theirChanges.filter((k) => !both.includes(k));
    const onlyMine = mine.filter((k) => !theirChanges.includes(k));
    const unresolved = both.filter((k) => !conflict.choices[k]);
    return (
      <div className="jt-conflict" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-intro" tabIndex={-1} ref={conflictRef} data-testid="conflict">
        <h3 id="conflict-title" className="utrecht-heading-3">
          {t('edit.conflictTitle')}
        </h3>
        <p id="conflict-intro" className="utrecht-paragraph">
          {t('edit.conflictIntro')}
        </p>
        {onlyTheirs.length > 0 && (
          <>
            <h4 className="jt-card__subhead">{t('edit.theirChanges')}</h4>
            <ul className="jt-plainlist">
              {onlyTheirs.map((k) => (
                <li key={k}>
                  <strong>{label(k)}</strong>: {show(base, k)} → {show(theirs, k)}
                </li>
              ))}
            </ul>
          </>
        )}
        {onlyMine.length > 0 && (
          <>
            <h4 className="jt-card__subhead">{t('edit.myChanges')}</h4>
            <ul className="jt-plainlist">
              {onlyMine.map((k) => (
                <li key={k}>
                  <strong>{label(k)}</strong>: {show(base, k)} → {show(values, k)}
                </li>
              ))}
            </ul>
          </>
        )}
        {both.length > 0 && (
          <>
            <h4 className="jt-card__subhead">{t('edit.bothChanged')}</h4>
            {both.map((k) => (
              <fieldset key={k} className="utrecht-form-fieldset jt-choice">
                <legend className="utrecht-form-fieldset__legend">{label(k)}</legend>
                <label className="jt-choice__option">
                  <input type="radio" name={`choice-${k}`} checked={conflict.choices[k] === 'mine'} onChange={() => setConflict({ ...conflict, choices: { ...conflict.choices, [k]: 'mine' } })} />{' '}
                  {t('edit.keepMine')}: <q>{show(values, k)}</q>
                </label>
                <label className="jt-choice__option">
                  <input type="radio" name={`choice-${k}`} checked={conflict.choices[k] === 'theirs'} onChange={() => setConflict({ ...conflict, choices: { ...conflict.choices, [k]: 'theirs' } })} />{' '}
                  {t('edit.takeTheirs')}: <q>{show(theirs, k)}</q>
                </label>
              </fieldset>
            ))}
          </>
        )}
        {message && <Alert type="error">{message}</Alert>}
        <div className="utrecht-button-group jt-buttons">
          <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={resolve} disabled={busy || unresolved.length > 0}>
            {t('edit.saveMerged')}
          </button>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => {
              dropDraft(key);
              onSaved();
            }}
          >
            {t('edit.discardMine')}
          </button>
        </div>
        {unresolved.length > 0 && <p className="jt-help">{t('edit.chooseEach')}</p>}
      </div>
    );
  }

  const cls = (k: string, base: string) => `${base}${errors[k] ? ` ${base.split(' ')[0]}--invalid` : ''}`;
  return (
    <form className="utrecht-form jt-form" onSubmit={submit} noValidate aria-labelledby="edit-title" data-testid="project-bewerken">
      <h2 id="edit-title" className="utrecht-heading-2">
        {t('edit.title')}
      </h2>
      {draft && <Alert type="info">{t('report.draftKept')}</Alert>}
      {message && (
        <div ref={messageRef} tabIndex={-1} className="utrecht-alert utrecht-alert--error jt-alert" role="alert">
          <div className="utrecht-alert__content">
            <div className="utrecht-alert__message">{message}</div>
          </div>
        </div>
      )}
      <Field id="edit-titel" label={t('edit.titel')} error={errors.titel}>
        {(a) => <input {...a} className={cls('titel', 'utrecht-textbox utrecht-textbox--html-input')} value={values.titel} onChange={(e) => set('titel', e.target.value)} />}
      </Field>
      <Field id="edit-beschrijving" label={t('edit.beschrijving')} error={errors.beschrijving}>
        {(a) => <textarea {...a} rows={4} className={cls('beschrijving', 'utrecht-textarea utrecht-textarea--html-textarea')} value={values.beschrijving} onChange={(e) => set('beschrijving', e.target.value)} />}
      </Field>
      <div className="jt-form__row">
        <Field id="edit-status" label={t('edit.status')} error={errors.status}>
          {(a) => (
            <select {...a} className="utrecht-select utrecht-select--html-select" value={values.status} onChange={(e) => set('status', e.target.value)}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {tk('status', s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="edit-schaal" label={t('edit.schaal')} error={errors.schaal}>
          {(a) => (
            <select {...a} className="utrecht-select utrecht-select--html-select" value={values.schaal} onChange={(e) => set('schaal', e.target.value)}>
              <option value="">{t('project.notSet')}</option>
              {SCALES.map((s) => (
                <option key={s} value={s}>
                  {tk('scale', s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="edit-startdatum" label={t('edit.startdatum')} error={errors.startdatum}>
          {(a) => <input {...a} type="date" className={cls('startdatum', 'utrecht-textbox utrecht-textbox--html-input')} value={values.startdatum} onChange={(e) => set('startdatum', e.target.value)} />}
        </Field>
        <Field id="edit-einddatum" label={t('edit.einddatum')} error={errors.einddatum}>
          {(a) => <input {...a} type="date" className={cls('einddatum', 'utrecht-textbox utrecht-textbox--html-input')} value={values.einddatum} onChange={(e) => set('einddatum', e.target.value)} />}
        </Field>
      </div>
      <fieldset className="utrecht-form-fieldset jt-fieldset" ref={preconditionsRef} id="edit-randvoorwaarden">
        <legend className="utrecht-form-fieldset__legend">{t('project.preconditions')}</legend>
        {errors.randvoorwaarden && <p className="utrecht-form-field-error-message">{errors.randvoorwaarden}</p>}
        {PRECONDITIONS.map((k) => (
          <div key={k} className="jt-form__row">
            <Field id={`edit-rv-${k}-status`} label={tk('precondition', k)}>
              {(a) => (
                <select {...a} className="utrecht-select utrecht-select--html-select" value={values.randvoorwaarden[k].status} onChange={(e) => setRv(k, 'status', e.target.value)}>
                  {RV_STATES.map((s) => (
                    <option key={s} value={s}>
                      {tk('preconditionState', s)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`edit-rv-${k}-toelichting`} label={t('edit.rvNote', { naam: tk('precondition', k) })}>
              {(a) => <input {...a} className="utrecht-textbox utrecht-textbox--html-input" value={values.randvoorwaarden[k].toelichting} onChange={(e) => setRv(k, 'toelichting', e.target.value)} />}
            </Field>
          </div>
        ))}
      </fieldset>
      {LISTS.map((k) => (
        <fieldset key={k} className="utrecht-form-fieldset jt-fieldset jt-checklist" id={`edit-${k}`}>
          <legend className="utrecht-form-fieldset__legend">{label(k)}</legend>
          {errors[k] && <p className="utrecht-form-field-error-message">{errors[k]}</p>}
          {[1, 2, 3, 4, 5, 6, 7, 8].map((n) => {
            const titel = lists.state === 'ready' ? lists.data[k].find((x) => x.nummer === n)?.titel : undefined;
            return (
              <label key={n} className="jt-checklist__item">
                <input type="checkbox" checked={values[k].includes(n)} onChange={(e) => toggle(k, n, e.target.checked)} /> {n}
                {titel ? `. ${titel}` : ''}
              </label>
            );
          })}
        </fieldset>
      ))}
      <FormButtons
        busy={busy}
        submitLabel={t('edit.save')}
        onCancel={() => {
          dropDraft(key);
          onClose();
        }}
      />
    </form>
  );
}
