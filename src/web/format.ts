import type { Locale } from '../domain/vocabulary/locales.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  locale: Locale,
  zone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

/** "7:30 PM" or "19:30", as the locale writes times, in a zone. */
export function formatTime(instant: number, zone: string, locale: Locale): string {
  return formatter(locale, zone, { hour: 'numeric', minute: '2-digit' }).format(instant);
}

/** A meeting's own wall-clock time ("19:30", as stored) as the locale writes it: "7:30 PM". */
export function formatClock(hhmm: string, locale: Locale): string {
  const [h, m] = hhmm.split(':').map(Number);
  if (h === undefined || m === undefined || Number.isNaN(h) || Number.isNaN(m)) return hhmm;
  return formatter(locale, 'UTC', { hour: 'numeric', minute: '2-digit' }).format(
    Date.UTC(1970, 0, 1, h, m),
  );
}

/** A calendar day (an ISO date or timestamp's date) as the locale writes it: "December 1, 2026". */
export function formatDay(iso: string, locale: Locale): string {
  const instant = Date.parse(`${iso.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(instant)) return iso.slice(0, 10);
  return formatter(locale, 'UTC', { day: 'numeric', month: 'long', year: 'numeric' }).format(
    instant,
  );
}

/** "Wednesday 25 November", in the locale's words. */
export function formatDate(instant: number, zone: string, locale: Locale): string {
  return formatter(locale, zone, { weekday: 'long', day: 'numeric', month: 'long' }).format(
    instant,
  );
}

export function formatDateTime(instant: number, zone: string, locale: Locale): string {
  return formatter(locale, zone, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
  }).format(instant);
}

/** The local calendar date of an instant in a zone, as YYYY-MM-DD (for grouping by day). */
export function dayKey(instant: number, zone: string): string {
  const parts = formatter('en', zone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The zone's name as people read it: "America/Los_Angeles" → "Los Angeles". */
export function zoneLabel(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}
