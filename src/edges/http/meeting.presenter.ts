import type { StoredListing } from '../../adapters/db/repositories/listing.repository.ts';
import type { Place } from '../../adapters/geo/places.ts';
import { publicContacts } from '../../domain/group/group.ts';
import { nextStartAfter } from '../../domain/schedule/occurrences.ts';
import {
  type Schedule,
  describeRecurrence,
  durationMinutes,
} from '../../domain/schedule/schedule.ts';
import { fromMinutesOfDay, minutesOfDay } from '../../domain/schedule/local-time.ts';
import { zoneClock } from '../../domain/schedule/zone-clock.ts';
import type { SearchHit } from '../../domain/search/search-query.ts';
import type { MeetingCard } from '../../services/search/meeting-card.ts';
import type { MeetingResult } from '../../web/api-types.ts';

/** A schedule as the API writes it: the Meeting Guide fields, plus the recurrence in words. */
function writeSchedule(schedule: Schedule) {
  if (schedule.kind === 'appointment')
    return { day: null, time: null, end_time: null, recurrence: describeRecurrence(schedule) };
  return {
    day: schedule.weekdays.length === 1 ? (schedule.weekdays[0] ?? null) : [...schedule.weekdays],
    time: schedule.start,
    end_time: fromMinutesOfDay(minutesOfDay(schedule.start) + durationMinutes(schedule)),
    ...(schedule.kind === 'monthly' ? { weeks_of_month: [...schedule.weeks] } : {}),
    recurrence: describeRecurrence(schedule),
  };
}

type ScheduleFields = ReturnType<typeof writeSchedule>;
const scheduleFields = new WeakMap<Schedule, ScheduleFields>();

/**
 * writeSchedule, once per schedule object: the index shares one object among the meetings with
 * the same schedule, and the words of a recurrence take a while to put together.
 */
function presentSchedule(schedule: Schedule): ScheduleFields {
  let fields = scheduleFields.get(schedule);
  if (fields === undefined) {
    fields = writeSchedule(schedule);
    scheduleFields.set(schedule, fields);
  }
  return fields;
}

function iso(instant: number | null, zone: string): string | null {
  return instant === null ? null : zoneClock(zone).isoString(instant);
}

type CardFields = Omit<MeetingResult, 'next_start' | 'distance_km'>;

/** What a result shows of a meeting whatever the search: all but its next start and distance. */
function presentCard(m: MeetingCard): CardFields {
  return {
    slug: m.slug,
    name: m.name,
    fellowship: m.fellowship,
    attendance: m.attendance,
    timezone: m.timezone,
    ...presentSchedule(m.schedule),
    types: m.types,
    languages: m.languages,
    group: m.group,
    location: m.location
      ? {
          name: m.location.name,
          formatted_address: m.location.formattedAddress,
          latitude: m.location.latitude,
          longitude: m.location.longitude,
          approximate: m.location.approximate,
          regions: m.location.regions,
        }
      : null,
    conference: m.conference
      ? {
          url: m.conference.url,
          url_notes: m.conference.urlNotes,
          phone: m.conference.phone,
          phone_notes: m.conference.phoneNotes,
        }
      : null,
  };
}

const roundedKm = (km: number | null) => (km === null ? null : Math.round(km * 1000) / 1000);

/** One search result. */
export function presentHit(hit: SearchHit<MeetingCard>, withDistance: boolean): MeetingResult {
  return {
    ...presentCard(hit.meeting),
    next_start: iso(hit.nextStart, hit.meeting.timezone),
    ...(withDistance ? { distance_km: roundedKm(hit.distanceKm) } : {}),
  };
}

/** JSON of values many cards share: schedules, type and region lists are shared objects. */
const sharedJson = new WeakMap<object, string>();
function sharedJsonOf<T extends object>(value: T, write: (value: T) => string): string {
  let json = sharedJson.get(value);
  if (json === undefined) {
    json = write(value);
    sharedJson.set(value, json);
  }
  return json;
}

/** What JSON.stringify writes other than as itself in a string: quotes, backslashes, control
 * characters and surrogates (a lone one becomes an escape; a pair is left to it too). */
// eslint-disable-next-line no-control-regex
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A value as JSON, exactly as JSON.stringify writes it; a string with nothing to escape (nearly
 * every name and address) is quoted without it, at half the cost, and a card has a dozen.
 */
function q(value: unknown): string {
  if (typeof value === 'string') return ESCAPED.test(value) ? JSON.stringify(value) : `"${value}"`;
  return JSON.stringify(value) ?? 'null';
}

/**
 * One result as JSON: what presentHit gives, written straight to text. A search response is
 * mostly its 50 cards; writing them without first making objects of them halves what it costs
 * (and the garbage the server has to collect after each search).
 */
function hitJson(hit: SearchHit<MeetingCard>, withDistance: boolean): string {
  const m = hit.meeting;
  const l = m.location;
  const c = m.conference;
  const schedule = sharedJsonOf(m.schedule, (s) => q(presentSchedule(s)).slice(1, -1));
  const location = l
    ? `{"name":${q(l.name)},"formatted_address":${q(l.formattedAddress)},"latitude":${q(l.latitude)},"longitude":${q(l.longitude)},"approximate":${q(l.approximate)},"regions":${sharedJsonOf(l.regions, q)}}`
    : 'null';
  const conference = c
    ? `{"url":${q(c.url)},"url_notes":${q(c.urlNotes)},"phone":${q(c.phone)},"phone_notes":${q(c.phoneNotes)}}`
    : 'null';
  const distance = withDistance ? `,"distance_km":${q(roundedKm(hit.distanceKm))}` : '';
  return `{"slug":${q(m.slug)},"name":${q(m.name)},"fellowship":${q(m.fellowship)},"attendance":${q(m.attendance)},"timezone":${q(m.timezone)},${schedule},"types":${sharedJsonOf(m.types, q)},"languages":${sharedJsonOf(m.languages, q)},"group":${q(m.group)},"location":${location},"conference":${conference},"next_start":${q(iso(hit.nextStart, m.timezone))}${distance}}`;
}

/** Search results as a JSON array: what presentHit gives, written as text. */
export function hitsJson(hits: readonly SearchHit<MeetingCard>[], withDistance: boolean): string {
  return `[${hits.map((hit) => hitJson(hit, withDistance)).join(',')}]`;
}

export function presentPlace(place: Place) {
  return {
    name: place.name,
    label: place.label,
    region: place.region,
    country: place.country,
    country_code: place.countryCode,
    latitude: place.latitude,
    longitude: place.longitude,
    kind: place.kind,
    timezone: place.timezone,
  };
}

/** A whole meeting, as its page shows it; only contacts marked public. */
export function presentMeeting(stored: StoredListing, now: number) {
  const l = stored.listing;
  const group = l.group;
  return {
    slug: stored.slug,
    name: l.name,
    fellowship: l.fellowship,
    attendance: l.attendance,
    timezone: l.timezone,
    next_start: iso(nextStartAfter(l.schedule, zoneClock(l.timezone), now), l.timezone),
    ...presentSchedule(l.schedule),
    types: l.types,
    languages: l.languages,
    notes: l.notes,
    location: l.location
      ? {
          name: l.location.name,
          formatted_address: l.location.formattedAddress,
          latitude: l.location.latitude,
          longitude: l.location.longitude,
          approximate: l.location.approximate,
          regions: l.location.regions,
          notes: l.location.notes,
        }
      : null,
    conference:
      l.conferenceUrl !== null || l.conferencePhone !== null
        ? {
            url: l.conferenceUrl,
            url_notes: l.conferenceUrlNotes,
            phone: l.conferencePhone,
            phone_notes: l.conferencePhoneNotes,
          }
        : null,
    group: group
      ? {
          name: group.implicit ? null : group.name,
          notes: group.notes,
          website: group.website,
          email: group.email,
          phone: group.phone,
          contributions: {
            venmo: group.venmo,
            paypal: group.paypal,
            square: group.square,
            homegroup_online: group.homegroupOnline,
          },
          contacts: publicContacts(group).map((c) => ({
            name: c.name,
            email: c.email,
            phone: c.phone,
          })),
        }
      : null,
    service_body: l.entity
      ? {
          name: l.entity.name,
          website: l.entity.website,
          phone: l.entity.phone,
          email: l.entity.email,
        }
      : null,
    updated: l.updatedAt,
  };
}
