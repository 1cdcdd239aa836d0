// The scopes of a machine client, grouped per service (read, write, and ingest for monitoring).
import type { ClientScope } from '../../api/types/admin';
import { t, tk } from '../../i18n';
import { SCOPE_GROUPS, sortScopes } from './logic';

export function ScopeChoice({ id, value, onChange, error }: { id: string; value: ClientScope[]; onChange: (v: ClientScope[]) => void; error?: string }) {
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className={`utrecht-form-fieldset jt-fieldset jt-checks${error ? ' utrecht-form-fieldset--invalid' : ''}`} id={id} tabIndex={-1} aria-describedby={describedBy}>
      <legend className="utrecht-form-fieldset__legend">{t('admin.client.scopes')}</legend>
      <div className="utrecht-form-field-description" id={`${id}-hint`}>
        {t('admin.client.scopesHint')}
      </div>
      {error && (
        <div className="utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      )}
      <div className="jt-scopes">
        {SCOPE_GROUPS.map((g) => (
          <div key={g.service} className="jt-scopes__group" role="group" aria-labelledby={`${id}-${g.service}`}>
            <p className="jt-scopes__service" id={`${id}-${g.service}`}>
              {tk('admin.service', g.service)}
            </p>
            {g.scopes.map((s) => (
              <label key={s} className="jt-checks__option">
                <input
                  type="checkbox"
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                  checked={value.includes(s)}
                  onChange={(e) => onChange(sortScopes(e.target.checked ? [...value, s] : value.filter((x) => x !== s)))}
                />{' '}
                {tk('admin.scope', s.split(':')[1])} <code className="jt-muted">{s}</code>
              </label>
            ))}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
