import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordsOf } from './text.ts';
import { WordIndex } from './word-index.ts';

const vocabulary = [
  'hope',
  'hopeful',
  'step',
  'steps',
  'serenity',
  'Café',
  'cafe',
  'new',
  'news',
  'big',
];

/** Matches come in no particular order: sorted, to compare. */
const sorted = (positions: Iterable<number>) => [...positions].sort((a, b) => a - b);

/** What a word index should answer, worked out plainly from the texts. */
function naive(texts: readonly (readonly string[])[], query: string): number[] | null {
  const terms = wordsOf(query);
  if (terms.length === 0) return null;
  return texts.flatMap((parts, position) => {
    const words = parts.flatMap(wordsOf);
    return terms.every((t) => words.some((w) => w.startsWith(t))) ? [position] : [];
  });
}

describe('WordIndex', () => {
  it('matches what a plain search of the texts finds, whenever merges happen', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            parts: fc.array(
              fc.array(fc.constantFrom(...vocabulary), { maxLength: 4 }).map((w) => w.join(' ')),
              { minLength: 1, maxLength: 3 },
            ),
            mergeAfter: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        fc.constantFrom(
          'hope',
          'step',
          'cafe',
          'CAFÉ',
          'new big',
          'seren',
          'x',
          '?!',
          'steps hope',
        ),
        (items, query) => {
          const index = new WordIndex();
          items.forEach(({ parts, mergeAfter }, position) => {
            index.add(parts, position);
            if (mergeAfter) index.merge();
          });
          const got = index.matching(query);
          const want = naive(
            items.map((i) => i.parts),
            query,
          );
          expect(got === null ? null : sorted(got)).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers a prefix that begins many words as a plain search does', () => {
    // "s" begins every word here and "s1" eleven of them: past the pairwise merge.
    const words = Array.from({ length: 24 }, (_, i) => `s${i}`);
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...words), { maxLength: 5 }), { maxLength: 60 }),
        fc.constantFrom('s', 's1', 's2', 's1 s2', 's23'),
        (texts, query) => {
          const index = new WordIndex();
          texts.forEach((t, position) => index.add([t.join(' ')], position));
          index.merge();
          const got = index.matching(query);
          expect(got === null ? null : sorted(got)).toEqual(
            naive(
              texts.map((t) => [t.join(' ')]),
              query,
            ),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps its answers when positions are renumbered', () => {
    const index = new WordIndex();
    ['hope one', 'step two', 'hope three', 'step four'].forEach((t, p) => index.add([t], p));
    // Drop positions 1 and 2; 0 stays 0, 3 becomes 1.
    index.renumber(Int32Array.from([0, -1, -1, 1]));
    expect([...(index.matching('hope') ?? [])]).toEqual([0]);
    expect([...(index.matching('step') ?? [])]).toEqual([1]);
    index.add(['hope five'], 2);
    expect(sorted(index.matching('hope') ?? [])).toEqual([0, 2]);
  });

  it('merges on its own as postings pile up, each word listing a position once', () => {
    const index = new WordIndex();
    for (let p = 0; p < 30_000; p++) index.add([`meeting ${p % 7} step step`, 'step'], p);
    expect(index.matching('step')?.length).toBe(30_000);
    expect(index.matching('meeting 3')?.length).toBe(Math.ceil((30_000 - 3) / 7));
  });
});
