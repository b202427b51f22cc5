import { wordsOf } from './text.ts';
import { WordNumbers } from './word-numbers.ts';

/** Postings added since the last merge are merged once they reach this many. */
const PENDING_LIMIT = 1_000_000;

function lowerBound(words: readonly string[], term: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid] ?? '') < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function grown(array: Int32Array<ArrayBuffer>, needed: number, fill = 0): Int32Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const bigger = new Int32Array(Math.max(needed, array.length * 2)).fill(fill);
  bigger.set(array);
  return bigger;
}

/**
 * Free text by word: each folded word lists the positions whose text has it, and a search term
 * matches every word it begins. Words get numbers as they first appear; postings arrive as
 * (word, position) pairs in flat arrays and are merged, a counting sort, into one array in
 * alphabetical order of words, so the words a term begins are adjacent and so are their
 * positions. A few bytes a posting, and no object per word.
 */
export class WordIndex {
  readonly #numbers = new WordNumbers();
  /** Every word, by number. */
  readonly #words = this.#numbers.words;
  /** The numbers of the text being added (kept to spare an array a text). */
  readonly #scratch: number[] = [];
  /** The last position each word was added at, so a position lists a word once. */
  #lastPosition = new Int32Array(1024).fill(-1);
  /** One more than the highest position added. */
  #positionLimit = 0;
  /** What matching answers in when it has to make a list (see matching). */
  #matches = new Int32Array(0);
  /** Per position, the stamp of the last term that marked it (see matching). */
  #stamps = new Int32Array(0);
  #stamp = 0;
  #pendingWords = new Int32Array(1 << 16);
  #pendingPositions = new Int32Array(1 << 16);
  #pendingCount = 0;
  /** Words numbered below this are merged: in #sortedIds, in alphabetical order. */
  #mergedWords = 0;
  #sortedIds = new Int32Array(0);
  #sortedWords: string[] = [];
  /** Postings of the i-th word in alphabetical order: positions[offsets[i]] to [offsets[i + 1]]. */
  #offsets = new Int32Array(1);
  #positions = new Int32Array(0);

  /** Adds the words of some texts at a position; positions must grow from call to call. */
  add(parts: readonly (string | null | undefined)[], position: number): void {
    const ids = this.#scratch;
    ids.length = 0;
    this.#positionLimit = Math.max(this.#positionLimit, position + 1);
    for (const part of parts) if (part) this.#numbers.numbersOf(part, ids);
    if (this.#lastPosition.length < this.#numbers.size)
      this.#lastPosition = grown(this.#lastPosition, this.#numbers.size, -1);
    const needed = this.#pendingCount + ids.length;
    if (needed > this.#pendingWords.length) {
      this.#pendingWords = grown(this.#pendingWords, needed);
      this.#pendingPositions = grown(this.#pendingPositions, needed);
    }
    const pendingWords = this.#pendingWords;
    const pendingPositions = this.#pendingPositions;
    const lastPosition = this.#lastPosition;
    let n = this.#pendingCount;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] ?? 0;
      if (lastPosition[id] === position) continue;
      lastPosition[id] = position;
      pendingWords[n] = id;
      pendingPositions[n] = position;
      n++;
    }
    this.#pendingCount = n;
    if (n >= PENDING_LIMIT) this.merge();
  }

  /** Merges the postings added since the last merge. */
  merge(): void {
    if (this.#pendingCount === 0) return;
    const wordCount = this.#words.length;
    const pending = this.#pendingCount;
    // Counting sort of the pending pairs by word, keeping each word's positions in order.
    const starts = new Int32Array(wordCount + 1);
    for (let i = 0; i < pending; i++) {
      const slot = (this.#pendingWords[i] ?? 0) + 1;
      starts[slot] = (starts[slot] ?? 0) + 1;
    }
    for (let w = 0; w < wordCount; w++) starts[w + 1] = (starts[w + 1] ?? 0) + (starts[w] ?? 0);
    const next = starts.slice(0, wordCount);
    const grouped = new Int32Array(pending);
    for (let i = 0; i < pending; i++) {
      const w = this.#pendingWords[i] ?? 0;
      const at = next[w] ?? 0;
      next[w] = at + 1;
      grouped[at] = this.#pendingPositions[i] ?? 0;
    }
    // New words, alphabetically, merged into the words already in order.
    const words = this.#words;
    const added = Int32Array.from(
      { length: wordCount - this.#mergedWords },
      (_, i) => this.#mergedWords + i,
    );
    added.sort((a, b) => ((words[a] ?? '') < (words[b] ?? '') ? -1 : 1));
    const oldIds = this.#sortedIds;
    const sortedIds = new Int32Array(wordCount);
    const offsets = new Int32Array(wordCount + 1);
    const positions = new Int32Array(this.#positions.length + pending);
    let i = 0;
    let j = 0;
    let k = 0;
    for (let n = 0; n < wordCount; n++) {
      const a = oldIds[i];
      const b = added[j];
      const takeOld = a !== undefined && (b === undefined || (words[a] ?? '') < (words[b] ?? ''));
      const id = takeOld ? a : (b ?? 0);
      sortedIds[n] = id;
      offsets[n] = k;
      if (takeOld) {
        // Older positions are smaller than newer ones: each word's postings stay ascending.
        const from = this.#offsets[i] ?? 0;
        const to = this.#offsets[i + 1] ?? from;
        positions.set(this.#positions.subarray(from, to), k);
        k += to - from;
        i++;
      } else j++;
      const from = starts[id] ?? 0;
      const to = starts[id + 1] ?? from;
      positions.set(grouped.subarray(from, to), k);
      k += to - from;
    }
    offsets[wordCount] = k;
    this.#sortedIds = sortedIds;
    this.#sortedWords = Array.from(sortedIds, (id) => words[id] ?? '');
    this.#offsets = offsets;
    this.#positions = positions;
    this.#mergedWords = wordCount;
    this.#pendingCount = 0;
    this.#pendingWords = new Int32Array(1 << 16);
    this.#pendingPositions = new Int32Array(1 << 16);
  }

  /**
   * Positions move: `renumbered[old]` is the new position, or -1 for one dropped. The order of
   * kept positions must not change.
   */
  renumber(renumbered: Int32Array): void {
    this.merge();
    const offsets = this.#offsets;
    let k = 0;
    let limit = 0;
    for (let i = 0; i < this.#sortedIds.length; i++) {
      const start = k;
      for (let j = offsets[i] ?? 0; j < (offsets[i + 1] ?? 0); j++) {
        const moved = renumbered[this.#positions[j] ?? 0] ?? -1;
        if (moved >= 0) this.#positions[k++] = moved;
        limit = Math.max(limit, moved + 1);
      }
      offsets[i] = start;
    }
    offsets[this.#sortedIds.length] = k;
    this.#positions = this.#positions.slice(0, k);
    this.#positionLimit = limit;
    this.#lastPosition.fill(-1);
  }

  /**
   * Where the postings of the words a term begins are: a range of the merged postings (the
   * words a term begins are adjacent, so are theirs) and those not merged yet. A position
   * may come more than once, under several of the words.
   */
  #postingsOf(term: string): { from: number; to: number; words: number; extra: number[] } {
    const sorted = this.#sortedWords;
    const lo = lowerBound(sorted, term);
    let hi = lo;
    while (hi < sorted.length && (sorted[hi] ?? '').startsWith(term)) hi++;
    const from = this.#offsets[lo] ?? 0;
    const to = this.#offsets[hi] ?? from;
    const extra: number[] = [];
    if (this.#pendingCount > 0) {
      // Postings not merged yet (only while an index is being built or changed in bulk).
      const matched = new Set<number>(this.#sortedIds.subarray(lo, hi));
      for (let id = this.#mergedWords; id < this.#words.length; id++) {
        if ((this.#words[id] ?? '').startsWith(term)) matched.add(id);
      }
      for (let i = 0; i < this.#pendingCount; i++) {
        if (matched.has(this.#pendingWords[i] ?? -1)) extra.push(this.#pendingPositions[i] ?? 0);
      }
    }
    return { from, to, words: hi - lo, extra };
  }

  /** Room in #matches for `length` positions. */
  #scratchOf(length: number): Int32Array {
    if (this.#matches.length < length) {
      this.#matches = new Int32Array(Math.max(length, this.#positionLimit));
    }
    return this.#matches.subarray(0, length);
  }

  /** A fresh stamp, with the stamp of every position older than it. */
  #nextStamp(): number {
    if (this.#stamps.length < this.#positionLimit || this.#stamp === 0x7fffffff) {
      this.#stamps = new Int32Array(Math.ceil(this.#positionLimit * 1.25));
      this.#stamp = 0;
    }
    return ++this.#stamp;
  }

  /**
   * Positions whose words start with every term, each once, in no particular order; null when
   * the text has no words. Terms are taken fewest postings first; the first term's positions
   * are made unique, and each other term keeps those it marks: no sorting, no set. The answer
   * may be this index's own scratch space: good until the next call (a search uses it at once).
   */
  matching(text: string): Int32Array | null {
    const terms = [...new Set(wordsOf(text))];
    if (terms.length === 0) return null;
    const postings = terms
      .map((term) => this.#postingsOf(term))
      .sort((a, b) => a.to - a.from + a.extra.length - (b.to - b.from + b.extra.length));
    const positions = this.#positions;
    let result: Int32Array | null = null;
    for (const { from, to, words, extra } of postings) {
      if (result === null && words <= 1 && extra.length === 0) {
        // One word's postings: each position once already.
        result = positions.subarray(from, to);
        continue;
      }
      const stamp = this.#nextStamp();
      const marks = this.#stamps;
      if (result === null) {
        const unique = this.#scratchOf(to - from + extra.length);
        let n = 0;
        const take = (p: number) => {
          if (marks[p] !== stamp) {
            marks[p] = stamp;
            unique[n++] = p;
          }
        };
        for (let i = from; i < to; i++) take(positions[i] ?? 0);
        for (const p of extra) take(p);
        result = unique.subarray(0, n);
      } else {
        for (let i = from; i < to; i++) marks[positions[i] ?? 0] = stamp;
        for (const p of extra) marks[p] = stamp;
        // Kept in place: in scratch space already, or copied there (never the postings).
        const current: Int32Array =
          result.buffer === this.#matches.buffer ? result : this.#scratchOf(result.length);
        if (current !== result) current.set(result);
        let n = 0;
        for (let i = 0; i < current.length; i++) {
          const p = current[i] ?? 0;
          if (marks[p] === stamp) current[n++] = p;
        }
        result = current.subarray(0, n);
      }
      if (result.length === 0) break;
    }
    return result;
  }
}
