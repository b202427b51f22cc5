import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, createTestDatabase, testClock } from '../test-support/databases.ts';
import { DEMO_MEETINGS, DEMO_SOURCE, loadDemoIfEmpty } from './demo.service.ts';
import { SYNTHETIC_NOTE } from './generate/generate.service.ts';
import { importInput } from './import/import.service.ts';

describe('the demo dataset', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
  });
  afterEach(async () => {
    await db.destroy();
  });

  it('fills an empty directory with meetings that each say they are not real', async () => {
    const report = await loadDemoIfEmpty(db.store, testClock);
    expect(report).toMatchObject({ source: DEMO_SOURCE, created: DEMO_MEETINGS, skipped: 0 });
    const listings = await db.store.listings.load();
    expect(listings).toHaveLength(DEMO_MEETINGS);
    expect(listings.every((s) => s.listing.notes?.startsWith(SYNTHETIC_NOTE))).toBe(true);
    expect(new Set(listings.map((s) => s.listing.fellowship)).size).toBeGreaterThan(5);
  });

  it('leaves a directory that has meetings alone', async () => {
    await importInput(
      {
        text: '[{"name":"Real","slug":"real"}]',
        location: 'x',
        suggestedName: 'x',
        contentType: null,
      },
      { source: 'x', format: 'auto', prune: false },
      { store: db.store, clock: testClock, defaultTimezone: 'UTC' },
    );
    expect(await loadDemoIfEmpty(db.store, testClock)).toBeNull();
    expect(await db.store.meetings.count()).toBe(1);
  });
});
