// The state every budget form shares: the values as typed (kept in memory per form, see
// lib/drafts, so an expired session does not lose them), the values they started from and their
// ETag, the errors per field and the message of the summary.
import { useEffect, useRef, useState } from 'react';
import { request } from '../../api/client';
import { dropDraft, loadDraft, saveDraft } from '../../lib/drafts';
import { explain } from '../../lib/problems';

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

type DraftForm = ReturnType<typeof useDraftForm<object>>;

/** Save a form's resource: POST `create` to `collection`, or PATCH `patch` (null: nothing
 * changed, the form closes) to `collection/<id>` with If-Match. On a 412 the current version is
 * fetched and handed to onConflict; any other problem goes to the form, next to its fields. */
export async function saveResource<R, C>(
  f: Pick<DraftForm, 'clear' | 'setBusy' | 'drop' | 'fail'>,
  opts: {
    collection: string;
    id?: string;
    patch: object | null;
    create: object;
    etag: string | null;
    onSaved: (saved: R) => void;
    onCancel: () => void;
    onConflict: (current: { data: C; etag: string | null }) => void;
  },
): Promise<void> {
  f.clear();
  f.setBusy(true);
  try {
    let saved: R;
    if (opts.id) {
      if (!opts.patch) {
        f.drop();
        opts.onCancel();
        return;
      }
      saved = (await request<R>(`${opts.collection}/${opts.id}`, { method: 'PATCH', body: opts.patch, ifMatch: opts.etag ?? undefined })).data;
    } else {
      saved = (await request<R>(opts.collection, { method: 'POST', body: opts.create })).data;
    }
    f.drop();
    opts.onSaved(saved);
  } catch (e) {
    if (opts.id && (e as { status?: number }).status === 412) {
      try {
        opts.onConflict(await request<C>(`${opts.collection}/${opts.id}`));
      } catch (e2) {
        f.fail(explain(e2).message);
      }
    } else {
      const x = explain(e, true);
      f.fail(x.message, x.fields);
    }
  } finally {
    f.setBusy(false);
  }
}
