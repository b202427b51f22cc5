import { z } from 'zod';
import { changeRequestSchema } from '../../services/change-request.service.ts';
import { volunteerPaths } from './openapi-volunteer.ts';
import {
  DEFAULT_LIMIT,
  DEFAULT_RADIUS_KM,
  MAX_LIMIT,
  searchParamsSchema,
} from './search-params.ts';

const searchParameterDescriptions: Record<keyof z.infer<typeof searchParamsSchema>, string> = {
  near: 'A point to search around: LATITUDE,LONGITUDE.',
  place: 'A town or postcode to search around, resolved offline (see /api/v1/places).',
  radius_km: `Only meetings within this many kilometres of the point (default ${DEFAULT_RADIUS_KM} when neither a radius nor nearest is given).`,
  radius_mi: 'Only meetings within this many miles of the point.',
  nearest: 'Only the nearest this many meetings that pass every other filter.',
  day: 'Weekdays in each meeting’s own zone, comma separated: 0 (Sunday) to 6, today, tomorrow. Monthly meetings count only in weeks they meet.',
  time_from: 'Local start time from (HH:MM, in each meeting’s zone).',
  time_to: 'Local start time to (HH:MM); earlier than time_from wraps past midnight.',
  starting_within:
    'Meetings starting at or after `at` and no later than this many minutes after it.',
  in_progress:
    'true: meetings started at or before `at` and not yet ended (a meeting without an end lasts an hour). With starting_within, either.',
  at: 'The instant taken as now (ISO-8601 with offset). Default: now.',
  tz: 'The viewer’s IANA zone, for today and tomorrow. Default: the zone at the point searched, else UTC.',
  attendance:
    'in_person, online, hybrid, inactive (comma separated). Default: all but inactive (temporarily closed).',
  fellowship: 'Fellowship ids, comma separated (aa, na, smart, ...).',
  types: 'Type codes that must all apply (comma separated); see /api/v1/types.',
  types_any: 'Type codes of which at least one must apply.',
  language: 'ISO 639 language codes, comma separated: meetings held in any of them.',
  q: 'Words to find at the start of words in the name, group, place, address, notes or region; case and accents ignored.',
  sort: 'next (default): soonest first; distance (needs a point); name.',
  limit: `Results per page, 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT}).`,
  cursor: 'The next_cursor of the previous page.',
};

function queryParameters() {
  const schema = z.toJSONSchema(searchParamsSchema, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, object>;
  };
  return Object.entries(searchParameterDescriptions).map(([name, description]) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema: schema.properties[name] ?? { type: 'string' },
  }));
}

const error = { $ref: '#/components/schemas/Error' };

/** The public paths with the volunteer area's, method by method where a path has both. */
function withVolunteerPaths(publicPaths: Record<string, Record<string, unknown>>) {
  const paths: Record<string, Record<string, unknown>> = { ...publicPaths };
  for (const [path, operations] of Object.entries(volunteerPaths())) {
    paths[path] = { ...operations, ...paths[path] };
  }
  return paths;
}

/** The OpenAPI 3.1 description of the public API, from the schemas that validate requests. */
export function openApiDocument(serverUrl: string | null) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Greendoor API',
      version: '1',
      description:
        'Find mutual aid meetings: no account, no cookies, and nothing about a search is logged. Errors name the parameter to fix. The volunteer area (x-access says what each route needs; docs/volunteer-api.md has the details) uses a session cookie.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths: withVolunteerPaths({
      '/api/v1/meetings': {
        get: {
          summary: 'Search meetings',
          parameters: queryParameters(),
          responses: {
            '200': {
              description:
                'meetings (each with next_start, distance_km when a point was given), next_cursor, place',
            },
            '400': {
              description: 'A bad parameter, named in the message',
              content: { 'application/json': { schema: error } },
            },
          },
        },
      },
      '/api/v1/meetings/{slug}': {
        get: {
          summary: 'One meeting, with the other meetings at its place',
          parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'The meeting' },
            '404': {
              description: 'No such meeting',
              content: { 'application/json': { schema: error } },
            },
          },
        },
      },
      '/meetings/{slug}.ics': {
        get: {
          summary: 'The meeting as an iCalendar event with a weekly or monthly RRULE in its zone',
          parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'text/calendar' } },
        },
      },
      '/api/v1/places': {
        get: {
          summary: 'Towns and postcodes, resolved offline',
          parameters: [
            { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 2 } },
            {
              name: 'limit',
              in: 'query',
              required: false,
              schema: { type: 'integer', minimum: 1, maximum: 20 },
            },
          ],
          responses: { '200': { description: 'places, best first' } },
        },
      },
      '/api/v1/types': {
        get: {
          summary: 'The meeting type vocabulary with plain descriptions',
          parameters: [
            {
              name: 'lang',
              in: 'query',
              required: false,
              schema: { type: 'string', enum: ['en', 'es', 'fr'] },
            },
          ],
          responses: { '200': { description: 'types' } },
        },
      },
      '/feeds/meeting-guide.json': {
        get: {
          summary: 'The whole published directory as a Meeting Guide feed (ETag, gzip, CORS)',
          responses: {
            '200': { description: 'A JSON array of meetings' },
            '304': { description: 'Not modified' },
          },
        },
      },
      '/api/v1/change-requests': {
        post: {
          summary:
            'Report a problem with a listing, or suggest a meeting (rate-limited; no account)',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: z.toJSONSchema(changeRequestSchema, {
                  io: 'input',
                  unrepresentable: 'any',
                }),
              },
            },
          },
          responses: {
            '202': { description: 'Received' },
            '400': {
              description: 'A bad field, named in the message',
              content: { 'application/json': { schema: error } },
            },
            '429': { description: 'Too many requests from this address; try again later' },
          },
        },
      },
      '/healthz': {
        get: {
          summary: 'Ready, with the database reachable',
          responses: { '200': { description: 'ok' }, '503': { description: 'unavailable' } },
        },
      },
    }),
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'gd_session',
          description:
            'Set by POST /api/v1/auth/login. Writes with it must come from this site (Origin).',
        },
      },
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: { type: 'string' },
            message: { type: 'string' },
            field: { type: 'string' },
            reason: {
              type: 'string',
              description:
                'What the problem is, where an edge says it in its own words: unknown_place',
            },
          },
          required: ['error', 'message'],
        },
      },
    },
  };
}
