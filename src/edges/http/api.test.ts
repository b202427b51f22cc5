import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMeetingGuideFeed } from '../../formats/meeting-guide/meeting-guide.reader.ts';
import { importFeed, importInput } from '../../services/import/import.service.ts';
import { type TestDatabase, createTestDatabase, testClock } from '../../test-support/databases.ts';
import { testServer } from '../../test-support/http.ts';
import { MemoryStream } from '../../test-support/memory-stream.ts';
import { feedReadOptions } from '../../test-support/read-options.ts';
import { solves } from '../../services/spam/proof-of-work.ts';
import { undocumentedApiRoutes } from './openapi-volunteer.ts';
import { distanceKm } from '../../test-support/plain-distance.ts';
import { readSharedFeed, sharedFeedPath } from '../../test-support/shared-data.ts';

interface RawMeeting {
  slug: string;
  day?: number | number[] | string;
  time?: string;
  end_time?: string;
  latitude?: number;
  longitude?: number;
  attendance_option?: string;
  types?: string[];
}

/** Every start of a weekly feed meeting within a few days of an instant, with Luxon. */
function startsNear(m: RawMeeting, zone: string, at: number): number[] {
  if (m.day === undefined || m.time === undefined) return [];
  const days = (Array.isArray(m.day) ? m.day : [m.day]).map(Number);
  const [h = 0, min = 0] = m.time.split(':').map(Number);
  const out: number[] = [];
  for (let i = -3; i <= 3; i++) {
    const date = DateTime.fromMillis(at, { zone }).plus({ days: i });
    if (!days.includes(date.weekday % 7)) continue;
    out.push(date.set({ hour: h, minute: min, second: 0, millisecond: 0 }).toMillis());
  }
  return out;
}

describe('the public API on the shared Orange County feed', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let feed: RawMeeting[];
  const log = new MemoryStream();

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    await importFeed(
      { location: sharedFeedPath('oc'), source: 'oc', format: 'auto', prune: false },
      { store: db.store, clock: testClock, defaultTimezone: 'UTC' },
    );
    await importInput(
      {
        text: JSON.stringify([
          {
            name: 'Café Serenidad',
            slug: 'cafe-serenidad',
            day: 2,
            time: '19:00',
            types: ['O', 'S'],
            location: 'Centro Comunitario',
            formatted_address: '3186 Pullman St, Costa Mesa, CA 92626, USA',
            latitude: 33.6850173,
            longitude: -117.8720761,
          },
        ]),
        location: 'accent',
        suggestedName: 'accent',
        contentType: null,
      },
      { source: 'accent', format: 'auto', prune: false },
      { store: db.store, clock: testClock, defaultTimezone: 'UTC' },
    );
    feed = (await readSharedFeed('oc')) as RawMeeting[];
    app = await testServer(db, { config: { logLevel: 'info' }, logStream: log });
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  const get = async (url: string) => app.inject({ url, headers: { accept: 'application/json' } });
  const slugs = async (query: string) => {
    const res = await get(`/api/v1/meetings?${query}&limit=500`);
    expect(res.statusCode, res.body).toBe(200);
    return res
      .json<{ meetings: { slug: string }[] }>()
      .meetings.map((m) => m.slug)
      .sort();
  };

  it.each([
    ['Costa Mesa', 33.685, -117.872, 5, 1],
    ['Huntington Beach', 33.66, -117.999, 8, 3],
    ['Laguna Beach', 33.542, -117.783, 10, 6],
  ])(
    'near %s: in-person meetings within the radius on a weekday, as a plain computation says',
    async (_town, lat, lng, km, day) => {
      const got = (
        await slugs(`near=${lat},${lng}&radius_km=${km}&day=${day}&attendance=in_person,hybrid`)
      ).filter((s) => s !== 'cafe-serenidad');
      const days = (m: RawMeeting) =>
        Array.isArray(m.day) ? m.day.map(Number) : m.day === undefined ? [] : [Number(m.day)];
      const want = feed
        .filter((m) => m.attendance_option === 'in_person' || m.attendance_option === 'hybrid')
        .filter(
          (m) => m.latitude !== undefined && m.longitude !== undefined && days(m).includes(day),
        )
        .filter((m) => distanceKm(lat, lng, m.latitude ?? 0, m.longitude ?? 0) <= km)
        .map((m) => m.slug)
        .sort();
      expect(want.length).toBeGreaterThan(3);
      expect(got).toEqual(want);
    },
  );

  it.each([
    ['an ordinary evening', '2026-11-23T18:05:00-08:00', 80],
    ['the morning clocks go forward', '2026-03-08T10:05:00-07:00', 50],
    ['the evening clocks went forward', '2026-03-08T18:05:00-07:00', 80],
    ['the night clocks go back', '2026-10-31T22:30:00-07:00', 240],
  ])('starting within N minutes on %s', async (_when, iso, minutes) => {
    const at = Date.parse(iso);
    const got = await slugs(
      `starting_within=${minutes}&at=${encodeURIComponent(iso)}&attendance=in_person,online,hybrid`,
    );
    const want = feed
      .filter((m) => m.attendance_option !== 'inactive')
      .filter((m) =>
        startsNear(m, 'America/Los_Angeles', at).some((s) => s >= at && s <= at + minutes * 60_000),
      )
      .map((m) => m.slug)
      .sort();
    expect(want.length).toBeGreaterThan(0);
    expect(got.filter((s) => s !== 'cafe-serenidad')).toEqual(want);
  });

  it('in progress: started at or before the instant and not yet ended', async () => {
    const iso = '2026-11-23T18:05:00-08:00';
    const at = Date.parse(iso);
    const duration = (m: RawMeeting) => {
      if (!m.end_time || !m.time) return 60;
      const [sh = 0, sm = 0] = m.time.split(':').map(Number);
      const [eh = 0, em = 0] = m.end_time.split(':').map(Number);
      return (eh * 60 + em - sh * 60 - sm + 1440) % 1440 || 1440;
    };
    const got = await slugs(
      `in_progress=true&at=${encodeURIComponent(iso)}&attendance=in_person,online,hybrid`,
    );
    const want = feed
      .filter((m) => m.attendance_option !== 'inactive')
      .filter((m) =>
        startsNear(m, 'America/Los_Angeles', at).some(
          (s) => s <= at && at < s + duration(m) * 60_000,
        ),
      )
      .map((m) => m.slug)
      .sort();
    expect(got).toEqual(want);
  });

  it('answers next_start with the meeting’s own offset, and distances when a point was given', async () => {
    const res = await get(
      '/api/v1/meetings?near=33.685,-117.872&radius_km=1&sort=distance&at=2026-11-23T12:00:00Z',
    );
    const first = res.json<{ meetings: Record<string, unknown>[] }>().meetings[0];
    expect(first).toMatchObject({
      fellowship: 'aa',
      timezone: 'America/Los_Angeles',
      location: expect.objectContaining({
        formatted_address: expect.stringContaining('Costa Mesa'),
      }),
    });
    expect(String(first?.next_start)).toMatch(/^2026-11-2\dT\d{2}:\d{2}:\d{2}-08:00$/);
    expect(first?.distance_km).toBeLessThan(1);
  });

  it('finds text whatever its case and accents', async () => {
    for (const q of ['cafe', 'CAFÉ', 'Serenidad', 'seren centro']) {
      expect(await slugs(`q=${encodeURIComponent(q)}`), q).toContain('cafe-serenidad');
    }
  });

  it('resolves a place name offline and says which place it used', async () => {
    const res = await get('/api/v1/meetings?place=Costa%20Mesa&radius_km=3');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ place: { label: string; latitude: number }; meetings: unknown[] }>();
    expect(body.place.label).toMatch(/^Costa Mesa/);
    expect(body.place.latitude).toBeCloseTo(33.64, 1);
    expect(body.meetings.length).toBeGreaterThan(5);
  });

  it('pages with cursors through exactly the meetings one page holds', async () => {
    const all = await slugs('near=33.685,-117.872&radius_km=6&sort=next&at=2026-11-23T12:00:00Z');
    const paged: string[] = [];
    let url =
      '/api/v1/meetings?near=33.685,-117.872&radius_km=6&sort=next&at=2026-11-23T12:00:00Z&limit=37';
    for (let i = 0; i < 50; i++) {
      const body = (await get(url)).json<{
        meetings: { slug: string }[];
        next_cursor: string | null;
      }>();
      paged.push(...body.meetings.map((m) => m.slug));
      if (!body.next_cursor) break;
      url = `/api/v1/meetings?near=33.685,-117.872&radius_km=6&sort=next&limit=37&cursor=${body.next_cursor}`;
    }
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged.sort()).toEqual(all);
  });

  it.each([
    ['day=9', 'day'],
    ['near=north', 'near'],
    ['near=91,0', 'near'],
    ['radius_km=5', 'radius_km'],
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['sort=random', 'sort'],
    ['sort=distance', 'sort'],
    ['at=yesterday', 'at'],
    ['time_from=25:00', 'time_from'],
    ['attendance=teleport', 'attendance'],
    ['cursor=zzz', 'cursor'],
    ['place=Nowhere%20Special%20Town', 'place'],
    ['tz=Mars%2FBase', 'tz'],
  ])('refuses %s with 400 naming the parameter', async (query, field) => {
    const res = await get(`/api/v1/meetings?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'invalid_input',
      field,
      message: expect.stringMatching(new RegExp(`^${field}: `)),
    });
  });

  it('gives one meeting, with the others at its place and no private contacts', async () => {
    const res = await get('/api/v1/meetings/40-minutes-to-freedom');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '40 Minutes to Freedom',
      location: { formatted_address: '3186 Pullman St, Costa Mesa, CA 92626, USA' },
      at_same_place: expect.arrayContaining([expect.objectContaining({ slug: 'cafe-serenidad' })]),
    });
    expect((await get('/api/v1/meetings/no-such-meeting')).statusCode).toBe(404);
  });

  it('gives a calendar file with a weekly rule in the meeting’s zone', async () => {
    const res = await app.inject('/meetings/40-minutes-to-freedom.ics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.body).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO');
    expect(res.body).toContain('DTSTART;TZID=America/Los_Angeles:');
    expect(res.body).toContain('BEGIN:VTIMEZONE');
  });

  it('publishes the directory as a Meeting Guide feed, with ETag, gzip and CORS', async () => {
    const res = await app.inject({
      url: '/feeds/meeting-guide.json',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const etag = String(res.headers.etag);
    const feedBack = JSON.parse(gunzipSync(res.rawPayload).toString('utf8')) as unknown[];
    expect(feedBack).toHaveLength(1968);
    const reread = readMeetingGuideFeed(feedBack, feedReadOptions());
    expect(reread.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const again = await app.inject({
      url: '/feeds/meeting-guide.json',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    const plain = await app.inject('/feeds/meeting-guide.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body)).toHaveLength(1968);
  });

  it('resolves places and explains types in a language', async () => {
    const places = (await get('/api/v1/places?q=Costa%20Mesa')).json<{
      places: { label: string; latitude: number }[];
    }>();
    expect(places.places[0]?.latitude).toBeCloseTo(33.64, 1);
    expect((await get('/api/v1/places')).statusCode).toBe(400);
    const types = (await get('/api/v1/types?lang=es')).json<{
      types: { code: string; name: string; description: string }[];
    }>();
    expect(types.types.find((t) => t.code === 'O')).toMatchObject({ name: 'Abierta' });
    expect((await get('/api/v1/types?lang=xx')).statusCode).toBe(400);
  });

  it('describes itself in OpenAPI', async () => {
    const doc = (await get('/api/openapi.json')).json<{
      openapi: string;
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/meetings']?.get?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['near', 'place', 'day', 'starting_within', 'cursor']),
    );
    // Every route under /api is in it, the volunteer area's with what it needs.
    expect(undocumentedApiRoutes(doc.paths as Record<string, Record<string, unknown>>)).toEqual([]);
    expect(doc.paths['/api/v1/meetings/{slug}']).toMatchObject({
      patch: { 'x-access': 'edit_listings', security: [{ session: [] }] },
    });
  });

  it('takes change requests, keeps bots out quietly, and says what to fix', async () => {
    const post = (payload: object) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/change-requests',
        payload,
        headers: { 'x-forwarded-for': '198.51.100.7' },
      });
    expect(
      (
        await post({
          meeting: '40-minutes-to-freedom',
          message: 'Moved to room 2',
          changes: { location_notes: 'Room 2' },
          email: 'me@example.org',
        })
      ).statusCode,
    ).toBe(202);
    expect(
      (
        await post({
          message: 'A new meeting on Fridays',
          changes: { day: 5, time: '19:00', name: 'Friday Hope' },
        })
      ).statusCode,
    ).toBe(202);
    expect((await post({ message: 'buy pills', website: 'http://spam.example' })).statusCode).toBe(
      202,
    );
    const stored = await db.store.changeRequests.list({ statuses: ['open', 'held'] });
    expect(stored.map((r) => r.message)).toEqual(['Moved to room 2', 'A new meeting on Fridays']);
    // Without the forms' proof of work, both wait apart as possible spam.
    expect(stored.map((r) => r.status)).toEqual(['held', 'held']);
    expect(stored[0]?.email).toBe('me@example.org');
    const missing = await post({ meeting: '40-minutes-to-freedom' });
    expect(missing.json()).toMatchObject({ field: 'message' });
    expect((await post({ meeting: 'no-such', message: 'x' })).statusCode).toBe(404);
  });
});

describe('the forms’ proof of work', () => {
  it('puts a proven request straight into its queue, once', async () => {
    const db = await createTestDatabase('sqlite');
    const app = await testServer(db);
    try {
      const post = (payload: object) =>
        app.inject({ method: 'POST', url: '/api/v1/change-requests', payload });
      const { challenge, difficulty } = (
        await app.inject('/api/v1/change-requests/challenge')
      ).json<{
        challenge: string;
        difficulty: number;
      }>();
      let nonce = 0;
      while (!solves(challenge, String(nonce), difficulty)) nonce++;
      const proof = { challenge, nonce: String(nonce) };
      await post({ message: 'Proven', proof });
      await post({ message: 'Replayed', proof });
      await post({
        message: 'Forged',
        proof: { challenge: `${challenge.slice(0, -3)}abc`, nonce: String(nonce) },
      });
      await post({ message: 'Unproven' });
      const queued = await db.store.changeRequests.list({ statuses: ['open', 'held'] });
      expect(queued.map((r) => [r.message, r.status])).toEqual([
        ['Proven', 'open'],
        ['Replayed', 'held'],
        ['Forged', 'held'],
        ['Unproven', 'held'],
      ]);
    } finally {
      await app.close();
      await db.destroy();
    }
  });
});

describe('rate limiting change requests', () => {
  it('refuses a sixth request from one address within ten minutes', async () => {
    const db = await createTestDatabase('sqlite');
    const app = await testServer(db);
    try {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        codes.push(
          (
            await app.inject({
              method: 'POST',
              url: '/api/v1/change-requests',
              payload: { message: `report ${i}` },
            })
          ).statusCode,
        );
      }
      expect(codes).toEqual([202, 202, 202, 202, 202, 429]);
    } finally {
      await app.close();
      await db.destroy();
    }
  });
});
