import type { Kysely } from 'kysely';
import type { DatabaseDialect } from '../dialect/dialect.ts';
import type { DatabaseSchema } from '../schema.ts';
import { changeRequestRepository } from './change-request.repository.ts';
import { directoryChangeRepository } from './directory-change.repository.ts';
import { fellowshipRepository } from './fellowship.repository.ts';
import { historyRepository } from './history.repository.ts';
import { listingRepository } from './listing.repository.ts';
import { meetingRepository } from './meeting.repository.ts';
import { meetingSummaryRepository } from './meeting-summary.repository.ts';
import {
  groupRepository,
  locationRepository,
  serviceBodyRepository,
} from './owned-rows.repository.ts';
import { sharedSummaryRepository } from './shared-summary.repository.ts';
import { roomRepository } from './room.repository.ts';
import { sessionRepository } from './session.repository.ts';
import { settingRepository } from './setting.repository.ts';
import { signInFailureRepository } from './sign-in-failure.repository.ts';
import { sourceRepository } from './source.repository.ts';
import { userRepository } from './user.repository.ts';

/** Every repository, over one connection or one transaction. */
export function createRepositories(db: Kysely<DatabaseSchema>, dialect: DatabaseDialect) {
  return {
    fellowships: fellowshipRepository(db, dialect),
    sources: sourceRepository(db, dialect),
    meetings: meetingRepository(db, dialect),
    locations: locationRepository(db, dialect),
    groups: groupRepository(db, dialect),
    serviceBodies: serviceBodyRepository(db, dialect),
    listings: listingRepository(db, dialect),
    summaries: meetingSummaryRepository(db, dialect),
    sharedSummaries: sharedSummaryRepository(db, dialect),
    changes: directoryChangeRepository(db, dialect),
    changeRequests: changeRequestRepository(db, dialect),
    users: userRepository(db, dialect),
    sessions: sessionRepository(db, dialect),
    signInFailures: signInFailureRepository(db, dialect),
    settings: settingRepository(db),
    history: historyRepository(db, dialect),
    rooms: roomRepository(db, dialect),
    /** How values are stored in this database (for services that build rows). */
    codec: dialect.codec,
    /** Whether the database answers. */
    ping: () => dialect.ping(),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
