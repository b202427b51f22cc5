import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locales } from '../vocabulary/locales.ts';
import { recurrenceIn } from './recurrence-words.ts';
import type { LocalTime } from './local-time.ts';
import type { MonthWeek, Schedule, Weekday } from './schedule.ts';

const weekly = (weekdays: Weekday[]): Schedule => ({
  kind: 'weekly',
  weekdays,
  start: '19:30' as LocalTime,
  end: { kind: 'unstated' },
});
const monthly = (weeks: MonthWeek[], weekdays: Weekday[]): Schedule => ({
  kind: 'monthly',
  weeks,
  weekdays,
  start: '10:00' as LocalTime,
  end: { kind: 'unstated' },
});

describe('a recurrence in the page’s language', () => {
  it.each([
    ['en', weekly([1, 4]), 'Every Monday and Thursday'],
    ['es', weekly([1, 4]), 'Cada lunes y jueves'],
    ['fr', weekly([1, 4]), 'Chaque lundi et jeudi'],
    ['es', weekly([0, 3, 6]), 'Cada domingo, miércoles y sábado'],
    ['en', monthly([1, 3], [6]), 'The first and third Saturday of the month'],
    ['es', monthly([1, 3], [6]), 'El primer y tercer sábado de cada mes'],
    ['fr', monthly([1, 3], [6]), 'Le premier et le troisième samedi du mois'],
    ['es', monthly([-1], [5]), 'El último viernes de cada mes'],
    ['fr', monthly([-1], [5]), 'Le dernier vendredi du mois'],
    ['es', { kind: 'appointment' }, 'Con cita previa'],
    ['fr', { kind: 'appointment' }, 'Sur rendez-vous'],
  ] as const)('%s: %s', (locale, schedule, words) => {
    expect(recurrenceIn(schedule, locale)).toBe(words);
  });

  it('names every weekday of any schedule, in every language', () => {
    const day = fc.constantFrom<Weekday>(0, 1, 2, 3, 4, 5, 6);
    const days = fc.uniqueArray(day, { minLength: 1, maxLength: 7 }).map((d) => d.sort());
    const weeks = fc
      .uniqueArray(fc.constantFrom<MonthWeek>(1, 2, 3, 4, 5, -1), { minLength: 1, maxLength: 3 })
      .map((w) => w.sort((a, b) => (a === -1 ? 6 : a) - (b === -1 ? 6 : b)));
    const schedule = fc.oneof(
      days.map(weekly),
      fc.tuple(weeks, days).map(([w, d]) => monthly(w, d)),
    );
    fc.assert(
      fc.property(schedule, fc.constantFrom(...locales), (s, locale) => {
        const words = recurrenceIn(s, locale);
        const name = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
        for (const d of s.kind === 'appointment' ? [] : s.weekdays) {
          const dayName = name.format(Date.UTC(1970, 0, 4 + d));
          expect(words.toLowerCase()).toContain(dayName.toLowerCase());
        }
      }),
    );
  });
});
