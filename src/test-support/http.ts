import type { FastifyInstance } from 'fastify';
import { resolvePlace, searchPlaces } from '../adapters/geo/places.ts';
import { passwordHasher } from '../adapters/auth/password-hasher.ts';
import { totp } from '../adapters/auth/totp.ts';
import { zoneAt } from '../adapters/geo/timezone-lookup.ts';
import type { Mailer } from '../adapters/mail/mailer.ts';
import { type Clock, systemClock } from '../adapters/clock.ts';
import type { Config } from '../config/config.ts';
import { buildServer } from '../edges/http/server.ts';
import { FeedCache } from '../services/feed.service.ts';
import { type RoomLive, openRoomLive } from '../services/room/room-live.service.ts';
import { SearchService } from '../services/search/search.service.ts';
import type { TestDatabase } from './databases.ts';
import { testClock } from './databases.ts';

export interface TestServerOptions {
  readonly clock?: Clock;
  readonly config?: Partial<
    Pick<Config, 'logLevel' | 'publicUrl' | 'mapTileUrl' | 'mapAttribution' | 'trustProxy'>
  >;
  readonly logStream?: { write(line: string): void };
  /** Where mail goes (a local SMTP server in the tests that read it); none by default. */
  readonly mailer?: Mailer;
  /** The rooms the server serves (default: in memory, on the real clock). */
  readonly rooms?: RoomLive;
}

/** The real server over a test database, for `inject` (or `listen` on 127.0.0.1). */
export async function testServer(
  db: TestDatabase,
  options: TestServerOptions = {},
): Promise<FastifyInstance> {
  const search = await SearchService.open(db.store);
  const app = await buildServer(
    {
      store: db.store,
      search,
      feeds: new FeedCache(db.store, options.config?.publicUrl ?? null),
      clock: options.clock ?? testClock,
      config: {
        logLevel: 'silent',
        publicUrl: null,
        mapTileUrl: null,
        mapAttribution: null,
        defaultTimezone: 'UTC',
        trustProxy: false,
        ...options.config,
      },
      places: { resolve: resolvePlace, search: searchPlaces },
      zoneAt,
      accounts: { hasher: passwordHasher, totp, mailer: options.mailer ?? null },
      rooms:
        options.rooms ??
        (await openRoomLive({
          store: db.store,
          clock: systemClock,
          hasher: passwordHasher,
          redisUrl: null,
        })),
    },
    options.logStream ? { logStream: options.logStream } : {},
  );
  await app.ready();
  return app;
}
