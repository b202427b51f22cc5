import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordHasher } from '../../adapters/auth/password-hasher.ts';
import { totp } from '../../adapters/auth/totp.ts';
import { setPassword } from '../../services/account/account.service.ts';
import { createMeeting } from '../../services/editing/meeting-edit.service.ts';
import { person, serviceBody } from '../../test-support/accounts.ts';
import { type TestDatabase, createTestDatabase, testClock } from '../../test-support/databases.ts';
import { testServer } from '../../test-support/http.ts';
import { RoomClient } from '../../test-support/room-client.ts';

/** A volunteer gives an online meeting a Greendoor room: its link is the meeting's way in. */

const PASSWORD = 'room-routes-password-1';
let db: TestDatabase;
let app: FastifyInstance;
let origin: string;
let cookie: string;
let slug: string;

beforeAll(async () => {
  db = await createTestDatabase('sqlite');
  const body = await serviceBody(db.store, 'Online intergroup');
  const editor = await person(db.store, 'editor@example.org', {
    memberships: [{ serviceBodyId: body, role: 'editor' }],
  });
  await setPassword(
    { store: db.store, clock: testClock, hasher: passwordHasher, totp, mailer: null, baseUrl: '' },
    editor.userId,
    PASSWORD,
  );
  slug = (
    await createMeeting(
      { store: db.store, clock: testClock, actor: editor, defaultTimezone: 'UTC' },
      {
        fields: {
          name: 'Night Owls',
          day: 3,
          time: '22:00',
          timezone: 'America/Chicago',
          fellowship: 'aa',
        },
        serviceBodyId: body,
      },
    )
  ).slug;
  app = await testServer(db);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'editor@example.org', password: PASSWORD },
    headers: { origin, host: `127.0.0.1:${address.port}` },
  });
  expect(login.statusCode).toBe(200);
  cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
});

afterAll(async () => {
  await app.close();
  await db.destroy();
});

const call = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: object) =>
  fetch(`${origin}${url}`, {
    method,
    headers: { cookie, origin, ...(payload ? { 'content-type': 'application/json' } : {}) },
    ...(payload ? { body: JSON.stringify(payload) } : {}),
  });

describe('a meeting’s room', () => {
  it('is set up with the fellowship’s format, and its link becomes the conference link', async () => {
    const response = await call('PUT', `/api/v1/meetings/${slug}/room`, {
      passcode: 'owls',
      share_minutes: 3,
    });
    expect(response.status).toBe(200);
    const room = (await response.json()) as Record<string, unknown>;
    expect(room).toMatchObject({
      name: 'Night Owls',
      format: 'twelve-step',
      share_minutes: 3,
      passcode_required: true,
      waiting_room: true,
    });
    expect(String(room['join_url'])).toBe(`${origin}/rooms/${String(room['room_id'])}`);
    expect(String(room['room_id'])).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(String(room['host_url'])).toBe(
      `${String(room['join_url'])}#host=${String(room['host_key'])}`,
    );
    // The public listing: online, joined by the room's link.
    const listed = (await (await fetch(`${origin}/api/v1/meetings/${slug}`)).json()) as Record<
      string,
      unknown
    >;
    expect(listed).toMatchObject({ attendance: 'online' });
    expect(JSON.stringify(listed)).toContain(String(room['join_url']));
    const feed = await (await fetch(`${origin}/feeds/meeting-guide.json`)).text();
    expect(feed).toContain(String(room['join_url']).replace(/\//g, '\\/').replace(/\\\//g, '/'));
    // Shown once: reading it back gives the settings, never the key or the passcode.
    const again = (await (await call('GET', `/api/v1/meetings/${slug}/room`)).json()) as Record<
      string,
      unknown
    >;
    expect(again).not.toHaveProperty('host_key');
    expect(JSON.stringify(again)).not.toContain('owls');
    // The host key works; the passcode is asked of everyone else.
    const url = `${origin.replace('http', 'ws')}/api/v1/rooms/${String(room['room_id'])}/socket`;
    const host = await RoomClient.join(url, { name: 'Chair', hostKey: String(room['host_key']) });
    await expect(RoomClient.join(url, { name: 'Ana' })).rejects.toThrow(/passcode/);
    host.send({ type: 'end_meeting' });
    await host.whenClosed();
  });

  it('keeps what a change leaves out, and takes back a new host key', async () => {
    const before = (await (await call('GET', `/api/v1/meetings/${slug}/room`)).json()) as Record<
      string,
      unknown
    >;
    const changed = (await (
      await call('PUT', `/api/v1/meetings/${slug}/room`, { waiting_room: false })
    ).json()) as Record<string, unknown>;
    expect(changed).toMatchObject({
      room_id: before['room_id'],
      share_minutes: 3,
      passcode_required: true,
      waiting_room: false,
    });
    expect(changed).not.toHaveProperty('host_key');
    const keyed = (await (
      await call('POST', `/api/v1/meetings/${slug}/room/host-key`)
    ).json()) as Record<string, unknown>;
    const url = `${origin.replace('http', 'ws')}/api/v1/rooms/${String(before['room_id'])}/socket`;
    const host = await RoomClient.join(url, { name: 'Chair', hostKey: String(keyed['host_key']) });
    host.send({ type: 'end_meeting' });
    await host.whenClosed();
    const bad = await call('PUT', `/api/v1/meetings/${slug}/room`, { share_minutes: 90 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_input', field: 'share_minutes' });
  });

  it('goes, and the meeting’s conference link with it', async () => {
    const room = (await (await call('GET', `/api/v1/meetings/${slug}/room`)).json()) as Record<
      string,
      unknown
    >;
    expect((await call('DELETE', `/api/v1/meetings/${slug}/room`)).status).toBe(204);
    expect((await call('GET', `/api/v1/meetings/${slug}/room`)).status).toBe(404);
    const listed = await (await fetch(`${origin}/api/v1/meetings/${slug}`)).text();
    expect(listed).not.toContain(String(room['room_id']));
    const history = await (await call('GET', `/api/v1/meetings/${slug}/history`)).text();
    expect(history).toContain('conference_url');
  });

  it('opens an ad-hoc room for a volunteer, and none for a visitor', async () => {
    const response = await call('POST', '/api/v1/rooms', {
      name: 'Newcomers’ Q&A',
      format: 'open',
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      room_id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      host_key: expect.any(String),
    });
    const visitor = await fetch(`${origin}/api/v1/rooms`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Mine' }),
    });
    expect(visitor.status).toBe(401);
  });
});
