import type { Attendance } from '../meeting/attendance.ts';
import type { Schedule } from '../schedule/schedule.ts';

/**
 * A listing as a search result shows it: enough for a list, a map and a calendar entry, and no
 * more (no contacts, no notes). Search keeps one for every published meeting in memory.
 */
export interface ListingSummary {
  /** The meeting's id in the store. */
  readonly id: number;
  /** The directory-wide slug. */
  readonly slug: string;
  readonly name: string;
  readonly fellowship: string;
  readonly attendance: Attendance;
  readonly timezone: string;
  readonly schedule: Schedule;
  readonly types: readonly string[];
  readonly languages: readonly string[];
  /** The group's name; null without a group, or for the group a feed only implies. */
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
