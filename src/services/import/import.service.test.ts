import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors.ts';
import type { Listing } from '../../domain/listing/listing.ts';
import { stableStringify } from '../../domain/listing/listing-fingerprint.ts';
import {
  type TestDatabase,
  createTestDatabase,
  databaseKinds,
  testClock,
} from '../../test-support/databases.ts';
import { meetingGuideFeeds, sharedFeedPath } from '../../test-support/shared-data.ts';
import { exportDirectory } from '../export.service.ts';
import { type ImportRequest, importFeed, importInput } from './import.service.ts';

const kinds = await databaseKinds();

/** A port nothing listens on: bound, noted, closed. */
const closedPort = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as AddressInfo;
    probe.close(() => resolve(port));
  });
});

/** A listing as a source describes it: whether attendance was stated is the writer's choice. */
function comparable(listing: Listing): string {
  return stableStringify({ ...listing, attendanceExplicit: null });
}

describe.each(kinds)('importing feeds into %s', (kind) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await db.destroy();
  });

  const deps = () => ({ store: db.store, clock: testClock, defaultTimezone: 'UTC' });
  const run = (location: string, request: Partial<ImportRequest> = {}) =>
    importFeed({ location, format: 'auto', prune: false, ...request }, deps());
  const exportText = () => exportDirectory(db.store, 'meeting-guide');
  const bySlug = async (sourceName: string) => {
    const source = await db.store.sources.findByName(sourceName);
    const stored = await db.store.listings.load({ sourceId: source?.id ?? -1 });
    return new Map(stored.map((s) => [s.listing.slug, s.listing]));
  };

  it.each(meetingGuideFeeds)(
    'imports %s, and its export reads back as the same listings',
    async (feed) => {
      const raw = JSON.parse(await readFile(sharedFeedPath(feed), 'utf8')) as unknown[];
      const report = await run(sharedFeedPath(feed), {
        source: feed,
        timezone: 'America/Edmonton',
      });
      expect(report).toMatchObject({
        read: raw.length,
        created: raw.length,
        updated: 0,
        skipped: 0,
        removed: 0,
      });

      const exported = await exportText();
      const again = await importInput(
        { text: exported, location: 'export', suggestedName: 'again', contentType: null },
        { source: 'again', format: 'meeting-guide', prune: false },
        deps(),
      );
      expect(again.created).toBe(raw.length);
      const [first, second] = [await bySlug(feed), await bySlug('again')];
      // The second source's slugs collide with the first's, so the directory publishes them
      // under new slugs; the listings, by the source's own slug, are the same.
      for (const [slug, listing] of first) {
        expect(comparable(second.get(slug) as Listing), slug).toBe(comparable(listing));
      }
    },
  );

  it('changes nothing when the same feed is imported twice, not even `updated`', async () => {
    await run(sharedFeedPath('oc'), { source: 'oc' });
    const before = await exportText();
    const again = await run(sharedFeedPath('oc'), { source: 'oc' });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1967, removed: 0 });
    expect(await exportText()).toBe(before);
  });

  it('updates what changed, stamping listings without `updated` with the import time', async () => {
    const place = {
      location: 'Hall',
      formatted_address: '1 Main St, Town, CA, USA',
      latitude: 34,
      longitude: -118,
    };
    const early = { name: 'Early Birds', slug: 'early', day: 1, time: '07:00', ...place };
    const noon = { name: 'Nooners', slug: 'noon', day: 2, time: '12:00', ...place };
    const feed = [early, noon];
    const input = (meetings: object[]) => ({
      text: JSON.stringify(meetings),
      location: 'feed',
      suggestedName: 'x',
      contentType: null,
    });
    await importInput(input(feed), { source: 'x', format: 'auto', prune: false }, deps());
    const changed = [{ ...early, time: '07:30', location_notes: 'Side door' }, noon];
    const report = await importInput(
      input(changed),
      { source: 'x', format: 'auto', prune: false },
      deps(),
    );
    // The shared location gained notes, so both listings changed.
    expect(report).toMatchObject({ created: 0, updated: 2, unchanged: 0 });
    const listings = await bySlug('x');
    expect(listings.get('early')?.schedule).toMatchObject({ start: '07:30' });
    expect(listings.get('noon')?.location?.notes).toBe('Side door');
    expect(listings.get('noon')?.updatedAt).toBe(testClock.now().toISOString());
    const locations = await db.store.locations.all();
    expect(locations).toHaveLength(1);
    // Volunteers see what the import changed, field by field, and that the import changed it.
    const history = await db.store.history.list({ entity: 'meeting' });
    const early_ = history.find((h) => h.label === 'early');
    expect(early_).toMatchObject({ action: 'update', actor: 'import: x', userId: null });
    expect(early_?.changes).toEqual(
      expect.arrayContaining([
        { field: 'time', before: '07:00', after: '07:30' },
        { field: 'location_notes', before: null, after: 'Side door' },
      ]),
    );
    // Added meetings are not recorded one by one: only the second import's changes are.
    expect(history).toHaveLength(2);
  });

  it('prunes only the meetings this source no longer lists, never another source’s', async () => {
    const input = (name: string, slugs: string[]) => ({
      text: JSON.stringify(
        slugs.map((slug) => ({ name: slug, slug, day: 1, time: '19:00', group: `${name} group` })),
      ),
      location: name,
      suggestedName: name,
      contentType: null,
    });
    await importInput(
      input('a', ['one', 'two', 'three']),
      { source: 'a', format: 'auto', prune: false },
      deps(),
    );
    await importInput(
      input('b', ['one', 'four']),
      { source: 'b', format: 'auto', prune: false },
      deps(),
    );
    const withoutPrune = await importInput(
      input('a', ['one']),
      { source: 'a', format: 'auto', prune: false },
      deps(),
    );
    expect(withoutPrune.removed).toBe(0);
    const pruned = await importInput(
      input('a', ['one']),
      { source: 'a', format: 'auto', prune: true },
      deps(),
    );
    expect(pruned).toMatchObject({ removed: 2, unchanged: 1 });
    expect(
      (await db.store.history.list({ entity: 'meeting' }))
        .map((h) => [h.label, h.action, h.actor])
        .sort(),
    ).toEqual([
      ['three', 'delete', 'import: a'],
      ['two', 'delete', 'import: a'],
    ]);
    expect([...(await bySlug('a')).keys()]).toEqual(['one']);
    expect([...(await bySlug('b')).keys()].sort()).toEqual(['four', 'one']);
    // The group the pruned meetings shared with "one" stays; nothing is orphaned.
    expect((await db.store.groups.all()).map((g) => g.name).sort()).toEqual(['a group', 'b group']);
  });

  it('does not prune a meeting the feed still lists but which could not be read this time', async () => {
    const input = (time: string) => ({
      text: JSON.stringify([{ name: 'A', slug: 'a', day: 1, time }]),
      location: 'f',
      suggestedName: 'f',
      contentType: null,
    });
    await importInput(input('19:00'), { source: 'f', format: 'auto', prune: false }, deps());
    const report = await importInput(
      input('25:99'),
      { source: 'f', format: 'auto', prune: true },
      deps(),
    );
    expect(report).toMatchObject({ skipped: 1, removed: 0 });
    expect((await bySlug('f')).get('a')?.schedule).toMatchObject({ start: '19:00' });
  });

  it('publishes a slug another source already has under a new one, keeping the source’s own', async () => {
    const feed = JSON.stringify([{ name: 'Serenity', slug: 'serenity', day: 0, time: '10:00' }]);
    for (const source of ['north', 'south']) {
      await importInput(
        { text: feed, location: source, suggestedName: source, contentType: null },
        { source, format: 'auto', prune: false },
        deps(),
      );
    }
    const stored = await db.store.listings.load();
    expect(stored.map((s) => s.slug).sort()).toEqual(['serenity', 'serenity-south']);
    expect(stored.every((s) => s.listing.slug === 'serenity')).toBe(true);
  });

  it.each([
    ['invalid JSON', () => sharedFeedPath('invalid'), /is not valid JSON at line 80, column 3/],
    [
      'the wrong shape',
      () => 'data:{"not": "an array"}',
      /expected a Meeting Guide feed \(a JSON array of meetings\) but found an object/,
    ],
    [
      'a URL on a blocked port',
      () => 'http://127.0.0.1:9/feed.json',
      /cannot fetch http:\/\/127\.0\.0\.1:9\/feed\.json \(bad port\)/,
    ],
    [
      'an unreachable URL',
      () => `http://127.0.0.1:${closedPort}/feed.json`,
      /\(connection refused\): check the address and that the server is up/,
    ],
    ['a missing file', () => '/nonexistent/feed.json', /no file at \/nonexistent\/feed\.json/],
  ])(
    'refuses %s with one clear error and leaves the database as it was',
    async (_what, location, message) => {
      await run(sharedFeedPath('atlanta'), { source: 'oc' });
      const before = await exportText();
      const target = location();
      const attempt = target.startsWith('data:')
        ? importInput(
            {
              text: target.slice(5),
              location: 'shape.json',
              suggestedName: 'oc',
              contentType: null,
            },
            { source: 'oc', format: 'auto', prune: true },
            deps(),
          )
        : run(target, { source: 'oc', prune: true });
      await expect(attempt).rejects.toThrow(message);
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      expect(await exportText()).toBe(before);
    },
  );

  it('refuses random bytes as not text', async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    const { writeFile, mkdtemp } = await import('node:fs/promises');
    const dir = await mkdtemp('/tmp/greendoor-garbage-');
    await writeFile(`${dir}/garbage.json`, bytes);
    await expect(run(`${dir}/garbage.json`)).rejects.toThrow(
      /is not text \(byte \d+ is not UTF-8\)/,
    );
    expect(await db.store.meetings.count()).toBe(0);
  });

  it('rolls back a dry run, reporting what it would do', async () => {
    const report = await run(sharedFeedPath('sussexaa'), { source: 'sussex', dryRun: true });
    expect(report).toMatchObject({ dryRun: true, created: 123 });
    expect(await db.store.meetings.count()).toBe(0);
    expect(await db.store.sources.findByName('sussex')).toBeNull();
  });

  it('imports over HTTP', async () => {
    const body = await readFile(sharedFeedPath('atlanta'));
    const server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(body),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const report = await run(`http://127.0.0.1:${port}/meetings.json`);
      expect(report).toMatchObject({ source: '127', created: 6 });
    } finally {
      server.close();
    }
  });

  it('keeps contacts of a CSV table private, and private contacts out of exports unless asked', async () => {
    const csv =
      '"Time","Day","Name","Slug","Group","Contact 1 Name","Contact 1 Email"\n"7:00 PM","Monday","Hope","hope","Hope Group","Sam","sam@example.org"\n';
    await importInput(
      { text: csv, location: 'table.csv', suggestedName: 'table', contentType: null },
      { source: 'table', format: 'auto', prune: false },
      deps(),
    );
    expect((await bySlug('table')).get('hope')?.group?.contacts).toEqual([
      { name: 'Sam', email: 'sam@example.org', phone: null, public: false },
    ]);
    expect(await exportText()).not.toContain('sam@example.org');
    expect(await exportDirectory(db.store, 'csv')).not.toContain('sam@example.org');
    const trusted = await exportDirectory(db.store, 'meeting-guide', {
      includePrivateContacts: true,
    });
    expect(trusted).toContain('"contact_1_private":true');
  });

  it('round-trips the whole directory through the CSV table', async () => {
    await run(sharedFeedPath('sussexaa'), { source: 'sussex' });
    const csv = await exportDirectory(db.store, 'csv');
    const report = await importInput(
      { text: csv, location: 'x.csv', suggestedName: 'csv', contentType: null },
      { source: 'csv', format: 'auto', prune: false },
      deps(),
    );
    expect(report).toMatchObject({ format: 'csv', created: 123, skipped: 0 });
    const [a, b] = [await bySlug('sussex'), await bySlug('csv')];
    for (const [slug, listing] of a) {
      const back = b.get(slug);
      expect(back?.name).toBe(listing.name);
      expect(back?.schedule).toEqual(listing.schedule);
      expect(back?.types).toEqual(listing.types);
      expect(back?.location?.formattedAddress).toBe(listing.location?.formattedAddress);
      expect(back?.conferenceUrl).toBe(listing.conferenceUrl);
      expect(back?.timezone).toBe(listing.timezone);
    }
  });
});
