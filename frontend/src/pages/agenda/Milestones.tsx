// The milestones of a project, and for editors: add, edit, mark done (or reopen) and delete.
// Every change first reads the milestone (GET /mijlpalen/{id}) for its ETag and sends it in
// If-Match; when someone else changed it meanwhile nothing is overwritten and the user is told.
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, request, PORTFOLIO } from '../../api/client';
import type { Mijlpalen } from '../../api/types';
import type { Mijlpaal } from '../../api/types/agenda';
import { Field } from '../../components/Field';
import { Alert, Empty } from '../../components/States';
import { t } from '../../i18n';
import { formatDate, todayIso } from '../../lib/format';
import { explain } from '../../lib/problems';
import { ErrorSummary } from '../../components/ErrorSummary';
import { blankMilestone, milestonePatch, milestoneState, milestoneValues, newMilestoneBody, sortMilestones, validateMilestone, type MilestoneValues } from './milestones';
import { FormButtons } from '../../components/FormButtons';

type Mode = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; id: string; etag: string | null; base: MilestoneValues } | { kind: 'delete'; id: string };

/** The current version of a milestone, with its ETag. */
async function fresh(id: string) {
  return request<Mijlpaal>(`${PORTFOLIO}/mijlpalen/${id}`);
}

export function Milestones({ projectId, mijlpalen, editable, onChanged }: { projectId: string; mijlpalen: Mijlpalen; editable: boolean; onChanged: () => void }) {
  const today = todayIso();
  const list = sortMilestones(mijlpalen.mijlpalen as Mijlpaal[]);
  const [mode, setMode] = useState<Mode>({ kind: 'none' });
  const [status, setStatus] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  const changed = (text: string) => {
    setStatus({ type: 'ok', text });
    setMode({ kind: 'none' });
    onChanged();
  };
  const failed = (e: unknown) => {
    const stale = e instanceof ApiError && e.status === 412;
    setStatus({ type: 'error', text: stale ? t('agenda.milestone.stale') : explain(e, true).message });
    if (stale) onChanged();
  };

  /** Mark done (today) or reopen: only when the list shows the current version. */
  async function toggleDone(m: Mijlpaal) {
    setBusy(m.id);
    setStatus(null);
    try {
      const cur = await fresh(m.id);
      if (cur.data.versie !== m.versie) throw new ApiError(412, null);
      await request<Mijlpaal>(`${PORTFOLIO}/mijlpalen/${m.id}`, { method: 'PATCH', body: { gereedOp: m.gereedOp ? null : today }, ifMatch: cur.etag ?? undefined });
      changed(m.gereedOp ? t('agenda.milestone.reopened', { titel: m.titel }) : t('agenda.milestone.markedDone', { titel: m.titel }));
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  }

  async function startEdit(m: Mijlpaal) {
    setBusy(m.id);
    setStatus(null);
    try {
      const cur = await fresh(m.id);
      setMode({ kind: 'edit', id: m.id, etag: cur.etag, base: milestoneValues(cur.data) });
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  }

  async function remove(m: Mijlpaal) {
    setBusy(m.id);
    setStatus(null);
    try {
      const cur = await fresh(m.id);
      if (cur.data.versie !== m.versie) throw new ApiError(412, null);
      await request<void>(`${PORTFOLIO}/mijlpalen/${m.id}`, { method: 'DELETE', ifMatch: cur.etag ?? undefined });
      changed(t('agenda.milestone.deleted', { titel: m.titel }));
      requestAnimationFrame(() => addRef.current?.focus());
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="jt-section" aria-labelledby="mijlpalen">
      <h2 id="mijlpalen" className="utrecht-heading-2">
        {t('project.milestones')}
      </h2>
      {status && <Alert type={status.type}>{status.text}</Alert>}
      {editable &&
        (mode.kind === 'new' ? (
          <MilestoneForm
            title={t('agenda.milestone.new')}
            initial={blankMilestone()}
            idPrefix="ms-new"
            onCancel={() => {
              setMode({ kind: 'none' });
              requestAnimationFrame(() => addRef.current?.focus());
            }}
            onSubmit={async (v) => {
              await request<Mijlpaal>(`${PORTFOLIO}/projecten/${projectId}/mijlpalen`, { method: 'POST', body: newMilestoneBody(v) });
              changed(t('agenda.milestone.added', { titel: v.titel.trim() }));
              requestAnimationFrame(() => addRef.current?.focus());
            }}
          />
        ) : (
          <p className="jt-form-open">
            <button
              ref={addRef}
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              onClick={() => {
                setStatus(null);
                setMode({ kind: 'new' });
              }}
            >
              {t('agenda.milestone.add')}
            </button>
          </p>
        ))}
      {list.length === 0 ? (
        <Empty>{t('project.noMilestones')}</Empty>
      ) : (
        <ul className="jt-list" data-testid="mijlpalen">
          {list.map((m) => {
            const state = milestoneState(m, today);
            if (mode.kind === 'edit' && mode.id === m.id) {
              const edit = mode;
              return (
                <li key={m.id} className="jt-list__item">
                  <MilestoneForm
                    title={t('agenda.milestone.edit', { titel: m.titel })}
                    initial={edit.base}
                    idPrefix={`ms-${m.id}`}
                    withDone
                    onCancel={() => setMode({ kind: 'none' })}
                    onSubmit={async (v) => {
                      const body = milestonePatch(edit.base, v);
                      if (Object.keys(body).length === 0) {
                        setMode({ kind: 'none' });
                        return;
                      }
                      try {
                        await request<Mijlpaal>(`${PORTFOLIO}/mijlpalen/${m.id}`, { method: 'PATCH', body, ifMatch: edit.etag ?? undefined });
                      } catch (e) {
                        if (e instanceof ApiError && e.status === 412) {
                          // Someone else saved first: take their version as the new base, keep
                          // what this user typed; saving again is then a deliberate choice.
                          const cur = await fresh(m.id);
                          setMode({ kind: 'edit', id: m.id, etag: cur.etag, base: milestoneValues(cur.data) });
                        }
                        throw e;
                      }
                      changed(t('agenda.milestone.saved', { titel: v.titel.trim() }));
                    }}
                  />
                </li>
              );
            }
            return (
              <li key={m.id} className={`jt-list__item${state === 'late' ? ' jt-list__item--late' : ''}${state === 'done' ? ' jt-list__item--done' : ''}`} data-testid="mijlpaal">
                <strong>{m.titel}</strong>
                <p className="jt-list__meta">
                  {t('project.milestoneDue')}: {formatDate(m.streefdatum)} ·{' '}
                  {state === 'done' ? t('project.milestoneDone', { datum: formatDate(m.gereedOp) }) : state === 'late' ? <span className="jt-late">{t('project.milestoneLate')}</span> : t('project.milestoneOpen')}
                  {m.bestuurlijkBesluitGevraagd && <> · {t('dashboard.decisionAsked')}</>}
                </p>
                {m.beschrijving && <p className="jt-list__text">{m.beschrijving}</p>}
                {editable &&
                  (mode.kind === 'delete' && mode.id === m.id ? (
                    <div className="jt-confirm" role="group" aria-label={t('agenda.milestone.confirmDelete', { titel: m.titel })}>
                      <p className="utrecht-paragraph">{t('agenda.milestone.confirmDelete', { titel: m.titel })}</p>
                      <div className="utrecht-button-group jt-buttons">
                        <button type="button" className="utrecht-button utrecht-button--primary-action jt-button--danger" disabled={busy === m.id} onClick={() => void remove(m)} autoFocus>
                          {t('agenda.milestone.deleteYes')}
                        </button>
                        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setMode({ kind: 'none' })}>
                          {t('report.cancel')}
                        </button>
                      </div>
                    </div>
                  ) : (
                    <div className="utrecht-button-group jt-buttons jt-item-actions">
                      <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={busy === m.id} onClick={() => void toggleDone(m)} aria-label={`${m.gereedOp ? t('agenda.milestone.reopen') : t('agenda.milestone.done')}: ${m.titel}`}>
                        {m.gereedOp ? t('agenda.milestone.reopen') : t('agenda.milestone.done')}
                      </button>
                      <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={busy === m.id} onClick={() => void startEdit(m)} aria-label={`${t('agenda.milestone.editButton')}: ${m.titel}`}>
                        {t('agenda.milestone.editButton')}
                      </button>
                      <button type="button" className="utrecht-button utrecht-button--subtle jt-linkbutton" disabled={busy === m.id} onClick={() => setMode({ kind: 'delete', id: m.id })} aria-label={`${t('agenda.milestone.delete')}: ${m.titel}`}>
                        {t('agenda.milestone.delete')}
                      </button>
                    </div>
                  ))}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function MilestoneForm(props: { title: string; initial: MilestoneValues; idPrefix: string; withDone?: boolean; onSubmit: (v: MilestoneValues) => Promise<void>; onCancel: () => void }) {
  const { title, initial, idPrefix, withDone, onSubmit, onCancel } = props;
  const [values, setValues] = useState<MilestoneValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const set = <K extends keyof MilestoneValues>(k: K, v: MilestoneValues[K]) => setValues((o) => ({ ...o, [k]: v }));
  const labels: Record<string, string> = {
    titel: t('agenda.milestone.titel'),
    streefdatum: t('project.milestoneDue'),
    beschrijving: t('project.description'),
    gereedOp: t('agenda.milestone.gereedOp'),
    bestuurlijkBesluitGevraagd: t('dashboard.decisionAsked'),
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = validateMilestone(values);
    setErrors(local);
    if (Object.keys(local).length) {
      setMessage(t('state.invalid'));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await onSubmit(values);
    } catch (err) {
      const stale = err instanceof ApiError && err.status === 412;
      const x = explain(err, true);
      setErrors(x.fields);
      setMessage(stale ? t('agenda.milestone.staleForm') : x.message);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="utrecht-form jt-form" onSubmit={submit} noValidate aria-labelledby={`${idPrefix}-title`} data-testid="mijlpaal-formulier">
      <h3 id={`${idPrefix}-title`} className="utrecht-heading-3">
        {title}
      </h3>
      {message && <ErrorSummary ref={summaryRef} message={message} errors={errors} labels={labels} idPrefix={idPrefix} />}
      <Field id={`${idPrefix}-titel`} label={labels.titel} error={errors.titel}>
        {(a) => <input {...a} className="utrecht-textbox utrecht-textbox--html-input jt-input-wide" value={values.titel} maxLength={300} onChange={(e) => set('titel', e.target.value)} />}
      </Field>
      <div className="jt-form__row">
        <Field id={`${idPrefix}-streefdatum`} label={labels.streefdatum} error={errors.streefdatum}>
          {(a) => <input {...a} type="date" className="utrecht-textbox utrecht-textbox--html-input" value={values.streefdatum} onChange={(e) => set('streefdatum', e.target.value)} />}
        </Field>
        {withDone && (
          <Field id={`${idPrefix}-gereedOp`} label={labels.gereedOp} error={errors.gereedOp} hint={t('agenda.milestone.gereedOpHint')}>
            {(a) => <input {...a} type="date" className="utrecht-textbox utrecht-textbox--html-input" value={values.gereedOp} onChange={(e) => set('gereedOp', e.target.value)} />}
          </Field>
        )}
      </div>
      <Field id={`${idPrefix}-beschrijving`} label={`${labels.beschrijving} ${t('report.optional')}`} error={errors.beschrijving}>
        {(a) => <textarea {...a} rows={3} className="utrecht-textarea utrecht-textarea--html-textarea" value={values.beschrijving} onChange={(e) => set('beschrijving', e.target.value)} />}
      </Field>
      <p>
        <label className="jt-checkbox" id={`${idPrefix}-bestuurlijkBesluitGevraagd`}>
          <input type="checkbox" checked={values.besluit} onChange={(e) => set('besluit', e.target.checked)} /> {t('agenda.milestone.decision')}
        </label>
      </p>
      <FormButtons busy={busy} submitLabel={t('agenda.milestone.save')} onCancel={onCancel} />
    </form>
  );
}
