import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordHasher } from '../../adapters/auth/password-hasher.ts';
import { totp } from '../../adapters/auth/totp.ts';
import { type Actor, roleGrants } from '../../domain/account/permissions.ts';
import { setPassword } from '../../services/account/account.service.ts';
import { createShared } from '../../services/editing/shared-edit.service.ts';
import { createMeeting, updateMeeting } from '../../services/editing/meeting-edit.service.ts';
import { enableMeetingRoom } from '../../services/room/room-setup.service.ts';
import { person, serviceBody } from '../../test-support/accounts.ts';
import {
  type TestDatabase,
  createTestDatabase,
  databaseKinds,
  testClock,
} from '../../test-support/databases.ts';
import { testServer } from '../../test-support/http.ts';
import { type RouteAccess, type RouteKey, routePolicy } from './route-policy.ts';

/**
 * Every route of the policy table, called as every kind of person: each allow and each deny.
 * The thing acted on belongs to district A1, beneath area A; B is a body beside them. Whoever
 * has the route's permission on A1 (an administrator; a body administrator, editor or observer
 * of A, as their role grants) gets through; an editor of B never does, even naming A1's things
 * by their right slugs and ids; a visitor gets 401.
 */

const kinds = await databaseKinds();
const ORIGIN = 'http://localhost:80';
const PASSWORD = 'matrix-password-1';

type Who = 'admin' | 'bodyAdmin' | 'editor' | 'observer' | 'editorOfB' | 'visitor';
const everyone: readonly Who[] = [
  'admin',
  'bodyAdmin',
  'editor',
  'observer',
  'editorOfB',
  'visitor',
];

interface World {
  readonly a: number;
  readonly a1: number;
  readonly b: number;
  readonly people: Record<Exclude<Who, 'visitor'>, Actor>;
  readonly admin: Actor;
}

/** A fresh thing of A1 to act on (deletes and approvals use one up), and the request. */
type Case = (world: World, fresh: Fresh) => InjectOptions | Promise<InjectOptions>;

interface Fresh {
  meeting(): Promise<string>;
  group(): Promise<number>;
  location(): Promise<number>;
  body(): Promise<number>;
  request(): Promise<number>;
  historyEntry(): Promise<number>;
  /** A meeting with a Greendoor room. */
  roomMeeting(): Promise<string>;
}

const json = (method: InjectOptions['method'], url: string, payload?: object): InjectOptions => ({
  method,
  url,
  ...(payload ? { payload } : {}),
});

/** How each route is called; every route of the table is here (a test checks). */
const cases: Partial<Record<RouteKey, Case>> = {
  'POST /api/v1/auth/logout': () => json('POST', '/api/v1/auth/logout'),
  'GET /api/v1/auth/me': () => json('GET', '/api/v1/auth/me'),
  'PUT /api/v1/auth/password': () =>
    json('PUT', '/api/v1/auth/password', { current_password: PASSWORD, password: PASSWORD }),
  'POST /api/v1/auth/totp/setup': () => json('POST', '/api/v1/auth/totp/setup'),
  'PUT /api/v1/auth/totp': () =>
    json('PUT', '/api/v1/auth/totp', { secret: 'JBSWY3DPEHPK3PXP', code: '000000' }),
  'DELETE /api/v1/auth/totp': () => json('DELETE', '/api/v1/auth/totp', { password: PASSWORD }),
  'GET /api/v1/users': () => json('GET', '/api/v1/users'),
  'POST /api/v1/invitations': (w) =>
    json('POST', '/api/v1/invitations', {
      email: `new-${Math.random()}@example.org`,
      service_body_id: w.a1,
      role: 'editor',
    }),
  'PUT /api/v1/users/:id/roles/:bodyId': (w) =>
    json('PUT', `/api/v1/users/${w.people.observer.userId}/roles/${w.a1}`, { role: 'observer' }),
  'DELETE /api/v1/users/:id/roles/:bodyId': (w) =>
    json('DELETE', `/api/v1/users/${w.people.observer.userId}/roles/${w.a1}`),
  'POST /api/v1/meetings': (w) =>
    json('POST', '/api/v1/meetings', {
      name: 'Matrix New',
      day: 1,
      time: '18:00',
      conference_url: 'https://zoom.us/j/1234567890',
      service_body_id: w.a1,
    }),
  'POST /api/v1/meetings/preview': async (w, f) =>
    json('POST', '/api/v1/meetings/preview', { slug: await f.meeting(), name: 'Previewed' }),
  'GET /api/v1/meetings/:slug/editable': async (w, f) =>
    json('GET', `/api/v1/meetings/${await f.meeting()}/editable`),
  'PATCH /api/v1/meetings/:slug': async (w, f) =>
    json('PATCH', `/api/v1/meetings/${await f.meeting()}`, { time: '20:15' }),
  'DELETE /api/v1/meetings/:slug': async (w, f) =>
    json('DELETE', `/api/v1/meetings/${await f.meeting()}`),
  'POST /api/v1/meetings/bulk': async (w, f) =>
    json('POST', '/api/v1/meetings/bulk', { slugs: [await f.meeting()], action: 'unpublish' }),
  'GET /api/v1/meetings/:slug/history': async (w, f) =>
    json('GET', `/api/v1/meetings/${await f.meeting()}/history`),
  'GET /api/v1/editable-meetings': () => json('GET', '/api/v1/editable-meetings'),
  'GET /api/v1/groups': () => json('GET', '/api/v1/groups?q=matrix'),
  'GET /api/v1/locations': () => json('GET', '/api/v1/locations?limit=5'),
  'GET /api/v1/groups/:id': async (w, f) => json('GET', `/api/v1/groups/${await f.group()}`),
  'POST /api/v1/groups': (w) =>
    json('POST', '/api/v1/groups', { name: `Group ${Math.random()}`, service_body_id: w.a1 }),
  'PATCH /api/v1/groups/:id': async (w, f) =>
    json('PATCH', `/api/v1/groups/${await f.group()}`, { website: 'https://example.org/g' }),
  'DELETE /api/v1/groups/:id': async (w, f) => json('DELETE', `/api/v1/groups/${await f.group()}`),
  'GET /api/v1/locations/:id': async (w, f) =>
    json('GET', `/api/v1/locations/${await f.location()}`),
  'POST /api/v1/locations': (w) =>
    json('POST', '/api/v1/locations', {
      name: 'Hall',
      formatted_address: '1 High St, Lewes',
      service_body_id: w.a1,
    }),
  'PATCH /api/v1/locations/:id': async (w, f) =>
    json('PATCH', `/api/v1/locations/${await f.location()}`, { notes: 'Side door' }),
  'DELETE /api/v1/locations/:id': async (w, f) =>
    json('DELETE', `/api/v1/locations/${await f.location()}`),
  'GET /api/v1/geocode': () =>
    json('GET', '/api/v1/geocode?address=1%20High%20St%2C%20Costa%20Mesa'),
  'GET /api/v1/service-bodies': () => json('GET', '/api/v1/service-bodies'),
  'GET /api/v1/service-bodies/:id': async (w, f) =>
    json('GET', `/api/v1/service-bodies/${await f.body()}`),
  'POST /api/v1/service-bodies': (w) =>
    json('POST', '/api/v1/service-bodies', { name: `Body ${Math.random()}`, parent_id: w.a1 }),
  'PATCH /api/v1/service-bodies/:id': async (w, f) =>
    json('PATCH', `/api/v1/service-bodies/${await f.body()}`, { website: 'https://example.org/b' }),
  'DELETE /api/v1/service-bodies/:id': async (w, f) =>
    json('DELETE', `/api/v1/service-bodies/${await f.body()}`),
  'GET /api/v1/service-bodies/:id/quality': (w) =>
    json('GET', `/api/v1/service-bodies/${w.a1}/quality`),
  'GET /api/v1/change-requests': () => json('GET', '/api/v1/change-requests'),
  'POST /api/v1/change-requests/:id/approve': async (w, f) =>
    json('POST', `/api/v1/change-requests/${await f.request()}/approve`, {}),
  'POST /api/v1/change-requests/:id/reject': async (w, f) =>
    json('POST', `/api/v1/change-requests/${await f.request()}/reject`, {}),
  'POST /api/v1/change-requests/:id/release': async (w, f) =>
    json('POST', `/api/v1/change-requests/${await f.request()}/release`),
  'GET /api/v1/history': () => json('GET', '/api/v1/history'),
  'POST /api/v1/history/:id/revert': async (w, f) =>
    json('POST', `/api/v1/history/${await f.historyEntry()}/revert`),
  'POST /api/v1/auth/logout-everywhere': () => json('POST', '/api/v1/auth/logout-everywhere'),
  'POST /api/v1/rooms': () => json('POST', '/api/v1/rooms', { name: 'Ad-hoc room' }),
  'GET /api/v1/meetings/:slug/room': async (w, f) =>
    json('GET', `/api/v1/meetings/${await f.roomMeeting()}/room`),
  'PUT /api/v1/meetings/:slug/room': async (w, f) =>
    json('PUT', `/api/v1/meetings/${await f.meeting()}/room`, { share_minutes: 3 }),
  'POST /api/v1/meetings/:slug/room/host-key': async (w, f) =>
    json('POST', `/api/v1/meetings/${await f.roomMeeting()}/room/host-key`),
  'DELETE /api/v1/meetings/:slug/room': async (w, f) =>
    json('DELETE', `/api/v1/meetings/${await f.roomMeeting()}/room`),
};

/**
 * Routes about no one thing (a list of what the person keeps, coordinates for an address): the
 * permission anywhere lets a person through, so B's editor gets B's share. Every other route
 * acts on a thing of A1.
 */
const unscoped = new Set<RouteKey>([
  'GET /api/v1/editable-meetings',
  'GET /api/v1/groups',
  'GET /api/v1/locations',
  'GET /api/v1/change-requests',
  'GET /api/v1/history',
  'GET /api/v1/users',
  'GET /api/v1/geocode',
  'POST /api/v1/rooms',
]);

/** Who may, by the route's entry: the permission on A1 (through the role on A), or any volunteer. */
function allowed(access: RouteAccess, who: Who, onA1: boolean): boolean {
  if (who === 'visitor') return access === 'public';
  if (access === 'public' || access === 'signed-in' || who === 'admin') return true;
  if (who === 'editorOfB' && onA1) return false;
  const role = (
    {
      bodyAdmin: 'body_admin',
      editor: 'editor',
      observer: 'observer',
      editorOfB: 'editor',
    } as const
  )[who];
  return roleGrants[role].includes(access);
}

describe.each(kinds)('the policy table, route by route and role by role, on %s', (kind) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let world: World;
  const cookies = new Map<Who, string>();

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const store = db.store;
    const a = await serviceBody(store, 'Area A');
    const a1 = await serviceBody(store, 'District A1', a);
    const b = await serviceBody(store, 'Area B');
    const admin = await person(store, 'admin@example.org', { isAdmin: true });
    const people = {
      admin,
      bodyAdmin: await person(store, 'body-admin@example.org', {
        memberships: [{ serviceBodyId: a, role: 'body_admin' }],
      }),
      editor: await person(store, 'editor@example.org', {
        memberships: [{ serviceBodyId: a, role: 'editor' }],
      }),
      observer: await person(store, 'observer@example.org', {
        memberships: [{ serviceBodyId: a, role: 'observer' }],
      }),
      editorOfB: await person(store, 'editor-b@example.org', {
        memberships: [{ serviceBodyId: b, role: 'editor' }],
      }),
    };
    const deps = {
      store,
      clock: testClock,
      hasher: passwordHasher,
      totp,
      mailer: null,
      baseUrl: ORIGIN,
    };
    for (const p of Object.values(people)) await setPassword(deps, p.userId, PASSWORD);
    world = { a, a1, b, people, admin };
    app = await testServer(db);
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  const editing = () => ({
    store: db.store,
    clock: testClock,
    actor: world.admin,
    defaultTimezone: 'UTC',
  });
  let n = 0;
  const fresh: Fresh = {
    meeting: async () =>
      (
        await createMeeting(editing(), {
          fields: {
            name: `Matrix ${++n}`,
            day: 2,
            time: '19:00',
            conference_url: 'https://zoom.us/j/123456789',
          },
          serviceBodyId: world.a1,
        })
      ).slug,
    group: async () =>
      (
        await createShared(editing(), 'group', {
          name: `Matrix group ${++n}`,
          service_body_id: world.a1,
        })
      ).id,
    location: async () =>
      (
        await createShared(editing(), 'location', {
          name: `Matrix hall ${++n}`,
          service_body_id: world.a1,
        })
      ).id,
    body: async () =>
      (
        await createShared(editing(), 'service_body', {
          name: `Matrix body ${++n}`,
          parent_id: world.a1,
        })
      ).id,
    request: async () => {
      const slug = await fresh.meeting();
      const [stored] = await db.store.listings.load({ slug });
      return db.store.changeRequests.add({
        meetingId: stored?.meetingId ?? null,
        meetingSlug: slug,
        message: 'Moved to 8pm',
        changes: { time: '20:00' },
        email: null,
        at: testClock.now().toISOString(),
        serviceBodyId: world.a1,
        status: 'held',
      });
    },
    historyEntry: async () => {
      const slug = await fresh.meeting();
      await updateMeeting(editing(), slug, { fields: { notes: 'Changed once' } });
      const [stored] = await db.store.listings.load({ slug });
      const [entry] = await db.store.history.list({
        entity: 'meeting',
        entityId: stored?.meetingId ?? -1,
      });
      return entry?.id ?? -1;
    },
    roomMeeting: async () => {
      const slug = await fresh.meeting();
      await enableMeetingRoom({ ...editing(), hasher: passwordHasher }, slug, {}, ORIGIN);
      return slug;
    },
  };

  async function cookieOf(who: Who): Promise<string | null> {
    if (who === 'visitor') return null;
    let cookie = cookies.get(who);
    if (!cookie) {
      const email = world.people[who].email;
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: PASSWORD },
        headers: { origin: ORIGIN },
      });
      expect(response.statusCode, `${who} signs in`).toBe(200);
      cookie = String(response.headers['set-cookie']).split(';')[0] ?? '';
      cookies.set(who, cookie);
    }
    return cookie;
  }

  it('has a case for every route that is not public', () => {
    const missing = Object.entries(routePolicy)
      .filter(([key, access]) => access !== 'public' && !(key in cases))
      .map(([key]) => key);
    expect(missing).toEqual([]);
  });

  const entries = Object.entries(routePolicy).filter(([, access]) => access !== 'public') as [
    RouteKey,
    RouteAccess,
  ][];
  // Signing out and changing the password end sessions: those go last, each signing in again.
  const endsSessions = (key: string) =>
    key.includes('logout') || key === 'PUT /api/v1/auth/password';
  entries.sort(([x], [y]) => Number(endsSessions(x)) - Number(endsSessions(y)));

  it.each(entries)('%s', async (key, access) => {
    const build = cases[key];
    if (!build) throw new Error(`no case for ${key}`);
    const outcomes: string[] = [];
    for (const who of everyone) {
      const request = await build(world, fresh);
      const cookie = await cookieOf(who);
      const response = await app.inject({
        ...request,
        headers: { origin: ORIGIN, ...(cookie ? { cookie } : {}) },
      });
      // Passed the checks: anything but 401 and 403 (a 400 is the request's own fault). A bulk
      // action answers for each meeting.
      const ok =
        key === 'POST /api/v1/meetings/bulk' && response.statusCode === 200
          ? response.json<{ results: { ok: boolean }[] }>().results.every((r) => r.ok)
          : ![401, 403].includes(response.statusCode);
      const want = allowed(access, who, !unscoped.has(key));
      if (
        ok !== want ||
        response.statusCode >= 500 ||
        (!ok && who === 'visitor' && response.statusCode !== 401)
      ) {
        outcomes.push(`${who}: ${response.statusCode} ${response.body.slice(0, 160)}`);
      }
      if (ok)
        expect(response.statusCode, `${who} ${key}: ${response.body.slice(0, 200)}`).toBeLessThan(
          500,
        );
    }
    expect(outcomes).toEqual([]);
    if (endsSessions(key)) cookies.clear();
  });
});
