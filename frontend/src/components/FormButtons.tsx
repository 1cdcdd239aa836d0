// The buttons under every form: submit (with its busy text) and, when the form can be left,
// cancel. One place for their classes, texts and disabled state.
import { t } from '../i18n';

export function FormButtons({ busy, submitLabel, onCancel }: { busy: boolean; submitLabel: string; onCancel?: () => void }) {
  return (
    <div className="utrecht-button-group jt-buttons">
      <button type="submit" className="utrecht-button utrecht-button--primary-action utrecht-button--submit" disabled={busy} aria-disabled={busy || undefined}>
        {busy ? t('report.saving') : submitLabel}
      </button>
      {onCancel && (
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onCancel}>
          {t('report.cancel')}
        </button>
      )}
    </div>
  );
}
