import { useCallback, useEffect, useRef, useState } from 'react';

export type Resource<T> =
  | { state: 'loading'; data?: undefined; error?: undefined; reload: () => void }
  | { state: 'error'; data?: undefined; error: unknown; reload: () => void }
  | { state: 'ready'; data: T; error?: undefined; reload: () => void };

/** Load data for a screen; reloads when `deps` change, cancels what is in flight. */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Resource<T> {
  const [result, setResult] = useState<{ state: 'loading' | 'error' | 'ready'; data?: T; error?: unknown }>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const ctl = new AbortController();
    setResult((r) => (r.state === 'ready' && tick > 0 ? r : { state: 'loading' }));
    loadRef.current(ctl.signal).then(
      (data) => !ctl.signal.aborted && setResult({ state: 'ready', data }),
      (error) => !ctl.signal.aborted && (error as Error)?.name !== 'AbortError' && setResult({ state: 'error', error }),
    );
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...result, reload } as Resource<T>;
}
