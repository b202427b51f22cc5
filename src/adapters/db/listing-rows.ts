import type { Insertable, Selectable } from 'kysely';
import type { Contact, GroupDetails } from '../../domain/group/group.ts';
import type { Listing } from '../../domain/listing/listing.ts';
import type { LocationDetails } from '../../domain/location/location.ts';
import type { Attendance } from '../../domain/meeting/attendance.ts';
import type { LocalTime } from '../../domain/schedule/local-time.ts';
import type { MonthWeek, Schedule, ScheduleEnd, Weekday } from '../../domain/schedule/schedule.ts';
import type { EntityDetails } from '../../domain/service-body/service-body.ts';
import type { ValueCodec } from './dialect/dialect.ts';
import type { GroupTable, LocationTable, MeetingTable, ServiceBodyTable } from './schema.ts';

/** Rows ↔ domain values. Every column a listing uses is read and written here, nowhere else. */

export type MeetingRow = Selectable<MeetingTable>;
export type LocationRow = Selectable<LocationTable>;
export type GroupRow = Selectable<GroupTable>;
export type ServiceBodyRow = Selectable<ServiceBodyTable>;

export type ScheduleRow = Pick<
  MeetingRow,
  'schedule_kind' | 'weekdays' | 'month_weeks' | 'start_time' | 'end_time' | 'duration_minutes'
>;

export function scheduleFromRow(row: ScheduleRow, codec: ValueCodec): Schedule {
  if (row.schedule_kind === 'appointment' || row.start_time === null)
    return { kind: 'appointment' };
  const end: ScheduleEnd =
    row.end_time !== null
      ? { kind: 'end_time', time: row.end_time as LocalTime }
      : row.duration_minutes !== null
        ? { kind: 'duration', minutes: row.duration_minutes }
        : { kind: 'unstated' };
  const weekdays = codec.fromJson<Weekday[]>(row.weekdays);
  const start = row.start_time as LocalTime;
  if (row.schedule_kind === 'monthly') {
    return {
      kind: 'monthly',
      weekdays,
      weeks: codec.fromJson<MonthWeek[]>(row.month_weeks),
      start,
      end,
    };
  }
  return { kind: 'weekly', weekdays, start, end };
}

function scheduleColumns(schedule: Schedule, codec: ValueCodec) {
  if (schedule.kind === 'appointment') {
    return {
      schedule_kind: 'appointment',
      weekdays: codec.toJson([]),
      month_weeks: codec.toJson([]),
      start_time: null,
      end_time: null,
      duration_minutes: null,
    };
  }
  return {
    schedule_kind: schedule.kind,
    weekdays: codec.toJson(schedule.weekdays),
    month_weeks: codec.toJson(schedule.kind === 'monthly' ? schedule.weeks : []),
    start_time: schedule.start,
    end_time: schedule.end.kind === 'end_time' ? schedule.end.time : null,
    duration_minutes: schedule.end.kind === 'duration' ? schedule.end.minutes : null,
  };
}

export function locationFromRow(row: LocationRow, codec: ValueCodec): LocationDetails {
  return {
    name: row.name,
    formattedAddress: row.formatted_address,
    street: row.street,
    city: row.city,
    state: row.state,
    postalCode: row.postal_code,
    country: row.country,
    latitude: row.latitude,
    longitude: row.longitude,
    approximate: codec.fromBoolean(row.approximate),
    regions: codec.fromJson<string[]>(row.regions),
    notes: row.notes,
  };
}

export function locationColumns(location: LocationDetails, timezone: string, codec: ValueCodec) {
  return {
    name: location.name,
    formatted_address: location.formattedAddress,
    street: location.street,
    city: location.city,
    state: location.state,
    postal_code: location.postalCode,
    country: location.country,
    latitude: location.latitude,
    longitude: location.longitude,
    approximate: codec.toBoolean(location.approximate),
    regions: codec.toJson(location.regions),
    timezone,
    notes: location.notes,
  } satisfies Partial<Insertable<LocationTable>>;
}

export function groupFromRow(
  row: GroupRow,
  district: ServiceBodyRow | undefined,
  codec: ValueCodec,
): GroupDetails {
  return {
    name: row.name,
    implicit: codec.fromBoolean(row.implicit),
    notes: row.notes,
    website: row.website,
    email: row.email,
    phone: row.phone,
    venmo: row.venmo,
    paypal: row.paypal,
    square: row.square,
    homegroupOnline: row.homegroup_online,
    contacts: codec.fromJson<Contact[]>(row.contacts),
    district: district?.name ?? null,
    lastContact: row.last_contact,
  };
}

export function groupColumns(group: GroupDetails, codec: ValueCodec) {
  return {
    name: group.name,
    implicit: codec.toBoolean(group.implicit),
    notes: group.notes,
    website: group.website,
    email: group.email,
    phone: group.phone,
    venmo: group.venmo,
    paypal: group.paypal,
    square: group.square,
    homegroup_online: group.homegroupOnline,
    contacts: codec.toJson(
      group.contacts.map((c) => ({
        name: c.name,
        email: c.email,
        phone: c.phone,
        public: c.public,
      })),
    ),
    last_contact: group.lastContact,
  } satisfies Partial<Insertable<GroupTable>>;
}

export function entityFromRow(row: ServiceBodyRow): EntityDetails {
  return {
    name: row.name,
    email: row.email,
    phone: row.phone,
    website: row.website,
    logo: row.logo,
    serviceArea: row.service_area,
  };
}

export function entityColumns(entity: EntityDetails) {
  return {
    name: entity.name,
    email: entity.email,
    phone: entity.phone,
    website: entity.website,
    logo: entity.logo,
    service_area: entity.serviceArea,
  } satisfies Partial<Insertable<ServiceBodyTable>>;
}

export interface ListingRows {
  readonly meeting: MeetingRow;
  readonly location: LocationRow | undefined;
  readonly group: GroupRow | undefined;
  readonly district: ServiceBodyRow | undefined;
  readonly entity: ServiceBodyRow | undefined;
}

export function listingFromRows(rows: ListingRows, codec: ValueCodec): Listing {
  const m = rows.meeting;
  return {
    slug: m.source_slug,
    name: m.name,
    fellowship: m.fellowship_id,
    schedule: scheduleFromRow(m, codec),
    timezone: m.timezone,
    attendance: m.attendance as Attendance,
    attendanceExplicit: codec.fromBoolean(m.attendance_explicit),
    conferenceUrl: m.conference_url,
    conferenceUrlNotes: m.conference_url_notes,
    conferencePhone: m.conference_phone,
    conferencePhoneNotes: m.conference_phone_notes,
    types: codec.fromJson<string[]>(m.types),
    languages: codec.fromJson<string[]>(m.languages),
    notes: m.notes,
    published: codec.fromBoolean(m.published),
    sourceUrl: m.source_url,
    feedbackUrl: m.feedback_url,
    feedbackEmails: codec.fromJson<string[]>(m.feedback_emails),
    updatedAt: codec.fromTimestamp(m.updated_at),
    location: rows.location ? locationFromRow(rows.location, codec) : null,
    group: rows.group ? groupFromRow(rows.group, rows.district, codec) : null,
    entity: rows.entity ? entityFromRow(rows.entity) : null,
  };
}

/** The meeting's own columns (no ids, slugs or timestamps: the caller owns those). */
export function meetingColumns(listing: Listing, codec: ValueCodec) {
  return {
    name: listing.name,
    fellowship_id: listing.fellowship,
    timezone: listing.timezone,
    ...scheduleColumns(listing.schedule, codec),
    attendance: listing.attendance,
    attendance_explicit: codec.toBoolean(listing.attendanceExplicit),
    conference_url: listing.conferenceUrl,
    conference_url_notes: listing.conferenceUrlNotes,
    conference_phone: listing.conferencePhone,
    conference_phone_notes: listing.conferencePhoneNotes,
    types: codec.toJson(listing.types),
    languages: codec.toJson(listing.languages),
    notes: listing.notes,
    published: codec.toBoolean(listing.published),
    source_url: listing.sourceUrl,
    feedback_url: listing.feedbackUrl,
    feedback_emails: codec.toJson(listing.feedbackEmails),
  } satisfies Partial<Insertable<MeetingTable>>;
}
