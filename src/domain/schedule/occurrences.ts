import { DateTime, IANAZone } from 'luxon';
import { minutesOfDay } from './local-time.ts';
import { isValidTimeZone } from './time-zone.ts';
import {
  type MonthWeek,
  type Schedule,
  type TimedSchedule,
  type Weekday,
  durationMinutes,
} from './schedule.ts';

/** One meeting, on one day: absolute instants, with the local view in the meeting's zone. */
export interface Occurrence {
  readonly start: DateTime<true>;
  readonly end: DateTime<true>;
}

/** Instants are epoch milliseconds, so callers never hand a zone-less local time in by mistake. */
export type Instant = number;

function luxonToWeekday(luxonWeekday: number): Weekday {
  return (luxonWeekday % 7) as Weekday;
}

function inMonthWeek(day: DateTime<true>, weeks: readonly MonthWeek[]): boolean {
  const nth = Math.ceil(day.day / 7);
  const isLast = day.day + 7 > (day.daysInMonth ?? 31);
  return weeks.some((w) => (w === -1 ? isLast : w === nth));
}

function meetsOn(schedule: TimedSchedule, day: DateTime<true>): boolean {
  if (!schedule.weekdays.includes(luxonToWeekday(day.weekday))) return false;
  return schedule.kind === 'weekly' || inMonthWeek(day, schedule.weeks);
}

const HOUR = 3_600_000;

/**
 * The instant a wall-clock time on a local day starts, by RFC 5545's rules, so search and
 * calendar files agree: a time skipped when clocks go forward is read with the offset before
 * the gap (so it moves forward by the gap, as wall clocks do); a time that happens twice when
 * clocks go back is the first of the two.
 */
function startInstant(zone: IANAZone, day: DateTime<true>, startMinutes: number): number {
  const wallAsUtc = Date.UTC(day.year, day.month - 1, day.day, 0, startMinutes);
  const before = zone.offset(wallAsUtc - 30 * HOUR);
  const after = zone.offset(wallAsUtc + 30 * HOUR);
  if (before === after && zone.offset(wallAsUtc - before * 60_000) === before) {
    return wallAsUtc - before * 60_000; // the common case: no clock change near this day
  }
  const valid = [before, after]
    .map((offset) => wallAsUtc - offset * 60_000)
    .filter((instant) => zone.offset(instant) * 60_000 === wallAsUtc - instant);
  if (valid.length > 0) return Math.min(...valid);
  return wallAsUtc - before * 60_000; // in a gap: the offset before the gap
}

function occurrenceOn(schedule: TimedSchedule, day: DateTime<true>, zone: IANAZone): Occurrence {
  const start = DateTime.fromMillis(startInstant(zone, day, minutesOfDay(schedule.start)), {
    zone,
  }) as DateTime<true>;
  return { start, end: start.plus({ minutes: durationMinutes(schedule) }) };
}

function zoneNamed(name: string): IANAZone {
  if (!isValidTimeZone(name)) throw new RangeError(`unknown time zone "${name}"`);
  return IANAZone.create(name);
}

/**
 * Occurrences whose start lies in [from, to), in order. Pure: the same arguments always give the
 * same answer, whatever the machine's own zone.
 */
export function occurrencesBetween(
  schedule: Schedule,
  zone: string,
  from: Instant,
  to: Instant,
): Occurrence[] {
  if (schedule.kind === 'appointment' || schedule.weekdays.length === 0 || to <= from) return [];
  const ianaZone = zoneNamed(zone);
  const result: Occurrence[] = [];
  // Start a day early: a local day's start can precede `from` by up to a day of offset.
  let day = DateTime.fromMillis(from, { zone }).startOf('day').minus({ days: 1 }) as DateTime<true>;
  const lastDay = DateTime.fromMillis(to, { zone }).startOf('day').plus({ days: 1 });
  while (day <= lastDay) {
    if (meetsOn(schedule, day)) {
      const occurrence = occurrenceOn(schedule, day, ianaZone);
      const startMs = occurrence.start.toMillis();
      if (startMs >= from && startMs < to) result.push(occurrence);
    }
    day = day.plus({ days: 1 });
  }
  return result;
}

/** Longest stretch without an occurrence: a fifth-weekday monthly meeting can skip most of a year. */
const SEARCH_HORIZON_DAYS = 400;

/**
 * The next `count` occurrences starting at or after `after`. Searches a day window at a time so
 * a weekly meeting costs a few days of work, not a year.
 */
export function nextOccurrences(
  schedule: Schedule,
  zone: string,
  after: Instant,
  count: number,
): Occurrence[] {
  if (schedule.kind === 'appointment' || count <= 0) return [];
  const result: Occurrence[] = [];
  const dayMs = 86_400_000;
  let windowStart = after;
  const horizon = after + SEARCH_HORIZON_DAYS * dayMs * Math.max(1, Math.ceil(count / 4));
  let windowDays = schedule.kind === 'weekly' ? 8 : 35;
  while (result.length < count && windowStart < horizon) {
    const windowEnd = windowStart + windowDays * dayMs;
    for (const o of occurrencesBetween(schedule, zone, windowStart, windowEnd)) {
      result.push(o);
      if (result.length === count) break;
    }
    windowStart = windowEnd;
    windowDays = Math.min(windowDays * 2, 120);
  }
  return result;
}

export function nextOccurrence(
  schedule: Schedule,
  zone: string,
  after: Instant,
): Occurrence | null {
  return nextOccurrences(schedule, zone, after, 1)[0] ?? null;
}
