import { around } from 'geokdbush';
import KDBush from 'kdbush';
import { boundingBoxes, haversineKm, latitudeDegrees } from './geo.ts';
import { type Entry, TypeMatrix, entryOf, nameKeyOf, nextStartOf } from './indexed-entry.ts';
import { type Matcher, compileMatcher } from './query-matcher.ts';
import type { SearchCursor, SearchQuery, SearchResult } from './search-query.ts';
import type { SearchableMeeting } from './searchable-meeting.ts';
import {
  type InstantWindow,
  type SlugOrder,
  type ZoneTable,
  buildZoneTables,
  countStartingBetween,
  slugOrder,
  startingBetween,
  tableMeets,
} from './time-window.ts';
import { TopHits, compareKeys } from './top-hits.ts';
import {
  type UtcWeekTable,
  buildUtcWeekTable,
  countStartingBetweenUtc,
  startingBetweenUtc,
  utcTableCovers,
} from './utc-week-table.ts';
import { WordIndex } from './word-index.ts';

const MINUTE = 60_000;
/** Below this size a plain scan is as fast as any index, and simpler (the default). */
const SMALL_INDEX = 4000;
/** Windows a time-ordered scan widens through: soon first, then up to a week and a day. */
const SCAN_WINDOWS_MINUTES = [15, 60, 240, 1440, 3 * 1440, 8 * 1440];

export interface SearchIndexOptions {
  /** Below this many meetings every search scans them all. */
  readonly scanBelow?: number;
  /**
   * How a search picks where its candidates come from. `cost` (the default) estimates; `lists`
   * and `ordered` force one way, so tests can check both give the same answers.
   */
  readonly plan?: 'cost' | 'lists' | 'ordered';
}

type Box = readonly [west: number, south: number, east: number, north: number];

/** Grid cells (degrees a side) counting meetings, to estimate how many a box holds. */
const CELL_DEGREES = 0.25;
const cellOf = (lat: number, lng: number) =>
  Math.floor(lat / CELL_DEGREES) * 2048 + Math.floor(lng / CELL_DEGREES);

interface Spatial {
  readonly tree: KDBush;
  /** The position of each point of the tree. */
  readonly positions: Int32Array;
  /** Meetings per grid cell. */
  readonly grid: Map<number, number>;
}

/** The checks a candidate goes through, once the query is compiled against the index. */
interface Checks<T> {
  readonly matcher: Matcher<T>;
  readonly top: TopHits<T>;
  /** With a point: its coordinates, the radius (if any) and a quick latitude bound. */
  readonly near: { lat: number; lng: number; radiusKm?: number; maxDLat: number } | null;
  /** With text: the stamp the matching positions carry in the marks. */
  readonly textStamp: number | null;
  /** Whether the next start can wait for the page (no time filter, not sorted by it). */
  readonly deferNext: boolean;
}

/**
 * The in-memory search over a directory: filters by place, time in each meeting's own zone, and
 * what a meeting is; sorted by next start, distance or name; paginated by keyset cursors.
 *
 * Each search picks its candidates from the cheapest source: the meetings in a box around a
 * point (a k-d tree), those whose words match (a word index), those starting in a time window
 * in their own zones (per-zone tables of weekly start minutes), or the whole directory in
 * the order asked for, stopping once a page is certain. The other filters check each candidate.
 * Entries change in place (upsert, remove); the structures over them are rebuilt on the next
 * search after a change.
 */
export class SearchIndex<T> {
  #entries: Entry<T>[] = [];
  /** Position + 1 by meeting id (0: not in the index); ids are the store's small integers. */
  #positionById = new Int32Array(1024);
  #removed = 0;
  #types = new TypeMatrix();
  #typeOverflows = 0;
  #longestMinutes = 0;
  #words = new WordIndex();
  // Built on demand from the entries, dropped whenever they change.
  #spatial: Spatial | null = null;
  #zones: ZoneTable[] | null = null;
  #slugOrder: SlugOrder | null = null;
  /** The zones' starts in one UTC table, for the span of time it is good for (see #utcCovering). */
  #utc: UtcWeekTable | null | undefined = undefined;
  #nameOrder: Int32Array | null = null;
  #appointments: Int32Array | null = null;
  // Columns by position, so the first checks need not read an entry (attendance 0: removed).
  #latitudes = new Float64Array(1024);
  #longitudes = new Float64Array(1024);
  #attendance = new Uint8Array(1024);
  #durations = new Int32Array(1024);
  readonly #scanBelow: number;
  readonly #plan: NonNullable<SearchIndexOptions['plan']>;
  /** Per position, the query that last saw it (dedupe) and that last marked it (text). */
  #seen = new Int32Array(0);
  #marks = new Int32Array(0);
  #stamp = 0;

  constructor(meetings: Iterable<SearchableMeeting<T>> = [], options: SearchIndexOptions = {}) {
    this.#scanBelow = options.scanBelow ?? SMALL_INDEX;
    this.#plan = options.plan ?? 'cost';
    for (const m of meetings) this.upsert(m);
  }

  /** Meetings in the index. */
  get size(): number {
    return this.#entries.length - this.#removed;
  }

  #changed(): void {
    this.#spatial = null;
    this.#zones = null;
    this.#slugOrder = null;
    this.#utc = undefined;
    this.#nameOrder = null;
    this.#appointments = null;
  }

  /** Adds a meeting, or replaces the one with its id. */
  upsert(meeting: SearchableMeeting<T>): void {
    this.remove(meeting.id);
    const position = this.#entries.length;
    const fits = this.#types.set(position, meeting.types);
    const entry = entryOf(meeting, !fits);
    this.#entries.push(entry);
    this.#setColumns(position, entry, [
      meeting.latitude ?? Number.NaN,
      meeting.longitude ?? Number.NaN,
    ]);
    if (!fits) this.#typeOverflows++;
    this.#longestMinutes = Math.max(this.#longestMinutes, entry.durationMinutes);
    this.#setPositionOf(meeting.id, position);
    this.#words.add(meeting.text, position);
    this.#changed();
  }

  #growColumns(length: number): void {
    const grow = <A extends Float64Array | Uint8Array | Int32Array>(from: A, to: A): A => {
      to.set(from);
      return to;
    };
    this.#latitudes = grow(this.#latitudes, new Float64Array(length));
    this.#longitudes = grow(this.#longitudes, new Float64Array(length));
    this.#attendance = grow(this.#attendance, new Uint8Array(length));
    this.#durations = grow(this.#durations, new Int32Array(length));
  }

  #setColumns(position: number, entry: Entry<T>, [latitude, longitude]: [number, number]): void {
    if (position >= this.#latitudes.length) {
      this.#growColumns(Math.ceil(this.#latitudes.length * 1.5));
    }
    this.#latitudes[position] = latitude;
    this.#longitudes[position] = longitude;
    this.#attendance[position] = entry.removed ? 0 : entry.attendanceBit;
    this.#durations[position] = entry.durationMinutes;
  }

  #setPositionOf(id: number, position: number): void {
    if (!Number.isSafeInteger(id) || id < 0)
      throw new RangeError(`meeting id ${id} is not an index`);
    if (id >= this.#positionById.length) {
      const bigger = new Int32Array(Math.max(id + 1, Math.ceil(this.#positionById.length * 1.5)));
      bigger.set(this.#positionById);
      this.#positionById = bigger;
    }
    this.#positionById[id] = position + 1;
  }

  remove(id: number): void {
    const position = (this.#positionById[id] ?? 0) - 1;
    if (position < 0) return;
    const entry = this.#entries[position];
    if (entry && !entry.removed) {
      entry.removed = true;
      this.#attendance[position] = 0;
      this.#removed++;
      if (entry.typeOverflow) this.#typeOverflows--;
      this.#positionById[id] = 0;
    }
    this.#changed();
    if (this.#removed > 1000 && this.#removed > this.#entries.length / 4) this.#compact();
  }

  /** Removes every meeting the predicate picks (all of one source, say). */
  removeWhere(
    predicate: (meeting: { id: number; sourceId: number; slug: string }) => boolean,
  ): void {
    for (const entry of this.#entries) {
      if (!entry.removed && predicate(entry)) this.remove(entry.id);
    }
  }

  /** Drops removed entries so positions stay dense, moving what is kept about each. */
  #compact(): void {
    const renumbered = new Int32Array(this.#entries.length).fill(-1);
    const kept: Entry<T>[] = [];
    this.#entries.forEach((entry, position) => {
      if (entry.removed) return;
      renumbered[position] = kept.length;
      this.#types.move(position, kept.length);
      this.#setColumns(kept.length, entry, [
        this.#latitudes[position] ?? Number.NaN,
        this.#longitudes[position] ?? Number.NaN,
      ]);
      kept.push(entry);
    });
    this.#entries = kept;
    this.#words.renumber(renumbered);
    this.#positionById.fill(0);
    kept.forEach((e, p) => this.#setPositionOf(e.id, p));
    this.#removed = 0;
  }

  /**
   * Builds now what searches would otherwise build on first use; with an instant ("now"), the
   * UTC table for the time around it too.
   */
  prepare(around?: number): void {
    this.#words.merge();
    this.#spatialIndex();
    this.#zoneTables();
    this.#appointmentPositions();
    if (around !== undefined) this.#utcCovering(around, around);
  }

  #spatialIndex(): Spatial {
    if (this.#spatial) return this.#spatial;
    const positions: number[] = [];
    const grid = new Map<number, number>();
    const latitudes = this.#latitudes;
    const longitudes = this.#longitudes;
    this.#entries.forEach((e, i) => {
      const latitude = latitudes[i] ?? Number.NaN;
      if (e.removed || Number.isNaN(latitude)) return;
      positions.push(i);
      const cell = cellOf(latitude, longitudes[i] ?? 0);
      grid.set(cell, (grid.get(cell) ?? 0) + 1);
    });
    const tree = new KDBush(Math.max(1, positions.length));
    for (const p of positions) tree.add(longitudes[p] ?? 0, latitudes[p] ?? 0);
    if (positions.length === 0) tree.add(0, 0);
    tree.finish();
    this.#spatial = { tree, positions: Int32Array.from(positions), grid };
    return this.#spatial;
  }

  /** About how many meetings the boxes hold, at most: the counts of the grid cells they touch. */
  #inBoxesAtMost(boxes: readonly Box[]): number {
    const { grid } = this.#spatialIndex();
    let count = 0;
    for (const [west, south, east, north] of boxes) {
      const [x0, y0, x1, y1] = [
        Math.floor(west / CELL_DEGREES),
        Math.floor(south / CELL_DEGREES),
        Math.floor(east / CELL_DEGREES),
        Math.floor(north / CELL_DEGREES),
      ];
      // A box too wide to count cell by cell may hold everything.
      if ((x1 - x0 + 1) * (y1 - y0 + 1) > 4096) return this.size;
      for (let x = x0; x <= x1; x++) {
        for (let y = y0; y <= y1; y++) count += grid.get(y * 2048 + x) ?? 0;
      }
    }
    return count;
  }

  #slugOrdering(): SlugOrder {
    this.#slugOrder ??= slugOrder(this.#entries);
    return this.#slugOrder;
  }

  #zoneTables(): ZoneTable[] {
    this.#zones ??= buildZoneTables(
      this.#entries,
      { latitudes: this.#latitudes, longitudes: this.#longitudes },
      this.#slugOrdering(),
    );
    return this.#zones;
  }

  /**
   * The UTC table, when it holds every start of the span exactly. It is built around the first
   * instant asked about and again once searches ask about instants after the span it is good
   * for (time has moved on past a clock change); a search about another time (a span across
   * a clock change, or "as if now were" last spring) goes through the zones' own tables.
   */
  #utcCovering(from: number, to: number): UtcWeekTable | null {
    let table = this.#utc;
    if (table === undefined || (table !== null && from >= table.validTo)) {
      table = buildUtcWeekTable(this.#zoneTables(), this.#slugOrdering(), from);
      this.#utc = table;
    }
    return table !== null && utcTableCovers(table, from, to) ? table : null;
  }

  /** Where a window's starts are: the UTC table when it covers the window, else each zone's. */
  #startsOf(window: InstantWindow): { utc: UtcWeekTable; from: number } | null {
    if (window.zones) return null;
    const longest = window.lookBack ? this.#longestMinutes * MINUTE : 0;
    const utc = this.#utcCovering(window.from - longest, window.to);
    return utc ? { utc, from: window.from - longest } : null;
  }

  #startingBetween(
    window: InstantWindow,
    take: (position: number, approxStart: number, errorMs: number) => boolean | void,
  ): void {
    const starts = this.#startsOf(window);
    if (starts) startingBetweenUtc(starts.utc, starts.from, window.to, take);
    else startingBetween(this.#zoneTables(), window, take);
  }

  #countStartingBetween(window: InstantWindow): number {
    const starts = this.#startsOf(window);
    return starts
      ? countStartingBetweenUtc(starts.utc, starts.from, window.to)
      : countStartingBetween(this.#zoneTables(), window);
  }

  #appointmentPositions(): Int32Array {
    if (this.#appointments) return this.#appointments;
    const positions: number[] = [];
    this.#entries.forEach((e, i) => {
      if (!e.removed && e.startMinute < 0) positions.push(i);
    });
    this.#appointments = Int32Array.from(positions);
    return this.#appointments;
  }

  #nameKeyOf(position: number): string {
    const entry = this.#entries[position];
    return entry ? nameKeyOf(entry) : '';
  }

  #nameOrdered(): Int32Array {
    if (this.#nameOrder) return this.#nameOrder;
    const positions: number[] = [];
    this.#entries.forEach((e, i) => {
      if (!e.removed) positions.push(i);
    });
    const entries = this.#entries;
    positions.sort(
      (a, b) =>
        compareKeys(this.#nameKeyOf(a), this.#nameKeyOf(b)) ||
        compareKeys(entries[a]?.slug ?? '', entries[b]?.slug ?? ''),
    );
    this.#nameOrder = Int32Array.from(positions);
    return this.#nameOrder;
  }

  /** A fresh stamp, with the per-position arrays as long as the entries. */
  #nextStamp(): number {
    if (this.#seen.length < this.#entries.length) {
      this.#seen = new Int32Array(this.#entries.length * 2);
      this.#marks = new Int32Array(this.#entries.length * 2);
    }
    this.#stamp = (this.#stamp + 1) | 0;
    return this.#stamp;
  }

  search(q: SearchQuery): SearchResult<T> {
    const { at } = q;
    const top = new TopHits<T>(q.limit + 1, q);
    const finish = () => top.result(at, (entry) => nextStartOf(entry, at));
    const matcher = compileMatcher<T>(q, {
      types: this.#types,
      typeOverflows: this.#typeOverflows > 0,
      longestMinutes: this.#longestMinutes,
    });
    if (!matcher) return finish();
    const text = q.text === undefined ? null : this.#words.matching(q.text);
    if (text?.length === 0) return finish();
    const stamp = this.#nextStamp();
    const { radiusKm } = q;
    const checks: Checks<T> = {
      matcher,
      top,
      near: q.near
        ? {
            lat: q.near.latitude,
            lng: q.near.longitude,
            ...(radiusKm !== undefined ? { radiusKm } : {}),
            maxDLat: radiusKm !== undefined ? latitudeDegrees(radiusKm) * 1.001 : 180,
          }
        : null,
      textStamp: text ? stamp : null,
      deferNext: !matcher.timeBounded && q.sort !== 'next',
    };
    const offer = (position: number, textChecked: boolean): void => {
      if (this.#passes(position, checks, textChecked)) {
        const { entry, nextStart, distanceKm } = this.#passed;
        if (entry) top.offer(entry, nextStart, distanceKm);
      }
    };

    if (q.near && (q.nearest !== undefined || q.sort === 'distance')) {
      if (text) this.#mark(text, stamp);
      this.#closest(q, checks);
    } else if (this.size <= this.#scanBelow) {
      if (text) this.#mark(text, stamp);
      for (let p = 0; p < this.#entries.length; p++) offer(p, false);
    } else {
      this.#planned(q, checks, { text, stamp, offer });
    }
    return finish();
  }

  /** What the last candidate to pass #passes passed with (kept to spare an object each). */
  #passed: {
    entry: Entry<T> | null;
    nextStart: number | null | undefined;
    distanceKm: number | null;
  } = { entry: null, nextStart: null, distanceKm: null };

  /**
   * Whether one candidate passes every filter, cheapest check first; what it passed with is in
   * #passed. `textChecked`: it came from the word index.
   */
  #passes(position: number, checks: Checks<T>, textChecked: boolean): boolean {
    if (!((this.#attendance[position] ?? 0) & checks.matcher.attendanceMask)) return false;
    let distanceKm: number | null = null;
    const near = checks.near;
    if (near) {
      const lat = this.#latitudes[position] ?? Number.NaN;
      if (!(Math.abs(lat - near.lat) <= near.maxDLat)) return false;
      distanceKm = haversineKm(near.lat, near.lng, lat, this.#longitudes[position] ?? 0);
      if (near.radiusKm !== undefined && distanceKm > near.radiusKm) return false;
    }
    if (checks.textStamp !== null && !textChecked && this.#marks[position] !== checks.textStamp)
      return false;
    const entry = this.#entries[position];
    if (!entry || entry.removed || !checks.matcher.what(position, entry)) return false;
    const nextStart = checks.deferNext ? undefined : checks.matcher.timing(entry);
    if (nextStart === undefined && !checks.deferNext) return false;
    this.#passed.entry = entry;
    this.#passed.nextStart = nextStart;
    this.#passed.distanceKm = distanceKm;
    return true;
  }

  #mark(positions: Int32Array, stamp: number): void {
    const marks = this.#marks;
    for (const p of positions) marks[p] = stamp;
  }

  /** A check that answers true the first time it sees a position in this query. */
  #firstTime(stamp: number): (position: number) => boolean {
    const seen = this.#seen;
    return (position) => {
      if (seen[position] === stamp) return false;
      seen[position] = stamp;
      return true;
    };
  }

  /**
   * Sorted by distance, or the nearest N: the k-d tree visits the closest first and stops once
   * it has as many as asked that pass (and, sorted by distance, come after the cursor).
   */
  #closest(q: SearchQuery, checks: Checks<T>): void {
    const near = checks.near;
    if (!near) return;
    const { tree, positions } = this.#spatialIndex();
    const cursor = q.nearest === undefined ? q.cursor : undefined;
    const afterCursor = (distanceKm: number | null, slug: string): boolean => {
      if (!cursor) return true;
      const c = compareKeys(distanceKm ?? Number.MAX_SAFE_INTEGER, cursor.key);
      return c > 0 || (c === 0 && slug > cursor.slug);
    };
    const passing = (id: number): boolean => {
      const position = positions[id];
      if (position === undefined || !this.#passes(position, checks, false)) return false;
      const { entry, distanceKm } = this.#passed;
      return entry !== null && afterCursor(distanceKm, entry.slug);
    };
    const ids = around(tree, near.lng, near.lat, q.nearest ?? q.limit + 1, Infinity, passing);
    for (const id of ids) {
      const position = positions[id];
      if (position !== undefined && this.#passes(position, checks, false)) {
        const { entry, nextStart, distanceKm } = this.#passed;
        if (entry) checks.top.offer(entry, nextStart, distanceKm);
      }
    }
  }

  /** Larger indexes: candidates from the cheapest source, the rest as checks. */
  #planned(
    q: SearchQuery,
    checks: Checks<T>,
    context: {
      text: Int32Array | null;
      stamp: number;
      offer: (position: number, textChecked: boolean) => void;
    },
  ): void {
    const { text, stamp, offer } = context;
    const near = checks.near;
    const boxes =
      near?.radiusKm !== undefined ? boundingBoxes(near.lat, near.lng, near.radiusKm) : null;
    // The meetings in the boxes are only listed if that is the plan: estimated till then.
    const boxSize = boxes ? this.#inBoxesAtMost(boxes) : Infinity;
    const list =
      text && text.length <= boxSize
        ? { size: text.length, positions: () => text, fromText: true }
        : boxes
          ? { size: boxSize, positions: () => this.#inBoxes(boxes), fromText: false }
          : null;
    // Near a point, only the zones with meetings around it.
    const zones = boxes
      ? this.#zoneTables().filter((table) => tableMeets(table, boxes))
      : undefined;
    const window = this.#window(q, zones);
    const windowSize = window ? this.#countStartingBetween(window) : Infinity;
    // Every weekly start: a week from now (any week would do; one near now spares each zone's
    // clock from working out the offsets of other years).
    const starts = this.#countStartingBetween({
      from: q.at,
      to: q.at + 7 * 1440 * MINUTE,
      lookBack: false,
      ...(zones ? { zones } : {}),
    });
    const matches = Math.max(1, Math.min(list?.size ?? starts, windowSize, starts));
    // A list costs a look at each. A scan in time order stops once a page is certain: after
    // about (page size ÷ share of starts that match) looks, and no more than its window holds.
    const orderedCost = Math.min(windowSize, ((q.limit + 1) * starts * 2) / matches);
    const useList =
      list !== null &&
      (this.#plan === 'lists' ||
        (this.#plan === 'cost' && list.size <= Math.min(windowSize, orderedCost)));
    if (text && !(useList && list.fromText)) this.#mark(text, stamp);

    if (useList) {
      for (const p of list.positions()) offer(p, list.fromText);
    } else if (q.sort === 'next') {
      this.#soonest(q, checks.top, { stamp, offer, ...(zones ? { zones } : {}) });
    } else if (window && (this.#plan === 'ordered' || windowSize <= orderedCost)) {
      const firstTime = this.#firstTime(stamp);
      const durations = this.#durations;
      this.#startingBetween(window, (p, approxStart, errorMs) => {
        // A start that ended before now can neither be in progress nor to come.
        if (approxStart + errorMs + (durations[p] ?? 0) * MINUTE <= q.at) return;
        if (firstTime(p)) offer(p, false);
      });
    } else if (q.sort === 'name') {
      this.#byName(q, checks.top, offer);
    } else {
      for (let p = 0; p < this.#entries.length; p++) offer(p, false);
    }
  }

  /** Positions with coordinates in the boxes. */
  #inBoxes(boxes: readonly Box[]): Int32Array {
    const { tree, positions } = this.#spatialIndex();
    const found = boxes.map(([west, south, east, north]) => tree.range(west, south, east, north));
    const out = new Int32Array(found.reduce((n, ids) => n + ids.length, 0));
    let k = 0;
    for (const ids of found) for (const id of ids) out[k++] = positions[id] ?? -1;
    return out;
  }

  /** The instants the query's starts can fall in ("in progress" looks back per zone). */
  #window(q: SearchQuery, zones: readonly ZoneTable[] | undefined): InstantWindow | null {
    if (q.startingWithin === undefined && !q.inProgress) return null;
    return {
      from: q.at,
      to: q.at + (q.startingWithin ?? 0) * MINUTE,
      lookBack: q.inProgress === true,
      ...(zones ? { zones } : {}),
    };
  }

  /**
   * Sorted by next start, without a list to go through: the meetings in progress (when asked
   * for), then the starts in widening windows from now, until the page's last start falls
   * inside what was scanned: nothing later can come before it.
   */
  #soonest(
    q: SearchQuery,
    top: TopHits<T>,
    context: {
      stamp: number;
      offer: (p: number, textChecked: boolean) => void;
      zones?: readonly ZoneTable[];
    },
  ): void {
    const { stamp, offer } = context;
    const firstTime = this.#firstTime(stamp);
    const { at } = q;
    const durations = this.#durations;
    // Rows passed over without reading the meeting: a start that ended before now, or one
    // that comes after the worst start of a full page.
    // Rows come in time order, and those at one time in slug order: once a row would come
    // after a full page's last, so would the rest (of the zone, or of the UTC table).
    const visit = (p: number, approxStart: number, errorMs: number): boolean => {
      if (top.isFull()) {
        const worst = top.worstKey() as number;
        if (approxStart - errorMs > worst) return false;
        if (errorMs === 0 && approxStart === worst) {
          if ((this.#entries[p]?.slug ?? '') > (top.worstSlug() ?? '')) return false;
        }
      }
      if (approxStart + errorMs + (durations[p] ?? 0) * MINUTE <= at) return true;
      if (firstTime(p)) offer(p, false);
      return true;
    };
    const zones = context.zones ? { zones: context.zones } : {};
    const after = typeof q.cursor?.key === 'number' ? q.cursor.key : Number.NEGATIVE_INFINITY;
    const done = (scannedTo: number) => top.isFull() && (top.worstKey() as number) < scannedTo;
    if (q.inProgress && after < at) {
      this.#startingBetween({ from: at, to: at, lookBack: true, ...zones }, visit);
    }
    if (done(at)) return;
    if (q.inProgress && q.startingWithin === undefined) return;
    const end = q.startingWithin === undefined ? Infinity : at + q.startingWithin * MINUTE;
    const from = Math.max(at, after);
    let lo = from;
    for (const minutes of SCAN_WINDOWS_MINUTES) {
      const hi = Math.min(from + minutes * MINUTE, end);
      this.#startingBetween({ from: lo, to: hi, lookBack: false, ...zones }, visit);
      if (hi >= end || done(hi)) return;
      lo = hi;
    }
    // A week and a day holds every weekly start: what is left meets by appointment.
    for (const p of this.#appointmentPositions()) if (firstTime(p)) offer(p, false);
  }

  #byName(q: SearchQuery, top: TopHits<T>, offer: (p: number, textChecked: boolean) => void): void {
    const order = this.#nameOrdered();
    let i = 0;
    const cursor: SearchCursor | undefined = q.cursor;
    if (cursor) {
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const p = order[mid] ?? 0;
        const c =
          compareKeys(this.#nameKeyOf(p), cursor.key) ||
          compareKeys(this.#entries[p]?.slug ?? '', cursor.slug);
        if (c <= 0) lo = mid + 1;
        else hi = mid;
      }
      i = lo;
    }
    for (; i < order.length && !top.isFull(); i++) offer(order[i] ?? 0, false);
  }
}

export type { SearchCursor };
