import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListingSummary } from '../../domain/listing/listing-summary.ts';
import type { SearchHit } from '../../domain/search/search-query.ts';
import {
  coordinatesArb,
  languageArb,
  scheduleArb,
  timezones,
  typeCodeArb,
} from '../../test-support/listing-arbitraries.ts';
import { hitsJson, presentHit } from './meeting.presenter.ts';

const text = fc.string({ maxLength: 20 });
const nullableText = fc.option(
  fc.oneof(
    text,
    fc.constant('"quoted" </script> \u2028 é'),
    fc.constant('back\\slash, tab\t, bell\u0007, lone \ud800 and paired \ud83d\ude00 surrogates'),
    fc.string({ unit: 'binary', maxLength: 8 }),
  ),
);

const summaryArb: fc.Arbitrary<ListingSummary> = fc.record({
  id: fc.nat(),
  slug: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
  name: fc.oneof(text, fc.constant('Café "Serenidad" <b>')),
  fellowship: fc.constantFrom('aa', 'na', 'smart'),
  attendance: fc.constantFrom('in_person', 'online', 'hybrid', 'inactive'),
  timezone: fc.constantFrom(...timezones),
  schedule: scheduleArb,
  types: fc.uniqueArray(typeCodeArb, { maxLength: 4 }),
  languages: fc.uniqueArray(languageArb, { maxLength: 2 }),
  group: nullableText,
  location: fc.option(
    fc.record({
      name: nullableText,
      formattedAddress: nullableText,
      latitude: fc.option(coordinatesArb.map((c) => c.latitude)),
      longitude: fc.option(coordinatesArb.map((c) => c.longitude)),
      approximate: fc.boolean(),
      regions: fc.array(text, { maxLength: 2 }),
    }),
  ),
  conference: fc.option(
    fc.record({
      url: nullableText,
      urlNotes: nullableText,
      phone: nullableText,
      phoneNotes: nullableText,
    }),
  ),
});

const hitArb: fc.Arbitrary<SearchHit<ListingSummary>> = fc.record({
  meeting: summaryArb,
  nextStart: fc.option(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) })),
  distanceKm: fc.option(fc.double({ min: 0, max: 20_000, noNaN: true })),
});

describe('hitsJson', () => {
  it('writes what presentHit gives, the first time and from its kept cards', () => {
    fc.assert(
      fc.property(fc.array(hitArb, { maxLength: 6 }), fc.boolean(), (hits, withDistance) => {
        const want = JSON.parse(JSON.stringify(hits.map((h) => presentHit(h, withDistance))));
        expect(JSON.parse(hitsJson(hits, withDistance))).toEqual(want);
        // Character for character what JSON.stringify writes (escapes included).
        expect(hitsJson(hits, withDistance)).toBe(
          JSON.stringify(hits.map((h) => presentHit(h, withDistance))),
        );
        // Again: the cards now come from what was kept; next start and distance never do.
        const moved = hits.map((h) => ({
          ...h,
          nextStart: h.nextStart === null ? null : h.nextStart + 60_000,
        }));
        const wantMoved = JSON.parse(JSON.stringify(moved.map((h) => presentHit(h, withDistance))));
        expect(JSON.parse(hitsJson(moved, withDistance))).toEqual(wantMoved);
      }),
      { numRuns: 200 },
    );
  });
});
