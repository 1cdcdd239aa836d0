// Filters that live in the address (so a filtered view can be bookmarked and shared) but answer a
// click at once.
//
// Why not useSearchParams directly: React Router applies a URL change inside startTransition, so a
// controlled checkbox or select bound to the URL snaps back to its old value until the transition
// commits, and its functional setter starts from the params of the last render, so two quick
// changes (uncheck A, uncheck B) lose the first. Here the component keeps the filters as state
// (updated synchronously, each change applied to the newest value) and copies them to the URL;
// a URL change that this hook did not write (back/forward, a link) replaces the state.
import { useCallback, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

/** A change per key: a string sets it, '' or null removes it. */
export type UrlChanges = Record<string, string | null>;

interface Mirror {
  local: string; // the filters as shown
  url: string; // the URL's search string at the last render
  written: string[]; // search strings this hook wrote that the URL may still pass through
}

const KEEP_WRITTEN = 20;

export function applyChanges(base: URLSearchParams, changes: UrlChanges): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === '') next.delete(k);
    else next.set(k, v);
  }
  return next;
}

export function useUrlParams(): [URLSearchParams, (changes: UrlChanges) => void] {
  const [params, setParams] = useSearchParams();
  const urlKey = params.toString();
  const [mirror, setMirror] = useState<Mirror>({ local: urlKey, url: urlKey, written: [] });
  let current = mirror.local;
  if (urlKey !== mirror.url) {
    // Adjusting state while rendering (React's documented pattern for "state follows a prop").
    const ours = mirror.written.includes(urlKey);
    if (!ours) current = urlKey;
    setMirror(ours ? { ...mirror, url: urlKey } : { local: urlKey, url: urlKey, written: [] });
  }
  // The newest value for a handler that runs before the next render.
  const latest = useRef(current);
  latest.current = current;

  const update = useCallback(
    (changes: UrlChanges) => {
      const next = applyChanges(new URLSearchParams(latest.current), changes);
      const key = next.toString();
      latest.current = key;
      setMirror((m) => ({ local: key, url: m.url, written: [...m.written.slice(-(KEEP_WRITTEN - 1)), key] }));
      setParams(next, { replace: true, preventScrollReset: true });
    },
    [setParams],
  );
  const shown = useMemo(() => new URLSearchParams(current), [current]);
  return [shown, update];
}
