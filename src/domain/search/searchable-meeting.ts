import type { Listing } from '../listing/listing.ts';
import type { Attendance } from '../meeting/attendance.ts';
import type { Schedule } from '../schedule/schedule.ts';

/**
 * What the search index knows of one meeting: the fields filters and sorting read, and a
 * payload that results carry back (whatever the caller wants to show).
 */
export interface SearchableMeeting<T> {
  readonly id: number;
  readonly sourceId: number;
  /** The directory-wide slug. */
  readonly slug: string;
  readonly name: string;
  readonly fellowship: string;
  readonly attendance: Attendance;
  readonly timezone: string;
  readonly schedule: Schedule;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly types: readonly string[];
  readonly languages: readonly string[];
  /** Everything free text matches: name, group, location, address, notes and regions. */
  readonly searchText: string;
  readonly payload: T;
}

/** The searchable form of a stored listing. */
export function searchableFromListing<T>(
  stored: { meetingId: number; sourceId: number; slug: string; listing: Listing },
  payload: T,
): SearchableMeeting<T> {
  const { listing } = stored;
  const location = listing.location;
  const text = [
    listing.name,
    listing.group && !listing.group.implicit ? listing.group.name : null,
    location?.name,
    location?.formattedAddress,
    listing.notes,
    location?.notes,
    ...(location?.regions ?? []),
  ]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join(' \u0001 ');
  return {
    id: stored.meetingId,
    sourceId: stored.sourceId,
    slug: stored.slug,
    name: listing.name,
    fellowship: listing.fellowship,
    attendance: listing.attendance,
    timezone: listing.timezone,
    schedule: listing.schedule,
    latitude: location?.latitude ?? null,
    longitude: location?.longitude ?? null,
    types: listing.types,
    languages: listing.languages,
    searchText: text,
    payload,
  };
}
