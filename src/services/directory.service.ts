import type { Clock } from '../adapters/clock.ts';
import type { Store } from '../adapters/db/database.ts';
import type { StoredFellowship } from '../adapters/db/repositories/fellowship.repository.ts';
import { builtinFellowships } from '../domain/fellowship/fellowships.builtin.ts';
import { DEMO_SOURCE } from './demo.service.ts';

/** What every directory holds before anything is imported: the built-in fellowships. */
export async function prepareDirectory(store: Store, clock: Clock): Promise<void> {
  await store.fellowships.ensure(builtinFellowships, true, clock.now().toISOString());
}

export interface DirectorySummary {
  readonly fellowships: readonly (StoredFellowship & { readonly meetings: number })[];
  /** Published meetings of the demo dataset (0 when it is gone). */
  readonly demoMeetings: number;
}

/** Fellowships with their meeting counts, computed once per directory version. */
export class DirectorySummaryCache {
  readonly #store: Store;
  #cached: { version: number; summary: Promise<DirectorySummary> } | null = null;

  constructor(store: Store) {
    this.#store = store;
  }

  async summary(): Promise<DirectorySummary> {
    const version = await this.#store.changes.version();
    if (this.#cached?.version !== version) this.#cached = { version, summary: this.#build() };
    return this.#cached.summary;
  }

  async #build(): Promise<DirectorySummary> {
    const [fellowships, counts, sources] = await Promise.all([
      this.#store.fellowships.list(),
      this.#store.meetings.countByFellowship(),
      this.#store.sources.list(),
    ]);
    return {
      fellowships: fellowships.map((f) => ({ ...f, meetings: counts.get(f.id) ?? 0 })),
      demoMeetings: sources.find((s) => s.name === DEMO_SOURCE)?.meetings ?? 0,
    };
  }
}
