/**
 * The searches the benchmarks run, drawn from a seeded source so every run asks the same: each
 * named kind as a SearchQuery (for the in-process benchmark) and as the public API's query
 * string (for the HTTP benchmark). Points are where the directory's own meetings are (people
 * search where meetings are); instants are spread over the coming week so every hour of every
 * zone is asked about.
 */
import type { SearchQuery } from '../src/domain/search/search-query.ts';
import { Random } from '../src/services/generate/random.ts';

export interface WorkloadQuery {
  readonly query: SearchQuery;
  /** The same search as GET /api/v1/meetings parameters. */
  readonly api: string;
}

export interface Workload {
  readonly name: string;
  readonly queries: readonly WorkloadQuery[];
}

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** The coming Monday, 00:00 UTC: searches ask about the week after it, as visitors would. */
function comingMonday(now: number): number {
  const today = Math.floor(now / DAY) * DAY;
  const weekday = new Date(today).getUTCDay();
  return today + ((8 - weekday) % 7 || 7) * DAY;
}
const TYPE_PAIRS = [
  ['O', 'D'],
  ['C', 'D'],
  ['O', 'SP'],
  ['O', 'B'],
  ['C', 'ST'],
  ['O', 'W'],
];
const WORDS = ['serenity', 'hope', 'step', 'new', 'women', 'morning', 'group', 'church', 'park'];

export interface Point {
  readonly latitude: number;
  readonly longitude: number;
}

const iso = (at: number) => new Date(at).toISOString();
const point = (t: Point) => `${t.latitude.toFixed(4)},${t.longitude.toFixed(4)}`;

/** `count` searches of each kind, near the points given (the directory's meetings). */
export function searchWorkloads(
  count: number,
  points: readonly Point[],
  seed = 7,
  now = Date.now(),
): Workload[] {
  const random = new Random(seed);
  const weekStart = comingMonday(now);
  const instant = () => weekStart + random.int(0, WEEK / 60_000 - 1) * 60_000;
  const base = (at: number) => ({ at, sort: 'next' as const, limit: 50 });
  const make = (build: () => WorkloadQuery): WorkloadQuery[] =>
    Array.from({ length: count }, build);
  return [
    {
      name: 'near a point (25 km) + next 2 hours + two types',
      queries: make(() => {
        const at = instant();
        const town = random.pick(points);
        const types = random.pick(TYPE_PAIRS);
        return {
          query: {
            ...base(at),
            near: { latitude: town.latitude, longitude: town.longitude },
            radiusKm: 25,
            startingWithin: 120,
            types,
          },
          api: `near=${point(town)}&radius_km=25&starting_within=120&types=${types.join(',')}&at=${iso(at)}`,
        };
      }),
    },
    {
      name: 'online, starting within 60 minutes, worldwide',
      queries: make(() => {
        const at = instant();
        return {
          query: { ...base(at), attendance: ['online'], startingWithin: 60 },
          api: `attendance=online&starting_within=60&at=${iso(at)}`,
        };
      }),
    },
    {
      name: 'text search (one word, next start)',
      queries: make(() => {
        const at = instant();
        const word = random.pick(WORDS);
        return { query: { ...base(at), text: word }, api: `q=${word}&at=${iso(at)}` };
      }),
    },
    {
      name: 'nearest 20 to a point, by distance',
      queries: make(() => {
        const at = instant();
        const town = random.pick(points);
        return {
          query: {
            ...base(at),
            sort: 'distance',
            near: { latitude: town.latitude, longitude: town.longitude },
            nearest: 20,
          },
          api: `near=${point(town)}&nearest=20&sort=distance&at=${iso(at)}`,
        };
      }),
    },
    {
      name: 'in progress now, worldwide',
      queries: make(() => {
        const at = instant();
        return {
          query: { ...base(at), inProgress: true },
          api: `in_progress=true&at=${iso(at)}`,
        };
      }),
    },
  ];
}
