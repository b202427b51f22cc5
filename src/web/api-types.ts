import type { Attendance } from '../domain/meeting/attendance.ts';

/** A meeting as the search API answers it (see edges/http/meeting.presenter.ts). */
export interface MeetingResult {
  readonly slug: string;
  readonly name: string;
  readonly fellowship: string;
  readonly attendance: Attendance;
  readonly timezone: string;
  readonly next_start: string | null;
  readonly distance_km?: number | null;
  readonly day: number | number[] | null;
  readonly time: string | null;
  readonly end_time: string | null;
  readonly weeks_of_month?: number[];
  readonly recurrence: string;
  readonly types: readonly string[];
  readonly languages: readonly string[];
  readonly group: string | null;
  readonly location: {
    readonly name: string | null;
    readonly formatted_address: string | null;
    readonly latitude: number | null;
    readonly longitude: number | null;
    readonly approximate: boolean;
    readonly regions: readonly string[];
  } | null;
  readonly conference: {
    readonly url: string | null;
    readonly url_notes: string | null;
    readonly phone: string | null;
    readonly phone_notes: string | null;
  } | null;
}

export interface SearchResponse {
  readonly meetings: MeetingResult[];
  readonly next_cursor: string | null;
  readonly place: { readonly label: string } | null;
  readonly at: string;
}
