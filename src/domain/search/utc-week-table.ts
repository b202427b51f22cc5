import {
  POSITION_BITS,
  type SlugOrder,
  type ZoneTable,
  lowerBound,
  unpackStarts,
} from './time-window.ts';

const MINUTE = 60_000;
const WEEK_MINUTES = 7 * 1440;
const WEEK = WEEK_MINUTES * MINUTE;
/** 1970-01-04, a Sunday, 00:00 UTC: minute 0 of every UTC week. */
const SUNDAY = 3 * 1440 * MINUTE;

/**
 * Every weekly start of every zone in one table, by minute of the UTC week, for a span of time
 * in which no zone's clocks change. Between clock changes (most of the year) a search for what
 * starts soon, worldwide, is then one range of one table, instead of a range in each of a
 * hundred zones' tables; starts are exact instants.
 */
export interface UtcWeekTable {
  /** The span [validFrom, validTo) in which every zone keeps the offset the table used. */
  readonly validFrom: number;
  readonly validTo: number;
  /** Minute of the UTC week of each start, ascending; at one minute, in slug order. */
  readonly minutes: Int32Array;
  readonly positions: Int32Array;
  /** The longest meeting, for "in progress" look-backs. */
  readonly longestMinutes: number;
}

const mod = (n: number, m: number) => ((n % m) + m) % m;
const utcMinuteOfWeek = (instant: number) =>
  mod(Math.floor((instant - SUNDAY) / MINUTE), WEEK_MINUTES);

/**
 * The zone tables turned into one UTC table around an instant, using each zone's offset then;
 * valid as long as none of them changes. Null when a zone's offset is not whole minutes.
 */
export function buildUtcWeekTable(
  zones: readonly ZoneTable[],
  order: SlugOrder,
  around: number,
): UtcWeekTable | null {
  let validFrom = Number.NEGATIVE_INFINITY;
  let validTo = Number.POSITIVE_INFINITY;
  let longest = 0;
  let count = 0;
  const offsets: number[] = [];
  for (const zone of zones) {
    const span = zone.clock.steadySpan(around);
    if (!Number.isInteger(span.offsetMinutes)) return null;
    validFrom = Math.max(validFrom, span.from);
    validTo = Math.min(validTo, span.to);
    longest = Math.max(longest, zone.longestMinutes);
    offsets.push(span.offsetMinutes);
    count += zone.minutes.length;
  }
  const packed = new Float64Array(count);
  let k = 0;
  zones.forEach((zone, z) => {
    const offset = offsets[z] ?? 0;
    for (let i = 0; i < zone.minutes.length; i++) {
      const utc = mod((zone.minutes[i] ?? 0) - offset, WEEK_MINUTES);
      packed[k++] = utc * POSITION_BITS + (order.rankOf[zone.positions[i] ?? 0] ?? 0);
    }
  });
  return { validFrom, validTo, ...unpackStarts(packed, order), longestMinutes: longest };
}

/** Whether the table holds every start in [from, to) exactly: the span is inside its validity. */
export function utcTableCovers(table: UtcWeekTable, from: number, to: number): boolean {
  return from >= table.validFrom && to < table.validTo && to - from < WEEK;
}

/** Index ranges [lo, hi) of the table whose starts fall in [from, to], and the instant of row lo. */
function spansOf(
  table: UtcWeekTable,
  from: number,
  to: number,
): { spans: [number, number][]; anchor: number; start: number } {
  const first = Math.ceil(from / MINUTE) * MINUTE;
  if (first > to) return { spans: [], anchor: first, start: 0 };
  const start = utcMinuteOfWeek(first);
  const end = utcMinuteOfWeek(to);
  const { minutes } = table;
  const span = (low: number, high: number): [number, number] => [
    lowerBound(minutes, low),
    lowerBound(minutes, high + 1),
  ];
  return {
    spans: start <= end ? [span(start, end)] : [span(start, WEEK_MINUTES), span(0, end)],
    anchor: first,
    start,
  };
}

/**
 * Starts between two instants through the UTC table (which must cover them): each row's
 * position and exact start, in time order (at the same minute, in slug order); `take`
 * answering false stops the scan, every later row starting later or after it by slug.
 */
export function startingBetweenUtc(
  table: UtcWeekTable,
  from: number,
  to: number,
  take: (position: number, start: number, errorMs: number) => boolean | void,
): void {
  const { spans, anchor, start } = spansOf(table, from, to);
  const { minutes, positions } = table;
  for (const [lo, hi] of spans) {
    for (let i = lo; i < hi; i++) {
      const m = minutes[i] ?? 0;
      const instant = anchor + (m >= start ? m - start : m - start + WEEK_MINUTES) * MINUTE;
      if (take(positions[i] ?? 0, instant, 0) === false) return;
    }
  }
}

/** How many rows startingBetweenUtc would give. */
export function countStartingBetweenUtc(table: UtcWeekTable, from: number, to: number): number {
  return spansOf(table, from, to).spans.reduce((n, [lo, hi]) => n + hi - lo, 0);
}
