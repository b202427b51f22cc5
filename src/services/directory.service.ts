import type { Clock } from '../adapters/clock.ts';
import type { Store } from '../adapters/db/database.ts';
import { builtinFellowships } from '../domain/fellowship/fellowships.builtin.ts';

/** What every directory holds before anything is imported: the built-in fellowships. */
export async function prepareDirectory(store: Store, clock: Clock): Promise<void> {
  await store.fellowships.ensure(builtinFellowships, true, clock.now().toISOString());
}
