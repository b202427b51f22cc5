import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localTime } from './local-time.ts';
import { lastStartAtOrBefore, nextStartAfter, occurrencesBetween } from './occurrences.ts';
import type { Schedule, Weekday } from './schedule.ts';
import { civilDateOfDay, dateOfDay, zoneClock } from './zone-clock.ts';

const zones = [
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'America/Santiago',
  'Africa/Casablanca',
  'Pacific/Apia',
] as const;
const zoneArb = fc.constantFrom(...zones);
const instantArb = fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2045, 0, 1) });

describe('ZoneClock', () => {
  it('agrees with the IANA rules (through Luxon) at any instant', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, (zone, instant) => {
        expect(zoneClock(zone).offsetMinutes(instant)).toBe(IANAZone.create(zone).offset(instant));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the local date and time Luxon gives', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, (zone, instant) => {
        const local = zoneClock(zone).local(instant);
        const luxon = DateTime.fromMillis(instant, { zone });
        expect(local.weekday).toBe(luxon.weekday % 7);
        expect(local.minuteOfDay).toBe(luxon.hour * 60 + luxon.minute);
        expect(new Date(local.dayNumber * 86_400_000).toISOString().slice(0, 10)).toBe(
          luxon.toISODate(),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the calendar date of any day number by arithmetic, as Date does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 2_900_000 }), (dayNumber) => {
        expect(civilDateOfDay(dayNumber)).toEqual(dateOfDay(dayNumber));
      }),
      { numRuns: 5000 },
    );
    expect(civilDateOfDay(0)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(civilDateOfDay(-1)).toEqual({ year: 1969, month: 12, day: 31 });
    // 2024-02-29, a leap day; 2100-03-01, after a century year that is not a leap year.
    expect(civilDateOfDay(19_782)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(civilDateOfDay(47_541)).toEqual({ year: 2100, month: 3, day: 1 });
  });

  it('writes ISO-8601 with the local offset', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, (zone, instant) => {
        const whole = instant - (instant % 1000);
        expect(zoneClock(zone).isoString(whole)).toBe(
          DateTime.fromMillis(whole, { zone }).toISO({
            suppressMilliseconds: true,
            includeOffset: true,
          }),
        );
      }),
    );
  });

  it('knows the span of steady offset around an instant, by the IANA rules', () => {
    fc.assert(
      fc.property(
        zoneArb,
        instantArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (zone, instant, f) => {
          const luxon = IANAZone.create(zone);
          const { offsetMinutes, from, to } = zoneClock(zone).steadySpan(instant);
          expect(from <= instant && instant < to).toBe(true);
          expect(offsetMinutes).toBe(luxon.offset(instant));
          // The same offset throughout, and a change (or the end of what is known) at each end.
          for (const t of [from, to - 1, Math.floor(from + f * (to - 1 - from))]) {
            expect(luxon.offset(t)).toBe(offsetMinutes);
          }
          const year = new Date(instant).getUTCFullYear();
          if (from > Date.UTC(year, 0, 1)) expect(luxon.offset(from - 1)).not.toBe(offsetMinutes);
          if (to < Date.UTC(year + 2, 0, 1)) expect(luxon.offset(to)).not.toBe(offsetMinutes);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses an unknown zone', () => {
    expect(() => zoneClock('Atlantis/Central')).toThrow('unknown time zone "Atlantis/Central"');
  });
});

const scheduleArb: fc.Arbitrary<Schedule> = fc.record({
  kind: fc.constant('weekly' as const),
  weekdays: fc
    .uniqueArray(fc.integer({ min: 0, max: 6 }) as fc.Arbitrary<Weekday>, {
      minLength: 1,
      maxLength: 3,
    })
    .map((d) => d.sort()),
  start: fc
    .record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) })
    .map(({ h, m }) => localTime(h, m)),
  end: fc.constant({ kind: 'unstated' as const }),
});

describe('nextStartAfter and lastStartAtOrBefore', () => {
  it('find the same starts occurrencesBetween lists', () => {
    fc.assert(
      fc.property(scheduleArb, zoneArb, instantArb, (schedule, zone, at) => {
        const clock = zoneClock(zone);
        const week = 8 * 86_400_000;
        const around = occurrencesBetween(schedule, zone, at - week, at + week).map((o) =>
          o.start.toMillis(),
        );
        expect(nextStartAfter(schedule, clock, at)).toBe(around.find((s) => s >= at) ?? null);
        const before = around.filter((s) => s <= at);
        expect(lastStartAtOrBefore(schedule, clock, at, 8 * 24 * 60)).toBe(before.at(-1) ?? null);
      }),
      { numRuns: 1000 },
    );
  });

  it('look back no further than asked', () => {
    const s: Schedule = {
      kind: 'weekly',
      weekdays: [1],
      start: localTime(19, 0),
      end: { kind: 'unstated' },
    };
    const monday7pm = Date.parse('2026-11-23T19:00:00-08:00');
    const clock = zoneClock('America/Los_Angeles');
    expect(lastStartAtOrBefore(s, clock, monday7pm + 30 * 60_000, 60)).toBe(monday7pm);
    expect(lastStartAtOrBefore(s, clock, monday7pm + 90 * 60_000, 60)).toBeNull();
  });
});
