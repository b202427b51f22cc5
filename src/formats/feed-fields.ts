import { DateTime } from 'luxon';
import { parseLocalTime, type LocalTime } from '../domain/schedule/local-time.ts';
import {
  type MonthWeek,
  type Weekday,
  isMonthWeek,
  weekdayNames,
} from '../domain/schedule/schedule.ts';

/** Trimmed text, or null for absent, null and blank values. Numbers become text ("slug": 6). */
export function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const dayByName = new Map<string, Weekday>(
  weekdayNames.flatMap((name, i) => [
    [name.toLowerCase(), i as Weekday],
    [name.slice(0, 3).toLowerCase(), i as Weekday],
  ]),
);

function parseDay(value: string | number): Parsed<Weekday> {
  const t = String(value).trim();
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    if (n >= 0 && n <= 6) return { ok: true, value: n as Weekday };
    return { ok: false, error: `day ${t} is not 0 (Sunday) to 6 (Saturday)` };
  }
  const byName = dayByName.get(t.toLowerCase());
  return byName === undefined
    ? { ok: false, error: `day "${t}" is not a weekday` }
    : { ok: true, value: byName };
}

/** `day` as a number, numeric text, a weekday name, an array of those, or a comma list. */
export function parseDays(value: unknown): Parsed<Weekday[]> | null {
  if (value === null || value === undefined || value === '') return null;
  const items: (string | number)[] = Array.isArray(value)
    ? (value as (string | number)[])
    : typeof value === 'string'
      ? value.split(',').filter((s) => s.trim().length > 0)
      : typeof value === 'number'
        ? [value]
        : [];
  if (items.length === 0) return null;
  const days: Weekday[] = [];
  for (const item of items) {
    const day = parseDay(item);
    if (!day.ok) return day;
    days.push(day.value);
  }
  return { ok: true, value: days };
}

export function parseTime(value: unknown, field: string): Parsed<LocalTime> | null {
  const t = textOf(value);
  if (t === null) return null;
  const time = parseLocalTime(t);
  return time ? { ok: true, value: time } : { ok: false, error: `${field} "${t}" is not a time` };
}

export function parseMonthWeeks(value: unknown): Parsed<MonthWeek[]> | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const weeks: MonthWeek[] = [];
  for (const item of value) {
    const n = Number(item);
    if (!isMonthWeek(n))
      return { ok: false, error: `week of month ${String(item)} is not 1–5 or -1 (last)` };
    weeks.push(n);
  }
  return { ok: true, value: weeks };
}

export function parseNumber(value: unknown): number | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  const n =
    typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  return Number.isFinite(n) ? n : undefined; // undefined: present but not a number
}

export function parseYesNo(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const t = textOf(value)?.toLowerCase();
  if (t === undefined || t === null) return null;
  if (['yes', 'true', '1', 'y'].includes(t)) return true;
  if (['no', 'false', '0', 'n'].includes(t)) return false;
  return null;
}

/** A list given as an array or as text separated by `separator`. */
export function parseList(value: unknown, separator: string | RegExp): string[] {
  if (Array.isArray(value))
    return value.map((v) => textOf(v)).filter((v): v is string => v !== null);
  const t = textOf(value);
  return t === null
    ? []
    : t
        .split(separator)
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
}

const timestampFormats = [
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd HH:mm',
  'yyyy-MM-ddHH:mm:ss', // the 12 Step Meeting List template's own typo
  'M/d/yyyy h:mm:ss a',
  'M/d/yyyy H:mm:ss',
  'M/d/yyyy',
  'yyyy-MM-dd',
];

/** `updated` as UTC, in the spec's form or the others feeds use; ISO-8601 out. */
export function parseTimestamp(value: unknown): Parsed<string> | null {
  const t = textOf(value);
  if (t === null) return null;
  // The spec's own form, by far the commonest, without Luxon's slower format parser.
  const spec = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?Z?)?$/.exec(t);
  if (spec) {
    const [y, mo, d, h, mi, s] = spec.slice(1).map((part) => Number(part ?? 0));
    const date = new Date(Date.UTC(2000, mo! - 1, d, h, mi, s));
    date.setUTCFullYear(y!); // Date.UTC reads years 0-99 as 1900-1999
    const fields = [
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      date.getUTCHours(),
      date.getUTCMinutes(),
    ];
    // Date rolls impossible values over (month 13, 30 February): refuse them instead.
    if (fields.every((value, i) => value === [y, mo, d, h, mi][i]) && y! >= 1900) {
      return { ok: true, value: date.toISOString() };
    }
    return { ok: false, error: `"${t}" is not a date and time` };
  }
  const iso = DateTime.fromISO(t, { zone: 'utc' });
  if (iso.isValid && /\d{4}-\d{2}-\d{2}T/.test(t))
    return { ok: true, value: new Date(iso.toMillis()).toISOString() };
  for (const format of timestampFormats) {
    const dt = DateTime.fromFormat(t, format, { zone: 'utc', locale: 'en-US' });
    if (dt.isValid) return { ok: true, value: new Date(dt.toMillis()).toISOString() };
  }
  return { ok: false, error: `"${t}" is not a date and time` };
}

/** A calendar date (`last_contact`), as ISO "YYYY-MM-DD". */
export function parseDate(value: unknown): Parsed<string> | null {
  const stamp = parseTimestamp(value);
  if (stamp === null || !stamp.ok) return stamp;
  return { ok: true, value: stamp.value.slice(0, 10) };
}
