import { useEffect, useEffectEvent, useState } from 'react';
import { ApiError } from './api-client.ts';

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: ApiError | null;
  /** True until the first answer for this key (a reload keeps showing what was there). */
  readonly loading: boolean;
  readonly reload: () => void;
}

const asApiError = (error: unknown) =>
  error instanceof ApiError
    ? error
    : new ApiError(0, { message: error instanceof Error ? error.message : String(error) });

/**
 * What a page shows from the API: loaded when the key changes (null: nothing to load yet), and
 * again on `reload()`. An answer that arrives after the page moved on is dropped.
 */
export function useLoad<T>(key: string | null, load: () => Promise<T>): Loaded<T> {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{
    key: string;
    version: number;
    data: T | null;
    error: ApiError | null;
  } | null>(null);
  const run = useEffectEvent(load);

  useEffect(() => {
    if (key === null) return undefined;
    let live = true;
    run().then(
      (data) => {
        if (live) setState({ key, version, data, error: null });
      },
      (error: unknown) => {
        if (live) setState({ key, version, data: null, error: asApiError(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [key, version]);

  const same = state !== null && state.key === key;
  return {
    data: same ? state.data : null,
    error: same ? state.error : null,
    loading: !same,
    reload: () => setVersion((v) => v + 1),
  };
}
