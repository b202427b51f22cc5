import { z } from 'zod';
import type { Place } from '../../adapters/geo/places.ts';
import { AppError } from '../../domain/errors.ts';
import { attendanceOptions } from '../../domain/meeting/attendance.ts';
import { parseLocalTime } from '../../domain/schedule/local-time.ts';
import type { Weekday } from '../../domain/schedule/schedule.ts';
import { isValidTimeZone } from '../../domain/schedule/time-zone.ts';
import { zoneClock } from '../../domain/schedule/zone-clock.ts';
import { KM_PER_MILE } from '../../domain/search/geo.ts';
import {
  type SearchCursor,
  type SearchQuery,
  searchSorts,
} from '../../domain/search/search-query.ts';

/** The radius a search by place uses when it names neither a radius nor a count. */
export const DEFAULT_RADIUS_KM = 25;
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

function list<S extends z.ZodType<string, string>>(item: S, what: string) {
  return z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x.length > 0),
    )
    .pipe(z.array(item).min(1, `give at least one ${what}`));
}

const code = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'must be codes separated by commas');
const dayWord = z
  .string()
  .regex(/^([0-6]|today|tomorrow)$/, 'must be 0 (Sunday) to 6 (Saturday), today or tomorrow');
const localTime = z
  .string()
  .refine((t) => parseLocalTime(t) !== null, 'must be a time as HH:MM, such as 19:30');

/** The query parameters of GET /api/v1/meetings, with the finder's page using the same. */
export const searchParamsSchema = z.object({
  near: z
    .string()
    .regex(
      /^\s*-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*$/,
      'must be LATITUDE,LONGITUDE such as 51.5074,-0.1278',
    )
    .transform((s) => s.split(',').map(Number) as [number, number])
    .refine(([lat, lng]) => Math.abs(lat) <= 90 && Math.abs(lng) <= 180, 'must be a point on Earth')
    .optional(),
  place: z.string().trim().min(2, 'must name a town or postcode').max(100).optional(),
  radius_km: z.coerce
    .number({ error: 'must be a number of kilometres' })
    .positive('must be more than 0')
    .max(20_000)
    .optional(),
  radius_mi: z.coerce
    .number({ error: 'must be a number of miles' })
    .positive('must be more than 0')
    .max(12_500)
    .optional(),
  nearest: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1)
    .max(MAX_LIMIT)
    .optional(),
  day: list(dayWord, 'day').optional(),
  time_from: localTime.optional(),
  time_to: localTime.optional(),
  starting_within: z.coerce
    .number({ error: 'must be a number of minutes' })
    .int('must be whole minutes')
    .min(1)
    .max(7 * 1440)
    .optional(),
  in_progress: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  at: z
    .string()
    .refine(
      (s) =>
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s) &&
        !Number.isNaN(Date.parse(s)),
      {
        message: 'must be an ISO-8601 instant with its offset, such as 2026-11-23T19:00:00-08:00',
      },
    )
    .optional(),
  tz: z
    .string()
    .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/London')
    .optional(),
  attendance: list(
    z.enum(attendanceOptions, { error: 'must be in_person, online, hybrid or inactive' }),
    'attendance',
  ).optional(),
  fellowship: list(code, 'fellowship').optional(),
  types: list(code, 'type').optional(),
  types_any: list(code, 'type').optional(),
  language: list(
    z.string().regex(/^[a-z]{2,3}$/, 'must be ISO 639 codes such as en or es'),
    'language',
  ).optional(),
  q: z.string().max(200, 'keep it under 200 characters').optional(),
  sort: z.enum(searchSorts, { error: 'must be next, distance or name' }).optional(),
  limit: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1)
    .max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`)
    .optional(),
  cursor: z.string().max(500).optional(),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;

function invalid(field: string, message: string): AppError {
  return new AppError('invalid_input', `${field}: ${message}`, { field });
}

/** Reads the parameters, or throws one AppError naming the first bad one. */
export function parseSearchParams(raw: Record<string, unknown>): SearchParams {
  const parsed = searchParamsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw invalid(String(issue?.path[0] ?? 'query'), issue?.message ?? 'is not valid');
}

export function encodeCursor(cursor: SearchCursor, sort: SearchQuery['sort']): string {
  return Buffer.from(JSON.stringify({ ...cursor, sort })).toString('base64url');
}

function decodeCursor(text: string, sort: SearchQuery['sort']): SearchCursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const { at, key, slug } = value;
    if (value.sort !== sort)
      throw invalid(
        'cursor',
        `belongs to a search sorted by ${String(value.sort)}: keep the same sort`,
      );
    if (
      typeof at === 'number' &&
      (typeof key === 'number' || typeof key === 'string') &&
      typeof slug === 'string'
    ) {
      return { at, key, slug };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
  }
  throw invalid('cursor', 'is not a cursor this server gave: start again without it');
}

export interface ResolvedSearch {
  readonly query: SearchQuery;
  /** The place asked for, resolved offline. */
  readonly place: Place | null;
  /** Whether a point was searched around (so results carry distances). */
  readonly hasPoint: boolean;
  /** The zone "today" and "tomorrow" were read in. */
  readonly viewerZone: string;
}

/**
 * Parameters to a search: a place name becomes a point, "today" a weekday in the viewer's zone
 * (`tz`, else the zone at the point, else UTC), and defaults fill in.
 */
export async function resolveSearch(
  params: SearchParams,
  context: {
    now: number;
    resolvePlace: (q: string) => Promise<Place | null>;
    zoneAt: (lat: number, lng: number) => string | null;
  },
): Promise<ResolvedSearch> {
  if (params.near && params.place) throw invalid('place', 'give near or place, not both');
  if (params.radius_km !== undefined && params.radius_mi !== undefined)
    throw invalid('radius_mi', 'give radius_km or radius_mi, not both');
  let place: Place | null = null;
  let point = params.near ? { latitude: params.near[0], longitude: params.near[1] } : undefined;
  if (params.place) {
    place = await context.resolvePlace(params.place);
    if (!place) {
      throw new AppError(
        'invalid_input',
        `place: no town or postcode called "${params.place}" is known: try a nearby town, or a ZIP or postal code`,
        { field: 'place', reason: 'unknown_place' },
      );
    }
    point = { latitude: place.latitude, longitude: place.longitude };
  }
  const sort = params.sort ?? 'next';
  if (sort === 'distance' && !point) throw invalid('sort', 'distance needs near or place');
  if (
    !point &&
    (params.radius_km !== undefined ||
      params.radius_mi !== undefined ||
      params.nearest !== undefined)
  ) {
    throw invalid(params.nearest !== undefined ? 'nearest' : 'radius_km', 'needs near or place');
  }
  const cursor = params.cursor !== undefined ? decodeCursor(params.cursor, sort) : undefined;
  const at = cursor?.at ?? (params.at !== undefined ? Date.parse(params.at) : context.now);
  const viewerZone =
    params.tz ?? (point ? context.zoneAt(point.latitude, point.longitude) : null) ?? 'UTC';
  const today = zoneClock(viewerZone).local(at).weekday;
  const days = params.day?.map(
    (d) => (d === 'today' ? today : d === 'tomorrow' ? (today + 1) % 7 : Number(d)) as Weekday,
  );
  const radiusKm =
    params.radius_km ??
    (params.radius_mi !== undefined
      ? params.radius_mi * KM_PER_MILE
      : point && params.nearest === undefined
        ? DEFAULT_RADIUS_KM
        : undefined);
  const minutes = (t: string | undefined) => {
    const parsed = t === undefined ? null : parseLocalTime(t);
    return parsed === null ? undefined : Number(parsed.slice(0, 2)) * 60 + Number(parsed.slice(3));
  };
  const query: SearchQuery = {
    at,
    sort,
    limit: params.limit ?? DEFAULT_LIMIT,
    ...(point ? { near: point } : {}),
    ...(radiusKm !== undefined ? { radiusKm } : {}),
    ...(params.nearest !== undefined ? { nearest: params.nearest } : {}),
    ...(days ? { days: [...new Set(days)] } : {}),
    ...(minutes(params.time_from) !== undefined ? { timeFrom: minutes(params.time_from) } : {}),
    ...(minutes(params.time_to) !== undefined ? { timeTo: minutes(params.time_to) } : {}),
    ...(params.starting_within !== undefined ? { startingWithin: params.starting_within } : {}),
    ...(params.in_progress === 'true' ? { inProgress: true } : {}),
    ...(params.attendance ? { attendance: params.attendance } : {}),
    ...(params.fellowship ? { fellowships: params.fellowship } : {}),
    ...(params.types ? { types: params.types } : {}),
    ...(params.types_any ? { typesAny: params.types_any } : {}),
    ...(params.language ? { languages: params.language } : {}),
    ...(params.q !== undefined && params.q.trim() !== '' ? { text: params.q } : {}),
    ...(cursor ? { cursor } : {}),
  };
  return { query, place, hasPoint: point !== undefined, viewerZone };
}
