import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordHasher } from '../../adapters/auth/password-hasher.ts';
import { totp } from '../../adapters/auth/totp.ts';
import type { Actor } from '../../domain/account/permissions.ts';
import { oneTimeLink, setPassword } from '../../services/account/account.service.ts';
import { createMeeting } from '../../services/editing/meeting-edit.service.ts';
import { person, serviceBody } from '../../test-support/accounts.ts';
import { type TestDatabase, createTestDatabase, testClock } from '../../test-support/databases.ts';
import { testServer } from '../../test-support/http.ts';
import { MemoryStream } from '../../test-support/memory-stream.ts';

/**
 * The volunteer area's security, tested from the outside: cross-site writes, session fixation,
 * sessions ending with the password, markup in every output, SQL in every filter and id,
 * private contacts in no public output, and no secret in any log or history entry.
 */

const ORIGIN = 'http://localhost:80';
const PASSWORD = 'security-password-1';
const MARKUP = '<script>alert("gd")</script><img src=x onerror=alert(1)>';
const PRIVATE = {
  name: 'Privatename Zqx',
  email: 'private.zqx@example.org',
  phone: '+1 555 0199 7788',
};

describe('security', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let admin: Actor;
  let area: number;
  const log = new MemoryStream();
  const deps = () => ({
    store: db.store,
    clock: testClock,
    hasher: passwordHasher,
    totp,
    mailer: null,
    baseUrl: ORIGIN,
  });

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    area = await serviceBody(db.store, 'Area');
    admin = await person(db.store, 'admin@example.org', { isAdmin: true });
    await setPassword(deps(), admin.userId, PASSWORD);
    await person(db.store, 'editor@example.org', {
      memberships: [{ serviceBodyId: area, role: 'editor' }],
    });
    app = await testServer(db, { config: { logLevel: 'debug' }, logStream: log });
    // A meeting whose every free-text field is markup, with a private contact.
    await createMeeting(
      { store: db.store, clock: testClock, actor: admin, defaultTimezone: 'UTC' },
      {
        fields: {
          name: `Hope ${MARKUP}`,
          day: 2,
          time: '19:00',
          notes: `Notes ${MARKUP}\nBEGIN:VEVENT\nSUMMARY:injected`,
          location: `Hall ${MARKUP}`,
          formatted_address: `1 Main St ${MARKUP}, Costa Mesa, CA 92626, USA`,
          latitude: 33.68,
          longitude: -117.87,
          location_notes: `Side door ${MARKUP}`,
          group: `Group ${MARKUP}`,
          website: 'https://example.org/group',
          contact_1_name: PRIVATE.name,
          contact_1_email: PRIVATE.email,
          contact_1_phone: PRIVATE.phone,
          contact_1_private: true,
        },
        serviceBodyId: area,
      },
    );
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  const signIn = async (cookie?: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin@example.org', password: PASSWORD },
      headers: { origin: ORIGIN, ...(cookie ? { cookie } : {}) },
    });
    expect(response.statusCode, response.body).toBe(200);
    return String(response.headers['set-cookie']).split(';')[0] ?? '';
  };
  const me = (cookie: string) => app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
  const slug = async () =>
    (await db.store.meetings.where({ serviceBodyIds: [area] }))[0]?.slug ?? '';

  it('sets the session as an HttpOnly, SameSite=Lax cookie, Secure behind https', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin@example.org', password: PASSWORD },
    });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^gd_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const https = await testServer(db, { config: { publicUrl: 'https://meetings.example.org' } });
    const secure = await https.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin@example.org', password: PASSWORD },
    });
    expect(String(secure.headers['set-cookie'])).toContain('Secure');
    await https.close();
  });

  it('refuses cross-site writes, and writes that do not say where they come from', async () => {
    const cookie = await signIn();
    const meeting = await slug();
    const write = (headers: Record<string, string>) =>
      app.inject({
        method: 'PATCH',
        url: `/api/v1/meetings/${meeting}`,
        payload: { notes: 'changed' },
        headers: { cookie, ...headers },
      });
    expect((await write({ origin: 'http://evil.example' })).statusCode).toBe(403);
    expect((await write({ referer: 'http://evil.example/page' })).statusCode).toBe(403);
    expect((await write({})).statusCode).toBe(403);
    // A form another site posts (as a browser would, with its Origin) is refused the same way.
    const form = await app.inject({
      method: 'DELETE',
      url: `/api/v1/meetings/${meeting}`,
      headers: { cookie, origin: 'null' },
    });
    expect(form.statusCode).toBe(403);
    expect((await db.store.listings.load({ slug: meeting }))[0]?.listing.notes).not.toBe('changed');
    const same = await write({ origin: ORIGIN });
    expect(same.statusCode, same.body).toBe(200);
    expect((await write({ referer: `${ORIGIN}/admin/meetings/${meeting}` })).statusCode).toBe(200);
    // Signing in from another site's page: refused too.
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin@example.org', password: PASSWORD },
      headers: { origin: 'http://evil.example' },
    });
    expect(login.statusCode).toBe(403);
  });

  it('never keeps a session that was there before sign-in (no fixation)', async () => {
    const planted = 'gd_session=attacker-chosen-value-attacker-chosen-value-xx';
    const fresh = await signIn(planted);
    expect(fresh).not.toBe(planted);
    expect((await me(planted)).statusCode).toBe(401);
    // An attacker's own valid session planted in someone's browser ends when they sign in.
    const attackers = await signIn();
    const victims = await signIn(attackers);
    expect(victims).not.toBe(attackers);
    expect((await me(attackers)).statusCode).toBe(401);
    expect((await me(victims)).statusCode).toBe(200);
  });

  it('ends every session when the password changes or is reset', async () => {
    const laptop = await signIn();
    const phone = await signIn();
    const change = await app.inject({
      method: 'PUT',
      url: '/api/v1/auth/password',
      payload: { current_password: PASSWORD, password: `${PASSWORD}-new` },
      headers: { cookie: phone, origin: ORIGIN },
    });
    expect(change.statusCode, change.body).toBe(200);
    const renewed = String(change.headers['set-cookie']).split(';')[0] ?? '';
    expect((await me(laptop)).statusCode).toBe(401);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(renewed)).statusCode).toBe(200);
    // A reset from a one-time link ends them all too; the link works once.
    const link = await oneTimeLink(deps(), admin.userId, 'reset');
    const token = link.split('#token=')[1] ?? '';
    const reset = (password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { token, password },
        headers: { origin: ORIGIN },
      });
    expect((await reset(PASSWORD)).statusCode).toBe(200);
    expect((await me(renewed)).statusCode).toBe(401);
    expect((await reset('another-password-1')).statusCode).toBe(400);
  });

  it('prints stored markup as text in every page, and as data in the feed and calendar', async () => {
    const meeting = await slug();
    for (const url of [
      '/',
      `/meetings/${meeting}`,
      '/?q=hope&attendance=in_person',
      `/meetings/${meeting}?lang=fr`,
    ]) {
      const body = (await app.inject({ url, headers: { accept: 'text/html' } })).body;
      expect(body, url).not.toContain('<script>alert');
      expect(body, url).not.toContain('<img src=x');
      if (url !== '/') expect(body, url).toContain('&lt;script&gt;');
    }
    const ics = (await app.inject(`/meetings/${meeting}.ics`)).body;
    // One event: the notes' line breaks are escaped, so they cannot start another.
    expect(ics.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
    expect(ics).not.toMatch(/^SUMMARY:injected/m);
    const feed = (await app.inject('/feeds/meeting-guide.json')).json<{ name: string }[]>();
    expect(feed.some((m) => m.name === `Hope ${MARKUP}`)).toBe(true);
    const api = await app.inject(`/api/v1/meetings/${meeting}`);
    expect(api.headers['content-type']).toContain('application/json');
  });

  it('takes SQL in filters and ids as plain text', async () => {
    const cookie = await signIn();
    const before = await db.store.meetings.count();
    const attacks = [
      "'; drop table meetings; --",
      "' or '1'='1",
      '1) or (1=1',
      '"; delete from users; --',
    ];
    for (const attack of attacks) {
      const q = encodeURIComponent(attack);
      for (const url of [
        `/api/v1/meetings?q=${q}`,
        `/api/v1/meetings/${q}`,
        `/meetings/${q}`,
        `/api/v1/places?q=${q}`,
        `/api/v1/editable-meetings?q=${q}`,
        `/api/v1/groups?q=${q}`,
        `/api/v1/locations?q=${q}`,
        `/api/v1/groups/${q}`,
        `/api/v1/meetings?fellowship=${q}`,
      ]) {
        const response = await app.inject({ url, headers: { cookie } });
        expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(500);
      }
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: attack, password: attack },
      });
      expect([401, 429]).toContain(login.statusCode);
    }
    expect(await db.store.meetings.count()).toBe(before);
    expect((await db.store.users.all()).length).toBeGreaterThan(0);
  });

  it('never lets a private contact into a public output', async () => {
    const meeting = await slug();
    const urls = [
      '/',
      `/meetings/${meeting}`,
      `/meetings/${meeting}?lang=es`,
      `/meetings/${meeting}.ics`,
      `/api/v1/meetings/${meeting}`,
      '/api/v1/meetings?q=hope',
      '/api/v1/meetings?near=33.68,-117.87&radius_km=5',
      '/feeds/meeting-guide.json',
      '/api/v1/changes',
      '/guide',
      '/suggest',
      '/api/openapi.json',
    ];
    for (const url of urls) {
      const body = (await app.inject({ url, headers: { accept: 'text/html, application/json' } }))
        .body;
      for (const secret of Object.values(PRIVATE))
        expect(body, `${url} shows ${secret}`).not.toContain(secret);
    }
    // Volunteers of the meeting's body see it.
    const cookie = await signIn();
    const editable = await app.inject({
      url: `/api/v1/meetings/${meeting}/editable`,
      headers: { cookie },
    });
    expect(editable.body).toContain(PRIVATE.email);
  });

  it('keeps no password, token or session in a log or a history entry', async () => {
    const cookie = await signIn();
    const session = cookie.split('=')[1] ?? '';
    const invite = await app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      payload: { email: 'newcomer@example.org', service_body_id: area, role: 'editor' },
      headers: { cookie, origin: ORIGIN },
    });
    const token = invite.json<{ link: string }>().link.split('#token=')[1] ?? '';
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { token, password: 'newcomer-password-1' },
      headers: { origin: ORIGIN },
    });
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'newcomer@example.org', password: 'wrong-password-1' },
    });
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/meetings/${await slug()}`,
      payload: { notes: 'edited' },
      headers: { cookie, origin: ORIGIN },
    });
    const history = JSON.stringify(await db.store.history.list({ limit: 1000 }));
    for (const secret of [PASSWORD, 'newcomer-password-1', 'wrong-password-1', session, token]) {
      expect(log.text, 'the log').not.toContain(secret);
      expect(history, 'the history').not.toContain(secret);
    }
    // The database keeps only hashes of sessions, links and passwords.
    const rows = JSON.stringify([
      await db.store.db.selectFrom('sessions').selectAll().execute(),
      await db.store.db.selectFrom('one_time_tokens').selectAll().execute(),
      await db.store.db.selectFrom('users').selectAll().execute(),
    ]);
    for (const secret of [PASSWORD, 'newcomer-password-1', session, token])
      expect(rows).not.toContain(secret);
    expect(rows).toContain('$argon2id$');
  });
});
