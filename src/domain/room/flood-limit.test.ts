import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Bucket, cleanText, floodRates, fullBucket, take } from './flood-limit.ts';

describe('flood limits', () => {
  it('lets a burst through, then one message per refill', () => {
    const rate = floodRates.chat;
    let bucket: Bucket | null = fullBucket(rate, 0);
    for (let i = 0; i < rate.burst; i++) {
      bucket = take(bucket!, rate, 0);
      expect(bucket).not.toBeNull();
    }
    expect(take(bucket!, rate, 0)).toBeNull();
    expect(take(bucket!, rate, 1999)).toBeNull();
    expect(take(bucket!, rate, 2000)).not.toBeNull();
  });

  it('never lets more through than the burst plus the refill, however messages come', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 200 }), (gaps) => {
        const rate = floodRates.chat;
        let bucket = fullBucket(rate, 0);
        let now = 0;
        let passed = 0;
        for (const gap of gaps) {
          now += gap;
          const next = take(bucket, rate, now);
          if (next) {
            bucket = next;
            passed++;
          }
        }
        expect(passed).toBeLessThanOrEqual(rate.burst + Math.floor((now / 1000) * rate.perSecond));
      }),
    );
  });

  it('keeps line breaks, drops control characters, and refuses empty text', () => {
    expect(cleanText('  hello\r\nthere\u0007\u202e  ')).toBe('hello\nthere');
    expect(cleanText('a\n\n\n\n\n\nb')).toBe('a\n\n\nb');
    expect(cleanText(' \n\t ')).toBeNull();
  });
});
