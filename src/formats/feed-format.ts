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
