// The state every budget form shares: the values as typed (kept in memory per form, see
// lib/drafts, so an expired session does not lose them), the values they started from and their
// ETag, the errors per field and the message of the summary.
import { useEffect, useRef, useState } from 'react';
import { dropDraft, loadDraft, saveDraft } from '../../lib/drafts';

export interface Draft<V> {
  base: V;
  values: V;
  etag: string | null;
}

export function useDraftForm<V extends object>(key: string, init: () => Draft<V>) {
  const [restored] = useState(() => loadDraft<Draft<V>>(key) !== undefined);
  const [draft, setDraft] = useState<Draft<V>>(() => loadDraft<Draft<V>>(key) ?? init());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const live = useRef(true);

  useEffect(() => {
    if (live.current) saveDraft(key, draft);
  }, [key, draft]);

  return {
    restored,
    ...draft,
    errors,
    message,
    busy,
    summaryRef,
    set<K extends keyof V>(k: K, v: V[K]) {
      setDraft((d) => ({ ...d, values: { ...d.values, [k]: v } }));
      if (errors[k as string]) setErrors(({ [k as string]: _gone, ...rest }) => rest);
    },
    setValues(values: V) {
      setDraft((d) => ({ ...d, values }));
    },
    rebase(base: V, values: V, etag: string | null) {
      setDraft({ base, values, etag });
    },
    fail(message: string, errors: Record<string, string> = {}) {
      setErrors(errors);
      setMessage(message);
      requestAnimationFrame(() => summaryRef.current?.focus());
    },
    clear() {
      setErrors({});
      setMessage(null);
    },
    setBusy,
    /** Forget the draft (after saving or cancelling). */
    drop() {
      live.current = false;
      dropDraft(key);
    },
  };
}
