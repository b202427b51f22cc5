import { type LocalTime, minutesOfDay } from './local-time.ts';

/** 0 = Sunday ... 6 = Saturday, as in the Meeting Guide spec. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const weekdays: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];
export const weekdayNames = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export function isWeekday(n: number): n is Weekday {
  return Number.isInteger(n) && n >= 0 && n <= 6;
}

/** Which weeks of the month a monthly meeting meets: 1st to 5th, or -1 for the last. */
export type MonthWeek = 1 | 2 | 3 | 4 | 5 | -1;
export const monthWeeks: readonly MonthWeek[] = [1, 2, 3, 4, 5, -1];

export function isMonthWeek(n: number): n is MonthWeek {
  return n === -1 || (Number.isInteger(n) && n >= 1 && n <= 5);
}

/** How long a meeting lasts: until a local end time, for a number of minutes, or unstated. */
export type ScheduleEnd =
  | { readonly kind: 'end_time'; readonly time: LocalTime }
  | { readonly kind: 'duration'; readonly minutes: number }
  | { readonly kind: 'unstated' };

export type Schedule =
  | {
      readonly kind: 'weekly';
      readonly weekdays: readonly Weekday[];
      readonly start: LocalTime;
      readonly end: ScheduleEnd;
    }
  | {
      readonly kind: 'monthly';
      readonly weekdays: readonly Weekday[];
      readonly weeks: readonly MonthWeek[];
      readonly start: LocalTime;
      readonly end: ScheduleEnd;
    }
  | { readonly kind: 'appointment' };

export type TimedSchedule = Exclude<Schedule, { kind: 'appointment' }>;

/** The Meeting Guide spec's default when no end time is given. */
export const DEFAULT_DURATION_MINUTES = 60;

/** How many minutes a meeting lasts; a local end time at or before the start means the next day. */
export function durationMinutes(schedule: TimedSchedule): number {
  const end = schedule.end;
  switch (end.kind) {
    case 'unstated':
      return DEFAULT_DURATION_MINUTES;
    case 'duration':
      return end.minutes;
    case 'end_time': {
      const diff = minutesOfDay(end.time) - minutesOfDay(schedule.start);
      return diff > 0 ? diff : diff + 1440;
    }
  }
}

/** Sorted, without repeats: the canonical order every writer and comparison relies on. */
export function canonicalWeekdays(days: Iterable<Weekday>): Weekday[] {
  return [...new Set(days)].sort((a, b) => a - b);
}

export function canonicalMonthWeeks(weeks: Iterable<MonthWeek>): MonthWeek[] {
  // -1 (last) sorts after the numbered weeks.
  const key = (w: MonthWeek) => (w === -1 ? 6 : w);
  return [...new Set(weeks)].sort((a, b) => key(a) - key(b));
}

const ordinalNames: Record<MonthWeek, string> = {
  1: 'first',
  2: 'second',
  3: 'third',
  4: 'fourth',
  5: 'fifth',
  [-1]: 'last',
};

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

/** "Every Monday and Thursday", "The first and third Saturday of the month", "By appointment". */
export function describeRecurrence(schedule: Schedule): string {
  switch (schedule.kind) {
    case 'appointment':
      return 'By appointment';
    case 'weekly':
      return `Every ${joinWords(schedule.weekdays.map((d) => weekdayNames[d]))}`;
    case 'monthly': {
      const weeks = joinWords(schedule.weeks.map((w) => ordinalNames[w]));
      const days = joinWords(schedule.weekdays.map((d) => weekdayNames[d]));
      return `The ${weeks} ${days} of the month`;
    }
  }
}
