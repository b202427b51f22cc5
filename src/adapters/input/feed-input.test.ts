import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8 } from './feed-input.ts';

describe('firstInvalidUtf8', () => {
  it('finds nothing wrong in any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(firstInvalidUtf8(Buffer.from(text, 'utf8'))).toBe(-1);
      }),
    );
  });

  it('agrees with Node about any bytes, and points at the first bad one', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const at = firstInvalidUtf8(bytes);
        expect(at === -1).toBe(isUtf8(bytes));
        if (at >= 0) {
          expect(isUtf8(bytes.subarray(0, at))).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('names the byte of a classic mistake: Latin-1 text', () => {
    expect(firstInvalidUtf8(Buffer.from('Caf\xe9 Serenity', 'latin1'))).toBe(3);
  });
});
