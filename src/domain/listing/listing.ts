import type { GroupDetails } from '../group/group.ts';
import type { LocationDetails } from '../location/location.ts';
import type { Attendance } from '../meeting/attendance.ts';
import type { Schedule } from '../schedule/schedule.ts';
import type { EntityDetails } from '../service-body/service-body.ts';

/**
 * A meeting with everything a listing shows: its place, its group and the service entity
 * responsible for it. Feeds are read into listings and written from them, and the import
 * compares listings to decide what changed, so a listing holds exactly the content a feed can
 * carry, in canonical form (see normalizeListing).
 */
export interface Listing {
  /** The slug as the source knows it. */
  readonly slug: string;
  readonly name: string;
  /** A fellowship id ("aa", "na", ...). */
  readonly fellowship: string;
  readonly schedule: Schedule;
  /** IANA time zone the schedule is read in. */
  readonly timezone: string;
  readonly attendance: Attendance;
  /** The source stated attendance rather than leaving it to be derived. */
  readonly attendanceExplicit: boolean;
  readonly conferenceUrl: string | null;
  readonly conferenceUrlNotes: string | null;
  readonly conferencePhone: string | null;
  readonly conferencePhoneNotes: string | null;
  /** Type codes, sorted; unknown codes are kept. */
  readonly types: readonly string[];
  /** ISO 639 language codes, sorted. */
  readonly languages: readonly string[];
  readonly notes: string | null;
  readonly published: boolean;
  /** The meeting's page on the source's own site. */
  readonly sourceUrl: string | null;
  readonly feedbackUrl: string | null;
  readonly feedbackEmails: readonly string[];
  /** When the listing last changed (ISO-8601 UTC), if the source said. */
  readonly updatedAt: string | null;
  readonly location: LocationDetails | null;
  readonly group: GroupDetails | null;
  readonly entity: EntityDetails | null;
}

/**
 * A listing as read from a feed, with the feed's own identifiers for its location and group
 * (which let two meetings share one place even when the feed spells it slightly differently).
 */
export interface ListingRecord {
  readonly listing: Listing;
  readonly locationRef: string | null;
  readonly groupRef: string | null;
}

export type ProblemSeverity = 'error' | 'warning';

/** Something wrong with a listing. Errors keep it out of the directory; warnings do not. */
export interface ListingProblem {
  readonly slug: string;
  readonly field: string;
  readonly message: string;
  readonly severity: ProblemSeverity;
}
