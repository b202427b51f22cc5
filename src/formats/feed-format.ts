import { AppError } from '../domain/errors.ts';
import { looksLikeTsmlCsv } from './tsml-csv/tsml-csv.reader.ts';

export const feedFormats = ['meeting-guide', 'csv'] as const;
export type FeedFormat = (typeof feedFormats)[number];

/** Which reader a text needs: JSON starts with "[" or "{"; a CSV table with a header row. */
export function detectFeedFormat(
  text: string,
  location: string,
  contentType: string | null,
): FeedFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (start === '[' || start === '{') return 'meeting-guide';
  if (contentType?.includes('json')) return 'meeting-guide';
  if (looksLikeTsmlCsv(text)) return 'csv';
  const preview = JSON.stringify(text.trimStart().slice(0, 20));
  throw new AppError(
    'invalid_input',
    `${location} is neither a Meeting Guide feed (JSON) nor a 12 Step Meeting List CSV table: it starts ${preview}`,
    { position: 'line 1, column 1' },
  );
}

function lineAndColumn(text: string, index: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${index - lineStart + 1}`;
}

/** JSON.parse with an error that names the line and column, as a person looks for it. */
export function parseJsonText(text: string, location: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const position = at ? lineAndColumn(text, Number(at[1])) : undefined;
    const reason = message
      .replace(/\s*in JSON at position \d+.*$/, '')
      .replace(/ at position \d+.*$/, '');
    throw new AppError(
      'invalid_input',
      `${location} is not valid JSON${position ? ` at ${position}` : ''}: ${reason}`,
      position ? { position } : {},
    );
  }
}
