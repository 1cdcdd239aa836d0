// Shown when someone else saved the same line or contribution first (412 on If-Match): nothing
// has been overwritten; the user sees what the other person changed and chooses to save their own
// changes on top of the new version, or to drop them.
import { t } from '../../i18n';

export function ConflictNotice({ changes, onApply, onDiscard }: { changes: { label: string; value: string }[]; onApply: () => void; onDiscard: () => void }) {
  return (
    <div className="jt-conflict" role="alert" tabIndex={-1} ref={(el) => el?.focus()} data-testid="budget-conflict">
      <h4 className="utrecht-heading-4">{t('budget.conflict.title')}</h4>
      <p className="utrecht-paragraph">{t('budget.conflict.intro')}</p>
      {changes.length > 0 && (
        <ul>
          {changes.map((c) => (
            <li key={c.label}>
              {c.label}: <strong>{c.value || t('budget.empty')}</strong>
            </li>
          ))}
        </ul>
      )}
      <div className="utrecht-button-group jt-buttons">
        <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={onApply}>
          {t('budget.conflict.apply')}
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onDiscard}>
          {t('budget.conflict.discard')}
        </button>
      </div>
    </div>
  );
}
