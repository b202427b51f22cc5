import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedFeedPath } from '../test-support/shared-data.ts';
import { jsonArray, lineAndColumn, parseJson } from './json-array.ts';

const elements = (text: string) => {
  const array = jsonArray(text, 'feed.json');
  if (!array) throw new Error('not an array');
  return Array.from({ length: array.length }, (_, i) => array.item(i));
};

describe('jsonArray', () => {
  it('reads every element exactly as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.constantFrom(0, 1, 2, '\t'), (values, indent) => {
        const text = JSON.stringify(values, null, indent);
        expect(elements(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('accepts exactly the texts JSON.parse accepts', () => {
    const piece = fc.constantFrom(
      '[',
      ']',
      '{',
      '}',
      ',',
      ':',
      '"',
      '\\',
      ' ',
      '\n',
      '1',
      '-',
      'e',
      'true',
      'null',
      '"a"',
      '{"k":',
      '[1,2]',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 20 }).map((p) => `[${p.join('')}`),
        (text) => {
          let expected: unknown;
          try {
            expected = JSON.parse(text);
          } catch {
            expected = 'invalid';
          }
          let actual: unknown;
          try {
            actual = elements(text);
          } catch {
            actual = 'invalid';
          }
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('is not fooled by brackets, commas and escaped quotes inside strings', () => {
    const values = [{ a: 'x]"},{', b: [1, { c: ']' }] }, 's\\', '[', 2, null, true];
    const text = JSON.stringify(values);
    expect(text).toContain('\\"},{');
    expect(elements(text)).toEqual(values);
  });

  it('answers null for anything but an array, and reads an empty one', () => {
    expect(jsonArray('{"not": "an array"}', 'x')).toBeNull();
    expect(jsonArray('  "text"', 'x')).toBeNull();
    expect(jsonArray('\uFEFF [ ] \n', 'x')?.length).toBe(0);
  });

  it.each([
    ['[1, 2', 'feed.json is not valid JSON at line 1, column 6: the array is not closed with "]"'],
    ['[1 2]', 'feed.json is not valid JSON at line 1, column 4: expected "," or "]" after an item'],
    [
      '[1]\n x',
      'feed.json is not valid JSON at line 2, column 2: unexpected text after the end of the array',
    ],
  ])('refuses %j, naming where', (text, message) => {
    expect(() => jsonArray(text, 'feed.json')).toThrow(message);
  });

  it('names the line and column of a bad element', () => {
    const array = jsonArray('[\n  {"a": 1},\n  {"b": tru}\n]', 'feed.json');
    expect(array?.item(0)).toEqual({ a: 1 });
    expect(() => array?.item(1)).toThrow(
      /^feed\.json is not valid JSON at line 3, column \d+: in item 2: Unexpected token '\}'$/,
    );
  });

  it('points at the text after the array in the shared invalid feed', () => {
    const text = readFileSync(sharedFeedPath('invalid'), 'utf8');
    expect(() => jsonArray(text, 'invalid.json')).toThrow(
      'invalid.json is not valid JSON at line 80, column 3: unexpected text after the end of the array',
    );
  });
});

describe('parseJson', () => {
  it('names the line and column of a syntax error', () => {
    expect(() => parseJson('{\n "a": 1,\n}', 'x.json')).toThrow(
      /^x\.json is not valid JSON at line 3, column 1: /,
    );
  });
});

describe('lineAndColumn', () => {
  it('counts from one', () => {
    expect(lineAndColumn('ab\ncd', 0)).toBe('line 1, column 1');
    expect(lineAndColumn('ab\ncd', 4)).toBe('line 2, column 2');
  });
});
