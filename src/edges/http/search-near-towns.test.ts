import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFeed } from '../../services/import/import.service.ts';
import { type TestDatabase, createTestDatabase, testClock } from '../../test-support/databases.ts';
import { testServer } from '../../test-support/http.ts';
import { distanceKm } from '../../test-support/plain-distance.ts';
import { readSharedFeed, sharedFeedPath } from '../../test-support/shared-data.ts';

/**
 * Correctness on real data beyond Orange County (api.test.ts): each shared feed that states
 * attendance and coordinates is imported, and a search near one of its towns, named as a person
 * would type it (a town, a ZIP code), returns what a plain computation over the feed says: the
 * in-person and hybrid meetings within the radius of the place the answer says it found.
 */

interface RawMeeting {
  slug: string;
  latitude?: number | string;
  longitude?: number | string;
  attendance_option?: string;
}

const towns: Record<string, readonly (readonly [place: string, km: number])[]> = {
  sussexaa: [
    ['Rehoboth Beach, DE', 8],
    ['19958', 10],
    ['Bethany Beach', 12],
  ],
  'al-anon': [
    ['Falmouth, MA', 15],
    ['02176', 6],
    ['Worcester, MA', 10],
  ],
};

describe.each(Object.entries(towns))(
  'searches near the towns of the shared %s feed',
  (feedName, places) => {
    let db: TestDatabase;
    let app: FastifyInstance;
    let feed: RawMeeting[];

    beforeAll(async () => {
      db = await createTestDatabase('sqlite');
      await importFeed(
        { location: sharedFeedPath(feedName), source: feedName, format: 'auto', prune: false },
        { store: db.store, clock: testClock, defaultTimezone: 'UTC' },
      );
      feed = (await readSharedFeed(feedName)) as RawMeeting[];
      app = await testServer(db);
    });
    afterAll(async () => {
      await app.close();
      await db.destroy();
    });

    it.each(places.map(([place, km]) => ({ place, km })))(
      'near $place within $km km',
      async ({ place, km }) => {
        const res = await app.inject({
          url: `/api/v1/meetings?place=${encodeURIComponent(place)}&radius_km=${km}&attendance=in_person,hybrid&limit=500`,
        });
        expect(res.statusCode, res.body).toBe(200);
        const answer = res.json<{
          meetings: { slug: string; distance_km: number }[];
          place: { latitude: number; longitude: number; label: string };
        }>();
        const { latitude, longitude } = answer.place;
        const want = feed
          .filter((m) => m.attendance_option === 'in_person' || m.attendance_option === 'hybrid')
          .filter((m) => m.latitude !== undefined && m.longitude !== undefined)
          .filter(
            (m) => distanceKm(latitude, longitude, Number(m.latitude), Number(m.longitude)) <= km,
          )
          .map((m) => m.slug)
          .sort();
        expect(want.length, `meetings near ${answer.place.label}`).toBeGreaterThan(2);
        expect(answer.meetings.map((m) => m.slug).sort()).toEqual(want);
        for (const m of answer.meetings) expect(m.distance_km).toBeLessThanOrEqual(km);
      },
    );
  },
);
