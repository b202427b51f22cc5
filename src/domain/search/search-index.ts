import KDBush from 'kdbush';
import { around } from 'geokdbush';
import type { Attendance } from '../meeting/attendance.ts';
import { lastStartAtOrBefore, meetsOnDay, nextStartAfter } from '../schedule/occurrences.ts';
import { minutesOfDay } from '../schedule/local-time.ts';
import { durationMinutes } from '../schedule/schedule.ts';
import { type ZoneClock, zoneClock } from '../schedule/zone-clock.ts';
import { haversineKm } from './geo.ts';
import type { SearchCursor, SearchHit, SearchQuery, SearchResult } from './search-query.ts';
import type { SearchableMeeting } from './searchable-meeting.ts';
import { foldText, wordsOf } from './text.ts';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const WEEK_MINUTES = 7 * 1440;
/** Local times can be this far from naive wall-clock arithmetic across a clock change. */
const CLOCK_CHANGE_SLACK_MINUTES = 120;
/** Below this size a plain scan is as fast as any index, and simpler (the default). */
const SMALL_INDEX = 4000;
/** Windows a "next to start" scan widens through before falling back to a full scan. */
const SCAN_WINDOWS_MINUTES = [60, 240, 1440, 3 * 1440, 8 * 1440];

interface Entry<T> {
  readonly meeting: SearchableMeeting<T>;
  readonly clock: ZoneClock;
  /** Minutes after local midnight, or -1 by appointment. */
  readonly startMinute: number;
  readonly durationMinutes: number;
  /** Bit d set: meets on weekday d. */
  readonly weekdayMask: number;
  readonly nameKey: string;
  removed: boolean;
}

interface ZoneTable {
  readonly clock: ZoneClock;
  /** Minute of the local week (Sunday 00:00 = 0) of each weekly start, ascending. */
  readonly minutes: Int32Array;
  readonly positions: Int32Array;
  readonly longestMinutes: number;
}

interface Candidate {
  readonly position: number;
  readonly distanceKm: number | null;
}

const compareKeys = (a: number | string, b: number | string): number =>
  typeof a === 'number' && typeof b === 'number'
    ? a - b
    : String(a) < String(b)
      ? -1
      : String(a) > String(b)
        ? 1
        : 0;

function entryOf<T>(meeting: SearchableMeeting<T>): Entry<T> {
  const schedule = meeting.schedule;
  const timed = schedule.kind !== 'appointment';
  return {
    meeting,
    clock: zoneClock(meeting.timezone),
    startMinute: timed ? minutesOfDay(schedule.start) : -1,
    durationMinutes: timed ? durationMinutes(schedule) : 0,
    weekdayMask: timed ? schedule.weekdays.reduce<number>((mask, d) => mask | (1 << d), 0) : 0,
    nameKey: foldText(meeting.name),
    removed: false,
  };
}

/**
 * The in-memory search over a directory: filters by place, time in each meeting's own zone, and
 * what a meeting is; sorted by next start, distance or name; paginated by keyset cursors.
 * Entries change in place (upsert, remove); the structures built over them are rebuilt on the
 * next search after a change.
 */
export class SearchIndex<T> {
  #entries: Entry<T>[] = [];
  #byId = new Map<number, number>();
  #bySlug = new Map<string, number>();
  #removed = 0;
  // Built on demand from the entries, dropped whenever they change.
  #spatial: { tree: KDBush; positions: Int32Array } | null = null;
  #zones: ZoneTable[] | null = null;
  #nameOrder: Int32Array | null = null;
  #words = new Map<string, number[]>();
  #sortedWords: string[] | null = null;
  /** Stamps of the last query that saw each position, to skip duplicates without allocating. */
  #seen = new Int32Array(0);
  #stamp = 0;

  /** Below this many meetings a plain scan replaces the time and name indexes. */
  readonly #scanBelow: number;

  constructor(meetings: Iterable<SearchableMeeting<T>> = [], options: { scanBelow?: number } = {}) {
    this.#scanBelow = options.scanBelow ?? SMALL_INDEX;
    for (const m of meetings) this.upsert(m);
  }

  /** Meetings in the index. */
  get size(): number {
    return this.#entries.length - this.#removed;
  }

  #changed(): void {
    this.#spatial = null;
    this.#zones = null;
    this.#nameOrder = null;
  }

  /** Adds a meeting, or replaces the one with its id. */
  upsert(meeting: SearchableMeeting<T>): void {
    this.remove(meeting.id);
    const position = this.#entries.length;
    this.#entries.push(entryOf(meeting));
    this.#byId.set(meeting.id, position);
    this.#bySlug.set(meeting.slug, position);
    for (const word of new Set(wordsOf(meeting.searchText))) {
      const postings = this.#words.get(word);
      if (postings) postings.push(position);
      else {
        this.#words.set(word, [position]);
        this.#sortedWords = null;
      }
    }
    this.#changed();
  }

  remove(id: number): void {
    const position = this.#byId.get(id);
    if (position === undefined) return;
    const entry = this.#entries[position];
    if (entry && !entry.removed) {
      entry.removed = true;
      this.#removed++;
      this.#byId.delete(id);
      if (this.#bySlug.get(entry.meeting.slug) === position)
        this.#bySlug.delete(entry.meeting.slug);
    }
    this.#changed();
    if (this.#removed > 1000 && this.#removed > this.#entries.length / 4) this.#compact();
  }

  /** Removes every meeting the predicate picks (all of one source, say). */
  removeWhere(predicate: (meeting: SearchableMeeting<T>) => boolean): void {
    for (const entry of this.#entries)
      if (!entry.removed && predicate(entry.meeting)) this.remove(entry.meeting.id);
  }

  /** Rebuilds without the removed entries, so positions stay dense. */
  #compact(): void {
    const live = this.#entries.filter((e) => !e.removed).map((e) => e.meeting);
    this.#entries = [];
    this.#byId.clear();
    this.#bySlug.clear();
    this.#words.clear();
    this.#sortedWords = null;
    this.#removed = 0;
    for (const meeting of live) this.upsert(meeting);
  }

  bySlug(slug: string): SearchableMeeting<T> | undefined {
    const position = this.#bySlug.get(slug);
    return position === undefined ? undefined : this.#entries[position]?.meeting;
  }

  // ---- structures built on demand -------------------------------------------------------

  #spatialIndex(): { tree: KDBush; positions: Int32Array } {
    if (this.#spatial) return this.#spatial;
    const positions: number[] = [];
    this.#entries.forEach((e, i) => {
      if (!e.removed && e.meeting.latitude !== null && e.meeting.longitude !== null)
        positions.push(i);
    });
    const tree = new KDBush(Math.max(1, positions.length));
    for (const p of positions) {
      const m = this.#entries[p]?.meeting;
      tree.add(m?.longitude ?? 0, m?.latitude ?? 0);
    }
    if (positions.length === 0) tree.add(0, 0);
    tree.finish();
    this.#spatial = { tree, positions: Int32Array.from(positions) };
    return this.#spatial;
  }

  #zoneTables(): ZoneTable[] {
    if (this.#zones) return this.#zones;
    const rows = new Map<ZoneClock, { minute: number; position: number }[]>();
    const longest = new Map<ZoneClock, number>();
    this.#entries.forEach((e, position) => {
      if (e.removed || e.startMinute < 0) return;
      const list = rows.get(e.clock) ?? [];
      for (let d = 0; d < 7; d++)
        if (e.weekdayMask & (1 << d)) list.push({ minute: d * 1440 + e.startMinute, position });
      rows.set(e.clock, list);
      longest.set(e.clock, Math.max(longest.get(e.clock) ?? 0, e.durationMinutes));
    });
    this.#zones = [...rows].map(([clock, list]) => {
      list.sort((a, b) => a.minute - b.minute);
      return {
        clock,
        minutes: Int32Array.from(list, (r) => r.minute),
        positions: Int32Array.from(list, (r) => r.position),
        longestMinutes: longest.get(clock) ?? 0,
      };
    });
    return this.#zones;
  }

  #nameOrdered(): Int32Array {
    if (this.#nameOrder) return this.#nameOrder;
    const positions: number[] = [];
    this.#entries.forEach((e, i) => {
      if (!e.removed) positions.push(i);
    });
    positions.sort((a, b) => {
      const x = this.#entries[a];
      const y = this.#entries[b];
      return (
        compareKeys(x?.nameKey ?? '', y?.nameKey ?? '') ||
        compareKeys(x?.meeting.slug ?? '', y?.meeting.slug ?? '')
      );
    });
    this.#nameOrder = Int32Array.from(positions);
    return this.#nameOrder;
  }

  // ---- candidate sets ----------------------------------------------------------------------

  #nextStamp(): number {
    if (this.#seen.length < this.#entries.length)
      this.#seen = new Int32Array(this.#entries.length * 2);
    this.#stamp = (this.#stamp + 1) | 0;
    return this.#stamp;
  }

  /** Positions of meetings whose words start with every term, or null when q has no words. */
  #textMatches(text: string): number[] | null {
    const terms = [...new Set(wordsOf(text))];
    if (terms.length === 0) return null;
    this.#sortedWords ??= [...this.#words.keys()].sort();
    const words = this.#sortedWords;
    let result: Set<number> | null = null;
    // The longest terms first: they match fewest words.
    for (const term of terms.sort((a, b) => b.length - a.length)) {
      const matches = new Set<number>();
      let lo = 0;
      let hi = words.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((words[mid] ?? '') < term) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < words.length && (words[i] ?? '').startsWith(term); i++) {
        for (const p of this.#words.get(words[i] ?? '') ?? [])
          if (result === null || result.has(p)) matches.add(p);
      }
      result = matches;
      if (result.size === 0) break;
    }
    return [...(result ?? [])];
  }

  /** Positions within a radius of a point (a box from the index, then the exact distance). */
  #withinRadius(lat: number, lng: number, radiusKm: number): Candidate[] {
    const { tree, positions } = this.#spatialIndex();
    const dLat = (radiusKm / 6371.0088) * (180 / Math.PI);
    const minLat = lat - dLat;
    const maxLat = lat + dLat;
    const cos = Math.cos((Math.max(Math.abs(minLat), Math.abs(maxLat)) * Math.PI) / 180);
    const dLng = maxLat >= 90 || minLat <= -90 || cos < 1e-9 ? 180 : Math.min(180, dLat / cos);
    const boxes: [number, number][] =
      dLng >= 180
        ? [[-180, 180]]
        : lng - dLng < -180
          ? [
              [lng - dLng + 360, 180],
              [-180, lng + dLng],
            ]
          : lng + dLng > 180
            ? [
                [lng - dLng, 180],
                [-180, lng + dLng - 360],
              ]
            : [[lng - dLng, lng + dLng]];
    const result: Candidate[] = [];
    for (const [west, east] of boxes) {
      for (const id of tree.range(west, Math.max(-90, minLat), east, Math.min(90, maxLat))) {
        const position = positions[id];
        const m = position === undefined ? undefined : this.#entries[position]?.meeting;
        if (position === undefined || !m || m.latitude === null || m.longitude === null) continue;
        const distanceKm = haversineKm(lat, lng, m.latitude, m.longitude);
        if (distanceKm <= radiusKm) result.push({ position, distanceKm });
      }
    }
    return result;
  }

  /** Positions of meetings with a weekly start, in local time, between two instants (plus slack). */
  #startingBetween(
    from: number,
    to: number,
    extraBeforeMinutes: (table: ZoneTable) => number,
  ): number[] {
    const stamp = this.#nextStamp();
    const out: number[] = [];
    for (const table of this.#zoneTables()) {
      const lo = from - (extraBeforeMinutes(table) + CLOCK_CHANGE_SLACK_MINUTES) * MINUTE;
      const hi = to + CLOCK_CHANGE_SLACK_MINUTES * MINUTE;
      const take = (p: number) => {
        if (this.#seen[p] !== stamp) {
          this.#seen[p] = stamp;
          out.push(p);
        }
      };
      if (hi - lo >= 7 * DAY) {
        for (const p of table.positions) take(p);
        continue;
      }
      const a = table.clock.local(lo);
      const b = table.clock.local(hi);
      const start = a.weekday * 1440 + a.minuteOfDay;
      const end = b.weekday * 1440 + b.minuteOfDay;
      const collect = (low: number, high: number) => {
        let i = lowerBound(table.minutes, low);
        for (; i < table.minutes.length && (table.minutes[i] ?? 0) <= high; i++)
          take(table.positions[i] ?? 0);
      };
      if (start <= end) collect(start, end);
      else {
        collect(start, WEEK_MINUTES);
        collect(0, end);
      }
    }
    return out;
  }

  // ---- matching ------------------------------------------------------------------------

  /** Whether an entry passes every filter but place and time of day; cheapest checks first. */
  #matchesWhat(entry: Entry<T>, q: SearchQuery, attendance: readonly Attendance[]): boolean {
    const m = entry.meeting;
    if (!attendance.includes(m.attendance)) return false;
    if (q.fellowships && !q.fellowships.includes(m.fellowship)) return false;
    if (q.types && !q.types.every((t) => m.types.includes(t))) return false;
    if (q.typesAny && !q.typesAny.some((t) => m.types.includes(t))) return false;
    if (q.languages && !q.languages.some((l) => m.languages.includes(l))) return false;
    if (q.timeFrom !== undefined || q.timeTo !== undefined) {
      if (entry.startMinute < 0) return false;
      const from = q.timeFrom ?? 0;
      const to = q.timeTo ?? 1439;
      const inWindow =
        from <= to
          ? entry.startMinute >= from && entry.startMinute <= to
          : entry.startMinute >= from || entry.startMinute <= to;
      if (!inWindow) return false;
    }
    if (q.days) {
      if (entry.startMinute < 0) return false;
      const schedule = m.schedule;
      if (schedule.kind === 'appointment') return false;
      const today = entry.clock.local(q.at).dayNumber;
      // The next date with each asked weekday, in the meeting's zone: monthly meetings count
      // only when that date is in one of their weeks.
      const ok = q.days.some((d) => {
        if (!(entry.weekdayMask & (1 << d))) return false;
        if (schedule.kind === 'weekly') return true;
        return meetsOnDay(schedule, today + ((d - ((today + 4) % 7) + 7) % 7));
      });
      if (!ok) return false;
    }
    return true;
  }

  /**
   * The start the result shows, or undefined when the meeting fails the time filters: for "in
   * progress" the current occurrence's start, else the next start (null by appointment).
   */
  #timing(entry: Entry<T>, q: SearchQuery): number | null | undefined {
    const m = entry.meeting;
    const next = () => nextStartAfter(m.schedule, entry.clock, q.at);
    if (q.inProgress === undefined && q.startingWithin === undefined) return next();
    if (q.inProgress) {
      const last = lastStartAtOrBefore(m.schedule, entry.clock, q.at, entry.durationMinutes);
      if (last !== null && q.at < last + entry.durationMinutes * MINUTE) return last;
    }
    if (q.startingWithin !== undefined) {
      const start = next();
      if (start !== null && start <= q.at + q.startingWithin * MINUTE) return start;
    }
    return undefined;
  }

  // ---- search --------------------------------------------------------------------------

  search(q: SearchQuery): SearchResult<T> {
    const attendance = q.attendance ?? (['in_person', 'online', 'hybrid'] as const);
    // Free text is a filter like any other; its word index also gives candidates when nothing
    // narrower does. Text without words ("?!") filters nothing.
    const textMatches = q.text === undefined ? null : this.#textMatches(q.text);
    const textSet = textMatches === null ? null : new Set(textMatches);
    const hits: SearchHit<Entry<T>>[] = [];
    const evaluate = (position: number, distanceKm: number | null): SearchHit<Entry<T>> | null => {
      const entry = this.#entries[position];
      if (!entry || entry.removed) return null;
      if (textSet && !textSet.has(position)) return null;
      if (!this.#matchesWhat(entry, q, attendance)) return null;
      const nextStart = this.#timing(entry, q);
      return nextStart === undefined ? null : { meeting: entry, nextStart, distanceKm };
    };
    const consider = (position: number, distanceKm: number | null): boolean => {
      const hit = evaluate(position, distanceKm);
      if (hit) hits.push(hit);
      return hit !== null;
    };

    if (q.near) {
      const { latitude, longitude } = q.near;
      if (q.nearest !== undefined) {
        const { tree, positions } = this.#spatialIndex();
        // geokdbush also asks its filter about points it then passes over, so the filter only
        // answers; the hits are made from what it returns.
        const distanceOf = (position: number): number => {
          const m = this.#entries[position]?.meeting;
          return haversineKm(latitude, longitude, m?.latitude ?? 0, m?.longitude ?? 0);
        };
        const ids = around(
          tree,
          longitude,
          latitude,
          q.nearest,
          q.radiusKm ?? Infinity,
          (id: number) => {
            const position = positions[id];
            if (position === undefined) return false;
            if (q.radiusKm !== undefined && distanceOf(position) > q.radiusKm) return false;
            return evaluate(position, null) !== null;
          },
        );
        for (const id of ids) {
          const position = positions[id];
          if (position !== undefined) consider(position, distanceOf(position));
        }
      } else {
        for (const c of this.#withinRadius(latitude, longitude, q.radiusKm ?? 25))
          consider(c.position, c.distanceKm);
      }
    } else if (textMatches !== null) {
      for (const p of textMatches) consider(p, null);
    } else if ((q.inProgress || q.startingWithin !== undefined) && this.size > this.#scanBelow) {
      const lookBack = (t: ZoneTable) => (q.inProgress ? t.longestMinutes : 0);
      const until = q.at + (q.startingWithin ?? 0) * MINUTE;
      for (const p of this.#startingBetween(q.at, until, lookBack)) consider(p, null);
    } else if (q.sort === 'next' && this.size > this.#scanBelow) {
      return this.#page(this.#soonest(q, consider, hits), q);
    } else if (q.sort === 'name' && this.size > this.#scanBelow) {
      return this.#byName(q, consider, hits);
    } else {
      for (let p = 0; p < this.#entries.length; p++) consider(p, null);
    }
    return this.#page(hits, q);
  }

  /** "Next to start" over a large index: widening time windows instead of every meeting. */
  #soonest(
    q: SearchQuery,
    consider: (position: number, distanceKm: number | null) => boolean,
    hits: SearchHit<Entry<T>>[],
  ): SearchHit<Entry<T>>[] {
    const from = Math.max(q.at, typeof q.cursor?.key === 'number' ? q.cursor.key : q.at);
    const wanted = q.limit + 1;
    const seen = new Set<number>();
    let lo = from;
    const visit = (p: number) => {
      if (seen.has(p)) return;
      seen.add(p);
      consider(p, null);
    };
    for (const minutes of SCAN_WINDOWS_MINUTES) {
      const hi = from + minutes * MINUTE;
      for (const p of this.#startingBetween(lo, hi, () => 0)) visit(p);
      lo = hi;
      const inWindow = hits.filter(
        (h) => h.nextStart !== null && h.nextStart < hi && this.#afterCursor(h, q),
      ).length;
      if (inWindow >= wanted) return hits.filter((h) => h.nextStart !== null && h.nextStart < hi);
    }
    // Fewer than a page within eight days (monthly and appointment meetings): look at all.
    for (let p = 0; p < this.#entries.length; p++) visit(p);
    return hits;
  }

  #byName(
    q: SearchQuery,
    consider: (position: number, distanceKm: number | null) => boolean,
    hits: SearchHit<Entry<T>>[],
  ): SearchResult<T> {
    const order = this.#nameOrdered();
    let i = 0;
    if (q.cursor) {
      const cursor = q.cursor;
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const e = this.#entries[order[mid] ?? 0];
        const c =
          compareKeys(e?.nameKey ?? '', cursor.key) ||
          compareKeys(e?.meeting.slug ?? '', cursor.slug);
        if (c <= 0) lo = mid + 1;
        else hi = mid;
      }
      i = lo;
    }
    for (; i < order.length && hits.length <= q.limit; i++) consider(order[i] ?? 0, null);
    return this.#page(hits, q);
  }

  #sortKey(hit: SearchHit<Entry<T>>, q: SearchQuery): number | string {
    switch (q.sort) {
      case 'next':
        return hit.nextStart ?? Number.MAX_SAFE_INTEGER;
      case 'distance':
        return hit.distanceKm ?? Number.MAX_SAFE_INTEGER;
      case 'name':
        return hit.meeting.nameKey;
    }
  }

  #afterCursor(hit: SearchHit<Entry<T>>, q: SearchQuery): boolean {
    if (!q.cursor) return true;
    const c = compareKeys(this.#sortKey(hit, q), q.cursor.key);
    return c > 0 || (c === 0 && hit.meeting.meeting.slug > q.cursor.slug);
  }

  #page(hits: SearchHit<Entry<T>>[], q: SearchQuery): SearchResult<T> {
    const keyed = hits
      .filter((h) => this.#afterCursor(h, q))
      .map((h) => ({ hit: h, key: this.#sortKey(h, q) }))
      .sort(
        (a, b) =>
          compareKeys(a.key, b.key) ||
          compareKeys(a.hit.meeting.meeting.slug, b.hit.meeting.meeting.slug),
      );
    const page = keyed.slice(0, q.limit);
    const last = page[page.length - 1];
    const nextCursor: SearchCursor | null =
      keyed.length > q.limit && last
        ? { at: q.at, key: last.key, slug: last.hit.meeting.meeting.slug }
        : null;
    return {
      hits: page.map(({ hit }) => ({
        meeting: hit.meeting.meeting.payload,
        nextStart: hit.nextStart,
        distanceKm: hit.distanceKm,
      })),
      nextCursor,
    };
  }
}

function lowerBound(values: Int32Array, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] ?? 0) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
