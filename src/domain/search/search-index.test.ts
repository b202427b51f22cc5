import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Attendance } from '../meeting/attendance.ts';
import { localTime } from '../schedule/local-time.ts';
import { occurrencesBetween } from '../schedule/occurrences.ts';
import {
  type MonthWeek,
  type Schedule,
  type Weekday,
  durationMinutes,
} from '../schedule/schedule.ts';
import { haversineKm } from './geo.ts';
import { SearchIndex } from './search-index.ts';
import type { SearchQuery } from './search-query.ts';
import type { SearchableMeeting } from './searchable-meeting.ts';

const MINUTE = 60_000;
const zones = [
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
] as const;

type Meeting = SearchableMeeting<string>;

let nextId = 1;
function meeting(overrides: Partial<Meeting> = {}): Meeting {
  const id = nextId++;
  return {
    id,
    sourceId: 1,
    slug: `m-${id}`,
    name: `Meeting ${id}`,
    fellowship: 'aa',
    attendance: 'in_person',
    timezone: 'America/New_York',
    schedule: { kind: 'weekly', weekdays: [1], start: localTime(19, 0), end: { kind: 'unstated' } },
    latitude: 40.7,
    longitude: -74,
    types: ['O'],
    languages: ['en'],
    text: [`Meeting ${id}`],
    payload: overrides.slug ?? `m-${id}`,
    ...overrides,
  };
}

const query = (q: Partial<SearchQuery>): SearchQuery => ({
  at: Date.UTC(2026, 10, 23, 12),
  sort: 'next',
  limit: 500,
  ...q,
});

const weekdayArb = fc.integer({ min: 0, max: 6 }) as fc.Arbitrary<Weekday>;
const timeArb = fc
  .record({ h: fc.integer({ min: 0, max: 23 }), m: fc.constantFrom(0, 15, 30, 45) })
  .map(({ h, m }) => localTime(h, m));
const scheduleArb: fc.Arbitrary<Schedule> = fc.oneof(
  fc.record({
    kind: fc.constant('weekly' as const),
    weekdays: fc.uniqueArray(weekdayArb, { minLength: 1, maxLength: 3 }).map((d) => d.sort()),
    start: timeArb,
    end: fc.oneof(
      fc.constant({ kind: 'unstated' as const }),
      fc.integer({ min: 30, max: 180 }).map((minutes) => ({ kind: 'duration' as const, minutes })),
    ),
  }),
  fc.record({
    kind: fc.constant('monthly' as const),
    weekdays: fc.uniqueArray(weekdayArb, { minLength: 1, maxLength: 1 }),
    weeks: fc.uniqueArray(fc.constantFrom<MonthWeek>(1, 2, 3, 4, -1), {
      minLength: 1,
      maxLength: 2,
    }),
    start: timeArb,
    end: fc.constant({ kind: 'unstated' as const }),
  }),
  fc.constant({ kind: 'appointment' as const }),
);
const meetingArb = fc
  .record({
    schedule: scheduleArb,
    timezone: fc.constantFrom(...zones),
    attendance: fc.constantFrom<Attendance>('in_person', 'online', 'hybrid', 'inactive'),
    latitude: fc.double({ min: -60, max: 70, noNaN: true }),
    longitude: fc.double({ min: -180, max: 180, noNaN: true }),
  })
  .map((r) => meeting(r));
// Around the 2026 clock changes of these zones, and ordinary days.
const atArb = fc.oneof(
  fc
    .constantFrom(
      '2026-03-08T06:30Z',
      '2026-03-29T00:30Z',
      '2026-04-05T15:20Z',
      '2026-09-26T13:40Z',
      '2026-10-04T15:00Z',
      '2026-10-25T00:45Z',
      '2026-11-01T05:30Z',
    )
    .map(Date.parse),
  fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
);

/** Plain computation: the starts of a meeting near an instant, from the schedule functions. */
function startsAround(m: Meeting, at: number): number[] {
  return occurrencesBetween(m.schedule, m.timezone, at - 2 * 86_400_000, at + 2 * 86_400_000).map(
    (o) => o.start.toMillis(),
  );
}

const slugs = (index: SearchIndex<string>, q: SearchQuery) =>
  index
    .search(q)
    .hits.map((h) => h.meeting)
    .sort();

describe.each([
  ['by scanning', { scanBelow: Number.POSITIVE_INFINITY }],
  ['through the indexes, as estimated', { scanBelow: 0 }],
  ['through candidate lists', { scanBelow: 0, plan: 'lists' as const }],
  ['in order', { scanBelow: 0, plan: 'ordered' as const }],
])('search %s', (_how, options) => {
  it('finds exactly the meetings within a radius, by haversine', () => {
    fc.assert(
      fc.property(
        fc.array(meetingArb, { minLength: 1, maxLength: 120 }),
        fc.double({ min: -60, max: 70, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: 1, max: 3000, noNaN: true }),
        (meetings, lat, lng, radiusKm) => {
          const index = new SearchIndex(meetings, options);
          const hits = index.search(
            query({
              near: { latitude: lat, longitude: lng },
              radiusKm,
              attendance: ['in_person', 'online', 'hybrid', 'inactive'],
            }),
          ).hits;
          const want = meetings
            .filter((m) => haversineKm(lat, lng, m.latitude ?? 0, m.longitude ?? 0) <= radiusKm)
            .map((m) => m.slug);
          expect(hits.map((h) => h.meeting).sort()).toEqual(want.sort());
          for (const h of hits) expect(h.distanceKm).toBeLessThanOrEqual(radiusKm);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives the nearest N, nearest first', () => {
    fc.assert(
      fc.property(
        fc.array(meetingArb, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 10 }),
        (meetings, n) => {
          const index = new SearchIndex(meetings, options);
          const hits = index.search(
            query({
              near: { latitude: 40, longitude: -75 },
              nearest: n,
              sort: 'distance',
              attendance: ['in_person', 'online', 'hybrid', 'inactive'],
            }),
          ).hits;
          const distances = meetings
            .map((m) => haversineKm(40, -75, m.latitude ?? 0, m.longitude ?? 0))
            .sort((a, b) => a - b);
          expect(hits).toHaveLength(Math.min(n, distances.length));
          hits.forEach((h, i) => expect(h.distanceKm).toBeCloseTo(distances[i] ?? NaN, 6));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('"starting within" finds the meetings that start in the window, in their own zones, across clock changes', () => {
    fc.assert(
      fc.property(
        fc.array(meetingArb, { minLength: 1, maxLength: 80 }),
        atArb,
        fc.integer({ min: 1, max: 600 }),
        (meetings, at, minutes) => {
          const index = new SearchIndex(meetings, options);
          const got = slugs(index, query({ at, startingWithin: minutes }));
          const want = meetings
            .filter(
              (m) =>
                m.attendance !== 'inactive' &&
                startsAround(m, at).some((s) => s >= at && s <= at + minutes * MINUTE),
            )
            .map((m) => m.slug);
          expect(got).toEqual(want.sort());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('"in progress" finds the meetings started at or before the instant and not yet ended', () => {
    fc.assert(
      fc.property(fc.array(meetingArb, { minLength: 1, maxLength: 80 }), atArb, (meetings, at) => {
        const index = new SearchIndex(meetings, options);
        const got = slugs(index, query({ at, inProgress: true }));
        const want = meetings
          .filter((m) => m.attendance !== 'inactive' && m.schedule.kind !== 'appointment')
          .filter((m) =>
            startsAround(m, at).some(
              (s) => s <= at && at < s + durationMinutes(m.schedule as never) * MINUTE,
            ),
          )
          .map((m) => m.slug);
        expect(got).toEqual(want.sort());
      }),
      { numRuns: 200 },
    );
  });

  it('day and time-of-day filters agree with the schedule’s own dates, in each zone, across clock changes', () => {
    // Plain computation: the meeting's starts over the coming week, each one's local date and
    // weekday read from the platform's zone data; a day is asked for when one of its starts
    // falls on it, between today and six days on (in the meeting's zone).
    const localDate = (instant: number, zone: string) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(instant);
    const weekdayOf = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`).getUTCDay();
    const plusDays = (isoDate: string, n: number) =>
      new Date(Date.parse(`${isoDate}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const windowArb = fc.option(
      fc.record({
        from: fc.integer({ min: 0, max: 1439 }),
        to: fc.integer({ min: 0, max: 1439 }),
      }),
      { nil: undefined },
    );
    fc.assert(
      fc.property(
        fc.array(meetingArb, { minLength: 1, maxLength: 60 }),
        atArb,
        fc.uniqueArray(weekdayArb, { minLength: 1, maxLength: 3 }),
        windowArb,
        (meetings, at, days, window) => {
          const index = new SearchIndex(meetings, options);
          const got = slugs(
            index,
            query({
              at,
              days,
              ...(window ? { timeFrom: window.from, timeTo: window.to } : {}),
            }),
          );
          const want = meetings
            .filter((m) => m.attendance !== 'inactive' && m.schedule.kind !== 'appointment')
            .filter((m) => {
              const today = localDate(at, m.timezone);
              const week = new Set([0, 1, 2, 3, 4, 5, 6].map((n) => plusDays(today, n)));
              return occurrencesBetween(
                m.schedule,
                m.timezone,
                at - 2 * 86_400_000,
                at + 9 * 86_400_000,
              )
                .map((o) => localDate(o.start.toMillis(), m.timezone))
                .some((date) => week.has(date) && days.includes(weekdayOf(date) as Weekday));
            })
            .filter((m) => {
              if (!window || m.schedule.kind === 'appointment') return true;
              const [h = 0, min = 0] = String(m.schedule.start).split(':').map(Number);
              const minute = h * 60 + min;
              return window.from <= window.to
                ? minute >= window.from && minute <= window.to
                : minute >= window.from || minute <= window.to;
            })
            .map((m) => m.slug);
          expect(got).toEqual(want.sort());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('sorts by next start, and cursors page through every meeting exactly once', () => {
    fc.assert(
      fc.property(
        fc.array(meetingArb, { minLength: 1, maxLength: 60 }),
        atArb,
        fc.integer({ min: 1, max: 7 }),
        (meetings, at, pageSize) => {
          const index = new SearchIndex(meetings, options);
          const all = index.search(query({ at, limit: 1000 })).hits;
          const starts = all.map((h) => h.nextStart ?? Number.MAX_SAFE_INTEGER);
          expect(starts).toEqual([...starts].sort((a, b) => a - b));
          for (const h of all) {
            const m = meetings.find((x) => x.slug === h.meeting);
            expect(h.nextStart).toBe(
              m ? (startsAround(m, at).find((s) => s >= at) ?? nextFar(m, at)) : undefined,
            );
          }
          const paged: string[] = [];
          let cursor: SearchQuery['cursor'];
          for (let i = 0; i < 100; i++) {
            const page = index.search(
              query({ at, limit: pageSize, ...(cursor ? { cursor } : {}) }),
            );
            paged.push(...page.hits.map((h) => h.meeting));
            if (!page.nextCursor) break;
            cursor = page.nextCursor;
          }
          expect(paged).toEqual(all.map((h) => h.meeting));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('sorts by name, paging with cursors', () => {
    const meetings = ['Zebra', 'alpha', 'Émile', 'beta', 'Alpha'].map((name) => meeting({ name }));
    const index = new SearchIndex(meetings, options);
    const first = index.search(query({ sort: 'name', limit: 2 }));
    const second = index.search(
      query({ sort: 'name', limit: 10, ...(first.nextCursor ? { cursor: first.nextCursor } : {}) }),
    );
    const names = [...first.hits, ...second.hits].map(
      (h) => meetings.find((m) => m.slug === h.meeting)?.name,
    );
    expect(names).toEqual(['alpha', 'Alpha', 'beta', 'Émile', 'Zebra']);
  });
});

/** For meetings that meet less than every two days: the next start further ahead. */
function nextFar(m: Meeting, at: number): number | null {
  return (
    occurrencesBetween(m.schedule, m.timezone, at, at + 400 * 86_400_000)[0]?.start.toMillis() ??
    null
  );
}

describe('filters', () => {
  const index = new SearchIndex([
    meeting({
      slug: 'cafe',
      name: 'Café Serenidad',
      text: ['Café Serenidad Centro Comunitario'],
      types: ['O', 'S'],
      languages: ['es'],
    }),
    meeting({
      slug: 'women',
      name: 'Women in Recovery',
      text: ['Women in Recovery Hall'],
      types: ['C', 'W'],
      fellowship: 'na',
    }),
    meeting({ slug: 'online', name: 'Online Step', attendance: 'online', types: ['O', 'ST'] }),
    meeting({ slug: 'closed', name: 'Closed Place', attendance: 'inactive', types: ['TC'] }),
    meeting({
      slug: 'monthly',
      name: 'First Saturday',
      schedule: {
        kind: 'monthly',
        weekdays: [6],
        weeks: [1],
        start: localTime(10, 0),
        end: { kind: 'unstated' },
      },
    }),
  ]);
  const found = (q: Partial<SearchQuery>) => slugs(index, query(q));

  it('matches text whatever its case and accents, word starts, every word', () => {
    expect(found({ text: 'cafe' })).toEqual(['cafe']);
    expect(found({ text: 'CAFÉ' })).toEqual(['cafe']);
    expect(found({ text: 'seren' })).toEqual(['cafe']);
    expect(found({ text: 'cafe women' })).toEqual([]);
    expect(found({ text: 'recovery hall' })).toEqual(['women']);
    expect(found({ text: '?!' })).toHaveLength(4);
  });

  it('combines types with AND, and with OR in types_any', () => {
    expect(found({ types: ['O', 'S'] })).toEqual(['cafe']);
    expect(found({ typesAny: ['W', 'ST'] })).toEqual(['online', 'women']);
  });

  it('leaves out temporarily closed meetings unless asked for', () => {
    expect(found({})).not.toContain('closed');
    expect(found({ attendance: ['inactive'] })).toEqual(['closed']);
  });

  it('filters fellowship and language', () => {
    expect(found({ fellowships: ['na'] })).toEqual(['women']);
    expect(found({ languages: ['es'] })).toEqual(['cafe']);
  });

  it('counts a monthly meeting on a weekday only in the weeks it meets', () => {
    // 2026-11-23 is a Monday: the next Saturday, the 28th, is the fourth.
    expect(found({ days: [6], at: Date.UTC(2026, 10, 23, 12) })).toEqual([]);
    // From 2026-11-30 the next Saturday is 5 December, the first.
    expect(found({ days: [6], at: Date.UTC(2026, 10, 30, 12) })).toEqual(['monthly']);
  });

  it('filters a local time window, also one past midnight', () => {
    expect(found({ timeFrom: 18 * 60, timeTo: 20 * 60 })).toEqual(['cafe', 'online', 'women']);
    expect(found({ timeFrom: 21 * 60, timeTo: 11 * 60 })).toEqual(['monthly']);
  });

  it('reflects upserts and removals in the next search', () => {
    const live = new SearchIndex([meeting({ slug: 'a', id: 9001 })]);
    expect(live.search(query({})).hits).toHaveLength(1);
    live.upsert(meeting({ slug: 'b', id: 9002 }));
    live.remove(9001);
    expect(live.search(query({})).hits.map((h) => h.meeting)).toEqual(['b']);
    expect(live.size).toBe(1);
  });
});

describe('every plan gives the answers a plain scan gives', () => {
  const words = ['serenity', 'step', 'steps', 'hope', 'newcomers', 'Café', 'women', 'big'];
  const textArb = fc
    .uniqueArray(fc.constantFrom(...words), { minLength: 1, maxLength: 3 })
    .map((w) => w.join(' '));
  const mixedArb = fc
    .record({
      base: meetingArb,
      text: textArb,
      types: fc.subarray(['O', 'C', 'D', 'W', 'ST']),
      // Some meetings close together, so a radius holds several.
      latitude: fc.double({ min: 40, max: 41, noNaN: true }),
      longitude: fc.double({ min: -75, max: -73, noNaN: true }),
      located: fc.boolean(),
    })
    .map(({ base, text, types, latitude, longitude, located }) => ({
      ...base,
      text: [`${base.name} ${text}`],
      types,
      latitude: located ? latitude : null,
      longitude: located ? longitude : null,
    }));
  /** Each filter in about one query of three, so most queries find something. */
  const sometimes = <V>(arb: fc.Arbitrary<V>) =>
    fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: arb, weight: 1 });
  const queryArb = fc
    .record({
      at: atArb,
      near: sometimes(fc.constant({ latitude: 40.5, longitude: -74 })),
      radiusKm: fc.double({ min: 5, max: 150, noNaN: true }),
      startingWithin: sometimes(fc.integer({ min: 1, max: 3000 })),
      inProgress: sometimes(fc.constant(true)),
      days: sometimes(fc.uniqueArray(weekdayArb, { minLength: 1, maxLength: 3 })),
      types: sometimes(fc.subarray(['O', 'D', 'W'], { minLength: 1 })),
      text: sometimes(fc.constantFrom('ser', 'step', 'hope cafe', 'new', 'big steps')),
      sort: fc.constantFrom<SearchQuery['sort']>('next', 'name', 'distance'),
      limit: fc.integer({ min: 1, max: 9 }),
    })
    .map((q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)));

  /** Every page of a search, followed by cursor. */
  function allPages(index: SearchIndex<string>, q: SearchQuery) {
    const pages: { slug: string; nextStart: number | null; distanceKm: number | null }[] = [];
    let cursor: SearchQuery['cursor'];
    for (let i = 0; i < 200; i++) {
      const page = index.search({ ...q, ...(cursor ? { cursor } : {}) });
      pages.push(
        ...page.hits.map((h) => ({
          slug: h.meeting,
          nextStart: h.nextStart,
          distanceKm: h.distanceKm === null ? null : Math.round(h.distanceKm * 1e6),
        })),
      );
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return pages;
  }

  it('for any mix of filters, sorts and page sizes', () => {
    let found = 0;
    fc.assert(
      fc.property(fc.array(mixedArb, { minLength: 20, maxLength: 90 }), queryArb, (meetings, q) => {
        // A radius needs a point; "distance" needs a point to sort by.
        const { radiusKm, ...rest } = q as unknown as SearchQuery;
        const query: SearchQuery =
          rest.near === undefined
            ? { ...rest, sort: rest.sort === 'distance' ? 'next' : rest.sort }
            : { ...rest, ...(radiusKm === undefined ? {} : { radiusKm }) };
        const plain = allPages(new SearchIndex(meetings, { scanBelow: Infinity }), query);
        for (const plan of ['cost', 'lists', 'ordered'] as const) {
          const got = allPages(new SearchIndex(meetings, { scanBelow: 0, plan }), query);
          expect(got).toEqual(plain);
        }
        found += plain.length > 0 ? 1 : 0;
      }),
      { numRuns: 300 },
    );
    // Many queries must find something, or the comparison would prove little.
    expect(found).toBeGreaterThan(100);
  });

  it('when many meetings start at the same minutes (ties broken by slug)', () => {
    // Slugs in an order unrelated to positions, so the tie-break matters.
    const crowdedArb = fc.tuple(mixedArb, fc.integer({ min: 0, max: 999 })).map(([m, n]) => {
      const slug = `m-${n}-${m.id}`;
      return {
        ...m,
        slug,
        payload: slug,
        // Zones two by two on the same clock, so starts tie across zones too.
        timezone:
          ['America/New_York', 'America/Toronto', 'Europe/London', 'Europe/Lisbon'][n % 4] ?? 'UTC',
        // Weekly, on two days at two times: many meetings start at the same instant.
        schedule: {
          kind: 'weekly' as const,
          weekdays: [(1 + (m.id % 2)) as Weekday],
          start: localTime(19, n % 8 < 4 ? 0 : 30),
          end: { kind: 'unstated' as const },
        },
      };
    });
    fc.assert(
      fc.property(
        fc.array(crowdedArb, { minLength: 20, maxLength: 90 }),
        queryArb,
        (meetings, q) => {
          const query = { ...(q as unknown as SearchQuery), radiusKm: 150 };
          const plain = allPages(new SearchIndex(meetings, { scanBelow: Infinity }), query);
          // Added in any order, and in slug order (as the store reads them).
          const inSlugOrder = [...meetings].sort((a, b) => (a.slug < b.slug ? -1 : 1));
          for (const added of [meetings, inSlugOrder]) {
            for (const plan of ['cost', 'lists', 'ordered'] as const) {
              expect(allPages(new SearchIndex(added, { scanBelow: 0, plan }), query)).toEqual(
                plain,
              );
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps answering the same after many removals compact the index', () => {
    const meetings = Array.from({ length: 3000 }, (_, i) =>
      meeting({ text: [i % 3 === 0 ? `Hope ${i}` : `Step ${i}`], types: i % 2 ? ['O'] : ['C'] }),
    );
    const index = new SearchIndex(meetings, { scanBelow: 0 });
    const kept = meetings.filter((_, i) => i % 4 === 0);
    for (const [i, m] of meetings.entries()) if (i % 4 !== 0) index.remove(m.id);
    const fresh = new SearchIndex(kept, { scanBelow: 0 });
    expect(index.size).toBe(kept.length);
    for (const q of [{ text: 'hope' }, { types: ['C'] }, { sort: 'name' as const }, {}]) {
      expect(allPages(index, query({ ...q, limit: 100 }))).toEqual(
        allPages(fresh, query({ ...q, limit: 100 })),
      );
    }
  });
});
