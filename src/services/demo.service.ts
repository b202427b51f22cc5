import type { Clock } from '../adapters/clock.ts';
import type { Store } from '../adapters/db/database.ts';
import { generateMeetings } from './generate/generate.service.ts';
import { type ImportReport, importInput } from './import/import.service.ts';

export const DEMO_SOURCE = 'demo';
export const DEMO_MEETINGS = 2000;
export const DEMO_SEED = 20261123;

/**
 * Fills an empty directory with synthetic meetings so a new installation has something to show.
 * Every demo meeting says in its notes that it does not exist, and they all belong to the source
 * "demo", which `greendoor sources remove demo` takes away. Answers null when the directory
 * already had meetings.
 */
export async function loadDemoIfEmpty(store: Store, clock: Clock): Promise<ImportReport | null> {
  if ((await store.meetings.count()) > 0) return null;
  const meetings = await generateMeetings({ meetings: DEMO_MEETINGS, seed: DEMO_SEED });
  return importInput(
    {
      text: JSON.stringify(meetings),
      location: 'the demo dataset',
      suggestedName: DEMO_SOURCE,
      contentType: 'application/json',
    },
    { source: DEMO_SOURCE, format: 'meeting-guide', prune: true },
    { store, clock, defaultTimezone: 'UTC' },
  );
}
