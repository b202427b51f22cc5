import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatTwelveHour,
  fromMinutesOfDay,
  localTime,
  minutesOfDay,
  parseLocalTime,
} from './local-time.ts';

describe('parseLocalTime', () => {
  it.each([
    ['19:30', '19:30'],
    ['7:30', '07:30'],
    ['19:30:00', '19:30'],
    ['7:30 PM', '19:30'],
    ['7:30pm', '19:30'],
    ['12:00 AM', '00:00'],
    ['12:15 PM', '12:15'],
    ['7 pm', '19:00'],
    ['11:00 a.m.', '11:00'],
    ['noon', '12:00'],
  ])('reads %s as %s', (text, want) => {
    expect(parseLocalTime(text)).toBe(want);
  });

  it.each(['', '25:00', '7:75', '13:00 PM', 'soon', '19.30'])('refuses %j', (text) => {
    expect(parseLocalTime(text)).toBeNull();
  });

  it('round-trips every minute of the day through both written forms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), (minutes) => {
        const t = fromMinutesOfDay(minutes);
        expect(minutesOfDay(t)).toBe(minutes);
        expect(parseLocalTime(t)).toBe(t);
        expect(parseLocalTime(formatTwelveHour(t))).toBe(t);
      }),
    );
  });

  it('pads single digits', () => {
    expect(localTime(7, 5)).toBe('07:05');
  });
});
