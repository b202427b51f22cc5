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
