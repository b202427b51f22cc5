import { type Entry, nameKeyOf } from './indexed-entry.ts';
import type { SearchCursor, SearchQuery, SearchResult } from './search-query.ts';

export const compareKeys = (a: number | string, b: number | string): number =>
  typeof a === 'number' && typeof b === 'number'
    ? a - b
    : String(a) < String(b)
      ? -1
      : String(a) > String(b)
        ? 1
        : 0;

/** A kept hit; its next start may be left to work out for the page alone. */
interface Hit<T> {
  readonly meeting: Entry<T>;
  readonly nextStart: number | null | undefined;
  readonly distanceKm: number | null;
}

/**
 * The best `capacity` hits after a cursor, in sort order, kept in a heap with the worst on top:
 * a search looks at thousands of candidates and sorts only the page it returns.
 */
export class TopHits<T> {
  readonly #heap: { hit: Hit<T>; key: number | string }[] = [];
  readonly #capacity: number;
  readonly #sort: SearchQuery['sort'];
  readonly #cursor: SearchCursor | undefined;

  constructor(capacity: number, query: Pick<SearchQuery, 'sort' | 'cursor'>) {
    this.#capacity = capacity;
    this.#sort = query.sort;
    this.#cursor = query.cursor;
  }

  /** Negative when a sorts before b: by key, then slug. */
  #compare(
    a: { hit: Hit<T>; key: number | string },
    b: { hit: Hit<T>; key: number | string },
  ): number {
    return compareKeys(a.key, b.key) || compareKeys(a.hit.meeting.slug, b.hit.meeting.slug);
  }

  /**
   * Offers a candidate that passed every filter. `nextStart` undefined: not worked out yet (only
   * when the sort is not by it); the page's are worked out at the end.
   */
  offer(entry: Entry<T>, nextStart: number | null | undefined, distanceKm: number | null): void {
    const key =
      this.#sort === 'next'
        ? (nextStart ?? Number.MAX_SAFE_INTEGER)
        : this.#sort === 'distance'
          ? (distanceKm ?? Number.MAX_SAFE_INTEGER)
          : nameKeyOf(entry);
    const slug = entry.slug;
    if (this.#cursor) {
      const c = compareKeys(key, this.#cursor.key);
      if (c < 0 || (c === 0 && slug <= this.#cursor.slug)) return;
    }
    const heap = this.#heap;
    const worst = heap[0];
    // Most candidates cannot make the page: turn them away before allocating anything.
    if (heap.length >= this.#capacity && worst) {
      const c = compareKeys(key, worst.key);
      if (c > 0 || (c === 0 && slug >= worst.hit.meeting.slug)) return;
    }
    const item = { hit: { meeting: entry, nextStart, distanceKm }, key };
    if (heap.length < this.#capacity) {
      heap.push(item);
      this.#up(heap.length - 1);
    } else {
      heap[0] = item;
      this.#down(0);
    }
  }

  isFull(): boolean {
    return this.#heap.length >= this.#capacity;
  }

  /** The key of the worst hit kept. */
  worstKey(): number | string | undefined {
    return this.#heap[0]?.key;
  }

  /** The slug of the worst hit kept. */
  worstSlug(): string | undefined {
    return this.#heap[0]?.hit.meeting.slug;
  }

  #up(i: number): void {
    const heap = this.#heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const [a, b] = [heap[i], heap[parent]];
      if (!a || !b || this.#compare(a, b) <= 0) return;
      heap[i] = b;
      heap[parent] = a;
      i = parent;
    }
  }

  #down(i: number): void {
    const heap = this.#heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      const at = (k: number) => heap[k];
      if (l < heap.length && this.#compare(at(l) ?? at(i)!, at(worst)!) > 0) worst = l;
      if (r < heap.length && this.#compare(at(r) ?? at(i)!, at(worst)!) > 0) worst = r;
      if (worst === i) return;
      const tmp = heap[i]!;
      heap[i] = heap[worst]!;
      heap[worst] = tmp;
      i = worst;
    }
  }

  /** Whether an entry with this key (and slug) would be kept now. */
  wouldKeep(key: number, slug: string): boolean {
    if (this.#cursor) {
      const c = compareKeys(key, this.#cursor.key);
      if (c < 0 || (c === 0 && slug <= this.#cursor.slug)) return false;
    }
    const worst = this.#heap[0];
    if (this.#heap.length < this.#capacity || !worst) return true;
    const c = compareKeys(key, worst.key);
    return c < 0 || (c === 0 && slug < worst.hit.meeting.slug);
  }

  /** The hits kept, best first. */
  kept(): Hit<T>[] {
    return this.#heap
      .map((item) => item)
      .sort((a, b) => this.#compare(a, b))
      .map((i) => i.hit);
  }

  /** The page: the first capacity − 1 hits, and a cursor when more followed. */
  result(at: number, nextStartOf: (entry: Entry<T>) => number | null): SearchResult<T> {
    const sorted = [...this.#heap].sort((a, b) => this.#compare(a, b));
    const page = sorted.slice(0, this.#capacity - 1);
    const last = page[page.length - 1];
    return {
      hits: page.map(({ hit }) => ({
        meeting: hit.meeting.payload,
        nextStart: hit.nextStart === undefined ? nextStartOf(hit.meeting) : hit.nextStart,
        distanceKm: hit.distanceKm,
      })),
      nextCursor:
        sorted.length >= this.#capacity && last
          ? { at, key: last.key, slug: last.hit.meeting.slug }
          : null,
    };
  }
}
