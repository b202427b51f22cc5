import { AppError } from '../domain/errors.ts';

// Character codes the scanner looks for.
const Char = {
  Tab: 9,
  NewLine: 10,
  Return: 13,
  Space: 32,
  Quote: 34,
  Comma: 44,
  Backslash: 92,
  OpenBracket: 91,
  CloseBracket: 93,
  OpenBrace: 123,
  CloseBrace: 125,
  Bom: 0xfeff,
} as const;

function isWhitespace(c: number): boolean {
  return c === Char.Space || c === Char.NewLine || c === Char.Return || c === Char.Tab;
}

/** "line 80, column 3" for an offset into the text, as a person looks for it. */
export function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** V8's message without its position and without the echo of the text it could not read. */
function reasonOf(error: unknown): string {
  return (error as Error).message
    .replace(/\s*(in JSON )?at position \d+.*$/s, '')
    .replace(/, ".*" is not valid JSON$/s, '');
}

function syntaxError(text: string, location: string, offset: number, reason: string): AppError {
  const position = lineAndColumn(text, offset);
  return new AppError('invalid_input', `${location} is not valid JSON at ${position}: ${reason}`, {
    position,
  });
}

/** Where a JSON value starting at `start` ends (exclusive), without building it. */
function valueEnd(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === Char.Quote) return stringEnd(text, start);
  if (first !== Char.OpenBrace && first !== Char.OpenBracket) {
    let i = start;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === Char.Comma || c === Char.CloseBracket || isWhitespace(c)) break;
      i++;
    }
    return i;
  }
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === Char.Quote) i = stringEnd(text, i) - 1;
    else if (c === Char.OpenBrace || c === Char.OpenBracket) depth++;
    else if (c === Char.CloseBrace || c === Char.CloseBracket) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === Char.Backslash) i++;
    else if (c === Char.Quote) return i + 1;
  }
  return text.length;
}

export interface JsonArray {
  /** How many elements the array has. */
  readonly length: number;
  /** Parses element `index` afresh: nothing is kept, so ask for each once. */
  item(index: number): unknown;
}

/**
 * A JSON text whose top level is an array, read one element at a time: one scan finds where
 * each element is, then each is parsed only when asked for. A large feed never exists as one
 * tree of objects, which keeps an import's memory in proportion to what it keeps, not to the
 * feed. Errors name the line and column. Answers null when the top level is not an array.
 */
export function jsonArray(text: string, location: string): JsonArray | null {
  let i = 0;
  const skip = () => {
    while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
  };
  if (text.charCodeAt(0) === Char.Bom) i++;
  skip();
  if (text.charCodeAt(i) !== Char.OpenBracket) return null;
  i++;
  const starts: number[] = [];
  const ends: number[] = [];
  skip();
  if (text.charCodeAt(i) === Char.CloseBracket) i++;
  else {
    for (;;) {
      skip();
      if (i >= text.length)
        throw syntaxError(text, location, i, 'the array is not closed with "]"');
      const end = valueEnd(text, i);
      starts.push(i);
      ends.push(end);
      i = end;
      skip();
      const c = text.charCodeAt(i);
      if (c === Char.Comma) {
        i++;
        continue;
      }
      if (c === Char.CloseBracket) {
        i++;
        break;
      }
      throw syntaxError(
        text,
        location,
        i,
        i >= text.length ? 'the array is not closed with "]"' : 'expected "," or "]" after an item',
      );
    }
  }
  skip();
  if (i < text.length)
    throw syntaxError(text, location, i, 'unexpected text after the end of the array');
  return {
    length: starts.length,
    item(index: number): unknown {
      const start = starts[index] ?? 0;
      const source = text.slice(start, ends[index]);
      try {
        return JSON.parse(source) as unknown;
      } catch (error) {
        const at = /position (\d+)/.exec((error as Error).message);
        const offset = start + (at ? Number(at[1]) : 0);
        throw syntaxError(text, location, offset, `in item ${index + 1}: ${reasonOf(error)}`);
      }
    },
  };
}

/** Any JSON text, parsed whole, with errors that name the line and column. */
export function parseJson(text: string, location: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === Char.Bom ? text.slice(1) : text) as unknown;
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    if (!at)
      throw new AppError('invalid_input', `${location} is not valid JSON: ${reasonOf(error)}`);
    throw syntaxError(text, location, Number(at[1]), reasonOf(error));
  }
}
