import type { ReactNode } from 'react';
import { t } from '../i18n';
import { explain } from '../lib/problems';
import type { Resource } from '../lib/useResource';

export function Loading({ label }: { label?: string }) {
  return (
    <div className="jt-loading" role="status" aria-live="polite">
      <span className="jt-spinner" aria-hidden="true" />
      <span>{label ?? t('state.loading')}</span>
    </div>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  return <p className="jt-empty utrecht-paragraph">{children ?? t('state.empty')}</p>;
}

export function Alert({ type, children, focus }: { type: 'error' | 'warning' | 'info' | 'ok'; children: ReactNode; focus?: boolean }) {
  return (
    <div
      className={`utrecht-alert utrecht-alert--${type} jt-alert`}
      role={type === 'error' || type === 'warning' ? 'alert' : 'status'}
      tabIndex={focus ? -1 : undefined}
      ref={focus ? (el) => el?.focus() : undefined}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { message } = explain(error);
  return (
    <Alert type="error">
      <p className="utrecht-paragraph">{message}</p>
      {onRetry && (
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </Alert>
  );
}

/** Loading, error or the content of a resource. */
export function Loaded<T>({ resource, children }: { resource: Resource<T>; children: (data: T) => ReactNode }) {
  if (resource.state === 'loading') return <Loading />;
  if (resource.state === 'error') return <ErrorState error={resource.error} onRetry={resource.reload} />;
  return <>{children(resource.data)}</>;
}
