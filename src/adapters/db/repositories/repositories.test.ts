import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinFellowships } from '../../../domain/fellowship/fellowships.builtin.ts';
import {
  type TestDatabase,
  createTestDatabase,
  databaseKinds,
  testClock,
} from '../../../test-support/databases.ts';
import { groupDetails } from '../../../test-support/factories.ts';
import { importFeed } from '../../../services/import/import.service.ts';
import { sharedFeedPath } from '../../../test-support/shared-data.ts';
import { openStore } from '../database.ts';
import { entityColumns, groupColumns } from '../listing-rows.ts';
import { migrateToLatest } from '../migrations/migrations.ts';

const kinds = await databaseKinds();
const now = testClock.now().toISOString();

/** A service body row of a source, as an import writes one. */
function bodyRow(sourceId: number, key: string, parentId: number | null) {
  const details = {
    name: key,
    email: null,
    phone: null,
    website: null,
    logo: null,
    serviceArea: null,
  };
  return {
    source_id: sourceId,
    key,
    parent_id: parentId,
    fellowship_id: 'aa',
    kind: 'other',
    ...entityColumns(details),
    created_at: now,
    updated_at: now,
  };
}

describe.each(kinds)('repositories on %s', (kind) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await db.destroy();
  });

  it('migrates once: a second run finds nothing to do', async () => {
    expect(await migrateToLatest(db.store.db, db.store.dialect)).toEqual([]);
  });

  it('knows the built-in fellowships, and adding them again changes nothing', async () => {
    const list = await db.store.fellowships.list();
    expect(list.map((f) => f.id).sort()).toEqual(builtinFellowships.map((f) => f.id).sort());
    expect(list.every((f) => f.builtin)).toBe(true);
    expect(await db.store.fellowships.ensure(builtinFellowships, true, now)).toBe(0);
    const added = await db.store.fellowships.ensure(
      [
        {
          id: 'sa',
          name: 'Sexaholics Anonymous',
          kind: 'twelve_step',
          description: 'For people who want to stop.',
          website: null,
        },
      ],
      false,
      now,
    );
    expect(added).toBe(1);
    const sa = (await db.store.fellowships.list()).find((f) => f.id === 'sa');
    expect(sa).toMatchObject({ builtin: false, kind: 'twelve_step', website: null });
  });

  it('stores booleans, JSON and timestamps the same way on every database', async () => {
    const source = await db.store.sources.create('s', 'aa', now);
    const ids = await db.store.locations.insertMany([
      {
        source_id: source.id,
        key: 'k',
        name: 'Hall',
        formatted_address: null,
        street: null,
        city: null,
        state: null,
        postal_code: null,
        country: null,
        latitude: 51.5,
        longitude: -0.125,
        approximate: db.store.dialect.codec.toBoolean(true),
        regions: db.store.dialect.codec.toJson(['England', 'London', 'Café ☕']),
        timezone: 'Europe/London',
        notes: null,
        created_at: db.store.dialect.codec.toTimestamp(now),
        updated_at: db.store.dialect.codec.toTimestamp('2026-01-02T03:04:05.678Z'),
      },
    ]);
    const [row] = await db.store.locations.byIds([ids.get('k') ?? -1]);
    const { codec } = db.store.dialect;
    expect(codec.fromBoolean(row?.approximate)).toBe(true);
    expect(codec.fromJson(row?.regions)).toEqual(['England', 'London', 'Café ☕']);
    expect(codec.fromTimestamp(row?.updated_at)).toBe('2026-01-02T03:04:05.678Z');
    expect(row?.latitude).toBe(51.5);
  });

  it('lists sources with their meeting counts, and removes a source with all it brought', async () => {
    const source = await db.store.sources.create('feed', 'na', now);
    await db.store.sources.recordImport(source.id, {
      url: 'https://example.org/feed.json',
      format: 'meeting-guide',
      fellowshipId: 'na',
      at: now,
    });
    expect(await db.store.sources.list()).toEqual([
      {
        id: source.id,
        name: 'feed',
        fellowshipId: 'na',
        url: 'https://example.org/feed.json',
        format: 'meeting-guide',
        lastImportedAt: now,
        meetings: 0,
      },
    ]);
    const area = (await db.store.serviceBodies.insertMany([bodyRow(source.id, 'area', null)])).get(
      'area',
    );
    await db.store.serviceBodies.insertMany([bodyRow(source.id, 'district', area ?? null)]);
    expect(await db.store.sources.remove(source.id)).toBe(0);
    expect(await db.store.sources.list()).toEqual([]);
    expect(await db.store.serviceBodies.all()).toEqual([]);
  });

  it('prunes a chain of unused service bodies, keeping bodies still referred to', async () => {
    const source = await db.store.sources.create('feed', 'aa', now);
    const body = (key: string, parent: number | null) => bodyRow(source.id, key, parent);
    const region =
      (await db.store.serviceBodies.insertMany([body('region', null)])).get('region') ?? null;
    const area =
      (await db.store.serviceBodies.insertMany([body('area', region)])).get('area') ?? null;
    await db.store.serviceBodies.insertMany([body('district', area), body('lonely', null)]);
    const { codec } = db.store.dialect;
    await db.store.groups.insertMany([
      {
        source_id: source.id,
        key: 'g',
        service_body_id: area,
        ...groupColumns(groupDetails(), codec),
        created_at: now,
        updated_at: now,
      },
    ]);
    // district and lonely are unused; area is used by a group, and region is area's parent.
    expect(await db.store.serviceBodies.deleteUnused(source.id)).toBe(2);
    expect((await db.store.serviceBodies.all()).map((b) => b.key).sort()).toEqual([
      'area',
      'region',
    ]);
    expect(await db.store.groups.deleteUnused(source.id)).toBe(1);
    expect(await db.store.serviceBodies.deleteUnused(source.id)).toBe(2);
  });

  it('reads published summaries a page at a time, each once and in id order', async () => {
    await importFeed(
      { location: sharedFeedPath('oc'), source: 'oc', format: 'auto', prune: false },
      { store: db.store, clock: testClock, defaultTimezone: 'UTC' },
    );
    const read = async (pages: AsyncGenerator<{ summary: { id: number } }[]>) => {
      const ids: number[] = [];
      const sizes: number[] = [];
      for await (const page of pages) {
        ids.push(...page.map((r) => r.summary.id));
        sizes.push(page.length);
      }
      return { ids, sizes };
    };
    const whole = await read(db.store.summaries.pages());
    expect(whole.ids.length).toBe(1967);
    expect(whole.ids).toEqual([...whole.ids].sort((a, b) => a - b));
    // A filtered read, in small pages.
    const some = whole.ids.filter((_, i) => i % 3 === 0);
    const paged = await read(db.store.summaries.pages({ meetingIds: some }, 100));
    expect(paged.ids).toEqual(some);
    // The whole read (in a worker thread on SQLite) reads the same values as pages do.
    const all = new Map<number, unknown>();
    for await (const page of db.store.summaries.pages()) {
      for (const row of page) all.set(row.summary.id, row);
    }
    for await (const page of db.store.summaries.pages({ meetingIds: some }, 100)) {
      for (const row of page) expect(all.get(row.summary.id)).toEqual(row);
    }
    expect(paged.sizes).toEqual([...Array<number>(6).fill(100), some.length - 600]);
    // A reader that stops after the first page leaves nothing running that could fail.
    for await (const page of db.store.summaries.pages({ meetingIds: some }, 100)) {
      expect(page).toHaveLength(100);
      break;
    }
  });

  it('answers an empty directory', async () => {
    expect(await db.store.meetings.count()).toBe(0);
    expect(await db.store.meetings.slugs()).toEqual(new Set());
    expect(await db.store.listings.load()).toEqual([]);
    expect(await db.store.meetings.countByFellowship()).toEqual(new Map());
  });
});

describe('opening a database', () => {
  it('says what to do when PostgreSQL cannot be reached', async () => {
    await expect(openStore('postgres://postgres@127.0.0.1:1/nothing')).rejects.toThrow(
      'cannot reach PostgreSQL 127.0.0.1:1/nothing (connection refused): start PostgreSQL or check DATABASE_URL',
    );
  });

  it('says what to do when the SQLite file cannot be created', async () => {
    // A file where the database's folder should be.
    const notAFolder = path.join(mkdtempSync(path.join(tmpdir(), 'greendoor-')), 'file');
    writeFileSync(notAFolder, '');
    await expect(openStore(path.join(notAFolder, 'x.db'))).rejects.toThrow(
      /cannot open the SQLite database .*\/file\/x\.db: .*Check DATABASE_URL and that its folder is writable\./,
    );
  });
});
