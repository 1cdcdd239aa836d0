import { useState, type FormEvent } from 'react';
import { login } from '../api/session';
import { Alert } from '../components/States';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Field } from '../components/Field';
import { useTitle } from '../components/Layout';
import { t } from '../i18n';
import type { Problem } from '../api/types';

export function Login({ reason }: { reason?: 'expired' | 'loggedOut' }) {
  useTitle(t('login.title'));
  const [gebruikersnaam, setGebruikersnaam] = useState('');
  const [wachtwoord, setWachtwoord] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!gebruikersnaam.trim()) missing.gebruikersnaam = t('login.required', { veld: t('login.username').toLowerCase() });
    if (!wachtwoord) missing.wachtwoord = t('login.required', { veld: t('login.password').toLowerCase() });
    setFieldErrors(missing);
    if (Object.keys(missing).length) {
      document.getElementById(missing.gebruikersnaam ? 'login-gebruikersnaam' : 'login-wachtwoord')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await login(gebruikersnaam.trim(), wachtwoord);
      if (!r.ok) {
        const problem = r.problem as Problem | null;
        if (r.status === 429) setError(r.retryAfter ? t('login.throttled', { seconden: r.retryAfter }) : t('login.throttledNoTime'));
        else if (r.status === 401) setError(t('login.failed'));
        else if (r.status === 400 && problem?.invalidParams?.length) {
          const f: Record<string, string> = {};
          for (const p of problem.invalidParams) f[p.name.replace(/^\/+/, '')] = p.reason;
          setFieldErrors(f);
        } else setError(r.status >= 500 || r.status === 0 ? t('state.unavailable') : (problem?.detail ?? t('state.error')));
        setWachtwoord('');
      }
    } catch {
      setError(t('state.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="jt-login">
      <div className="jt-login__card">
        <div className="jt-login__language">
          <LanguageSwitch />
        </div>
        <div className="jt-brand jt-brand--dark">
          <span className="jt-brand__mark" aria-hidden="true" />
          <span>
            <span className="jt-brand__sub">{t('app.subtitle')}</span>
            <span className="jt-brand__title">Jeugdhulp Twente</span>
          </span>
        </div>
        <main id="main">
          <h1 className="utrecht-heading-1">{t('login.title')}</h1>
          {reason === 'expired' && <Alert type="warning">{t('login.expired')}</Alert>}
          {reason === 'loggedOut' && <Alert type="info">{t('login.loggedOut')}</Alert>}
          <p className="utrecht-paragraph">{t('login.intro')}</p>
          {error && (
            <Alert type="error" focus>
              {error}
            </Alert>
          )}
          <form className="utrecht-form" onSubmit={submit} noValidate>
            <Field id="login-gebruikersnaam" label={t('login.username')} error={fieldErrors.gebruikersnaam}>
              {(a) => (
                <input
                  {...a}
                  className={`utrecht-textbox utrecht-textbox--html-input${a['aria-invalid'] ? ' utrecht-textbox--invalid' : ''}`}
                  name="gebruikersnaam"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  value={gebruikersnaam}
                  onChange={(e) => setGebruikersnaam(e.target.value)}
                />
              )}
            </Field>
            <Field id="login-wachtwoord" label={t('login.password')} error={fieldErrors.wachtwoord}>
              {(a) => (
                <input
                  {...a}
                  className={`utrecht-textbox utrecht-textbox--html-input utrecht-textbox--password${a['aria-invalid'] ? ' utrecht-textbox--invalid' : ''}`}
                  type="password"
                  name="wachtwoord"
                  autoComplete="current-password"
                  value={wachtwoord}
                  onChange={(e) => setWachtwoord(e.target.value)}
                />
              )}
            </Field>
            <button type="submit" className="utrecht-button utrecht-button--primary-action utrecht-button--submit" aria-disabled={busy || undefined}>
              {busy ? t('login.busy') : t('login.submit')}
            </button>
          </form>
        </main>
      </div>
    </div>
  );
}
