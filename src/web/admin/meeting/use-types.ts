import { useEffect, useState } from 'react';
import type { MeetingType } from '../admin-api-types.ts';
import { api } from '../api-client.ts';

let cached: Promise<readonly MeetingType[]> | null = null;

/** The type vocabulary, read once per visit (it changes only with a new version). */
export function loadTypes(): Promise<readonly MeetingType[]> {
  cached ??= api.types().then(
    (answer) => answer.types,
    (error: unknown) => {
      cached = null;
      throw error;
    },
  );
  return cached;
}

/** The vocabulary, or null until it has come. */
export function useTypes(): readonly MeetingType[] | null {
  const [types, setTypes] = useState<readonly MeetingType[] | null>(null);
  useEffect(() => {
    let live = true;
    loadTypes().then(
      (t) => {
        if (live) setTypes(t);
      },
      () => {
        if (live) setTypes([]);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return types;
}
