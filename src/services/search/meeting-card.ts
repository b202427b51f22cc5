import type { StoredListing } from '../../adapters/db/repositories/listing.repository.ts';
import type { Attendance } from '../../domain/meeting/attendance.ts';
import type { Schedule } from '../../domain/schedule/schedule.ts';

/** What a search result shows of a meeting: enough for a list and a map, no more. */
export interface MeetingCard {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly fellowship: string;
  readonly attendance: Attendance;
  readonly timezone: string;
  readonly schedule: Schedule;
  readonly types: readonly string[];
  readonly languages: readonly string[];
  readonly group: string | null;
  readonly location: {
    readonly name: string | null;
    readonly formattedAddress: string | null;
    readonly latitude: number | null;
    readonly longitude: number | null;
    readonly approximate: boolean;
    readonly regions: readonly string[];
  } | null;
  readonly conference: {
    readonly url: string | null;
    readonly urlNotes: string | null;
    readonly phone: string | null;
    readonly phoneNotes: string | null;
  } | null;
}

export function meetingCard(stored: StoredListing): MeetingCard {
  const { listing } = stored;
  const location = listing.location;
  const hasConference = listing.conferenceUrl !== null || listing.conferencePhone !== null;
  return {
    id: stored.meetingId,
    slug: stored.slug,
    name: listing.name,
    fellowship: listing.fellowship,
    attendance: listing.attendance,
    timezone: listing.timezone,
    schedule: listing.schedule,
    types: listing.types,
    languages: listing.languages,
    group: listing.group && !listing.group.implicit ? listing.group.name : null,
    location: location
      ? {
          name: location.name,
          formattedAddress: location.formattedAddress,
          latitude: location.latitude,
          longitude: location.longitude,
          approximate: location.approximate,
          regions: location.regions,
        }
      : null,
    conference: hasConference
      ? {
          url: listing.conferenceUrl,
          urlNotes: listing.conferenceUrlNotes,
          phone: listing.conferencePhone,
          phoneNotes: listing.conferencePhoneNotes,
        }
      : null,
  };
}
