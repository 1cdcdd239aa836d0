// A button whose action is confirmed in place (no browser dialog), with the server's problem
// shown next to it in plain Dutch.
import { useState } from 'react';
import { ErrorState } from '../../components/States';
import { t } from '../../i18n';

export function ConfirmAction(props: { label: string; question: string; yes: string; danger?: boolean; action: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!asking) {
    return (
      <button
        type="button"
        className={`utrecht-button utrecht-button--secondary-action${props.danger ? ' jt-danger-outline' : ''}`}
        onClick={() => {
          setError(null);
          setAsking(true);
        }}
      >
        {props.label}
      </button>
    );
  }
  return (
    <div className="jt-confirm" role="group" aria-label={props.label}>
      <p className="utrecht-paragraph">{props.question}</p>
      {error !== null && <ErrorState error={error} />}
      <div className="jt-buttons">
        <button
          type="button"
          autoFocus
          className={`utrecht-button utrecht-button--primary-action${props.danger ? ' jt-danger' : ''}`}
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              await props.action();
              setAsking(false);
            } catch (e) {
              setError(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          {props.yes}
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setAsking(false)}>
          {t('report.cancel')}
        </button>
      </div>
    </div>
  );
}
