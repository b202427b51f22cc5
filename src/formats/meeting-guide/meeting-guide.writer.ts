import { publicContacts } from '../../domain/group/group.ts';
import type { Listing } from '../../domain/listing/listing.ts';
import { fromMinutesOfDay, minutesOfDay } from '../../domain/schedule/local-time.ts';
import {
  type Schedule,
  describeRecurrence,
  durationMinutes,
} from '../../domain/schedule/schedule.ts';

/** A listing as the directory publishes it: under its directory-wide slug, with its ids. */
export interface PublishedListing {
  readonly listing: Listing;
  /** Unique across the directory (a source's slug, unless another source had it first). */
  readonly slug: string;
  readonly id: number;
  readonly locationId: number | null;
  readonly groupId: number | null;
}

export interface FeedWriteOptions {
  /** Include contacts not marked public: only for a trusted copy, never a public feed. */
  readonly includePrivateContacts?: boolean;
  /** Base of this directory's own meeting pages, for `url` where the source gave none. */
  readonly publicBaseUrl?: string | null;
}

export type MeetingGuideOutput = Record<string, string | number | boolean | string[] | number[]>;

/** "2024-03-08 01:55:57", the spec's UTC form. */
export function specTimestamp(iso: string): string {
  return iso.slice(0, 19).replace('T', ' ');
}

function endTime(schedule: Exclude<Schedule, { kind: 'appointment' }>): string | null {
  switch (schedule.end.kind) {
    case 'unstated':
      return null;
    case 'end_time':
      return schedule.end.time;
    case 'duration':
      return fromMinutesOfDay(minutesOfDay(schedule.start) + durationMinutes(schedule));
  }
}

/**
 * The sentence put before the notes of a monthly meeting: the Meeting Guide spec knows only
 * weekly meetings, and an app that ignores `weeks_of_month` would otherwise send people on the
 * wrong weeks. The reader removes it again.
 */
export function monthlyNotice(schedule: Schedule): string | null {
  return schedule.kind === 'monthly' ? `${describeRecurrence(schedule)}.` : null;
}

/**
 * One meeting as a Meeting Guide feed object. Absent values are omitted, as the spec prefers;
 * the key order is fixed so exports compare byte for byte.
 */
export function writeMeetingGuideRecord(
  published: PublishedListing,
  options: FeedWriteOptions = {},
): MeetingGuideOutput {
  const { listing } = published;
  const out: Record<string, string | number | boolean | string[] | number[] | null | undefined> =
    {};
  out.id = published.id;
  out.name = listing.name;
  out.slug = published.slug;
  const schedule = listing.schedule;
  if (schedule.kind !== 'appointment') {
    out.day = schedule.weekdays.length === 1 ? schedule.weekdays[0] : [...schedule.weekdays];
    out.time = schedule.start;
    out.end_time = endTime(schedule);
    if (schedule.kind === 'monthly') out.weeks_of_month = [...schedule.weeks];
  }
  out.timezone = listing.timezone;
  out.types = [...listing.types];
  const notice = monthlyNotice(schedule);
  out.notes = notice ? [notice, listing.notes].filter(Boolean).join('\n\n') : listing.notes;
  out.attendance_option = listing.attendance;
  out.conference_url = listing.conferenceUrl;
  out.conference_url_notes = listing.conferenceUrlNotes;
  out.conference_phone = listing.conferencePhone;
  out.conference_phone_notes = listing.conferencePhoneNotes;

  const location = listing.location;
  if (location) {
    out.location = location.name;
    out.location_id = published.locationId;
    out.location_notes = location.notes;
    out.formatted_address = location.formattedAddress;
    out.address = location.street;
    out.city = location.city;
    out.state = location.state;
    out.postal_code = location.postalCode;
    out.country = location.country;
    out.latitude = location.latitude;
    out.longitude = location.longitude;
    out.approximate = location.approximate ? 'yes' : 'no';
    if (location.regions.length > 0) {
      out.region = location.regions[0];
      out.sub_region = location.regions[1];
      out.regions = [...location.regions];
    }
  }

  const group = listing.group;
  if (group) {
    if (!group.implicit) {
      out.group = group.name;
      out.group_id = published.groupId;
    }
    // Notes are written for an implicit group too: the reader gives them back to one.
    out.group_notes = group.notes;
    out.district = group.district;
    out.website = group.website;
    out.email = group.email;
    out.phone = group.phone;
    out.venmo = group.venmo;
    out.paypal = group.paypal;
    out.square = group.square;
    out.homegroup_online = group.homegroupOnline;
    const contacts = options.includePrivateContacts ? group.contacts : publicContacts(group);
    contacts.slice(0, 3).forEach((c, i) => {
      out[`contact_${i + 1}_name`] = c.name;
      out[`contact_${i + 1}_email`] = c.email;
      out[`contact_${i + 1}_phone`] = c.phone;
      if (!c.public) out[`contact_${i + 1}_private`] = true;
    });
    out.last_contact = group.lastContact;
  }

  const entity = listing.entity;
  if (entity) {
    out.entity = entity.name;
    out.entity_email = entity.email;
    out.entity_phone = entity.phone;
    out.entity_location = entity.serviceArea;
    out.entity_logo = entity.logo;
    // The spec says entity_website_url; the 12 Step Meeting List writes entity_url.
    out.entity_website_url = entity.website;
    out.entity_url = entity.website;
  }
  if (listing.feedbackEmails.length > 0) out.feedback_emails = [...listing.feedbackEmails];
  out.feedback_url = listing.feedbackUrl;
  out.url =
    listing.sourceUrl ??
    (options.publicBaseUrl
      ? `${options.publicBaseUrl.replace(/\/$/, '')}/meetings/${published.slug}`
      : null);
  out.updated = listing.updatedAt ? specTimestamp(listing.updatedAt) : null;
  out.fellowship = listing.fellowship;
  if (listing.languages.length > 0) out.languages = [...listing.languages];

  const result: MeetingGuideOutput = {};
  for (const [key, value] of Object.entries(out)) {
    if (value !== null && value !== undefined) result[key] = value;
  }
  return result;
}
