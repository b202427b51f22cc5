import type { PasswordHasher } from '../../adapters/auth/password-hasher.ts';
import type { Totp } from '../../adapters/auth/totp.ts';
import type { Clock } from '../../adapters/clock.ts';
import type { Store } from '../../adapters/db/database.ts';
import type { Place } from '../../adapters/geo/places.ts';
import type { Mailer } from '../../adapters/mail/mailer.ts';
import type { Config } from '../../config/config.ts';
import type { FeedCache } from '../../services/feed.service.ts';
import type { RoomLive } from '../../services/room/room-live.service.ts';
import type { SearchService } from '../../services/search/search.service.ts';

/** What routes are given: services and the few adapters edges may call directly. */
export interface HttpContext {
  readonly store: Store;
  readonly search: SearchService;
  readonly feeds: FeedCache;
  readonly clock: Clock;
  readonly config: Pick<
    Config,
    'logLevel' | 'publicUrl' | 'mapTileUrl' | 'mapAttribution' | 'defaultTimezone' | 'trustProxy'
  >;
  /** Passwords, second factors and mail, for the volunteer area. */
  readonly accounts: {
    readonly hasher: PasswordHasher;
    readonly totp: Totp;
    readonly mailer: Mailer | null;
  };
  readonly places: {
    resolve(query: string): Promise<Place | null>;
    search(query: string, limit: number): Promise<Place[]>;
  };
  readonly zoneAt: (latitude: number, longitude: number) => string | null;
  /** Online meeting rooms served by this process (closed with the server). */
  readonly rooms: RoomLive;
}
