import type { Attendance } from '../meeting/attendance.ts';
import { minutesOfDay } from '../schedule/local-time.ts';
import { lastStartAtOrBefore, nextStartAfter } from '../schedule/occurrences.ts';
import { type Schedule, durationMinutes } from '../schedule/schedule.ts';
import { lastWeeklyStart, nextWeeklyStart } from '../schedule/weekly-starts.ts';
import { type ZoneClock, zoneClock } from '../schedule/zone-clock.ts';
import type { SearchableMeeting } from './searchable-meeting.ts';
import { foldText } from './text.ts';

export const attendanceBits: Record<Attendance, number> = {
  in_person: 1,
  online: 2,
  hybrid: 4,
  inactive: 8,
};

/**
 * What the index keeps of one meeting: the numbers its filters read fast, the few strings they
 * compare, and the caller's payload. Not the meeting's text: the word index holds that.
 */
export interface Entry<T> {
  readonly id: number;
  readonly sourceId: number;
  readonly slug: string;
  readonly name: string;
  readonly fellowship: string;
  readonly types: readonly string[];
  readonly languages: readonly string[];
  readonly clock: ZoneClock;
  /** Minutes after local midnight, or -1 by appointment. */
  readonly startMinute: number;
  readonly durationMinutes: number;
  /** Bit d set: meets on weekday d. */
  readonly weekdayMask: number;
  /** The schedule of a monthly meeting (the rules its weeks need); null for the rest. */
  readonly monthly: Schedule | null;
  readonly attendanceBit: number;
  /** Some type had no bit left: check the type list itself. */
  readonly typeOverflow: boolean;
  readonly payload: T;
  removed: boolean;
  /** The name folded for sorting, made when first needed. */
  nameKey: string | undefined;
}

/** The key a sort by name compares. */
export function nameKeyOf(entry: Entry<unknown>): string {
  entry.nameKey ??= foldText(entry.name);
  return entry.nameKey;
}

/** Words of type bits each position has: room for 256 distinct codes before a slower check. */
export const TYPE_WORDS = 8;

function grownRows(rows: Uint32Array<ArrayBuffer>, needed: number): Uint32Array<ArrayBuffer> {
  if (needed <= rows.length) return rows;
  // Half as much again: less slack than doubling for a large directory.
  const bigger = new Uint32Array(
    Math.max(needed, Math.ceil((rows.length * 1.5) / TYPE_WORDS) * TYPE_WORDS),
  );
  bigger.set(rows);
  return bigger;
}

/**
 * Type codes as bits, one row of words per position in one typed array (a few bytes per meeting
 * instead of an object each). Codes get bits as they first appear.
 */
export class TypeMatrix {
  readonly #bits = new Map<string, number>();
  #rows = new Uint32Array(TYPE_WORDS * 1024);

  /** Sets the row of a position; answers false when some code had no bit left. */
  set(position: number, codes: readonly string[]): boolean {
    this.#rows = grownRows(this.#rows, (position + 1) * TYPE_WORDS);
    const row = position * TYPE_WORDS;
    this.#rows.fill(0, row, row + TYPE_WORDS);
    let fits = true;
    for (const code of codes) {
      let bit = this.#bits.get(code);
      if (bit === undefined && this.#bits.size < TYPE_WORDS * 32) {
        bit = this.#bits.size;
        this.#bits.set(code, bit);
      }
      if (bit === undefined) fits = false;
      else this.#rows[row + (bit >> 5)] = (this.#rows[row + (bit >> 5)] ?? 0) | (1 << (bit & 31));
    }
    return fits;
  }

  /** Copies a position's row to another (compaction moves rows down). */
  move(from: number, to: number): void {
    if (from !== to)
      this.#rows.copyWithin(to * TYPE_WORDS, from * TYPE_WORDS, (from + 1) * TYPE_WORDS);
  }

  known(code: string): boolean {
    return this.#bits.has(code);
  }

  /** The bits of every code, or null when one has none (no row can hold it by bits). */
  mask(codes: readonly string[]): Uint32Array | null {
    const mask = new Uint32Array(TYPE_WORDS);
    for (const code of codes) {
      const bit = this.#bits.get(code);
      if (bit === undefined) return null;
      mask[bit >> 5] = (mask[bit >> 5] ?? 0) | (1 << (bit & 31));
    }
    return mask;
  }

  /** Has every type of the mask (AND). */
  hasAll(position: number, mask: Uint32Array): boolean {
    const row = position * TYPE_WORDS;
    for (let w = 0; w < TYPE_WORDS; w++) {
      const want = mask[w] ?? 0;
      if (((this.#rows[row + w] ?? 0) & want) !== want) return false;
    }
    return true;
  }

  /** Has at least one type of the mask (OR). */
  hasAny(position: number, mask: Uint32Array): boolean {
    const row = position * TYPE_WORDS;
    for (let w = 0; w < TYPE_WORDS; w++)
      if ((this.#rows[row + w] ?? 0) & (mask[w] ?? 0)) return true;
    return false;
  }
}

export function entryOf<T>(meeting: SearchableMeeting<T>, typeOverflow: boolean): Entry<T> {
  const schedule = meeting.schedule;
  const timed = schedule.kind !== 'appointment';
  return {
    id: meeting.id,
    sourceId: meeting.sourceId,
    slug: meeting.slug,
    name: meeting.name,
    fellowship: meeting.fellowship,
    types: meeting.types,
    languages: meeting.languages,
    clock: zoneClock(meeting.timezone),
    startMinute: timed ? minutesOfDay(schedule.start) : -1,
    durationMinutes: timed ? durationMinutes(schedule) : 0,
    weekdayMask: timed ? schedule.weekdays.reduce<number>((mask, d) => mask | (1 << d), 0) : 0,
    monthly: schedule.kind === 'monthly' ? schedule : null,
    attendanceBit: attendanceBits[meeting.attendance],
    typeOverflow,
    payload: meeting.payload,
    removed: false,
    nameKey: undefined,
  };
}

/** Local dates of one instant in each zone, worked out once per query. */
export class LocalDays {
  readonly #at: number;
  readonly #days = new Map<ZoneClock, number>();

  constructor(at: number) {
    this.#at = at;
  }

  of(clock: ZoneClock): number {
    let day = this.#days.get(clock);
    if (day === undefined) {
      day = clock.local(this.#at).dayNumber;
      this.#days.set(clock, day);
    }
    return day;
  }
}

/**
 * The next start at or after `after`: the weekly fast path, the general rules for the rest.
 * `days`, when given, holds local dates of `after`.
 */
export function nextStartOf(entry: Entry<unknown>, after: number, days?: LocalDays): number | null {
  if (entry.startMinute < 0) return null;
  if (!entry.monthly) return nextWeeklyStart(entry.clock, entry, after, days?.of(entry.clock));
  return nextStartAfter(entry.monthly, entry.clock, after);
}

/** The last start at or before `at`, within the meeting's length, or null. */
export function lastStartOf(entry: Entry<unknown>, at: number): number | null {
  if (entry.startMinute < 0) return null;
  if (!entry.monthly) return lastWeeklyStart(entry.clock, entry, at, entry.durationMinutes);
  return lastStartAtOrBefore(entry.monthly, entry.clock, at, entry.durationMinutes);
}
