import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordsOf } from './text.ts';
import { WordNumbers } from './word-numbers.ts';

const pieces = [
  'Hope',
  'hope',
  'HOPE',
  'café',
  'Café',
  'Straße',
  '12',
  'a1',
  ' ',
  ', ',
  '-',
  '\u0001',
  'Ñandú',
  '日本',
];

describe('WordNumbers', () => {
  it('numbers exactly the words wordsOf finds, the same word always the same number', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join('')),
          {
            maxLength: 30,
          },
        ),
        fc.string({ maxLength: 40 }),
        (texts, noise) => {
          const numbers = new WordNumbers();
          for (const text of [...texts, noise]) {
            const out: number[] = [];
            numbers.numbersOf(text, out);
            expect(out.map((n) => numbers.words[n])).toEqual(wordsOf(text));
          }
          expect(new Set(numbers.words).size).toBe(numbers.size);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps numbers stable while its table grows', () => {
    const numbers = new WordNumbers();
    const first: number[] = [];
    numbers.numbersOf('alpha beta', first);
    for (let i = 0; i < 20_000; i++) numbers.numbersOf(`word${i}`, []);
    const again: number[] = [];
    numbers.numbersOf('BETA alpha', again);
    expect(again).toEqual([first[1], first[0]]);
    expect(numbers.size).toBe(20_002);
  });
});
