import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordHasher } from '../../adapters/auth/password-hasher.ts';
import { totp } from '../../adapters/auth/totp.ts';
import { setPassword } from '../../services/account/account.service.ts';
import { createMeeting } from '../../services/editing/meeting-edit.service.ts';
import { person, serviceBody } from '../../test-support/accounts.ts';
import { type TestDatabase, createTestDatabase, testClock } from '../../test-support/databases.ts';
import { testServer } from '../../test-support/http.ts';

/** The volunteer's list of meetings, as the API documents it, and JSON requests without a body. */

const PASSWORD = 'meeting-edit-routes-1';
const ORIGIN = 'http://127.0.0.1';
let db: TestDatabase;
let app: FastifyInstance;
let cookie: string;

beforeAll(async () => {
  db = await createTestDatabase('sqlite');
  const body = await serviceBody(db.store, 'Downs District');
  const other = await serviceBody(db.store, 'Weald District');
  const editor = await person(db.store, 'editor@example.org', {
    memberships: [{ serviceBodyId: body, role: 'editor' }],
  });
  const admin = await person(db.store, 'admin@example.org', { isAdmin: true });
  await setPassword(
    { store: db.store, clock: testClock, hasher: passwordHasher, totp, mailer: null, baseUrl: '' },
    editor.userId,
    PASSWORD,
  );
  const ctx = { store: db.store, clock: testClock, defaultTimezone: 'UTC' };
  for (const [name, serviceBodyId] of [
    ['Morning Light', body],
    ['Night Owls', body],
    ['Lunchtime Hope', body],
    ['Weald Serenity', other],
  ] as const) {
    await createMeeting(
      { ...ctx, actor: admin },
      {
        fields: {
          name,
          day: 2,
          time: '19:00',
          timezone: 'Europe/London',
          fellowship: 'aa',
          ...(name === 'Night Owls' ? { group: 'Owls Group' } : {}),
        },
        serviceBodyId,
      },
    );
  }
  app = await testServer(db);
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'editor@example.org', password: PASSWORD },
    headers: { origin: ORIGIN, host: '127.0.0.1' },
  });
  expect(login.statusCode).toBe(200);
  cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
});

afterAll(async () => {
  await app.close();
  await db.destroy();
});

const get = (url: string) => app.inject({ url, headers: { cookie } });
const names = (body: string) =>
  (JSON.parse(body) as { meetings: { name: string }[] }).meetings.map((m) => m.name);

describe('GET /api/v1/editable-meetings', () => {
  it('answers {total, meetings}: the meetings of the person’s bodies, by name', async () => {
    const response = await get('/api/v1/editable-meetings');
    expect(response.statusCode).toBe(200);
    const page = JSON.parse(response.body) as { total: number; meetings: unknown[] };
    expect(page.total).toBe(3);
    expect(names(response.body)).toEqual(['Lunchtime Hope', 'Morning Light', 'Night Owls']);
    expect(page.meetings[0]).toEqual(
      expect.objectContaining({ slug: expect.any(String), published: true, group: null }),
    );
    // Each with its group, for moving meetings between groups.
    expect(page.meetings[2]).toEqual(
      expect.objectContaining({ group: { id: expect.any(Number), name: 'Owls Group' } }),
    );
  });

  it('pages with limit and offset, and finds by name with q', async () => {
    const first = await get('/api/v1/editable-meetings?limit=2');
    expect(names(first.body)).toEqual(['Lunchtime Hope', 'Morning Light']);
    expect((JSON.parse(first.body) as { total: number }).total).toBe(3);
    expect(names((await get('/api/v1/editable-meetings?limit=2&offset=2')).body)).toEqual([
      'Night Owls',
    ]);
    expect(names((await get('/api/v1/editable-meetings?q=owls')).body)).toEqual(['Night Owls']);
  });

  it('refuses a bad page size, naming it', async () => {
    const response = await get('/api/v1/editable-meetings?limit=0');
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ message: expect.stringMatching(/^limit:/) });
  });
});

describe('GET /api/v1/groups and /api/v1/locations', () => {
  it('answer the places and groups of the person’s bodies, by name, with their meetings', async () => {
    const groups = await get('/api/v1/groups');
    expect(groups.statusCode).toBe(200);
    expect(JSON.parse(groups.body)).toEqual({
      total: 1,
      groups: [
        {
          id: expect.any(Number),
          name: 'Owls Group',
          service_body_id: expect.any(Number),
          meetings: 1,
        },
      ],
    });
    const places = JSON.parse((await get('/api/v1/locations?q=OWL&limit=5')).body) as {
      total: number;
    };
    expect(places).toEqual({ total: 0, locations: [] });
  });

  it('refuse a bad page, naming the parameter', async () => {
    for (const url of ['/api/v1/groups?limit=501', '/api/v1/locations?offset=-1']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({
        field: expect.stringMatching(/limit|offset/),
      });
    }
  });
});

describe('JSON requests', () => {
  it('takes a JSON request with no body as no body, and still refuses bad JSON', async () => {
    const empty = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout-everywhere',
      headers: { cookie, origin: ORIGIN, host: '127.0.0.1', 'content-type': 'application/json' },
    });
    expect(empty.statusCode).toBe(200);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/change-requests',
      headers: { 'content-type': 'application/json' },
      payload: '{"message": ',
    });
    expect(bad.statusCode).toBe(400);
    const poisoned = await app.inject({
      method: 'POST',
      url: '/api/v1/change-requests',
      headers: { 'content-type': 'application/json' },
      payload: '{"__proto__": {"admin": true}, "message": "hello"}',
    });
    expect(poisoned.statusCode).toBe(400);
  });
});
