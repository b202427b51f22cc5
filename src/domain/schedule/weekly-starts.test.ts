import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localTime, minutesOfDay } from './local-time.ts';
import { lastStartAtOrBefore, nextStartAfter } from './occurrences.ts';
import type { Schedule, Weekday } from './schedule.ts';
import { lastWeeklyStart, nextWeeklyStart } from './weekly-starts.ts';
import { zoneClock } from './zone-clock.ts';

const zones = [
  'Europe/London',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'Pacific/Apia',
] as const;

describe('the weekly fast path', () => {
  it('agrees with the general schedule functions, across clock changes', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }) as fc.Arbitrary<Weekday>, {
          minLength: 1,
          maxLength: 7,
        }),
        fc.integer({ min: 0, max: 1439 }),
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: 1, max: 600 }),
        (days, minute, zone, at, lookBack) => {
          const start = localTime(Math.floor(minute / 60), minute % 60);
          const schedule: Schedule = {
            kind: 'weekly',
            weekdays: days.sort(),
            start,
            end: { kind: 'unstated' },
          };
          const clock = zoneClock(zone);
          const mask = days.reduce<number>((m, d) => m | (1 << d), 0);
          expect(
            nextWeeklyStart(clock, { weekdayMask: mask, startMinute: minutesOfDay(start) }, at),
          ).toBe(nextStartAfter(schedule, clock, at));
          expect(
            lastWeeklyStart(
              clock,
              { weekdayMask: mask, startMinute: minutesOfDay(start) },
              at,
              lookBack,
            ),
          ).toBe(lastStartAtOrBefore(schedule, clock, at, lookBack));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('has nothing for an empty mask', () => {
    expect(nextWeeklyStart(zoneClock('UTC'), { weekdayMask: 0, startMinute: 600 }, 0)).toBeNull();
  });
});
