import { IANAZone } from 'luxon';
import { isValidTimeZone } from './time-zone.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Days since 1970-01-01 of a UTC instant; 1970-01-01 was a Thursday. */
export function dayNumberOf(instantAsUtc: number): number {
  return Math.floor(instantAsUtc / DAY);
}

/** 0 = Sunday ... 6 = Saturday, of a day number. */
export function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** The calendar date of a day number. */
export function dateOfDay(dayNumber: number): { year: number; month: number; day: number } {
  const d = new Date(dayNumber * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Local wall-clock time of an instant in a zone. */
export interface LocalMoment {
  /** Days since 1970-01-01 of the local date. */
  readonly dayNumber: number;
  /** 0 = Sunday. */
  readonly weekday: number;
  readonly minuteOfDay: number;
}

/**
 * A time zone's offsets, fast: transitions are found once per zone and year (by sampling the
 * IANA rules through Luxon, then bisecting to the millisecond) and then looked up by binary
 * search. A search over 300,000 meetings asks for offsets millions of times; Luxon alone costs
 * microseconds a call.
 */
export class ZoneClock {
  readonly name: string;
  readonly #zone: IANAZone;
  /** Instants at which the offset changes, ascending, with the offset from then on. */
  #changes: number[] = [];
  #offsets: number[] = [];
  /** The offset in force before the first change. */
  #initial = 0;
  /** Years [first, last] whose changes are known, and the instants they span. */
  #first = 0;
  #last = -1;
  #coveredFrom = 0;
  #coveredTo = 0;

  constructor(name: string) {
    if (!isValidTimeZone(name)) throw new RangeError(`unknown time zone "${name}"`);
    this.name = name;
    this.#zone = IANAZone.create(name);
  }

  /** Transitions within [from, to): weekly samples, then bisection where the offset differs. */
  #scan(from: number, to: number): { at: number; offset: number }[] {
    const found: { at: number; offset: number }[] = [];
    let t = from;
    let offset = this.#zone.offset(t);
    while (t < to) {
      const next = Math.min(t + WEEK, to);
      const nextOffset = this.#zone.offset(next);
      if (nextOffset !== offset) {
        let lo = t;
        let hi = next;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (this.#zone.offset(mid) === offset) lo = mid;
          else hi = mid;
        }
        found.push({ at: hi, offset: this.#zone.offset(hi) });
      }
      t = next;
      offset = nextOffset;
    }
    return found;
  }

  #cover(year: number): void {
    this.#extend(year);
    this.#coveredFrom = Date.UTC(this.#first, 0, 1);
    this.#coveredTo = Date.UTC(this.#last + 1, 0, 1);
  }

  #extend(year: number): void {
    if (this.#last < this.#first) {
      this.#first = year;
      this.#last = year;
      const start = Date.UTC(year, 0, 1);
      this.#initial = this.#zone.offset(start);
      for (const c of this.#scan(start, Date.UTC(year + 1, 0, 1))) {
        this.#changes.push(c.at);
        this.#offsets.push(c.offset);
      }
      return;
    }
    while (year > this.#last) {
      this.#last++;
      for (const c of this.#scan(Date.UTC(this.#last, 0, 1), Date.UTC(this.#last + 1, 0, 1))) {
        this.#changes.push(c.at);
        this.#offsets.push(c.offset);
      }
    }
    while (year < this.#first) {
      this.#first--;
      const start = Date.UTC(this.#first, 0, 1);
      const earlier = this.#scan(start, Date.UTC(this.#first + 1, 0, 1));
      this.#initial = this.#zone.offset(start);
      this.#changes.unshift(...earlier.map((c) => c.at));
      this.#offsets.unshift(...earlier.map((c) => c.offset));
    }
  }

  /** Minutes east of UTC at an instant, as IANAZone.offset answers. */
  offsetMinutes(instant: number): number {
    if (instant < this.#coveredFrom || instant >= this.#coveredTo) {
      this.#cover(new Date(instant).getUTCFullYear());
    }
    let lo = 0;
    let hi = this.#changes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.#changes[mid] ?? 0) <= instant) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? this.#initial : (this.#offsets[lo - 1] ?? this.#initial);
  }

  /**
   * The span of instants around `instant` in which the offset stays what it is then:
   * [from, to), with from the last change at or before it and to the next change after it, as
   * far as its year and the next tell (from is at most the start of its year; a zone without
   * changes in them spans both years). Within the span the offset is certain to be the same.
   */
  steadySpan(instant: number): { offsetMinutes: number; from: number; to: number } {
    const year = new Date(instant).getUTCFullYear();
    this.offsetMinutes(Date.UTC(year, 0, 1));
    this.offsetMinutes(Date.UTC(year + 1, 11, 31));
    let lo = 0;
    let hi = this.#changes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.#changes[mid] ?? 0) <= instant) lo = mid + 1;
      else hi = mid;
    }
    return {
      offsetMinutes: this.offsetMinutes(instant),
      from: Math.max(this.#changes[lo - 1] ?? Number.NEGATIVE_INFINITY, Date.UTC(year, 0, 1)),
      to: Math.min(this.#changes[lo] ?? Number.POSITIVE_INFINITY, Date.UTC(year + 2, 0, 1)),
    };
  }

  /** The local date and time of an instant. */
  local(instant: number): LocalMoment {
    const wall = instant + this.offsetMinutes(instant) * MINUTE;
    const dayNumber = dayNumberOf(wall);
    return {
      dayNumber,
      weekday: weekdayOfDay(dayNumber),
      minuteOfDay: Math.floor((wall - dayNumber * DAY) / MINUTE),
    };
  }

  /**
   * The instant a wall-clock time on a local date happens, by RFC 5545's rules, so search and
   * calendar files agree: a time skipped when clocks go forward is read with the offset before
   * the gap (it moves forward by the gap); a time that happens twice is the first of the two.
   */
  instantOf(dayNumber: number, minuteOfDay: number): number {
    const wall = dayNumber * DAY + minuteOfDay * MINUTE;
    const before = this.offsetMinutes(wall - 30 * HOUR);
    const after = this.offsetMinutes(wall + 30 * HOUR);
    if (before === after) return wall - before * MINUTE; // no clock change near this day
    let best = Number.POSITIVE_INFINITY;
    for (const offset of [before, after]) {
      const instant = wall - offset * MINUTE;
      if (this.offsetMinutes(instant) === offset && instant < best) best = instant;
    }
    return best === Number.POSITIVE_INFINITY ? wall - before * MINUTE : best;
  }

  /** "2026-11-23T19:00:00-08:00": the instant, in this zone's local time with its offset. */
  isoString(instant: number): string {
    const offset = this.offsetMinutes(instant);
    const wall = instant + offset * MINUTE;
    const dayNumber = dayNumberOf(wall);
    const { year, month, day } = civilDateOfDay(dayNumber);
    const seconds = Math.floor((wall - dayNumber * DAY) / 1000);
    const abs = Math.abs(offset);
    return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}T${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}${offset < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
  }
}

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * The proleptic Gregorian date of a day number, by arithmetic (H. Hinnant's civil_from_days):
 * what dateOfDay gives, without making a Date (results write thousands of these a second).
 */
export function civilDateOfDay(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const clocks = new Map<string, ZoneClock>();

/** The clock of a zone, made once per zone and kept. Throws for an unknown zone. */
export function zoneClock(name: string): ZoneClock {
  let clock = clocks.get(name);
  if (!clock) {
    clock = new ZoneClock(name);
    clocks.set(name, clock);
  }
  return clock;
}
