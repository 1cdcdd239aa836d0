// The error summary above a form after a failed check or save: the message in plain language and
// each field's problem as a link to that field (the fields show the same text next to
// themselves, see Field). A problem about something that is not a field of the form is listed
// without a link.
import { forwardRef } from 'react';
import { t } from '../i18n';

export interface ErrorSummaryProps {
  message: string;
  errors: Record<string, string>;
  /** The labels of the form's fields, by field name. */
  labels: Record<string, string>;
  /** The fields' ids are `<idPrefix>-<name>`. */
  idPrefix: string;
}

export const ErrorSummary = forwardRef<HTMLDivElement, ErrorSummaryProps>(function ErrorSummary({ message, errors, labels, idPrefix }, ref) {
  const entries = Object.entries(errors);
  return (
    <div ref={ref} tabIndex={-1} className="utrecht-alert utrecht-alert--error jt-alert" role="alert">
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <strong>{t('state.errorSummary')}</strong>
          <p className="utrecht-paragraph">{message}</p>
          {entries.length > 0 && (
            <ul>
              {entries.map(([k, v]) => (
                <li key={k}>
                  {k in labels ? (
                    <a className="utrecht-link" href={`#${idPrefix}-${k}`}>
                      {labels[k]}: {v}
                    </a>
                  ) : (
                    <>
                      {k}: {v}
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
});
