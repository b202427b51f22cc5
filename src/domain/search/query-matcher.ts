import type { Attendance } from '../meeting/attendance.ts';
import { meetsOnDay } from '../schedule/occurrences.ts';
import { weekdayOfDay } from '../schedule/zone-clock.ts';
import {
  type Entry,
  LocalDays,
  type TypeMatrix,
  attendanceBits,
  lastStartOf,
  nextStartOf,
} from './indexed-entry.ts';
import type { SearchQuery } from './search-query.ts';
import { StartWindow } from './time-window.ts';

const MINUTE = 60_000;
const DEFAULT_ATTENDANCE: readonly Attendance[] = ['in_person', 'online', 'hybrid'];

/** A query compiled to checks on one entry; place and text are the index's to check. */
export interface Matcher<T> {
  /** Every filter on what a meeting is and when it meets in the week (cheap). */
  what(position: number, entry: Entry<T>): boolean;
  /**
   * The start a result shows (the current one while in progress), null by appointment, or
   * undefined when the time filters ("starting within", "in progress") reject the meeting.
   */
  timing(entry: Entry<T>): number | null | undefined;
  /** Whether the query has time filters (else timing never rejects). */
  readonly timeBounded: boolean;
  /** The attendance bits the query allows. */
  readonly attendanceMask: number;
}

export interface MatcherContext {
  readonly types: TypeMatrix;
  /** Whether some entry has types without bits (then the lists decide). */
  readonly typeOverflows: boolean;
  /** The longest meeting, in minutes: how far back "in progress" looks. */
  readonly longestMinutes: number;
}

/** The query's checks, or null when nothing can match (a type no meeting has). */
export function compileMatcher<T>(q: SearchQuery, context: MatcherContext): Matcher<T> | null {
  const { types } = context;
  const attendanceMask = (q.attendance ?? DEFAULT_ATTENDANCE).reduce(
    (m, a) => m | attendanceBits[a],
    0,
  );
  const allMask = q.types ? types.mask(q.types) : null;
  if (q.types && !allMask && !context.typeOverflows) return null;
  const anyMask = q.typesAny ? types.mask(q.typesAny.filter((c) => types.known(c))) : null;
  const dayMask = q.days?.reduce<number>((m, d) => m | (1 << d), 0) ?? 0;
  const timeWindow =
    q.timeFrom !== undefined || q.timeTo !== undefined
      ? { from: q.timeFrom ?? 0, to: q.timeTo ?? 1439 }
      : null;
  const { at } = q;
  const days = new LocalDays(at);
  const starting =
    q.startingWithin === undefined ? null : new StartWindow(at, at + q.startingWithin * MINUTE);
  const running = q.inProgress ? new StartWindow(at - context.longestMinutes * MINUTE, at) : null;
  const startingUntil = at + (q.startingWithin ?? 0) * MINUTE;

  const what = (position: number, entry: Entry<T>): boolean => {
    if (!(entry.attendanceBit & attendanceMask)) return false;
    if (q.fellowships && !q.fellowships.includes(entry.fellowship)) return false;
    if (q.types) {
      const ok = allMask !== null && types.hasAll(position, allMask);
      if (!ok && !(entry.typeOverflow && q.types.every((t) => entry.types.includes(t))))
        return false;
    }
    if (q.typesAny) {
      const ok = anyMask !== null && types.hasAny(position, anyMask);
      if (!ok && !(entry.typeOverflow && q.typesAny.some((t) => entry.types.includes(t))))
        return false;
    }
    if (q.languages && !q.languages.some((l) => entry.languages.includes(l))) return false;
    if (timeWindow) {
      const minute = entry.startMinute;
      if (minute < 0) return false;
      const { from, to } = timeWindow;
      if (from <= to ? minute < from || minute > to : minute < from && minute > to) return false;
    }
    if (q.days) {
      if (!(entry.weekdayMask & dayMask)) return false;
      const schedule = entry.monthly;
      if (schedule?.kind === 'monthly') {
        // The next date with each asked weekday, in the meeting's zone: a monthly meeting
        // counts only when that date is in one of its weeks.
        const today = days.of(entry.clock);
        const weekday = weekdayOfDay(today);
        if (
          !q.days.some(
            (d) =>
              entry.weekdayMask & (1 << d) && meetsOnDay(schedule, today + ((d - weekday + 7) % 7)),
          )
        )
          return false;
      }
    }
    return true;
  };

  const timing = (entry: Entry<T>): number | null | undefined => {
    if (!starting && !running) return nextStartOf(entry, at, days);
    if (running?.mayStart(entry)) {
      const last = lastStartOf(entry, at);
      if (last !== null && at < last + entry.durationMinutes * MINUTE) return last;
    }
    if (starting?.mayStart(entry)) {
      const next = nextStartOf(entry, at, days);
      if (next !== null && next <= startingUntil) return next;
    }
    return undefined;
  };

  return { what, timing, timeBounded: starting !== null || running !== null, attendanceMask };
}
