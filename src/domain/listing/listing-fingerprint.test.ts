import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableStringify } from './listing-fingerprint.ts';

/** Reorders every object's keys, recursively, keeping values. */
function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, seed));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]!);
  return Object.fromEntries(rotated.reverse().map(([k, v]) => [k, shuffleKeys(v, seed + 1)]));
}

describe('stableStringify', () => {
  it('gives equal text for equal values, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(10), (value, seed) => {
        expect(stableStringify(shuffleKeys(value, seed))).toBe(stableStringify(value));
      }),
    );
  });

  it('is JSON that parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(stableStringify(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 2000 },
    );
  });

  it('tells apart objects whose keys a naive join would confuse', () => {
    expect(stableStringify({})).toBe('{}');
    expect(stableStringify({ '': false })).toBe('{"":false}');
    expect(stableStringify({ 'a\u0000': 1, b: 2 })).not.toBe(
      stableStringify({ a: 1, '\u0000b': 2 }),
    );
  });

  it('tells different values apart and leaves out undefined fields', () => {
    expect(stableStringify({ a: 1, b: [1, 2] })).not.toBe(stableStringify({ a: 1, b: [2, 1] }));
    expect(stableStringify({ b: 2, a: 1, c: undefined })).toBe('{"a":1,"b":2}');
  });
});
