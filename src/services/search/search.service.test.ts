import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../adapters/db/database.ts';
import type { SearchQuery } from '../../domain/search/search-query.ts';
import {
  type TestDatabase,
  createTestDatabase,
  databaseKinds,
  testClock,
} from '../../test-support/databases.ts';
import { sharedFeedPath } from '../../test-support/shared-data.ts';
import { importFeed, importInput } from '../import/import.service.ts';
import { removeSource } from '../source.service.ts';
import { SearchService } from './search.service.ts';

const kinds = await databaseKinds();
const query = (q: Partial<SearchQuery> = {}): SearchQuery => ({
  at: Date.parse('2026-11-23T12:00:00Z'),
  sort: 'name',
  limit: 500,
  ...q,
});

describe.each(kinds)('the search service on %s', (kind) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await db.destroy();
  });
  const deps = () => ({ store: db.store, clock: testClock, defaultTimezone: 'UTC' });

  it('builds from the published directory and finds meetings', async () => {
    await importFeed(
      { location: sharedFeedPath('oc'), source: 'oc', format: 'auto', prune: false },
      deps(),
    );
    const search = await SearchService.open(db.store);
    expect(search.size).toBe(1967);
    const near = await search.search(
      query({ near: { latitude: 33.685, longitude: -117.872 }, radiusKm: 2, sort: 'distance' }),
    );
    expect(near.hits[0]?.meeting.slug).toBe('40-minutes-to-freedom');
    expect(near.hits[0]?.distanceKm).toBeLessThan(0.01);
    expect(near.hits[0]?.meeting.location?.formattedAddress).toBe(
      '3186 Pullman St, Costa Mesa, CA 92626, USA',
    );
  });

  it('sees an import, a change and a removal by the next search, also from another connection', async () => {
    const search = await SearchService.open(db.store);
    expect((await search.search(query())).hits).toEqual([]);
    // Another process: its own connection to the same database.
    const other = await openStore(db.url);
    try {
      await importFeed(
        { location: sharedFeedPath('atlanta'), source: 'atl', format: 'auto', prune: false },
        { ...deps(), store: other },
      );
      expect((await search.search(query())).hits).toHaveLength(6);
      const changed = JSON.stringify([
        {
          name: 'Renamed',
          slug: 'early-sunday-morning',
          day: 0,
          time: '09:00',
          conference_url: 'https://meet.example.org/x',
        },
      ]);
      await importInput(
        { text: changed, location: 'x', suggestedName: 'atl', contentType: null },
        { source: 'atl', format: 'auto', prune: true },
        { ...deps(), store: other },
      );
      const after = await search.search(query());
      expect(after.hits.map((h) => h.meeting.name)).toEqual(['Renamed']);
      await removeSource(other, 'atl', testClock);
      expect((await search.search(query())).hits).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
