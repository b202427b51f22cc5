import { parse } from 'csv-parse/sync';
import { AppError } from '../../domain/errors.ts';
import { typeCodeFromText } from '../../domain/vocabulary/type-vocabulary.ts';
import {
  type FeedReadOptions,
  type FeedReadResult,
  readMeetingGuideFeed,
} from '../meeting-guide/meeting-guide.reader.ts';

/** "Conference URL" → "conference_url": the 12 Step Meeting List's own rule for headers. */
export function headerKey(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Column names the template spells differently from the feed's keys. */
const keyAliases: Readonly<Record<string, string>> = {
  id: 'slug', // the Google Sheet template calls the slug "ID"
  weeks_of_month: 'weeks_of_month',
};

const recognisedKeys = ['name', 'day', 'time', 'slug'];

function rowToRecord(row: Record<string, string>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [header, value] of Object.entries(row)) {
    const key = keyAliases[headerKey(header)] ?? headerKey(header);
    if (key in record && record[key] !== '') continue; // "Slug" beats "ID"
    record[key] = value;
  }
  if (typeof record.types === 'string') {
    record.types = record.types
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t.length > 0)
      .map(typeCodeFromText);
  }
  if (typeof record.weeks_of_month === 'string') {
    const weeks = record.weeks_of_month
      .split(',')
      .map((w) => w.trim())
      .filter(Boolean);
    record.weeks_of_month = weeks.length > 0 ? weeks : undefined;
  }
  return record;
}

/**
 * The 12 Step Meeting List's CSV template (and the Meeting Guide "table format"): a header row
 * of plain-language names in any order, one meeting per row, types and days by name.
 */
export function readTsmlCsv(text: string, options: FeedReadOptions): FeedReadResult {
  let rows: Record<string, string>[];
  try {
    rows = parse<Record<string, string>>(text, {
      columns: true,
      skip_empty_lines: true,
      bom: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    throw new AppError('invalid_input', `not a readable CSV table: ${e.message ?? String(error)}`, {
      ...(e.lines !== undefined ? { position: `line ${e.lines}` } : {}),
    });
  }
  const headers = rows[0] ? Object.keys(rows[0]).map(headerKey) : [];
  const missing = recognisedKeys.filter((k) => k !== 'slug' && !headers.includes(k));
  if (rows.length > 0 && missing.length > 0) {
    throw new AppError(
      'invalid_input',
      `the CSV header has no ${missing.map((m) => `"${m}"`).join(' or ')} column: use the 12 Step Meeting List template (Time, Day, Name, ...)`,
      { position: 'line 1' },
    );
  }
  return readMeetingGuideFeed(rows.map(rowToRecord), options);
}

/** Whether text starts with a header row naming at least the columns a meeting table needs. */
export function looksLikeTsmlCsv(text: string): boolean {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.length > 4000 || !firstLine.includes(',')) return false;
  const keys = new Set(firstLine.split(',').map((h) => headerKey(h.replace(/"/g, ''))));
  return keys.has('name') && (keys.has('day') || keys.has('time'));
}
