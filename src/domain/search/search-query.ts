import type { Attendance } from '../meeting/attendance.ts';
import type { Weekday } from '../schedule/schedule.ts';

export const searchSorts = ['next', 'distance', 'name'] as const;
export type SearchSort = (typeof searchSorts)[number];

/** A search, already validated and resolved (a place name is a point by now). */
export interface SearchQuery {
  /** The instant "now" is taken to be. */
  readonly at: number;
  readonly near?: { readonly latitude: number; readonly longitude: number };
  /** With `near`: only meetings within this distance. */
  readonly radiusKm?: number;
  /** With `near`: only the nearest this many meetings (that pass every other filter). */
  readonly nearest?: number;
  /** Weekdays in each meeting's own zone. */
  readonly days?: readonly Weekday[];
  /** Local start time window, minutes after midnight; from > to wraps past midnight. */
  readonly timeFrom?: number;
  readonly timeTo?: number;
  /** Starts at or after `at` and no later than this many minutes after it. */
  readonly startingWithin?: number;
  /** Started at or before `at` and not yet ended. */
  readonly inProgress?: boolean;
  /** Default: every attendance but inactive. */
  readonly attendance?: readonly Attendance[];
  readonly fellowships?: readonly string[];
  /** Every one of these types. */
  readonly types?: readonly string[];
  /** At least one of these types. */
  readonly typesAny?: readonly string[];
  /** ISO 639 codes: at least one. */
  readonly languages?: readonly string[];
  /** Words, each matching the start of a word in the name, group, place, address, notes or region. */
  readonly text?: string;
  readonly sort: SearchSort;
  readonly limit: number;
  readonly cursor?: SearchCursor;
}

/** Where a page ended: the sort key and slug of its last meeting (keyset pagination). */
export interface SearchCursor {
  readonly at: number;
  readonly key: number | string;
  readonly slug: string;
}

export interface SearchHit<T> {
  readonly meeting: T;
  /** The next start at or after `at` (the current one, for meetings in progress); null by appointment. */
  readonly nextStart: number | null;
  readonly distanceKm: number | null;
}

export interface SearchResult<T> {
  readonly hits: SearchHit<T>[];
  readonly nextCursor: SearchCursor | null;
}
