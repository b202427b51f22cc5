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
function presentSchedule(schedule: Schedule) {
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

function iso(instant: number | null, zone: string): string | null {
  return instant === null ? null : zoneClock(zone).isoString(instant);
}

/** One search result. */
export function presentHit(hit: SearchHit<MeetingCard>, withDistance: boolean): MeetingResult {
  const m = hit.meeting;
  return {
    slug: m.slug,
    name: m.name,
    fellowship: m.fellowship,
    attendance: m.attendance,
    timezone: m.timezone,
    next_start: iso(hit.nextStart, m.timezone),
    ...(withDistance
      ? { distance_km: hit.distanceKm === null ? null : Math.round(hit.distanceKm * 1000) / 1000 }
      : {}),
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
