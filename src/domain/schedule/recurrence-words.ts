import type { Locale } from '../vocabulary/locales.ts';
import { type MonthWeek, type Schedule, type Weekday, describeRecurrence } from './schedule.ts';

/**
 * A schedule's recurrence in the words of the page's language: "Every Monday and Thursday",
 * "Cada lunes y jueves", "Le premier et troisième samedi du mois". Weekday names and lists come
 * from the platform's own locale data (Intl); only the few phrases are written here.
 */

const phrases: Record<
  Exclude<Locale, 'en'>,
  {
    appointment: string;
    weekly: (days: string) => string;
    monthly: (weeks: string, days: string) => string;
    ordinals: Record<MonthWeek, string>;
  }
> = {
  es: {
    appointment: 'Con cita previa',
    weekly: (days) => `Cada ${days}`,
    monthly: (weeks, days) => `El ${weeks} ${days} de cada mes`,
    ordinals: { 1: 'primer', 2: 'segundo', 3: 'tercer', 4: 'cuarto', 5: 'quinto', [-1]: 'último' },
  },
  fr: {
    appointment: 'Sur rendez-vous',
    weekly: (days) => `Chaque ${days}`,
    // French repeats the article: « le premier et le troisième samedi du mois ».
    monthly: (weeks, days) => `${weeks.charAt(0).toUpperCase()}${weeks.slice(1)} ${days} du mois`,
    ordinals: {
      1: 'le premier',
      2: 'le deuxième',
      3: 'le troisième',
      4: 'le quatrième',
      5: 'le cinquième',
      [-1]: 'le dernier',
    },
  },
};

const SUNDAY = Date.UTC(1970, 0, 4);
const DAY_MS = 86_400_000;

const weekdayFormats = new Map<Locale, Intl.DateTimeFormat>();
const listFormats = new Map<Locale, Intl.ListFormat>();

function weekdayName(day: Weekday, locale: Locale): string {
  let f = weekdayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    weekdayFormats.set(locale, f);
  }
  return f.format(SUNDAY + day * DAY_MS);
}

function list(words: readonly string[], locale: Locale): string {
  let f = listFormats.get(locale);
  if (!f) {
    f = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    listFormats.set(locale, f);
  }
  return f.format(words);
}

export function recurrenceIn(schedule: Schedule, locale: Locale): string {
  if (locale === 'en') return describeRecurrence(schedule);
  const p = phrases[locale];
  switch (schedule.kind) {
    case 'appointment':
      return p.appointment;
    case 'weekly':
      return p.weekly(
        list(
          schedule.weekdays.map((d) => weekdayName(d, locale)),
          locale,
        ),
      );
    case 'monthly':
      return p.monthly(
        list(
          schedule.weeks.map((w) => p.ordinals[w]),
          locale,
        ),
        list(
          schedule.weekdays.map((d) => weekdayName(d, locale)),
          locale,
        ),
      );
  }
}
