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
  readonly text: readonly (string | null)[];
  readonly payload: T;
}

/** The parts of a meeting free text matches. */
export interface TextParts {
  readonly name: string;
  readonly groupName: string | null;
  readonly notes: string | null;
  readonly location: {
    readonly name: string | null;
    readonly formattedAddress: string | null;
    readonly regions: readonly string[];
  } | null;
  readonly locationNotes: string | null;
}

/** Everything free text matches: name, group, place, address, notes, regions. */
export function textPartsOf(parts: TextParts): (string | null)[] {
  const location = parts.location;
  return location
    ? [
        parts.name,
        parts.groupName,
        location.name,
        location.formattedAddress,
        parts.notes,
        parts.locationNotes,
        ...location.regions,
      ]
    : [parts.name, parts.groupName, parts.notes];
}
