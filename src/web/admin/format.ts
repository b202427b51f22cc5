/** How the volunteer area says values: days, times, dates, a field's value in a change. */

export const weekdays = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** "23 Nov 2026, 12:00" in the volunteer's own zone; the text itself if it is no date. */
export function when(iso: string | null | undefined): string {
  if (!iso) return 'unknown';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateTime.format(t);
}

export function day(iso: string | null | undefined): string {
  if (!iso) return 'unknown';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateOnly.format(t);
}

/** The days of a meeting's `day` field, as names. */
export function dayNames(value: unknown): string {
  const days = (Array.isArray(value) ? value : [value]).map(Number).filter((d) => d >= 0 && d <= 6);
  return days.map((d) => weekdays[d]).join(', ');
}

/** Nothing, in words: what an empty value shows in a change. */
export const NOTHING = '(nothing)';

/** A field's value as people read it. */
export function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return NOTHING;
  if (Array.isArray(value) && value.length === 0) return NOTHING;
  if (field === 'day') return dayNames(value) || JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map((v) => valueText('', v)).join(', ');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** An API message in plain words: without the field name it starts with, as a sentence. */
export function sentence(message: string, field?: string | null): string {
  let text = message.trim();
  if (field && text.startsWith(`${field}: `)) text = text.slice(field.length + 2);
  text = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Letters without accents, in lower case: for matching what someone types. */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A meeting's name from its fields, or what to call it without one. */
export function nameIn(fields: Readonly<Record<string, unknown>>, otherwise: string): string {
  return typeof fields.name === 'string' && fields.name.trim() ? fields.name : otherwise;
}
