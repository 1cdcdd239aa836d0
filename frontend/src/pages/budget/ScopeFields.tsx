// Where money goes, in the line and contribution forms: the programme, an action line, or a
// project (whose action line is filled in with it).
import { Field } from '../../components/Field';
import { t, tk } from '../../i18n';
import type { Names } from './names';

interface ScopeValues {
  scope: string;
  actielijn: string;
  projectId: string;
}

export function ScopeFields<V extends ScopeValues>({ prefix, values: v, errors, names, set, labels }: {
  prefix: string;
  values: V;
  errors: Record<string, string>;
  names: Names;
  set: (k: keyof ScopeValues, value: string) => void;
  labels: Record<keyof ScopeValues, string>;
}) {
  const cls = (k: string) => `utrecht-select utrecht-select--html-select${errors[k] ? ' utrecht-select--invalid' : ''}`;
  const lines = [1, 2, 3, 4, 5];
  const projects = [...names.projecten.entries()].sort((a, b) => a[1].actielijn - b[1].actielijn || a[1].titel.localeCompare(b[1].titel, 'nl'));
  const lineName = (n: number) => (names.actielijnen.get(n) ? t('budget.scope.actionLineNamed', { nummer: n, titel: names.actielijnen.get(n) ?? '' }) : t('budget.scope.actionLine', { nummer: n }));
  return (
    <div className="jt-form__row">
      <Field id={`${prefix}-scope`} label={labels.scope} error={errors.scope}>
        {(a) => (
          <select {...a} className={cls('scope')} value={v.scope} onChange={(e) => set('scope', e.target.value)}>
            {(['programma', 'actielijn', 'project'] as const).map((s) => (
              <option key={s} value={s}>
                {tk('budget.scopeKind', s)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {v.scope === 'actielijn' && (
        <Field id={`${prefix}-actielijn`} label={labels.actielijn} error={errors.actielijn}>
          {(a) => (
            <select {...a} className={cls('actielijn')} value={v.actielijn} onChange={(e) => set('actielijn', e.target.value)}>
              <option value="">{t('budget.form.choose')}</option>
              {lines.map((n) => (
                <option key={n} value={String(n)}>
                  {lineName(n)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {v.scope === 'project' && (
        <Field id={`${prefix}-projectId`} label={labels.projectId} error={errors.projectId}>
          {(a) =>
            projects.length > 0 ? (
              <select
                {...a}
                className={`${cls('projectId')} jt-budget-project-select`}
                value={v.projectId}
                onChange={(e) => {
                  set('projectId', e.target.value);
                  const p = names.projecten.get(e.target.value);
                  set('actielijn', p ? String(p.actielijn) : '');
                }}
              >
                <option value="">{t('budget.form.choose')}</option>
                {lines.map((n) => (
                  <optgroup key={n} label={lineName(n)}>
                    {projects
                      .filter(([, p]) => p.actielijn === n)
                      .map(([id, p]) => (
                        <option key={id} value={id}>
                          {p.titel}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            ) : (
              // Without the portfolio service the project is typed as its id.
              <input {...a} type="text" className={`utrecht-textbox utrecht-textbox--html-input${errors.projectId ? ' utrecht-textbox--invalid' : ''}`} value={v.projectId} onChange={(e) => set('projectId', e.target.value)} />
            )
          }
        </Field>
      )}
    </div>
  );
}
