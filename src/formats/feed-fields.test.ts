import { describe, expect, it } from 'vitest';
import { parseDays, parseList, parseTimestamp, parseYesNo } from './feed-fields.ts';

describe('parseTimestamp', () => {
  it.each([
    ['the spec form', '2024-03-08 01:55:57', '2024-03-08T01:55:57.000Z'],
    ['the spec form without seconds', '2024-03-08 01:55', '2024-03-08T01:55:00.000Z'],
    ['ISO with Z', '2024-03-08T01:55:57Z', '2024-03-08T01:55:57.000Z'],
    ['ISO with fractional seconds', '2024-03-08T01:55:57.123Z', '2024-03-08T01:55:57.000Z'],
    ['ISO with an offset, as UTC', '2024-03-08T01:55:57+02:00', '2024-03-07T23:55:57.000Z'],
    ['a date alone', '2024-03-08', '2024-03-08T00:00:00.000Z'],
    ['a leap day', '2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['US with a 12-hour clock', '8/25/2022 11:17:07 AM', '2022-08-25T11:17:07.000Z'],
    ['US afternoon', '8/25/2022 1:17:07 PM', '2022-08-25T13:17:07.000Z'],
    ['US with a 24-hour clock', '8/25/2022 13:17:07', '2022-08-25T13:17:07.000Z'],
    ['a US date alone', '3/5/2024', '2024-03-05T00:00:00.000Z'],
    ["the template's missing space", '2020-04-0416:50:58', '2020-04-04T16:50:58.000Z'],
    ['surrounding blanks', '  2024-03-08 01:55:57 ', '2024-03-08T01:55:57.000Z'],
  ])('reads %s: %j', (_label, text, iso) => {
    expect(parseTimestamp(text)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['a day February lacks', '2023-02-30 10:00:00'],
    ['a leap day in a common year', '2023-02-29'],
    ['hour 24', '2024-03-08 24:00:00'],
    ['minute 60', '2024-03-08 10:60:00'],
    ['second 60', '2024-03-08 10:00:60'],
    ['month 13', '2024-13-01 10:00:00'],
    ['month 0', '2024-00-10'],
    ['a word', 'soon'],
    ['a time alone', '10:00'],
    ['a US date that does not exist', '2/30/2023'],
  ])('refuses %s: %j', (_label, text) => {
    expect(parseTimestamp(text)).toEqual({ ok: false, error: `"${text}" is not a date and time` });
  });

  it.each([[undefined], [null], [''], ['   ']])('reads %j as absent', (value) => {
    expect(parseTimestamp(value)).toBeNull();
  });
});

describe('parseDays', () => {
  it.each<[string, unknown, number[]]>([
    ['a number', 0, [0]],
    ['Saturday as a number', 6, [6]],
    ['numeric text', '3', [3]],
    ['a weekday name', 'Monday', [1]],
    ['a name in any case, with blanks', '  tUESDAY ', [2]],
    ['an abbreviation', 'Wed', [3]],
    ['a comma list of names', 'Monday, Wednesday, Friday', [1, 3, 5]],
    ['a comma list with an empty item', 'Mon,,Thu,', [1, 4]],
    ['an array of numbers', [1, 3], [1, 3]],
    ['an array of numbers and numeric text', ['1', 3], [1, 3]],
    ['an array of names', ['Sunday', 'sat'], [0, 6]],
    ['repeats and order as given', [5, 1, 5], [5, 1, 5]],
  ])('reads %s', (_label, value, days) => {
    expect(parseDays(value)).toEqual({ ok: true, value: days });
  });

  it.each<[string, unknown, string]>([
    ['7', 7, 'day 7 is not 0 (Sunday) to 6 (Saturday)'],
    ['numeric text out of range', '12', 'day 12 is not 0 (Sunday) to 6 (Saturday)'],
    ['a negative number', -1, 'day "-1" is not a weekday'],
    ['a fraction', 1.5, 'day "1.5" is not a weekday'],
    ['an unknown name', 'Funday', 'day "Funday" is not a weekday'],
    ['one bad item in a list', 'Monday, Moonday', 'day "Moonday" is not a weekday'],
    ['one bad item in an array', [1, 'x'], 'day "x" is not a weekday'],
  ])('refuses %s', (_label, value, error) => {
    expect(parseDays(value)).toEqual({ ok: false, error });
  });

  it.each<[unknown]>([[undefined], [null], [''], [[]], [' , ']])('reads %j as absent', (value) => {
    expect(parseDays(value)).toBeNull();
  });
});

describe('parseYesNo', () => {
  it.each<[unknown, boolean | null]>([
    [true, true],
    [false, false],
    ['yes', true],
    ['YES', true],
    [' Yes ', true],
    ['y', true],
    ['true', true],
    ['1', true],
    [1, true],
    ['no', false],
    ['No', false],
    ['n', false],
    ['false', false],
    ['0', false],
    [0, false],
    ['maybe', null],
    ['2', null],
    ['', null],
    [null, null],
    [undefined, null],
    [{}, null],
  ])('reads %j as %j', (value, expected) => {
    expect(parseYesNo(value)).toBe(expected);
  });
});

describe('parseList', () => {
  it.each<[string, unknown, string | RegExp, string[]]>([
    ['an array', ['a', 'b'], ',', ['a', 'b']],
    ['an array, trimmed, without blanks and nulls', [' a ', '', null, '  ', 'b'], ',', ['a', 'b']],
    ['an array of numbers as text', [1, 2.5], ',', ['1', '2.5']],
    ['an array: its items are not split', ['a, b'], ',', ['a, b']],
    ['text split on commas', 'en, es,fr', ',', ['en', 'es', 'fr']],
    ['text with empty items', ',a,, b ,', ',', ['a', 'b']],
    [
      'regions split on ">"',
      'Illinois > Chicago > Wicker Park',
      '>',
      ['Illinois', 'Chicago', 'Wicker Park'],
    ],
    ['text split on a pattern', 'a; b|c', /[;|]/, ['a', 'b', 'c']],
    ['a single item', ' solo ', ',', ['solo']],
    ['a number', 42, ',', ['42']],
    ['blank text', '   ', ',', []],
    ['null', null, ',', []],
    ['undefined', undefined, ',', []],
    ['an object', { a: 1 }, ',', []],
  ])('reads %s', (_label, value, separator, expected) => {
    expect(parseList(value, separator)).toEqual(expected);
  });
});
