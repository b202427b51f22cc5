import type { Store } from '../../adapters/db/database.ts';
import type { StoredListing } from '../../adapters/db/repositories/listing.repository.ts';
import { SearchIndex } from '../../domain/search/search-index.ts';
import type { SearchQuery, SearchResult } from '../../domain/search/search-query.ts';
import { searchableFromListing } from '../../domain/search/searchable-meeting.ts';
import { type MeetingCard, meetingCard } from './meeting-card.ts';

const searchable = (stored: StoredListing) => searchableFromListing(stored, meetingCard(stored));

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
  static async open(store: Store, options: { scanBelow?: number } = {}): Promise<SearchService> {
    const version = await store.changes.version();
    const index = new SearchIndex<MeetingCard>([], options);
    for await (const page of store.listings.pages({ publishedOnly: true })) {
      for (const stored of page) index.upsert(searchable(stored));
    }
    return new SearchService(store, index, version);
  }

  get size(): number {
    return this.#index.size;
  }

  async search(query: SearchQuery): Promise<SearchResult<MeetingCard>> {
    await this.refresh();
    return this.#index.search(query);
  }

  async bySlug(slug: string): Promise<MeetingCard | undefined> {
    await this.refresh();
    return this.#index.bySlug(slug)?.payload;
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
      for await (const page of store.listings.pages({ sourceId, publishedOnly: true })) {
        for (const stored of page) this.#index.upsert(searchable(stored));
      }
    }
    if (meetings.size > 0) {
      const found = await store.listings.load({ meetingIds: [...meetings], publishedOnly: true });
      for (const id of meetings) this.#index.remove(id);
      for (const stored of found) this.#index.upsert(searchable(stored));
    }
    this.#version = version;
  }
}
