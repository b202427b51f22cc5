import { DateTime } from 'luxon';
import { type Schedule, type TimedSchedule, durationMinutes } from './schedule.ts';
import { minutesOfDay } from './local-time.ts';
import { type ZoneClock, dateOfDay, weekdayOfDay, zoneClock } from './zone-clock.ts';

/** One meeting, on one day: absolute instants, with the local view in the meeting's zone. */
export interface Occurrence {
  readonly start: DateTime<true>;
  readonly end: DateTime<true>;
}

/** Instants are epoch milliseconds, so callers never hand a zone-less local time in by mistake. */
export type Instant = number;

const MINUTE = 60_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the schedule meets on a local date (days since 1970-01-01). */
export function meetsOnDay(schedule: TimedSchedule, dayNumber: number): boolean {
  if (!(schedule.weekdays as readonly number[]).includes(weekdayOfDay(dayNumber))) return false;
  if (schedule.kind === 'weekly') return true;
  const { year, month, day } = dateOfDay(dayNumber);
  const nth = Math.ceil(day / 7);
  const isLast = day + 7 > daysInMonth(year, month);
  return schedule.weeks.some((w) => (w === -1 ? isLast : w === nth));
}

/** The start of the occurrence on a local date, by RFC 5545's rules (see ZoneClock.instantOf). */
function startOn(schedule: TimedSchedule, clock: ZoneClock, dayNumber: number): Instant {
  return clock.instantOf(dayNumber, minutesOfDay(schedule.start));
}

/** Longest stretch without an occurrence: a fifth-weekday monthly meeting can skip most of a year. */
const SEARCH_HORIZON_DAYS = 400;

/** The first start at or after `after`, or null (by appointment). Fast: no date objects. */
export function nextStartAfter(
  schedule: Schedule,
  clock: ZoneClock,
  after: Instant,
): Instant | null {
  if (schedule.kind === 'appointment' || schedule.weekdays.length === 0) return null;
  // A local day's start can precede `after` by up to a day of offset: begin a day early.
  const first = clock.local(after).dayNumber - 1;
  for (let day = first; day <= first + SEARCH_HORIZON_DAYS; day++) {
    if (!meetsOnDay(schedule, day)) continue;
    const start = startOn(schedule, clock, day);
    if (start >= after) return start;
  }
  return null;
}

/** The last start at or before `at`, within `lookBackMinutes`, or null. */
export function lastStartAtOrBefore(
  schedule: Schedule,
  clock: ZoneClock,
  at: Instant,
  lookBackMinutes: number,
): Instant | null {
  if (schedule.kind === 'appointment' || schedule.weekdays.length === 0) return null;
  const earliest = at - lookBackMinutes * MINUTE;
  const last = clock.local(at).dayNumber + 1;
  const first = clock.local(earliest).dayNumber - 1;
  for (let day = last; day >= first; day--) {
    if (!meetsOnDay(schedule, day)) continue;
    const start = startOn(schedule, clock, day);
    if (start <= at) return start >= earliest ? start : null;
  }
  return null;
}

function occurrenceAt(schedule: TimedSchedule, clock: ZoneClock, start: Instant): Occurrence {
  const startTime = DateTime.fromMillis(start, { zone: clock.name }) as DateTime<true>;
  return { start: startTime, end: startTime.plus({ minutes: durationMinutes(schedule) }) };
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
  const clock = zoneClock(zone);
  const result: Occurrence[] = [];
  const lastDay = clock.local(to).dayNumber + 1;
  for (let day = clock.local(from).dayNumber - 1; day <= lastDay; day++) {
    if (!meetsOnDay(schedule, day)) continue;
    const start = startOn(schedule, clock, day);
    if (start >= from && start < to) result.push(occurrenceAt(schedule, clock, start));
  }
  return result;
}

/** The next `count` occurrences starting at or after `after`. */
export function nextOccurrences(
  schedule: Schedule,
  zone: string,
  after: Instant,
  count: number,
): Occurrence[] {
  if (schedule.kind === 'appointment' || count <= 0) return [];
  const clock = zoneClock(zone);
  const result: Occurrence[] = [];
  let from = after;
  while (result.length < count) {
    const start = nextStartAfter(schedule, clock, from);
    if (start === null) break;
    result.push(occurrenceAt(schedule, clock, start));
    from = start + 1;
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
