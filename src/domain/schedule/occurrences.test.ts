import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type LocalTime, localTime, minutesOfDay } from './local-time.ts';
import { nextOccurrence, nextOccurrences, occurrencesBetween } from './occurrences.ts';
import {
  type MonthWeek,
  type Schedule,
  type TimedSchedule,
  type Weekday,
  canonicalMonthWeeks,
  canonicalWeekdays,
  durationMinutes,
} from './schedule.ts';

const zones = [
  'Europe/London',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
] as const;

const DAY = 86_400_000;
// 2020-01-01 .. 2035-01-01: spans many daylight-saving changes in every zone above.
const instantArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) });
const zoneArb = fc.constantFrom(...zones);
const weekdayArb = fc.integer({ min: 0, max: 6 }) as fc.Arbitrary<Weekday>;
const timeArb = fc
  .record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) })
  .map(({ h, m }) => localTime(h, m));
const endArb = fc.oneof(
  fc.constant({ kind: 'unstated' as const }),
  fc.integer({ min: 15, max: 240 }).map((minutes) => ({ kind: 'duration' as const, minutes })),
  timeArb.map((time) => ({ kind: 'end_time' as const, time })),
);
const weeklyArb: fc.Arbitrary<TimedSchedule> = fc
  .record({
    weekdays: fc.uniqueArray(weekdayArb, { minLength: 1, maxLength: 7 }),
    start: timeArb,
    end: endArb,
  })
  .map((r) => ({ kind: 'weekly', ...r, weekdays: canonicalWeekdays(r.weekdays) }));
const monthWeekArb = fc.constantFrom<MonthWeek>(1, 2, 3, 4, 5, -1);
const monthlyArb: fc.Arbitrary<TimedSchedule> = fc
  .record({
    weekdays: fc.uniqueArray(weekdayArb, { minLength: 1, maxLength: 2 }),
    weeks: fc.uniqueArray(monthWeekArb, { minLength: 1, maxLength: 3 }),
    start: timeArb,
    end: endArb,
  })
  .map((r) => ({
    kind: 'monthly',
    ...r,
    weekdays: canonicalWeekdays(r.weekdays),
    weeks: canonicalMonthWeeks(r.weeks),
  }));
const scheduleArb = fc.oneof(weeklyArb, monthlyArb);

/** The independent statement of "meets on this local date", written without Luxon's helpers. */
function meetsOnDate(schedule: TimedSchedule, date: DateTime): boolean {
  if (!schedule.weekdays.includes((date.weekday % 7) as Weekday)) return false;
  if (schedule.kind === 'weekly') return true;
  const daysInMonth = new Date(Date.UTC(date.year, date.month, 0)).getUTCDate();
  return schedule.weeks.some((w) =>
    w === -1 ? date.day > daysInMonth - 7 : date.day > (w - 1) * 7 && date.day <= w * 7,
  );
}

describe('occurrencesBetween', () => {
  it('finds exactly one occurrence on every local date the schedule names, at its wall-clock time', () => {
    fc.assert(
      fc.property(scheduleArb, zoneArb, instantArb, (schedule, zone, from) => {
        const to = from + 70 * DAY;
        const found = occurrencesBetween(schedule, zone, from, to);
        // Every occurrence: in range, in order, on a date the schedule names.
        for (let i = 0; i < found.length; i++) {
          const o = found[i]!;
          expect(o.start.toMillis()).toBeGreaterThanOrEqual(from);
          expect(o.start.toMillis()).toBeLessThan(to);
          if (i > 0) expect(o.start.toMillis()).toBeGreaterThan(found[i - 1]!.start.toMillis());
          expect(o.start.zoneName).toBe(zone);
          expect(o.end.toMillis() - o.start.toMillis()).toBe(durationMinutes(schedule) * 60_000);
        }
        // Every full local date strictly inside the range that the schedule names has one occurrence.
        const dates = new Set(found.map((o) => o.start.toISODate()));
        let d = DateTime.fromMillis(from, { zone }).startOf('day').plus({ days: 1 });
        const last = DateTime.fromMillis(to, { zone }).startOf('day').minus({ days: 1 });
        while (d < last) {
          expect(dates.has(d.toISODate() ?? ''), d.toISODate() ?? '').toBe(
            meetsOnDate(schedule, d),
          );
          d = d.plus({ days: 1 });
        }
        expect(dates.size).toBe(found.length);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the local start time, except when that time is skipped by a clock change', () => {
    fc.assert(
      fc.property(scheduleArb, zoneArb, instantArb, (schedule, zone, from) => {
        for (const o of occurrencesBetween(schedule, zone, from, from + 120 * DAY)) {
          const wall = o.start.hour * 60 + o.start.minute;
          const wanted = minutesOfDay(schedule.start);
          // When clocks go back the wall time happens twice: we must have taken the first.
          for (const shift of [30, 60]) {
            const earlier = o.start.minus({ minutes: shift });
            expect(earlier.hour * 60 + earlier.minute).not.toBe(wall);
          }
          if (wall === wanted) continue;
          // Moved: the wanted time must not exist that day, and the move equals the gap.
          const before = o.start.minus({ hours: 3 });
          const gap = o.start.offset - before.offset;
          expect(gap).toBeGreaterThan(0);
          expect(wall - wanted).toBe(gap);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('nextOccurrences', () => {
  it('returns the first occurrences at or after the instant, agreeing with occurrencesBetween', () => {
    fc.assert(
      fc.property(
        scheduleArb,
        zoneArb,
        instantArb,
        fc.integer({ min: 1, max: 6 }),
        (s, z, a, n) => {
          const next = nextOccurrences(s, z, a, n);
          const window = occurrencesBetween(s, z, a, a + 800 * DAY).slice(0, n);
          expect(next.map((o) => o.start.toMillis())).toEqual(
            window.map((o) => o.start.toMillis()),
          );
          expect(next.length).toBe(n);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is inclusive: a meeting starting exactly at the instant is the next one', () => {
    const schedule: Schedule = {
      kind: 'weekly',
      weekdays: [1],
      start: '19:00' as LocalTime,
      end: { kind: 'unstated' },
    };
    const start = DateTime.fromISO('2026-11-23T19:00', { zone: 'Europe/London' }).toMillis();
    expect(nextOccurrence(schedule, 'Europe/London', start)?.start.toMillis()).toBe(start);
    expect(nextOccurrence(schedule, 'Europe/London', start + 1)?.start.toISO()).toBe(
      '2026-11-30T19:00:00.000+00:00',
    );
  });

  it('gives nothing for appointment-only meetings', () => {
    expect(nextOccurrences({ kind: 'appointment' }, 'Asia/Kolkata', Date.now(), 3)).toEqual([]);
  });

  it('rejects an unknown zone rather than guessing', () => {
    const s: Schedule = {
      kind: 'weekly',
      weekdays: [1],
      start: '19:00' as LocalTime,
      end: { kind: 'unstated' },
    };
    expect(() => nextOccurrence(s, 'Mars/Olympus_Mons', 0)).toThrow(/unknown time zone/);
  });
});

describe('daylight-saving examples', () => {
  const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();

  it('London: a 01:30 Sunday meeting on the spring-forward night starts at 02:30 BST', () => {
    const s: Schedule = {
      kind: 'weekly',
      weekdays: [0],
      start: '01:30' as LocalTime,
      end: { kind: 'unstated' },
    };
    const o = nextOccurrence(s, 'Europe/London', at('2026-03-28T12:00', 'Europe/London'));
    expect(o?.start.toISO()).toBe('2026-03-29T02:30:00.000+01:00');
  });

  it('New York: the 01:30 meeting on the fall-back night is the first 01:30 (EDT)', () => {
    const s: Schedule = {
      kind: 'weekly',
      weekdays: [0],
      start: '01:30' as LocalTime,
      end: { kind: 'unstated' },
    };
    const o = nextOccurrence(s, 'America/New_York', at('2026-10-31T12:00', 'America/New_York'));
    expect(o?.start.toISO()).toBe('2026-11-01T01:30:00.000-04:00');
    expect(o?.end.toISO()).toBe('2026-11-01T01:30:00.000-05:00');
  });

  it('Lord Howe: a half-hour clock change moves 02:15 to 02:45', () => {
    const s: Schedule = {
      kind: 'weekly',
      weekdays: [0],
      start: '02:15' as LocalTime,
      end: { kind: 'unstated' },
    };
    const o = nextOccurrence(
      s,
      'Australia/Lord_Howe',
      at('2026-10-03T12:00', 'Australia/Lord_Howe'),
    );
    expect(o?.start.toISO()).toBe('2026-10-04T02:45:00.000+11:00');
  });

  it('Chatham: clocks jump from 02:45 to 03:45, so 03:00 becomes 04:00 and 02:30 stays', () => {
    const at3: Schedule = {
      kind: 'weekly',
      weekdays: [0],
      start: '03:00' as LocalTime,
      end: { kind: 'unstated' },
    };
    const from = at('2026-09-26T12:00', 'Pacific/Chatham');
    expect(nextOccurrence(at3, 'Pacific/Chatham', from)?.start.toISO()).toBe(
      '2026-09-27T04:00:00.000+13:45',
    );
    const at230: Schedule = { ...at3, start: '02:30' as LocalTime };
    expect(nextOccurrence(at230, 'Pacific/Chatham', from)?.start.toISO()).toBe(
      '2026-09-27T02:30:00.000+12:45',
    );
  });

  it('Kolkata: no clock changes, so the UTC time never moves', () => {
    const s: Schedule = {
      kind: 'weekly',
      weekdays: [2],
      start: '18:30' as LocalTime,
      end: { kind: 'unstated' },
    };
    const starts = nextOccurrences(s, 'Asia/Kolkata', Date.UTC(2026, 0, 1), 60).map((o) =>
      o.start.toUTC().toFormat('HH:mm'),
    );
    expect(new Set(starts)).toEqual(new Set(['13:00']));
  });

  it('monthly: first and third Saturday, and last Sunday', () => {
    const firstThird: Schedule = {
      kind: 'monthly',
      weekdays: [6],
      weeks: [1, 3],
      start: '10:00' as LocalTime,
      end: { kind: 'end_time', time: '11:30' as LocalTime },
    };
    const got = nextOccurrences(
      firstThird,
      'Europe/London',
      at('2026-11-01T00:00', 'Europe/London'),
      4,
    );
    expect(got.map((o) => o.start.toISODate())).toEqual([
      '2026-11-07',
      '2026-11-21',
      '2026-12-05',
      '2026-12-19',
    ]);
    const lastSunday: Schedule = {
      kind: 'monthly',
      weekdays: [0],
      weeks: [-1],
      start: '18:00' as LocalTime,
      end: { kind: 'unstated' },
    };
    const ls = nextOccurrences(
      lastSunday,
      'America/New_York',
      at('2026-11-01T00:00', 'America/New_York'),
      3,
    );
    expect(ls.map((o) => o.start.toISODate())).toEqual(['2026-11-29', '2026-12-27', '2027-01-31']);
  });

  it('an end time before the start means the meeting runs past midnight', () => {
    const s: Schedule = {
      kind: 'weekly',
      weekdays: [5],
      start: '23:30' as LocalTime,
      end: { kind: 'end_time', time: '00:30' as LocalTime },
    };
    const o = nextOccurrence(s, 'Europe/London', at('2026-11-23T00:00', 'Europe/London'));
    expect(o?.end.toISO()).toBe('2026-11-28T00:30:00.000+00:00');
  });
});
