import type { Store } from '../../adapters/db/database.ts';
import { SearchIndex, type SearchIndexOptions } from '../../domain/search/search-index.ts';
import type { SearchQuery, SearchResult } from '../../domain/search/search-query.ts';
import { type MeetingCard, searchableMeeting } from './meeting-card.ts';

/**
 * The search over the published directory, in memory. Built once at start; before each search
 * it applies what the change log says happened since (an import from the command line, an edit
 * in another process), so a change is visible to the next search.
 */
export class SearchService {
  readonly #store: Store;
  #index: SearchIndex<MeetingCard>;
  #version = 0;
  #refreshing: Promise<void> | null = null;

  private constructor(store: Store, index: SearchIndex<MeetingCard>, version: number) {
    this.#store = store;
    this.#index = index;
    this.#version = version;
  }

  /** Reads every published meeting a page at a time into a new index. */
  static async open(store: Store, options: SearchIndexOptions = {}): Promise<SearchService> {
    const version = await store.changes.version();
    const index = new SearchIndex<MeetingCard>([], options);
    for await (const page of store.summaries.pages()) {
      for (const summary of page) index.upsert(searchableMeeting(summary));
    }
    index.prepare();
    return new SearchService(store, index, version);
  }

  /**
   * Builds what searches about the time around `now` use (a few hundred milliseconds for a
   * large directory), so the first of them need not: the server calls it once it listens.
   */
  prepareFor(now: number): void {
    this.#index.prepare(now);
  }

  get size(): number {
    return this.#index.size;
  }

  async search(query: SearchQuery): Promise<SearchResult<MeetingCard>> {
    await this.refresh();
    return this.#index.search(query);
  }

  /** Applies logged changes since this copy's version; concurrent callers share one refresh. */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#applyChanges().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #applyChanges(): Promise<void> {
    const store = this.#store;
    if ((await store.changes.version()) <= this.#version) return;
    const changes = await store.changes.since(this.#version);
    const version = changes.at(-1)?.version ?? this.#version;
    if (changes.some((c) => c.scope === 'all')) {
      const fresh = await SearchService.open(store);
      this.#index = fresh.#index;
      this.#version = Math.max(version, fresh.#version);
      return;
    }
    const sources = new Set(changes.filter((c) => c.scope === 'source').map((c) => c.ref ?? -1));
    const meetings = new Set(changes.filter((c) => c.scope === 'meeting').map((c) => c.ref ?? -1));
    for (const sourceId of sources) {
      this.#index.removeWhere((m) => m.sourceId === sourceId);
      for await (const page of store.summaries.pages({ sourceId })) {
        for (const summary of page) this.#index.upsert(searchableMeeting(summary));
      }
    }
    if (meetings.size > 0) {
      for (const id of meetings) this.#index.remove(id);
      for await (const page of store.summaries.pages({ meetingIds: [...meetings] })) {
        for (const summary of page) this.#index.upsert(searchableMeeting(summary));
      }
    }
    this.#version = version;
  }
}
