import { AppError } from '../../domain/errors.ts';
import type { Contact, GroupDetails } from '../../domain/group/group.ts';
import type { Listing, ListingProblem, ListingRecord } from '../../domain/listing/listing.ts';
import { normalizeListing } from '../../domain/listing/normalize-listing.ts';
import { validateListing } from '../../domain/listing/validate-listing.ts';
import {
  type LocationDetails,
  composeAddress,
  looksLikeStreetAddress,
} from '../../domain/location/location.ts';
import { isAttendance } from '../../domain/meeting/attendance.ts';
import { isValidTimeZone } from '../../domain/schedule/time-zone.ts';
import { slugify, uniqueSlug } from '../../domain/meeting/slug.ts';
import {
  type Schedule,
  type ScheduleEnd,
  canonicalMonthWeeks,
  canonicalWeekdays,
} from '../../domain/schedule/schedule.ts';
import type { EntityDetails } from '../../domain/service-body/service-body.ts';
import {
  parseDate,
  parseDays,
  parseList,
  parseMonthWeeks,
  parseNumber,
  parseTime,
  parseTimestamp,
  parseYesNo,
  textOf,
} from '../feed-fields.ts';
import { type MeetingGuideRecord, meetingGuideRecordSchema } from './meeting-guide.schema.ts';
import { monthlyNotice } from './meeting-guide.writer.ts';

export interface FeedReadOptions {
  /** Fellowship for meetings whose record does not name one. */
  readonly defaultFellowship: string;
  readonly knownFellowships: ReadonlySet<string>;
  /** The IANA zone at a point, offline; null at sea or when unknown. */
  readonly zoneAt: (latitude: number, longitude: number) => string | null;
  /** Zone for meetings without a zone or coordinates, and where it came from (for warnings). */
  readonly fallbackZone: string;
  readonly fallbackZoneOrigin: 'option' | 'default';
  /** Contacts in this input were published by its source (a public feed) or not (a table). */
  readonly contactsPublic: boolean;
  /** Called now and then while a large feed is read. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface FeedReadResult {
  /** Meetings in the input, including ones that could not be read. */
  readonly read: number;
  /** Every slug the input mentions, including meetings left out for their problems. */
  readonly slugs: ReadonlySet<string>;
  readonly records: ListingRecord[];
  /** Problems by slug; errors mark meetings left out. */
  readonly problems: ListingProblem[];
}

type Problems = ListingProblem[];

/** Drops fields whose type is wrong, with a warning each, so one bad field does not lose a meeting. */
function parseRecordShape(raw: object, label: string, problems: Problems): MeetingGuideRecord {
  let candidate: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  for (let attempt = 0; attempt < 20; attempt++) {
    const parsed = meetingGuideRecordSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
    const fields = new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')));
    for (const field of fields) {
      problems.push({
        slug: label,
        field,
        message: `${field} has the wrong type (${describeType(candidate[field])}): ignored`,
        severity: 'warning',
      });
      candidate = { ...candidate };
      delete candidate[field];
    }
  }
  return {};
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function readSchedule(
  r: MeetingGuideRecord,
  warn: (f: string, m: string) => void,
): Schedule | { field: string; error: string } {
  const days = parseDays(r.day);
  const start = parseTime(r.time, 'time');
  if (days && !days.ok) return { field: 'day', error: days.error };
  if (start && !start.ok) return { field: 'time', error: start.error };
  if (!days) {
    if (start) warn('day', 'has a time but no day: listed as by appointment');
    return { kind: 'appointment' };
  }
  if (!start) return { field: 'time', error: 'has a day but no time' };
  let end: ScheduleEnd = { kind: 'unstated' };
  const endTime = parseTime(r.end_time, 'end_time');
  if (endTime && !endTime.ok) warn('end_time', `${endTime.error}: ignored`);
  else if (endTime && endTime.value === start.value) {
    warn('end_time', 'end time equals the start time: ignored');
  } else if (endTime) end = { kind: 'end_time', time: endTime.value };
  const weekdays = canonicalWeekdays(days.value);
  const weeks = parseMonthWeeks(r.weeks_of_month);
  if (weeks && !weeks.ok) return { field: 'weeks_of_month', error: weeks.error };
  if (weeks) {
    return {
      kind: 'monthly',
      weekdays,
      weeks: canonicalMonthWeeks(weeks.value),
      start: start.value,
      end,
    };
  }
  return { kind: 'weekly', weekdays, start: start.value, end };
}

function readLocation(
  r: MeetingGuideRecord,
  warn: (f: string, m: string) => void,
): LocationDetails | null {
  const parts = {
    street: textOf(r.address),
    city: textOf(r.city),
    state: textOf(r.state),
    postalCode: textOf(r.postal_code),
    country: textOf(r.country),
  };
  const formatted = textOf(r.formatted_address) ?? composeAddress(parts);
  let latitude = parseNumber(r.latitude);
  let longitude = parseNumber(r.longitude);
  if (latitude === undefined || longitude === undefined) {
    warn('latitude', 'latitude or longitude is not a number: ignored');
    latitude = longitude = null;
  }
  if ((latitude === null) !== (longitude === null)) {
    warn('latitude', 'has only one of latitude and longitude: ignored');
    latitude = longitude = null;
  }
  let regions = parseList(r.regions, '>');
  if (regions.length === 0) {
    regions = [textOf(r.region), textOf(r.sub_region)].filter((x): x is string => x !== null);
  }
  const name = textOf(r.location);
  const notes = textOf(r.location_notes);
  if (!name && !formatted && latitude === null && regions.length === 0 && !notes) return null;
  const approximate =
    parseYesNo(r.approximate) ??
    (latitude !== null ? false : formatted ? !looksLikeStreetAddress(formatted) : true);
  return {
    name,
    formattedAddress: formatted,
    // A lone `address` with no other parts is a whole address, not a street line.
    street: parts.city || parts.state || parts.postalCode || parts.country ? parts.street : null,
    city: parts.city,
    state: parts.state,
    postalCode: parts.postalCode,
    country: parts.country,
    latitude,
    longitude,
    approximate,
    regions,
    notes,
  };
}

function readContacts(r: MeetingGuideRecord, isPublic: boolean): Contact[] {
  const contacts: Contact[] = [];
  for (const n of [1, 2, 3] as const) {
    const contact = {
      name: textOf(r[`contact_${n}_name`]),
      email: textOf(r[`contact_${n}_email`]),
      phone: textOf(r[`contact_${n}_phone`]),
      public: isPublic && r[`contact_${n}_private`] !== true,
    };
    if (contact.name || contact.email || contact.phone) contacts.push(contact);
  }
  return contacts;
}

function readGroup(
  r: MeetingGuideRecord,
  meetingName: string,
  options: FeedReadOptions,
  warn: (f: string, m: string) => void,
): GroupDetails | null {
  const lastContact = parseDate(r.last_contact);
  if (lastContact && !lastContact.ok) warn('last_contact', `${lastContact.error}: ignored`);
  const details = {
    notes: textOf(r.group_notes),
    website: textOf(r.website),
    email: textOf(r.email),
    phone: textOf(r.phone),
    venmo: textOf(r.venmo),
    paypal: textOf(r.paypal),
    square: textOf(r.square),
    homegroupOnline: textOf(r.homegroup_online),
    contacts: readContacts(r, options.contactsPublic),
    district: textOf(r.district),
    lastContact: lastContact?.ok ? lastContact.value : null,
  };
  const name = textOf(r.group);
  if (name) return { name, implicit: false, ...details };
  const { contacts, ...scalars } = details;
  if (contacts.length === 0 && Object.values(scalars).every((v) => v === null)) return null;
  return { name: meetingName, implicit: true, ...details };
}

function readEntity(
  r: MeetingGuideRecord,
  warn: (f: string, m: string) => void,
): EntityDetails | null {
  const details = {
    email: textOf(r.entity_email),
    phone: textOf(r.entity_phone),
    website: textOf(r.entity_website_url) ?? textOf(r.entity_url),
    logo: textOf(r.entity_logo),
    serviceArea: textOf(r.entity_location),
  };
  const name = textOf(r.entity);
  if (name) return { name, ...details };
  if (Object.values(details).some((v) => v !== null)) {
    warn('entity', 'entity details without an entity name: ignored');
  }
  return null;
}

function readZone(
  r: MeetingGuideRecord,
  location: LocationDetails | null,
  options: FeedReadOptions,
  warn: (f: string, m: string) => void,
): string {
  const given = textOf(r.timezone);
  if (given && isValidTimeZone(given)) return given;
  if (given) warn('timezone', `"${given}" is not a time zone: ignored`);
  if (location && location.latitude !== null && location.longitude !== null) {
    const zone = options.zoneAt(location.latitude, location.longitude);
    if (zone) return zone;
  }
  warn(
    'timezone',
    options.fallbackZoneOrigin === 'option'
      ? `no time zone or coordinates: used ${options.fallbackZone} (--timezone)`
      : `no time zone or coordinates: used the default ${options.fallbackZone}; pass --timezone to choose`,
  );
  return options.fallbackZone;
}

/** Notes as the volunteer wrote them, without the sentence the writer adds for monthly meetings. */
function withoutMonthlyNotice(notes: string | null, schedule: Schedule): string | null {
  const notice = monthlyNotice(schedule);
  if (notes === null || notice === null || !notes.startsWith(notice)) return notes;
  return textOf(notes.slice(notice.length));
}

function fallbackSlug(r: MeetingGuideRecord, name: string): string {
  const days = Array.isArray(r.day) ? r.day.join('') : String(r.day ?? '');
  const base = slugify([name, days, textOf(r.time) ?? ''].join(' '));
  return base.length > 0 ? base : 'meeting';
}

/**
 * One feed record as a listing, with its problems, reported under `label` (its slug). Returns no record when the meeting cannot be
 * listed truthfully (no name, no readable day or time): better missing than at the wrong time.
 */
export function readMeetingGuideRecord(
  raw: object,
  label: string,
  options: FeedReadOptions,
): { record: ListingRecord | null; problems: ListingProblem[] } {
  const problems: Problems = [];
  const r = parseRecordShape(raw, label, problems);
  const name = textOf(r.name) ?? '';
  const slug = label;
  const warn = (field: string, message: string) =>
    problems.push({ slug, field, message, severity: 'warning' });
  const fail = (field: string, message: string) => {
    problems.push({ slug, field, message, severity: 'error' });
    return { record: null, problems };
  };

  if (name.length === 0) return fail('name', 'the meeting has no name: left out');
  const schedule = readSchedule(r, warn);
  if ('error' in schedule) return fail(schedule.field, `${schedule.error}: left out`);

  const location = readLocation(r, warn);
  const timezone = readZone(r, location, options, warn);

  let fellowship = textOf(r.fellowship) ?? options.defaultFellowship;
  if (!options.knownFellowships.has(fellowship)) {
    warn('fellowship', `unknown fellowship "${fellowship}": used ${options.defaultFellowship}`);
    fellowship = options.defaultFellowship;
  }

  const attendanceText = textOf(r.attendance_option);
  const attendanceExplicit = attendanceText !== null && isAttendance(attendanceText);
  if (attendanceText !== null && !attendanceExplicit) {
    warn(
      'attendance_option',
      `"${attendanceText}" is not in_person, online, hybrid or inactive: derived instead`,
    );
  }

  const updated = parseTimestamp(r.updated);
  if (updated && !updated.ok) warn('updated', `${updated.error}: ignored`);

  const types = Array.isArray(r.types)
    ? r.types.filter((t) => t !== null).map((t) => String(t).trim())
    : parseList(r.types, ',');

  const draft: Listing = {
    slug,
    name,
    fellowship,
    schedule,
    timezone,
    attendance: attendanceExplicit ? attendanceText : 'in_person',
    attendanceExplicit,
    conferenceUrl: textOf(r.conference_url),
    conferenceUrlNotes: textOf(r.conference_url_notes),
    conferencePhone: textOf(r.conference_phone),
    conferencePhoneNotes: textOf(r.conference_phone_notes),
    types,
    languages: parseList(r.languages, ','),
    notes: withoutMonthlyNotice(textOf(r.notes), schedule),
    published: true,
    sourceUrl: textOf(r.url),
    feedbackUrl: textOf(r.feedback_url),
    feedbackEmails: parseList(r.feedback_emails, ','),
    updatedAt: updated?.ok ? updated.value : null,
    location,
    group: readGroup(r, name, options, warn),
    entity: readEntity(r, warn),
  };
  const listing = normalizeListing(draft);
  const checks = validateListing(listing);
  problems.push(...checks);
  if (checks.some((p) => p.severity === 'error')) return { record: null, problems };
  return {
    record: { listing, locationRef: textOf(r.location_id), groupRef: textOf(r.group_id) },
    problems,
  };
}

function describeTopLevel(data: unknown): string {
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'an array';
  if (typeof data === 'object') {
    const keys = Object.keys(data).slice(0, 5);
    return keys.length > 0 ? `an object with keys ${keys.join(', ')}` : 'an empty object';
  }
  return `a ${typeof data}`;
}

/** The meetings of a feed, by position, produced one at a time (see jsonArray). */
export interface FeedItems {
  readonly length: number;
  item(index: number): unknown;
}

/**
 * A whole Meeting Guide feed: a bare JSON array of meeting objects, as the spec defines. Anything
 * else is refused outright (nothing is imported); problems with single meetings are reported by
 * slug and only those meetings are left out.
 */
export function readMeetingGuideFeed(data: unknown, options: FeedReadOptions): FeedReadResult {
  if (!Array.isArray(data)) {
    throw new AppError(
      'invalid_input',
      `expected a Meeting Guide feed (a JSON array of meetings) but found ${describeTopLevel(data)}`,
    );
  }
  return readMeetingGuideItems({ length: data.length, item: (i) => data[i] as unknown }, options);
}

/** The meetings of a feed read one at a time, so only the listings made from them are kept. */
export function readMeetingGuideItems(items: FeedItems, options: FeedReadOptions): FeedReadResult {
  const problems: Problems = [];
  const records: ListingRecord[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < items.length; index++) {
    let item = items.item(index);
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new AppError(
        'invalid_input',
        `item ${index + 1} of the feed is ${describeTopLevel(item)}, not a meeting object`,
        { position: `item ${index + 1}` },
      );
    }
    let label = textOf((item as { slug?: unknown }).slug);
    if (label === null) {
      const name = textOf((item as { name?: unknown }).name) ?? '';
      label = uniqueSlug(fallbackSlug(item as MeetingGuideRecord, name), (s) => seen.has(s));
      problems.push({
        slug: label,
        field: 'slug',
        message: `item ${index + 1} has no slug: generated "${label}"`,
        severity: 'warning',
      });
      item = { ...item, slug: label };
    } else if (seen.has(label)) {
      problems.push({
        slug: label,
        field: 'slug',
        message: `duplicate slug (item ${index + 1}): kept the first, left this one out`,
        severity: 'error',
      });
      continue;
    }
    seen.add(label);
    const result = readMeetingGuideRecord(item as object, label, options);
    problems.push(...result.problems);
    if (result.record) records.push(result.record);
    if (options.onProgress && (index + 1) % 1000 === 0) options.onProgress(index + 1, items.length);
  }
  options.onProgress?.(items.length, items.length);
  return { read: items.length, slugs: seen, records, problems };
}
