// The error summary above a form: the message in plain Dutch and a link to every field with a
// problem (the fields show the same text next to themselves, see components/Field).
import { forwardRef } from 'react';
import { t } from '../../i18n';

export const ErrorSummary = forwardRef<HTMLDivElement, { message: string; errors: Record<string, string>; labels: Record<string, string>; idPrefix: string }>(
  function ErrorSummary({ message, errors, labels, idPrefix }, ref) {
    return (
      <div ref={ref} tabIndex={-1} className="utrecht-alert utrecht-alert--error jt-alert" role="alert">
        <div className="utrecht-alert__content">
          <div className="utrecht-alert__message">
            <strong>{t('state.errorSummary')}</strong>
            <p className="utrecht-paragraph">{message}</p>
            {Object.keys(errors).length > 0 && (
              <ul>
                {Object.entries(errors).map(([k, v]) => (
                  <li key={k}>
                    <a className="utrecht-link" href={`#${idPrefix}-${k}`}>
                      {labels[k] ?? k}: {v}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </div>
    );
  },
);
