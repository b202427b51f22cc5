import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordHasher } from '../../adapters/auth/password-hasher.ts';
import { totp } from '../../adapters/auth/totp.ts';
import { setPassword } from '../../services/account/account.service.ts';
import { createShared } from '../../services/editing/shared-edit.service.ts';
import { importFeed } from '../../services/import/import.service.ts';
import { solves } from '../../services/spam/proof-of-work.ts';
import { person, serviceBody } from '../../test-support/accounts.ts';
import { type TestDatabase, createTestDatabase, testClock } from '../../test-support/databases.ts';
import { testServer } from '../../test-support/http.ts';
import {
  CHROMIUM,
  TILES,
  axePath,
  axeViolations,
  blankTile,
  browserMissing,
  browserRequired as required,
  describeViolations,
  focusIndicator,
  launchArgs,
  manifestPath,
} from '../../test-support/browser.ts';
import { sharedFeedPath } from '../../test-support/shared-data.ts';
import { adminEntry } from '../client-assets.ts';

/**
 * The volunteer area in a real browser (Debian's Chromium through playwright-core) over the real
 * server, the shared Orange County feed and the built bundle: an administrator invites a
 * secretary, who sets a password from the link, signs in and edits a meeting with the keyboard
 * alone, reviews the public's change requests and undoes a change from the history; axe-core
 * checks the pages on the way, and nothing is loaded from elsewhere. Needs `npm run build` and
 * /usr/bin/chromium: skipped without them, except in CI (CI=true), where it fails.
 */

const missing = browserMissing(() =>
  readFileSync(manifestPath, 'utf8').includes(adminEntry)
    ? null
    : `${manifestPath} has no ${adminEntry}: run \`npm run build\` first, the area loads the built bundle`,
);
if (missing.length > 0 && !required) {
  console.warn(
    `\n*** SKIPPING the volunteer area's browser suite (src/web/admin/admin.browser.test.ts): ${missing.join('; ')}. With CI=true it fails instead. ***\n`,
  );
}

const ADMIN = { email: 'admin@example.org', password: 'admin-pass-phrase-1' };
const SECRETARY = {
  email: 'secretary@example.org',
  password: 'four unrelated words',
  newPassword: 'five more unrelated words',
};
const BODY = 'Costa Mesa District';
/** The district's meetings (of the shared feed); the first is the one edited. */
const MEETING = { slug: '40-minutes-to-freedom', name: '40 Minutes to Freedom' };
const OTHERS = ['happy-hour', 'twelfth-hour', 'discussion-meeting'];
const EDITED = { name: 'Forty Minutes to Freedom', time: '20:15' };
/** The group one of them has (made for the test). */
const GROUP = 'Tuesday Discussion Group';

/** What has focus: tag#id, or for an element without an id of its own, tag:its text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return '';
    // React's generated ids (useId) say nothing: such an element is named by its text.
    return el.id && !/^(_r_|:r|«r)/.test(el.id)
      ? `${el.tagName.toLowerCase()}#${el.id}`
      : `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim()}`;
  });
}

/** Presses Tab until `want` has focus (as `focused` says it), or fails saying where it got to. */
async function tabTo(page: Page, want: string, most = 250): Promise<void> {
  for (let i = 0; i < most; i++) {
    if ((await focused(page)) === want) return;
    await page.keyboard.press('Tab');
  }
  expect(await focused(page), `Tab never reached ${want}`).toBe(want);
}

/** Resolves once React has drawn the area's page (its main element carries React's keys). */
async function drawn(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.getElementById('main');
    return main !== null && Object.keys(main).some((key) => key.startsWith('__reactFiber$'));
  });
}

const heading = (page: Page) => page.locator('h1');

describe.skipIf(missing.length > 0 && !required)('the volunteer area in a real browser', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let origin: string;
  let axeSource: string;
  let invitation = '';
  const contexts: BrowserContext[] = [];
  const requests: string[] = [];
  const problems: string[] = [];
  const accessibility: string[] = [];
  /** Errors the browser logs for answers a test asks for on purpose (a refused save). */
  const expectedFailures: { url: string; status: number }[] = [];
  let administrator: Page;
  let secretary: Page;

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({
      baseURL: origin,
      locale: 'en-US',
      timezoneId: 'America/Los_Angeles',
      viewport: { width: 1000, height: 900 },
    });
    context.setDefaultTimeout(10_000);
    context.on('request', (request) => requests.push(request.url()));
    context.on('page', (page) => {
      page.on('console', (message) => {
        if (message.type() !== 'error' && message.type() !== 'warning') return;
        // Signed out, the area's first question (who is this?) is answered 401, as it should.
        const url = message.location().url;
        if (url.endsWith('/api/v1/auth/me') && message.text().includes('401')) return;
        if (
          expectedFailures.some(
            (f) => url.endsWith(f.url) && message.text().includes(`status of ${f.status}`),
          )
        ) {
          return;
        }
        problems.push(`${page.url()} console.${message.type()}: ${message.text()} (${url})`);
      });
      page.on('pageerror', (error) => problems.push(`${page.url()} uncaught: ${error.message}`));
    });
    contexts.push(context);
    return context;
  }

  async function checkAccessibility(state: string, page: Page): Promise<void> {
    const violations = await axeViolations(page, axeSource);
    if (violations.length > 0) accessibility.push(describeViolations(state, violations));
  }

  beforeAll(async () => {
    if (missing.length > 0) {
      throw new Error(
        `CI=true, and the volunteer area's browser suite cannot run: ${missing.join('; ')}`,
      );
    }
    axeSource = readFileSync(axePath, 'utf8');
    db = await createTestDatabase('sqlite');
    await importFeed(
      { location: sharedFeedPath('oc'), source: 'oc', format: 'auto', prune: false },
      { store: db.store, clock: testClock, defaultTimezone: 'UTC' },
    );
    const top = await serviceBody(db.store, 'Orange County Intergroup');
    const district = await serviceBody(db.store, BODY, top);
    for (const slug of [MEETING.slug, ...OTHERS]) {
      const [stored] = await db.store.listings.load({ slug });
      if (!stored) throw new Error(`the shared OC feed has no meeting "${slug}"`);
      await db.store.meetings.update(stored.meetingId, { service_body_id: district });
    }
    const admin = await person(db.store, ADMIN.email, { isAdmin: true });
    // One of the district's meetings has a group: the others can be moved to it.
    const group = await createShared(
      { store: db.store, clock: testClock, defaultTimezone: 'UTC', actor: admin },
      'group',
      { name: GROUP, service_body_id: district },
    );
    const [grouped] = await db.store.listings.load({ slug: OTHERS[2] ?? '' });
    if (!grouped) throw new Error(`no meeting "${OTHERS[2]}"`);
    await db.store.meetings.update(grouped.meetingId, { group_id: group.id });
    await setPassword(
      {
        store: db.store,
        clock: testClock,
        hasher: passwordHasher,
        totp,
        mailer: null,
        baseUrl: 'http://127.0.0.1',
      },
      admin.userId,
      ADMIN.password,
    );
    app = await testServer(db);
    await app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: launchArgs });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
    await db?.destroy();
  });

  it('serves its shell: no script inline, configuration as data, never cached', async () => {
    const response = await fetch(`${origin}/admin/meetings/anything`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<noscript>');
    expect(html).toContain(
      '<script type="application/json" id="admin-config">{"tiles":null}</script>',
    );
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    for (const [, attributes = '', body = ''] of scripts) {
      if (!attributes.includes('application/json')) {
        expect(body.trim(), 'an inline script').toBe('');
        expect(attributes).toMatch(/src="\/static\/assets\/admin-[\w-]+\.js"/);
      }
    }
  });

  it('(a) an administrator invites a secretary for the district and is shown the one-time link', async () => {
    const context = await newContext();
    administrator = await context.newPage();
    const page = administrator;
    await page.goto('/admin');
    await drawn(page);
    await expect.poll(() => heading(page).textContent()).toBe('Sign in');
    await checkAccessibility('the sign-in page', page);

    await page.fill('#sign-in-email', ADMIN.email);
    await page.fill('#sign-in-password', ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('My meetings');

    await page
      .getByRole('navigation', { name: 'Volunteer area' })
      .getByRole('link', { name: 'Volunteers' })
      .click();
    await expect.poll(() => heading(page).textContent()).toBe('Volunteers');
    // A move within the area puts focus on the new page's heading.
    expect(await focused(page)).toBe('h1:Volunteers');
    await page.fill('#invite-email', SECRETARY.email);
    await page.selectOption('#invite-service_body_id', { label: BODY });
    await page.selectOption('#invite-role', 'editor');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await expect
      .poll(() => page.locator('.invitation .message').textContent())
      .toContain(`Invited ${SECRETARY.email}`);
    invitation = await page.locator('#invite-link').inputValue();
    expect(invitation).toMatch(new RegExp(`^${origin}/admin/password#token=[\\w-]{20,}$`));
    await expect
      .poll(() => page.locator('.volunteers').textContent())
      .toContain(`${SECRETARY.email}has not set a password yet`);
  });

  it('(b, g) the secretary sets a password from the link, then signs in with the keyboard alone', async () => {
    expect(invitation).not.toBe('');
    const context = await newContext();
    secretary = await context.newPage();
    const page = secretary;
    await page.goto(invitation);
    await drawn(page);
    await expect.poll(() => heading(page).textContent()).toBe('Set your password');
    // The token leaves the address bar as soon as it is read.
    expect(page.url()).toBe(`${origin}/admin/password`);
    // Too short first: the message is beside the field, and focus goes to it.
    await page.fill('#set-password-password', 'short');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('p#set-password-password-error');
    expect(await page.locator('#set-password-password-error').textContent()).toMatch(
      /^Use at least 10 characters/,
    );
    await page.fill('#set-password-password', SECRETARY.password);
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent()).toBe('Sign in');
    expect(await page.locator('main').textContent()).toContain('Your password is set');

    // Keyboard alone from here: Tab to the e-mail field, type, Tab, type, Enter.
    await tabTo(page, 'input#sign-in-email');
    await page.keyboard.type(SECRETARY.email);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input#sign-in-password');
    await page.keyboard.type(SECRETARY.password);
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent()).toBe('My meetings');
    await expect.poll(() => focused(page)).toBe('h1:My meetings');
    // Their meetings: the district's four, and no other.
    await expect.poll(() => page.locator('.meeting-list li').count()).toBe(4);
    expect(await page.locator('.meeting-list a.name').allTextContents()).toContain(MEETING.name);
    await checkAccessibility('the meeting list', page);
  });

  it('(c, g) edits a meeting with the keyboard alone, previews it, saves it, and the public page shows it', async () => {
    const page = secretary;
    // The filter, then the meeting's link, from the keyboard.
    await tabTo(page, 'input#meetings-filter');
    await page.keyboard.type('minutes freedom');
    await expect.poll(() => page.locator('.meeting-list li').count()).toBe(1);
    const link = `/admin/meetings/${MEETING.slug}`;
    for (let i = 0; i < 30; i++) {
      if (await page.evaluate((h) => document.activeElement?.getAttribute('href') === h, link))
        break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent()).toBe(`Edit “${MEETING.name}”`);
    expect(await focused(page)).toBe(`h1:Edit “${MEETING.name}”`);
    await page.waitForSelector('.pin-map .leaflet-marker-icon.pin-marker');
    await page.waitForSelector('.pin-map .leaflet-overlay-pane path');
    await checkAccessibility('the meeting editor', page);

    await tabTo(page, 'input#meeting-name');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(EDITED.name);
    await tabTo(page, 'input#meeting-time');
    // The time field's parts, in the browser's 12-hour clock: hours, minutes, PM.
    await page.keyboard.type('0815P');
    expect(await page.inputValue('#meeting-time')).toBe(EDITED.time);
    expect(await page.locator('.dirty').textContent()).toBe('Changes not saved yet');

    await tabTo(page, 'button:Preview');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('h2#preview-heading');
    const preview = page.locator('.preview');
    expect(await preview.locator('h3').textContent()).toBe(EDITED.name);
    expect(await preview.locator('.time').textContent()).toContain(EDITED.time);
    // Nothing is saved by a preview.
    const before = await (await fetch(`${origin}/api/v1/meetings/${MEETING.slug}`)).json();
    expect((before as { name: string }).name).toBe(MEETING.name);

    // Back from the preview to Save, and Enter.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('button:Save');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('p:Saved. The directory shows the change now.');
    await expect.poll(() => heading(page).textContent()).toBe(`Edit “${EDITED.name}”`);

    const publicPage = await page.context().newPage();
    await publicPage.goto(`/meetings/${MEETING.slug}`);
    expect((await publicPage.locator('h1').textContent())?.trim()).toBe(EDITED.name);
    expect(await publicPage.locator('main').textContent()).toMatch(/8:15\s?PM|20:15/);
    await publicPage.close();
  });

  it('shows a problem the server finds beside its field, with focus on it, and saves nothing', async () => {
    const page = secretary;
    expectedFailures.push({ url: `/api/v1/meetings/${MEETING.slug}`, status: 400 });
    await page.fill('#meeting-latitude', '123');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => focused(page)).toBe('p#meeting-latitude-error');
    expect(await page.locator('#meeting-latitude').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#meeting-latitude-error').textContent()).not.toBe('');
    // Longer than the editor waits before it asks the time zone of a point typed: a latitude off
    // the globe is asked of no server (the error check at the end would see a refused request).
    await page.waitForTimeout(700);
    await page.reload();
    await drawn(page);
    await expect.poll(() => heading(page).textContent()).toBe(`Edit “${EDITED.name}”`);
  });

  it('places a meeting: its address found on the map, the pin dragged and nudged, the zone from the server', async () => {
    const page = secretary;
    await page.fill('#meeting-formatted_address', '3186 Pullman St, Costa Mesa, CA 92626');
    await page.getByRole('button', { name: 'Find the address on the map' }).click();
    await expect
      .poll(() => focused(page))
      .toBe(
        'p:The pin is at the centre of 92626, Costa Mesa, CA, United States, roughly: drag it to the door.',
      );
    expect(await page.inputValue('#meeting-latitude')).toBe('33.6801');
    const zone = page.locator('.zone strong');
    expect(await zone.textContent()).toBe('America/Los_Angeles');

    // Dragged with the mouse: the coordinates follow, and the server says the zone there.
    const pin = page.locator('.pin-map .pin-marker');
    await pin.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    const box = await pin.boundingBox();
    if (!box) throw new Error('the pin is not drawn');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 30, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => page.inputValue('#meeting-latitude')).not.toBe('33.6801');
    await expect.poll(() => zone.textContent()).toBe('America/Los_Angeles');

    // From the keyboard: the pin is a button in the Tab order; the arrow keys move it.
    const north = Number(await page.inputValue('#meeting-latitude'));
    await pin.focus();
    expect(await pin.getAttribute('aria-label')).toBe('The meeting’s pin: arrow keys move it');
    await page.keyboard.press('ArrowUp');
    await expect
      .poll(async () => Number(await page.inputValue('#meeting-latitude')))
      .toBeGreaterThan(north);

    // Not saved: leaving asks first.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.accept();
      }),
    );
    await page.reload();
    expect(await asked).toBe('beforeunload');
    await drawn(page);
    const unchanged = (await (await fetch(`${origin}/api/v1/meetings/${MEETING.slug}`)).json()) as {
      location: { formatted_address: string };
    };
    expect(unchanged.location.formatted_address).toBe('3186 Pullman St, Costa Mesa, CA 92626, USA');
  });

  it('(d) reviews the queue: approves with the diff, edits then approves, releases a held one and rejects it with a reply', async () => {
    // The administrator reviews: on SQLite the API answers 500 to a volunteer whose queue is
    // limited to their bodies (change-request.repository.ts binds `false` in the OR of the body
    // filter, which SQLite cannot bind), so the secretary's own queue cannot load yet.
    const page = administrator;
    const send = (body: unknown) =>
      fetch(`${origin}/api/v1/change-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    /** As the site's own form sends it: with a solved proof of work. */
    const proof = async () => {
      const { challenge } = (await (
        await fetch(`${origin}/api/v1/change-requests/challenge`)
      ).json()) as { challenge: string };
      let nonce = 0;
      while (!solves(challenge, String(nonce))) nonce++;
      return { challenge, nonce: String(nonce) };
    };
    const sent = await Promise.all([
      send({
        meeting: MEETING.slug,
        message: 'We start at 7 now, since the church changed its hours.',
        changes: { time: '19:00' },
        email: 'member@example.org',
        proof: await proof(),
      }),
      send({
        meeting: OTHERS[1],
        message: 'Parking is behind the hall.',
        changes: { location_notes: 'Park behind the hall' },
        proof: await proof(),
      }),
      // Without a proof: held apart as possible spam.
      send({
        meeting: OTHERS[0],
        message: 'Cheap watches here',
        changes: { name: 'Visit my shop' },
        email: 'spam@example.org',
      }),
    ]);
    expect(sent.map((r) => r.status)).toEqual([202, 202, 202]);

    await page
      .getByRole('navigation', { name: 'Volunteer area' })
      .getByRole('link', { name: 'Requests' })
      .click();
    await expect.poll(() => heading(page).textContent()).toBe('Change requests');
    await expect
      .poll(() => page.locator('#open-heading').textContent())
      .toBe('Waiting for an answer (2)');
    expect(await page.locator('#held-heading').textContent()).toBe('Held as possible spam (1)');
    await checkAccessibility('the change requests queue', page);

    const open = page.locator('section[aria-labelledby="open-heading"] .request');
    const first = open.filter({ hasText: EDITED.name });
    expect(await first.locator('h3').textContent()).toBe(`“${EDITED.name}”`);
    expect(await first.locator('thead th').allTextContents()).toEqual(['Field', 'Now', 'Proposed']);
    const rows = first.locator('table.changes tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.locator('th, td').allTextContents()).toEqual([
      'Starts at',
      EDITED.time,
      '19:00',
    ]);
    await first.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect
      .poll(() => focused(page))
      .toBe(`p:Approved: “${EDITED.name}” now says what was asked.`);
    const after = (await (await fetch(`${origin}/api/v1/meetings/${MEETING.slug}`)).json()) as {
      time: string;
      name: string;
    };
    expect(after).toMatchObject({ time: '19:00', name: EDITED.name });

    // Edit, then approve: the proposed value as the volunteer corrects it.
    const parking = open.filter({ hasText: 'Parking is behind the hall.' });
    await parking.getByRole('button', { name: 'Edit, then approve' }).click();
    await expect.poll(() => focused(page)).toMatch(/^input#request-\d+-location_notes$/);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Park behind the hall, by the side door');
    await parking.getByRole('button', { name: 'Approve with these values' }).click();
    await expect.poll(() => focused(page)).toMatch(/^p:Approved: /);
    const parked = (await (await fetch(`${origin}/api/v1/meetings/${OTHERS[1]}`)).json()) as {
      location: { notes: string };
    };
    expect(parked.location.notes).toBe('Park behind the hall, by the side door');

    // A held request: released into the queue, then rejected there with a reply.
    const held = page.locator('section[aria-labelledby="held-heading"] .request');
    await held.getByRole('button', { name: 'Release' }).click();
    await expect.poll(() => focused(page)).toMatch(/^p:Released the request/);
    await expect
      .poll(() => page.locator('#held-heading').textContent())
      .toBe('Held as possible spam (0)');
    const spam = open.filter({ hasText: 'Cheap watches here' });
    await spam.locator('textarea').fill('Thank you, but this is not about the meeting.');
    await spam.getByRole('button', { name: 'Reject', exact: true }).click();
    await expect.poll(() => focused(page)).toMatch(/^p:Reject the request/);
    await spam.getByRole('button', { name: 'Yes, reject it' }).click();
    await expect.poll(() => focused(page)).toMatch(/^p:Rejected the request about/);
    expect(await page.locator('#open-heading').textContent()).toBe('Waiting for an answer (0)');
    const decided = (await (
      await page.request.get('/api/v1/change-requests?status=rejected')
    ).json()) as { change_requests: { meeting: string; reply: string }[] };
    expect(decided.change_requests).toEqual([
      expect.objectContaining({
        meeting: OTHERS[0],
        reply: 'Thank you, but this is not about the meeting.',
      }),
    ]);
    const other = (await (await fetch(`${origin}/api/v1/meetings/${OTHERS[0]}`)).json()) as {
      name: string;
    };
    expect(other.name).not.toBe('Visit my shop');
  });

  it('(e) shows the meeting’s history, both changes field by field, and undoes one', async () => {
    const page = secretary;
    await page.goto(`/admin/meetings/${MEETING.slug}`);
    await drawn(page);
    await page.getByRole('link', { name: 'History of this meeting' }).click();
    await expect.poll(() => heading(page).textContent()).toBe(`History of “${MEETING.slug}”`);
    const entries = page.locator('ol.history > li');
    await expect.poll(() => entries.count()).toBe(2);
    // Newest first: the approved request, then the edit.
    const rows = async (i: number) =>
      entries
        .nth(i)
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(await rows(0)).toEqual([['Starts at', EDITED.time, '19:00']]);
    expect(await rows(1)).toEqual(
      expect.arrayContaining([
        ['Name', MEETING.name, EDITED.name],
        ['Starts at', expect.any(String), EDITED.time],
      ]),
    );
    expect(await entries.nth(1).locator('.meta').textContent()).toContain(`By ${SECRETARY.email}`);

    await entries.nth(0).getByRole('button', { name: 'Undo this change' }).click();
    await entries.nth(0).getByRole('button', { name: 'Yes, undo it' }).click();
    await expect.poll(() => entries.count()).toBe(3);
    expect(await entries.nth(0).locator('h2').textContent()).toContain('undone');
    const after = (await (await fetch(`${origin}/api/v1/meetings/${MEETING.slug}`)).json()) as {
      time: string;
    };
    expect(after.time).toBe(EDITED.time);
  });

  it('acts on ticked meetings at once, saying how each went', async () => {
    const page = secretary;
    const nav = page.getByRole('navigation', { name: 'Volunteer area' });
    await nav.getByRole('link', { name: 'My meetings' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('My meetings');
    const typesOf = async (slug: string) =>
      ((await (await fetch(`${origin}/api/v1/meetings/${slug}`)).json()) as { types: string[] })
        .types;
    const two = [OTHERS[1] ?? '', OTHERS[2] ?? ''];
    for (const slug of two) await page.check(`#tick-${slug}`);
    expect(await page.locator('#bulk-heading').textContent()).toBe('Ticked meetings (2)');
    await page.getByRole('button', { name: 'Temporarily closed' }).click();
    await expect.poll(() => focused(page)).toBe('p:2 of 2 marked temporarily closed.');
    // In the list's order, by name.
    expect(await page.locator('ul.results li').allTextContents()).toEqual([
      'Done: Discussion Meeting',
      'Done: Twelfth Hour',
    ]);
    for (const slug of two) expect(await typesOf(slug)).toContain('TC');
    for (const slug of two) await page.check(`#tick-${slug}`);
    await page.getByRole('button', { name: 'Reopen' }).click();
    await expect.poll(() => focused(page)).toBe('p:2 of 2 reopened.');
    for (const slug of two) expect(await typesOf(slug)).not.toContain('TC');

    // Moved to the group another of them has: the list says each meeting's group.
    const moved = OTHERS[1] ?? '';
    const row = page.locator('ul.meeting-list li', { has: page.locator(`#tick-${moved}`) });
    expect(await row.locator('.meta').textContent()).not.toContain(GROUP);
    await page.check(`#tick-${moved}`);
    await page.selectOption('#move-group', { label: GROUP });
    await page.getByRole('button', { name: 'Move to the group' }).click();
    await expect.poll(() => focused(page)).toBe(`p:1 of 1 moved to “${GROUP}”.`);
    await expect.poll(() => row.locator('.meta').textContent()).toContain(GROUP);
    const after = (await (await fetch(`${origin}/api/v1/meetings/${moved}`)).json()) as {
      group: unknown;
    };
    expect(JSON.stringify(after.group)).toContain(GROUP);
  });

  it('adds a meeting for the district, and confirms a stale one from the data-quality page', async () => {
    const page = secretary;
    await page.getByRole('link', { name: 'Add a meeting' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Add a meeting');
    expect(await page.locator('#meeting-service_body_id option').allTextContents()).toEqual([BODY]);
    await page.fill('#meeting-name', 'Library Group');
    await page.check('#meeting-day-3');
    await page.fill('#meeting-time', '18:00');
    await page.getByRole('button', { name: 'Add the meeting' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Edit “Library Group”');
    expect(await page.locator('.flash').textContent()).toBe(
      'Added “Library Group”: the directory shows it now.',
    );
    const added = (await (await fetch(`${origin}/api/v1/meetings/library-group`)).json()) as {
      day: number;
      time: string;
    };
    expect(added).toMatchObject({ day: 3, time: '18:00' });

    // Deleted, with a confirmation; the history brings it back.
    await page.getByRole('button', { name: 'Delete this meeting' }).click();
    await expect.poll(() => focused(page)).toMatch(/^p:Delete “Library Group”\?/);
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('My meetings');
    expect(await page.locator('.flash').textContent()).toContain('Deleted “Library Group”.');
    expect((await fetch(`${origin}/api/v1/meetings/library-group`)).status).toBe(404);
    await page
      .getByRole('navigation', { name: 'Volunteer area' })
      .getByRole('link', { name: 'History' })
      .click();
    const deletion = page.locator('ol.history > li').first();
    await expect
      .poll(() => deletion.locator('h2').textContent())
      .toBe('Meeting “library-group” deleted');
    await deletion.getByRole('button', { name: 'Undo this change' }).click();
    await deletion.getByRole('button', { name: 'Yes, undo it' }).click();
    await expect
      .poll(async () => (await fetch(`${origin}/api/v1/meetings/library-group`)).status)
      .toBe(200);

    await page
      .getByRole('navigation', { name: 'Volunteer area' })
      .getByRole('link', { name: 'Data quality' })
      .click();
    await page.getByRole('link', { name: BODY }).click();
    await expect.poll(() => heading(page).textContent()).toBe(`Data quality: ${BODY}`);
    const stale = page.locator('section[aria-labelledby="kind-stale"] li', {
      hasText: OTHERS[0] ?? '',
    });
    await stale.getByRole('button', { name: 'It is still right' }).click();
    await expect.poll(() => focused(page)).toBe('p:Done: it is still right.');
    await checkAccessibility('the data-quality page', page);
  });

  it('adds a place and moves a meeting to it; adds a group and deletes it, as nothing uses it', async () => {
    const page = secretary;
    const nav = page.getByRole('navigation', { name: 'Volunteer area' });
    await nav.getByRole('link', { name: 'Places and groups' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Places and groups');
    // The district's places and groups: its meetings' places, and the group made for the test.
    await expect
      .poll(() => page.locator('#group-list-heading + form + p[role=status]').textContent())
      .toBe('1 group.');
    expect(
      await page.locator('section[aria-labelledby="group-list-heading"] li').allTextContents(),
    ).toEqual([`${GROUP}2 meetings · ${BODY}`]);

    await page.getByRole('link', { name: 'Add a place' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Add a place');
    expect(await page.locator('#place-service_body_id option').allTextContents()).toEqual([BODY]);
    await page.fill('#place-name', 'Friends Meeting House');
    await page.fill('#place-formatted_address', '3186 Pullman St, Costa Mesa, CA 92626');
    await page.getByRole('button', { name: 'Find the address on the map' }).click();
    await expect.poll(() => focused(page)).toMatch(/^p:The pin is at the centre of 92626/);
    expect(await page.inputValue('#place-latitude')).toBe('33.6801');
    await checkAccessibility('a new place', page);
    await page.getByRole('button', { name: 'Add the place' }).click();
    await expect
      .poll(() => heading(page).textContent())
      .toBe('Edit the place “Friends Meeting House”');
    expect(await page.locator('.flash').textContent()).toBe(
      'Added the place. Move meetings to it from My meetings.',
    );
    expect(await page.locator('#place-meetings').textContent()).toBe('Meetings here (0)');
    const placeUrl = page.url();

    // A meeting moved there takes its address (the listing says it at once).
    const moved = OTHERS[1] ?? '';
    await nav.getByRole('link', { name: 'My meetings' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('My meetings');
    await page.check(`#tick-${moved}`);
    await page.fill('#move-place-filter', 'friends');
    const label = 'Friends Meeting House, 3186 Pullman St, Costa Mesa, CA 92626';
    await page.selectOption('#move-place', { label });
    await page.getByRole('button', { name: 'Move to the place' }).click();
    await expect.poll(() => focused(page)).toBe(`p:1 of 1 moved to “${label}”.`);
    const listing = (await (await fetch(`${origin}/api/v1/meetings/${moved}`)).json()) as {
      location: unknown;
      timezone: string;
    };
    expect(JSON.stringify(listing.location)).toContain('Friends Meeting House');
    expect(listing.timezone).toBe('America/Los_Angeles');

    // While a meeting is there, the place cannot be deleted: the page says what to do.
    await page.goto(placeUrl);
    await expect
      .poll(() => page.locator('#place-meetings').textContent())
      .toBe('Meetings here (1)');
    expect(await page.locator('section[aria-labelledby="delete-place"]').textContent()).toContain(
      'A meeting uses this place, so it cannot be deleted',
    );
    expect(await page.getByRole('button', { name: 'Delete this place' }).count()).toBe(0);

    // A group nobody uses yet is deleted, with a confirmation.
    await nav.getByRole('link', { name: 'Places and groups' }).click();
    await page.getByRole('link', { name: 'Add a group' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Add a group');
    await page.getByRole('button', { name: 'Add the group' }).click();
    await expect.poll(() => focused(page)).toBe('p#group-name-error');
    expect(await page.locator('#group-name-error').textContent()).toBe('Give the group a name.');
    await page.fill('#group-name', 'Wednesday Newcomers');
    await page.getByRole('button', { name: 'Add the group' }).click();
    await expect
      .poll(() => heading(page).textContent())
      .toBe('Edit the group “Wednesday Newcomers”');
    await checkAccessibility('a group with no meetings', page);
    await page.getByRole('button', { name: 'Delete this group' }).click();
    await expect.poll(() => focused(page)).toMatch(/^p:Delete the group “Wednesday Newcomers”\?/);
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Places and groups');
    expect(await page.locator('.flash').textContent()).toBe(
      'Deleted the group “Wednesday Newcomers”.',
    );
    await page.fill('#group-list-filter', 'wednesday');
    await page.locator('#group-list-filter').press('Enter');
    await expect
      .poll(() => page.locator('#group-list-heading + form + p[role=status]').textContent())
      .toBe('No groups match “wednesday”.');
    await checkAccessibility('the places and groups', page);
  });

  it('opens an online room for a meeting the directory does not list, showing its host link once', async () => {
    const page = secretary;
    await page
      .getByRole('navigation', { name: 'Volunteer area' })
      .getByRole('link', { name: 'My meetings' })
      .click();
    await page.getByRole('link', { name: 'Open an online room' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Open an online room');
    await page.getByRole('button', { name: 'Open the room' }).click();
    await expect.poll(() => focused(page)).toBe('p#room-name-error');
    await page.fill('#room-name', 'Intergroup Business Meeting');
    await page.selectOption('#room-format', 'open');
    await page.fill('#room-passcode', 'serenity');
    await checkAccessibility('a new online room', page);
    await page.getByRole('button', { name: 'Open the room' }).click();
    await expect
      .poll(() => heading(page).textContent())
      .toBe('The room “Intergroup Business Meeting” is open');
    const joinUrl = await page.inputValue('#room-join-url');
    expect(joinUrl).toMatch(new RegExp(`^${origin}/rooms/[A-Za-z0-9_-]{22}$`));
    expect(await page.inputValue('#room-host-url')).toMatch(new RegExp(`^${joinUrl}#host=.{20,}`));
    const joinPage = await fetch(joinUrl);
    expect(joinPage.status).toBe(200);
    expect(await joinPage.text()).toContain('Intergroup Business Meeting');
  });

  it('switches the code from a phone on, then asks for it to sign in; signs out everywhere', async () => {
    const page = secretary;
    await page
      .getByRole('navigation', { name: 'Volunteer area' })
      .getByRole('link', { name: 'My account' })
      .click();
    await expect.poll(() => heading(page).textContent()).toBe('My account');
    await page.fill('#change-password-current_password', SECRETARY.password);
    await page.fill('#change-password-password', SECRETARY.newPassword);
    await page.getByRole('button', { name: 'Change the password' }).click();
    await expect
      .poll(() => focused(page))
      .toBe('p:Your password is changed; your other sessions ended.');
    await page.getByRole('button', { name: 'Set up the code' }).click();
    const secret = ((await page.locator('#totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.locator('#totp-uri').textContent()).toMatch(/^otpauth:\/\/totp\//);
    await checkAccessibility('the account page, setting up the code', page);
    // The server's clock is the tests' fixed one: the code is the one an app shows then.
    const code = totp.codeAt(secret, testClock.now().getTime());
    await page.fill('#totp-on-code', code);
    await page.getByRole('button', { name: 'Switch the code on' }).click();
    await expect.poll(() => focused(page)).toMatch(/^p:The code is switched on/);

    // Signing in without the code is answered 401 (naming the code's field), as it should.
    expectedFailures.push({ url: '/api/v1/auth/login', status: 401 });
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Sign in');
    await page.fill('#sign-in-email', SECRETARY.email);
    await page.fill('#sign-in-password', SECRETARY.newPassword);
    await page.keyboard.press('Enter');
    // The code field appears only now, with the server's words beside it and focus on them.
    await expect.poll(() => focused(page)).toBe('p#sign-in-totp-error');
    expect(await page.locator('#sign-in-totp-error').textContent()).toBe(
      'Enter the 6-digit code from your authenticator app.',
    );
    await page.fill('#sign-in-totp', code);
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent()).toBe('My meetings');

    await page
      .getByRole('navigation', { name: 'Volunteer area' })
      .getByRole('link', { name: 'My account' })
      .click();
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('button', { name: 'Yes, sign out everywhere' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Sign in');
    expect(await page.locator('main').textContent()).toContain(
      'Signed out everywhere: 1 session ended',
    );
    expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
  });

  it('changes a volunteer’s role, then takes it away', async () => {
    const page = administrator;
    await page
      .getByRole('navigation', { name: 'Volunteer area' })
      .getByRole('link', { name: 'Volunteers' })
      .click();
    const card = page.locator('.volunteer', { hasText: SECRETARY.email });
    await expect.poll(() => card.locator('.meta').textContent()).toBe('has signed up');
    await card.getByLabel(`Role on ${BODY}`).selectOption('observer');
    await card.getByRole('button', { name: 'Change the role' }).click();
    await expect.poll(() => focused(page)).toBe(`p:${SECRETARY.email} is now observer of ${BODY}.`);
    await card.getByRole('button', { name: `Remove from ${BODY}` }).click();
    await card.getByRole('button', { name: 'Yes, remove the role' }).click();
    await expect.poll(() => card.textContent()).toContain('No roles on your service bodies.');
    const users = (await (await page.request.get('/api/v1/users')).json()) as {
      users: { email: string; roles: unknown[] }[];
    };
    expect(users.users.find((u) => u.email === SECRETARY.email)?.roles).toEqual([]);
  });

  it('adds a service body beneath another, renames it, and deletes it; one with meetings stays', async () => {
    const page = administrator;
    await page
      .getByRole('navigation', { name: 'Volunteer area' })
      .getByRole('link', { name: 'Service bodies' })
      .click();
    await expect.poll(() => heading(page).textContent()).toBe('Service bodies');
    const tree = page.locator('ul.body-tree').first();
    expect(
      await tree.locator(':scope > li > ul.body-tree > li .body-name').allTextContents(),
    ).toEqual([BODY]);
    await page.getByRole('link', { name: 'Add beneath Orange County Intergroup' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Add a service body');
    expect(await page.locator('#body-parent_id option:checked').textContent()).toBe(
      'Orange County Intergroup',
    );
    await page.fill('#body-name', 'Newport Beach District');
    await page.selectOption('#body-kind', 'district');
    await checkAccessibility('a new service body', page);
    await page.getByRole('button', { name: 'Add the service body' }).click();
    await expect
      .poll(() => heading(page).textContent())
      .toBe('Edit the service body “Newport Beach District”');
    expect(await page.locator('.flash').textContent()).toBe('Added the service body.');
    await page.fill('#body-name', 'Newport Mesa District');
    await page.getByRole('button', { name: 'Save the service body' }).click();
    await expect.poll(() => focused(page)).toBe('p:Saved.');

    // Its district beside Costa Mesa's in the tree; Costa Mesa's meetings keep it from deletion.
    await page
      .getByRole('navigation', { name: 'Volunteer area' })
      .getByRole('link', { name: 'Service bodies' })
      .click();
    await expect
      .poll(() => tree.locator(':scope > li > ul.body-tree > li .body-name').allTextContents())
      .toEqual([BODY, 'Newport Mesa District']);
    await page.getByRole('link', { name: BODY, exact: true }).click();
    await expect.poll(() => heading(page).textContent()).toBe(`Edit the service body “${BODY}”`);
    expect(
      await page.locator('section[aria-labelledby="delete-service-body"]').textContent(),
    ).toContain('meetings belong to this service body, so it cannot be deleted');
    await page.goBack();
    await page.getByRole('link', { name: 'Newport Mesa District', exact: true }).click();
    await page.getByRole('button', { name: 'Delete this service body' }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Service bodies');
    expect(await page.locator('.flash').textContent()).toBe(
      'Deleted the service body “Newport Mesa District”.',
    );
    expect(
      await tree.locator(':scope > li > ul.body-tree > li .body-name').allTextContents(),
    ).toEqual([BODY]);
    await checkAccessibility('the service bodies', page);
  });

  it('shows where the focus is at every Tab stop', async () => {
    const page = administrator;
    const report: string[] = [];
    for (const url of [
      `/admin/meetings/${MEETING.slug}`,
      '/admin/requests',
      '/admin/volunteers',
      '/admin/account',
    ]) {
      await page.goto(url);
      await drawn(page);
      await page.waitForSelector('h1');
      if (url.includes('/meetings/')) await page.waitForSelector('.pin-map .pin-marker');
      const seen = new Set<string>();
      for (let i = 0; i < 300; i++) {
        await page.keyboard.press('Tab');
        const { key, problem } = await focusIndicator(page);
        if (key === null || seen.has(key)) break;
        seen.add(key);
        if (problem) report.push(`${url}: ${problem}`);
      }
      expect(seen.size, url).toBeGreaterThan(5);
    }
    expect(report).toEqual([]);
  });

  it('draws the pin over the tiles an operator configured, with their attribution, and nothing else leaves', async () => {
    const tiled = await testServer(db, {
      config: { mapTileUrl: TILES.url, mapAttribution: TILES.attribution },
    });
    try {
      await tiled.listen({ port: 0, host: '127.0.0.1' });
      const tiledOrigin = `http://127.0.0.1:${(tiled.server.address() as AddressInfo).port}`;
      const context = await browser.newContext({ baseURL: tiledOrigin, locale: 'en-US' });
      context.setDefaultTimeout(10_000);
      const tileRequests: string[] = [];
      const seen: string[] = [];
      context.on('request', (request) => seen.push(request.url()));
      await context.route('https://tiles.example.org/**', (route) => {
        tileRequests.push(route.request().url());
        return route.fulfill({ status: 200, contentType: 'image/png', body: blankTile });
      });
      try {
        const page = await context.newPage();
        await page.goto('/admin');
        await page.fill('#sign-in-email', ADMIN.email);
        await page.fill('#sign-in-password', ADMIN.password);
        await page.keyboard.press('Enter');
        await expect.poll(() => heading(page).textContent()).toBe('My meetings');
        await page.goto(`/admin/meetings/${MEETING.slug}`);
        await page.waitForSelector('.pin-map .leaflet-tile-loaded');
        await page.waitForSelector('.pin-map .leaflet-control-attribution a');
        expect(await page.locator('.pin-map .leaflet-control-attribution').textContent()).toContain(
          'OpenStreetMap',
        );
        expect(tileRequests.length).toBeGreaterThan(0);
        // The tiles (answered here), and this site: nothing else.
        expect(
          seen.filter(
            (u) =>
              !u.startsWith(`${tiledOrigin}/`) &&
              !u.startsWith('https://tiles.example.org/') &&
              !u.startsWith('data:'),
          ),
        ).toEqual([]);
        await checkAccessibility('the meeting editor with tiles', page);
      } finally {
        await context.close();
      }
    } finally {
      await tiled.close();
    }
  });

  it('gives a meeting a Greendoor room, whose link becomes its online link, then removes it', async () => {
    const page = administrator;
    const slug = OTHERS[0] ?? '';
    const conference = async () =>
      (
        (await (await fetch(`${origin}/api/v1/meetings/${slug}`)).json()) as {
          conference: { url: string | null } | null;
        }
      ).conference?.url ?? null;
    await page.goto(`/admin/meetings/${slug}`);
    const panel = page.locator('section.room-panel');
    await panel.getByText('This meeting has no Greendoor room.').waitFor();
    await panel.getByLabel('Share timer (minutes)').fill('3');
    await panel.getByRole('button', { name: 'Give this meeting a room' }).click();
    await expect.poll(() => focused(page)).toMatch(/^p:The room is ready/);
    const hostUrl = await panel.getByLabel('Host link').inputValue();
    expect(hostUrl).toMatch(new RegExp(`^${origin}/rooms/[A-Za-z0-9_-]{22}#host=`));
    const joinUrl = hostUrl.slice(0, hostUrl.indexOf('#'));
    expect(await conference()).toBe(joinUrl);
    // The editor shows the new online link: the meeting was read again.
    await expect.poll(() => page.locator('#meeting-conference_url').inputValue()).toBe(joinUrl);
    await checkAccessibility('the meeting editor with its room', page);
    expect((await (await fetch(joinUrl)).text()).includes('Confidentiality')).toBe(true);

    // The group's own confidentiality statement and readings: the room opens with them.
    const statement = 'What you hear here, let it stay here, and who you see here too.';
    // Greendoor's own statement until the group writes one: the box starts empty.
    expect(await panel.getByLabel('Confidentiality statement').inputValue()).toBe('');
    await panel.getByLabel('Confidentiality statement').fill(statement);
    await panel.getByLabel('2. Readings').fill('We read the preamble and How It Works.');
    await panel.getByRole('button', { name: 'Save the room' }).click();
    await expect
      .poll(() => focused(page))
      .toBe('p:Saved: the room runs this way from its next meeting.');
    const saved = (await (await page.request.get(`/api/v1/meetings/${slug}/room`)).json()) as {
      statement: string;
      statement_is_default: boolean;
      steps: { title: string; text: string }[];
    };
    expect([saved.statement, saved.statement_is_default]).toEqual([statement, false]);
    expect(saved.steps[1]).toEqual({
      title: 'Readings',
      text: 'We read the preamble and How It Works.',
    });
    expect((await (await fetch(joinUrl)).text()).includes(statement)).toBe(true);

    await panel.getByRole('button', { name: 'Remove the room' }).click();
    await panel.getByRole('button', { name: 'Yes, remove it' }).click();
    await expect.poll(() => focused(page)).toMatch(/^p:The room is removed/);
    expect(await conference()).toBeNull();
    expect((await fetch(joinUrl)).status).toBe(404);
  });

  it('(f) has no axe-core violations (WCAG 2.2 AA and best practices) on the pages it checked', () => {
    expect(accessibility.length === 0 ? [] : accessibility, accessibility.join('\n')).toEqual([]);
  });

  it('loads nothing from elsewhere, sets no cookie but the session, and logs no error', async () => {
    const elsewhere = requests.filter(
      (u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'),
    );
    expect(requests.length).toBeGreaterThan(20);
    expect(elsewhere).toEqual([]);
    for (const context of contexts) {
      const names = (await context.cookies()).map((c) => c.name);
      expect(
        names.every((n) => n === 'gd_session'),
        names.join(', '),
      ).toBe(true);
    }
    expect(await secretary.evaluate(() => document.cookie)).toBe('');
    expect(problems).toEqual([]);
  });
});
