// A client secret, shown exactly once: it lives only in this component's state (never stored,
// gone after closing or a reload), with a copy button and a clear warning.
import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n';

async function copy(text: string, input: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (e.g. not a secure context): select the text and use the old command.
    if (!input) return false;
    input.select();
    return document.execCommand?.('copy') ?? false;
  }
}

export function SecretOnce({ clientId, secret, onDone }: { clientId: string; secret: string; onDone: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} tabIndex={-1} className="jt-secret" role="region" aria-labelledby="geheim-titel" data-testid="geheim">
      <h2 id="geheim-titel" className="utrecht-heading-2">
        {t('admin.secret.title', { clientId })}
      </h2>
      <p className="utrecht-paragraph jt-secret__warning">
        <span aria-hidden="true">⚠ </span>
        <strong>{t('admin.secret.once')}</strong> {t('admin.secret.explain')}
      </p>
      <div className="jt-secret__row">
        <label className="utrecht-form-label" htmlFor="geheim-waarde">
          {t('admin.secret.label')}
        </label>
        {/* A text area, so the whole secret stays visible on a narrow screen too. */}
        <textarea ref={input} id="geheim-waarde" rows={2} className="utrecht-textarea utrecht-textarea--html-textarea jt-secret__value" readOnly value={secret} onFocus={(e) => e.currentTarget.select()} spellCheck={false} autoComplete="off" />
        <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={async () => setCopied(await copy(secret, input.current))}>
          {t('admin.secret.copy')}
        </button>
      </div>
      <p role="status" className="jt-secret__status">
        {copied === true ? t('admin.secret.copied') : copied === false ? t('admin.secret.copyFailed') : ''}
      </p>
      <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onDone}>
        {t('admin.secret.done')}
      </button>
    </div>
  );
}
