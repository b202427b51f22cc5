import type { ZoneClock } from './zone-clock.ts';

/**
 * The fast path of occurrences.ts for weekly schedules, on precomputed numbers: a mask of
 * weekdays (bit d = weekday d, Sunday = 0) and the start in minutes after local midnight. A
 * search computes this for thousands of meetings per query; it does no string or date work.
 */
export function nextWeeklyStart(
  clock: ZoneClock,
  weekly: { readonly weekdayMask: number; readonly startMinute: number },
  after: number,
  afterDay: number = clock.local(after).dayNumber,
): number | null {
  const { weekdayMask, startMinute } = weekly;
  if (weekdayMask === 0) return null;
  // A local day's start can precede `after` by up to a day of offset: begin a day early.
  // (`afterDay`, the local date of `after`, may be given when many meetings share the zone.)
  const first = afterDay - 1;
  for (let day = first; day <= first + 8; day++) {
    if (!(weekdayMask & (1 << ((((day + 4) % 7) + 7) % 7)))) continue;
    const start = clock.instantOf(day, startMinute);
    if (start >= after) return start;
  }
  return null;
}

/** The last weekly start at or before `at`, no earlier than `lookBackMinutes` before it. */
export function lastWeeklyStart(
  clock: ZoneClock,
  weekly: { readonly weekdayMask: number; readonly startMinute: number },
  at: number,
  lookBackMinutes: number,
): number | null {
  const { weekdayMask, startMinute } = weekly;
  if (weekdayMask === 0) return null;
  const earliest = at - lookBackMinutes * 60_000;
  const last = clock.local(at).dayNumber + 1;
  const first = clock.local(earliest).dayNumber - 1;
  for (let day = last; day >= first; day--) {
    if (!(weekdayMask & (1 << ((((day + 4) % 7) + 7) % 7)))) continue;
    const start = clock.instantOf(day, startMinute);
    if (start <= at) return start >= earliest ? start : null;
  }
  return null;
}
