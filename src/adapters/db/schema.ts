import type { ColumnType, Generated } from 'kysely';

/**
 * Columns whose stored form differs between databases. Reads are `unknown` on purpose: every
 * value goes through the dialect's codec (dialect/*.ts), the one place that knows the difference.
 */
export type DbBoolean = ColumnType<unknown, boolean | number, boolean | number>;
export type DbJson = ColumnType<unknown, string, string>;
export type DbTimestamp = ColumnType<unknown, string, string>;

export interface FellowshipTable {
  id: string;
  name: string;
  kind: string;
  description: string;
  website: string | null;
  builtin: DbBoolean;
  created_at: DbTimestamp;
}

export interface SourceTable {
  id: Generated<number>;
  name: string;
  fellowship_id: string | null;
  url: string | null;
  format: string | null;
  created_at: DbTimestamp;
  last_imported_at: DbTimestamp | null;
}

export interface ServiceBodyTable {
  id: Generated<number>;
  source_id: number | null;
  /** Identity within its source, so a re-import finds it again. */
  key: string | null;
  parent_id: number | null;
  fellowship_id: string;
  name: string;
  kind: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  logo: string | null;
  service_area: string | null;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
}

export interface LocationTable {
  id: Generated<number>;
  source_id: number | null;
  key: string | null;
  name: string | null;
  formatted_address: string | null;
  street: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  approximate: DbBoolean;
  regions: DbJson;
  timezone: string;
  notes: string | null;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
}

export interface GroupTable {
  id: Generated<number>;
  source_id: number | null;
  key: string | null;
  /** The district (or other body) the group belongs to. */
  service_body_id: number | null;
  name: string;
  implicit: DbBoolean;
  notes: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  venmo: string | null;
  paypal: string | null;
  square: string | null;
  homegroup_online: string | null;
  contacts: DbJson;
  last_contact: string | null;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
}

export interface MeetingTable {
  id: Generated<number>;
  source_id: number;
  /** The slug as its source knows it: unique within the source. */
  source_slug: string;
  /** The slug the directory publishes: unique across every source. */
  slug: string;
  name: string;
  fellowship_id: string;
  group_id: number | null;
  location_id: number | null;
  /** The service entity responsible for the listing. */
  service_body_id: number | null;
  timezone: string;
  schedule_kind: string;
  weekdays: DbJson;
  month_weeks: DbJson;
  start_time: string | null;
  end_time: string | null;
  duration_minutes: number | null;
  attendance: string;
  attendance_explicit: DbBoolean;
  conference_url: string | null;
  conference_url_notes: string | null;
  conference_phone: string | null;
  conference_phone_notes: string | null;
  types: DbJson;
  languages: DbJson;
  notes: string | null;
  published: DbBoolean;
  source_url: string | null;
  feedback_url: string | null;
  feedback_emails: DbJson;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
}

export interface DirectoryChangeTable {
  /** Ascending: the version of the directory after the change. */
  id: Generated<number>;
  /** What changed: 'all', a 'source' (ref: its id) or a 'meeting' (ref: its id). */
  scope: string;
  ref: number | null;
  created_at: DbTimestamp;
}

export interface ChangeRequestTable {
  id: Generated<number>;
  /** The meeting reported, while it exists; null for a suggested new meeting. */
  meeting_id: number | null;
  /** The slug as reported, kept if the meeting goes. */
  meeting_slug: string | null;
  message: string;
  /** Proposed values by Meeting Guide field name. */
  changes: DbJson;
  /** Only for replying to the submitter; never shown publicly. */
  email: string | null;
  status: string;
  created_at: DbTimestamp;
}

export interface DatabaseSchema {
  fellowships: FellowshipTable;
  sources: SourceTable;
  service_bodies: ServiceBodyTable;
  locations: LocationTable;
  groups: GroupTable;
  meetings: MeetingTable;
  directory_changes: DirectoryChangeTable;
  change_requests: ChangeRequestTable;
}
