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
  /** The body whose volunteers keep this place, when they added it (imports leave it null). */
  service_body_id: ColumnType<number | null, number | null | undefined, number | null>;
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
  /** open, held (looks like spam), approved or rejected. */
  status: string;
  created_at: DbTimestamp;
  /** Whose queue it is in: the body of the meeting reported (null: administrators'). */
  service_body_id: ColumnType<number | null, number | null | undefined, number | null>;
  decided_by: ColumnType<number | null, number | null | undefined, number | null>;
  decided_at: ColumnType<unknown, string | null | undefined, string | null>;
  /** What the volunteer answered the submitter, if anything. */
  reply: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UserTable {
  id: Generated<number>;
  /** Lower case. */
  email: string;
  /** argon2id; null until the person sets a password from their one-time link. */
  password_hash: string | null;
  is_admin: DbBoolean;
  /** Base32 TOTP secret when the second factor is on. */
  totp_secret: string | null;
  created_at: DbTimestamp;
  password_changed_at: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface MembershipTable {
  user_id: number;
  service_body_id: number;
  /** body_admin, editor or observer. */
  role: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token: a stolen database holds no usable session. */
  id_hash: string;
  user_id: number;
  created_at: DbTimestamp;
  expires_at: DbTimestamp;
}

export interface OneTimeTokenTable {
  token_hash: string;
  user_id: number;
  /** set-password (first password, from the CLI or an invitation) or reset. */
  purpose: string;
  created_at: DbTimestamp;
  expires_at: DbTimestamp;
}

export interface SignInFailureTable {
  /** "account:<email>" or "address:<keyed hash of the address>". */
  key: string;
  failures: number;
  window_start: DbTimestamp;
}

export interface SettingTable {
  name: string;
  value: string;
}

export interface HistoryTable {
  id: Generated<number>;
  /** meeting, group, location or service_body. */
  entity: string;
  entity_id: number;
  /** The slug or name it had, kept after it is gone. */
  label: string;
  /** create, update, delete or revert. */
  action: string;
  user_id: number | null;
  /** Who, as volunteers see it: the volunteer's e-mail, or "import: <source>". */
  actor: string;
  /** The body whose volunteers may see this entry. */
  service_body_id: number | null;
  /** [{field, before, after}]: field by field. */
  changes: DbJson;
  created_at: DbTimestamp;
}

export interface RoomTable {
  /** Random and unguessable: the room's address. */
  id: string;
  name: string;
  /** twelve-step, smart or open. */
  format: string;
  /** The group's steps, statement and timings (RoomSettings less the name and format). */
  settings: DbJson;
  /** SHA-256 of the host key (the key itself was shown once, to whoever opened the room). */
  host_key_hash: string;
  /** argon2id of the passcode, when the room has one. */
  passcode_hash: string | null;
  waiting_room: DbBoolean;
  private_messages: DbBoolean;
  /** The online meeting whose room this is, if any. */
  meeting_id: number | null;
  created_by: number | null;
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
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  one_time_tokens: OneTimeTokenTable;
  sign_in_failures: SignInFailureTable;
  settings: SettingTable;
  history: HistoryTable;
  rooms: RoomTable;
}
