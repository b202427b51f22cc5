import type { ZoneClock } from '../schedule/zone-clock.ts';
import type { Entry } from './indexed-entry.ts';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const WEEK_MINUTES = 7 * 1440;
/** Local times can be this far from naive wall-clock arithmetic across a clock change. */
export const CLOCK_CHANGE_SLACK_MINUTES = 120;

/** Every weekly start of every meeting in one zone, by minute of the local week. */
export interface ZoneTable {
  readonly clock: ZoneClock;
  /** Minute of the local week (Sunday 00:00 = 0) of each weekly start, ascending. */
  readonly minutes: Int32Array;
  readonly positions: Int32Array;
  /** The longest meeting of the zone, for "in progress" look-backs. */
  readonly longestMinutes: number;
  /** [west, south, east, north] around the zone's meetings with coordinates; null for none. */
  readonly box: readonly [number, number, number, number] | null;
}

/** Positions fit in 22 bits: a start packs into one number, minute above slug rank. */
export const POSITION_BITS = 2 ** 22;

/**
 * Where each position comes in slug order (`rankOf`), and which position has each rank
 * (`positionOf`). Tables sort their starts on (minute, rank), so rows starting the same minute
 * come in slug order, the order results that start together take: a scan can then stop at the
 * first row that loses to a full page's last.
 */
export interface SlugOrder {
  readonly rankOf: Int32Array;
  readonly positionOf: Int32Array;
}

export function slugOrder(entries: readonly Entry<unknown>[]): SlugOrder {
  const slugs = entries.map((e) => e.slug);
  const positionOf = Int32Array.from(slugs, (_, i) => i).sort((a, b) => {
    const x = slugs[a] ?? '';
    const y = slugs[b] ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const rankOf = new Int32Array(entries.length);
  positionOf.forEach((position, rank) => {
    rankOf[position] = rank;
  });
  return { rankOf, positionOf };
}

/** Packed (minute, rank) starts, sorted, as minutes and positions. */
export function unpackStarts(
  packed: Float64Array,
  order: SlugOrder,
): { minutes: Int32Array; positions: Int32Array } {
  packed.sort();
  return {
    minutes: Int32Array.from(packed, (v) => Math.floor(v / POSITION_BITS)),
    positions: Int32Array.from(packed, (v) => order.positionOf[v % POSITION_BITS] ?? 0),
  };
}

/**
 * The zone tables of the entries; coordinates by position (NaN without) give each zone's box.
 * Rows starting the same minute come in slug order.
 */
export function buildZoneTables(
  entries: readonly Entry<unknown>[],
  coordinates: { readonly latitudes: Float64Array; readonly longitudes: Float64Array },
  order: SlugOrder,
): ZoneTable[] {
  const zones = new Map<
    ZoneClock,
    { starts: number[]; longest: number; box: [number, number, number, number] | null }
  >();
  if (entries.length > POSITION_BITS) throw new RangeError('too many meetings for one index');
  entries.forEach((e, position) => {
    if (e.removed || e.startMinute < 0) return;
    let zone = zones.get(e.clock);
    if (!zone) {
      zone = { starts: [], longest: 0, box: null };
      zones.set(e.clock, zone);
    }
    const rank = order.rankOf[position] ?? 0;
    for (let d = 0; d < 7; d++) {
      if (e.weekdayMask & (1 << d))
        zone.starts.push((d * 1440 + e.startMinute) * POSITION_BITS + rank);
    }
    zone.longest = Math.max(zone.longest, e.durationMinutes);
    const latitude = coordinates.latitudes[position] ?? Number.NaN;
    const longitude = coordinates.longitudes[position] ?? Number.NaN;
    if (!Number.isNaN(latitude)) {
      const box = (zone.box ??= [longitude, latitude, longitude, latitude]);
      box[0] = Math.min(box[0], longitude);
      box[1] = Math.min(box[1], latitude);
      box[2] = Math.max(box[2], longitude);
      box[3] = Math.max(box[3], latitude);
    }
  });
  return [...zones].map(([clock, zone]) => ({
    clock,
    ...unpackStarts(Float64Array.from(zone.starts), order),
    longestMinutes: zone.longest,
    box: zone.box,
  }));
}

/** Whether a zone's meetings can lie in any of these [west, south, east, north] boxes. */
export function tableMeets(
  table: ZoneTable,
  boxes: readonly (readonly [number, number, number, number])[],
): boolean {
  const box = table.box;
  if (!box) return false;
  return boxes.some(([w, s, e, n]) => box[0] <= e && box[2] >= w && box[1] <= n && box[3] >= s);
}

/** A zone's local minutes of the week for a span of instants. */
export interface LocalRange {
  /** Minutes of the local week (Sunday 00:00 = 0); start > end wraps past Saturday night. */
  readonly start: number;
  readonly end: number;
  /**
   * The instant of local minute `start`, within `errorMs`; later minutes follow a minute each.
   * Where the clocks do not change nearby it is exact (`errorMs` 0): zones' offsets are whole
   * minutes, so local minutes begin on whole UTC minutes.
   */
  readonly anchor: number;
  readonly errorMs: number;
}

/**
 * The local minutes of the week, in one zone, that starts between two instants can fall on,
 * widened by the clock-change slack where the clocks change. `null` when the span is a week or
 * more: any start can.
 */
export function localRange(clock: ZoneClock, from: number, to: number): LocalRange | null {
  // Slack only where the clocks change near the window; elsewhere local time is exact.
  const steady = clock.offsetMinutes(from - DAY) === clock.offsetMinutes(to + DAY);
  const slack = (steady ? 1 : CLOCK_CHANGE_SLACK_MINUTES) * MINUTE;
  const lo = from - slack;
  const hi = to + slack;
  if (hi - lo >= 7 * DAY) return null;
  const a = clock.local(lo);
  const b = clock.local(hi);
  return {
    start: a.weekday * 1440 + a.minuteOfDay,
    end: b.weekday * 1440 + b.minuteOfDay,
    anchor: steady ? lo - (((lo % MINUTE) + MINUTE) % MINUTE) : lo,
    errorMs: steady ? 0 : slack,
  };
}

function inRange(minute: number, range: { start: number; end: number }): boolean {
  return range.start <= range.end
    ? minute >= range.start && minute <= range.end
    : minute >= range.start || minute <= range.end;
}

/**
 * A cheap first check for "does this meeting start between two instants": whether any of its
 * weekly start minutes lies in its zone's local range. Ranges are worked out once per zone.
 */
export class StartWindow {
  readonly #ranges = new Map<ZoneClock, { start: number; end: number } | null>();
  readonly #from: number;
  readonly #to: number;

  constructor(from: number, to: number) {
    this.#from = from;
    this.#to = to;
  }

  mayStart(entry: Entry<unknown>): boolean {
    if (entry.startMinute < 0) return false;
    let range = this.#ranges.get(entry.clock);
    if (range === undefined) {
      range = localRange(entry.clock, this.#from, this.#to);
      this.#ranges.set(entry.clock, range);
    }
    if (range === null) return true;
    for (let d = 0; d < 7; d++) {
      if (entry.weekdayMask & (1 << d) && inRange(d * 1440 + entry.startMinute, range)) return true;
    }
    return false;
  }
}

export function lowerBound(values: Int32Array, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] ?? 0) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A span of instants, its start widened per zone by the zone's longest meeting with `lookBack` (for "in progress"). */
export interface InstantWindow {
  readonly from: number;
  readonly to: number;
  readonly lookBack: boolean;
  /** Only these zones' tables (those near a point, say); all when absent. */
  readonly zones?: readonly ZoneTable[];
}

/** Where a zone table's rows in a window are: index ranges [lo, hi) and the local range. */
function tableRanges(
  table: ZoneTable,
  window: InstantWindow,
): { spans: [number, number][]; range: LocalRange | null } {
  const extra = window.lookBack ? table.longestMinutes * MINUTE : 0;
  const range = localRange(table.clock, window.from - extra, window.to);
  const { minutes } = table;
  if (range === null) return { spans: [[0, minutes.length]], range };
  const span = (low: number, high: number): [number, number] => [
    lowerBound(minutes, low),
    lowerBound(minutes, high + 1),
  ];
  return {
    spans:
      range.start <= range.end
        ? [span(range.start, range.end)]
        : [span(range.start, WEEK_MINUTES), span(0, range.end)],
    range,
  };
}

/**
 * Meetings with a weekly start between two instants in local time (with slack), through the
 * zone tables: each row's position, and when that start is (within `errorMs`, 0 when exact;
 * NaN when not known), so a caller can pass over rows without reading the meeting. Within a
 * zone rows come in time order (at the same time, in slug order), and `take` answering false
 * passes over the rest of the zone. A meeting that meets on several days of the window
 * comes once a day.
 */
export function startingBetween(
  tables: readonly ZoneTable[],
  window: InstantWindow,
  take: (position: number, approxStart: number, errorMs: number) => boolean | void,
): void {
  for (const table of window.zones ?? tables) {
    const { spans, range } = tableRanges(table, window);
    const anchor = range?.anchor ?? Number.NaN;
    const start = range?.start ?? 0;
    const errorMs = range?.errorMs ?? Number.NaN;
    const { minutes, positions } = table;
    zone: for (const [lo, hi] of spans) {
      for (let i = lo; i < hi; i++) {
        const m = minutes[i] ?? 0;
        const approx = anchor + (m >= start ? m - start : m - start + WEEK_MINUTES) * MINUTE;
        if (take(positions[i] ?? 0, approx, errorMs) === false) break zone;
      }
    }
  }
}

/** How many positions startingBetween would give: what a scan of the window costs. */
export function countStartingBetween(tables: readonly ZoneTable[], window: InstantWindow): number {
  let count = 0;
  for (const table of window.zones ?? tables) {
    for (const [lo, hi] of tableRanges(table, window).spans) count += hi - lo;
  }
  return count;
}
