import ical, {
  ICalCalendarMethod,
  ICalEventRepeatingFreq,
  ICalWeekday,
  type ICalRepeatingOptions,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';
import type { Listing } from '../../domain/listing/listing.ts';
import { minutesOfDay } from '../../domain/schedule/local-time.ts';
import { nextOccurrence } from '../../domain/schedule/occurrences.ts';
import {
  type TimedSchedule,
  type Weekday,
  describeRecurrence,
} from '../../domain/schedule/schedule.ts';
import { typeName } from '../../domain/vocabulary/type-vocabulary.ts';

/** RFC 5545 weekday codes, indexed by our Weekday (0 = Sunday). */
const icalWeekdays: readonly ICalWeekday[] = [
  ICalWeekday.SU,
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
];

function icalWeekday(day: Weekday): ICalWeekday {
  // Weekday is 0..6, so the lookup always succeeds.
  return icalWeekdays[day] as ICalWeekday;
}

/**
 * The RRULE. Weekly goes through ical-generator's typed options. Monthly needs ordinal BYDAY
 * values ("1SA,3SA", "-1SU"), which the typed `byDay` (plain ICalWeekday codes) cannot carry, and
 * BYSETPOS is no substitute once a meeting has several weekdays (it counts across all of them);
 * so monthly uses ical-generator's raw RRULE string, which it writes as given.
 */
function recurrenceRule(schedule: TimedSchedule): ICalRepeatingOptions | string {
  if (schedule.kind === 'weekly') {
    return { freq: ICalEventRepeatingFreq.WEEKLY, byDay: schedule.weekdays.map(icalWeekday) };
  }
  const byDay = schedule.weeks.flatMap((week) =>
    schedule.weekdays.map((day) => `${week}${icalWeekday(day)}`),
  );
  return `FREQ=MONTHLY;BYDAY=${byDay.join(',')}`;
}

interface ZoneDefinition {
  /** The TZID to write: the library's canonical name for the zone ("US/Pacific" → "America/Los_Angeles"). */
  readonly tzid: string;
  /** The VTIMEZONE component, or null when the library does not know the zone. */
  readonly vtimezone: string | null;
}

let knownZones: ReadonlySet<string> | undefined;
const zoneDefinitions = new Map<string, ZoneDefinition>();

/**
 * The VTIMEZONE for an IANA zone, from timezones-ical-library's bundled data (no network). The
 * library answers with the canonical zone's block, whose TZID can differ from the name asked for
 * (links such as "US/Pacific", and "UTC" → "Etc/UTC"); DTSTART and DTEND must name the same TZID
 * as the VTIMEZONE, so the event uses the library's TZID. A zone the library lacks (it logs to the
 * console when asked for one, so it is not asked) keeps its own name, without a VTIMEZONE: every
 * major calendar app resolves IANA names itself.
 */
function zoneDefinition(zone: string): ZoneDefinition {
  const cached = zoneDefinitions.get(zone);
  if (cached) return cached;
  if (!knownZones) {
    const names = tzlib_get_timezones();
    knownZones = new Set(Array.isArray(names) ? names : []);
  }
  let definition: ZoneDefinition = { tzid: zone, vtimezone: null };
  if (knownZones.has(zone)) {
    const block = tzlib_get_ical_block(zone);
    const [vtimezone, tzidLine] = Array.isArray(block) ? block : [];
    if (vtimezone && tzidLine?.startsWith('TZID=')) {
      definition = { tzid: tzidLine.slice('TZID='.length), vtimezone };
    }
  }
  zoneDefinitions.set(zone, definition);
  return definition;
}

/**
 * The scheduled wall-clock start ("20260329T013000") of an occurrence. It differs from the
 * occurrence's own local time only when the start falls in a DST gap: nextOccurrence then moves
 * the start forward by the gap (RFC 5545), so the wall time is the occurrence's less that shift.
 */
function scheduledWallTime(start: DateTime, scheduledMinutes: number): string {
  const actualMinutes = start.hour * 60 + start.minute;
  const shift = (((actualMinutes - scheduledMinutes) % 1440) + 1440) % 1440;
  // Plain wall-clock arithmetic: UTC has no gaps.
  const wall = DateTime.fromObject(
    {
      year: start.year,
      month: start.month,
      day: start.day,
      hour: start.hour,
      minute: start.minute,
    },
    { zone: 'utc' },
  ).minus({ minutes: shift });
  return wall.toFormat("yyyyLLdd'T'HHmmss");
}

/**
 * Writes DTSTART with the schedule's wall time. ical-generator formats a zoned start from an
 * instant, and an instant cannot name a wall time inside a DST gap: for a 01:30 meeting on the
 * day London skips 01:00–02:00 it would write 02:30, and the RRULE would repeat that 02:30 every
 * week after. RFC 5545 lets DTSTART name the nonexistent 01:30 (read with the offset before the
 * gap: the same instant), so the one DTSTART line is rewritten. Outside a gap this changes nothing.
 */
function withScheduledStart(text: string, tzid: string, wallTime: string): string {
  const prefix = `DTSTART;TZID=${tzid}:`;
  const lines = text.split('\r\n');
  const index = lines.findIndex((line) => line.startsWith(prefix));
  if (index === -1) {
    // Only for a zone named "UTC" (ical-generator then writes UTC times, no TZID): no gaps.
    return text;
  }
  lines[index] = prefix + wallTime;
  return lines.join('\r\n');
}

/**
 * Free text without the control characters RFC 5545 forbids in TEXT values (all but tab and line
 * breaks, which ical-generator escapes). Word's line break (U+000B) does turn up in feeds.
 */
function plainText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
}

function locationText(listing: Listing): string | null {
  const place = listing.location;
  const parts = [place?.name, place?.formattedAddress].filter(
    (p): p is string => typeof p === 'string' && p.trim().length > 0,
  );
  const placeText = parts.length > 0 ? parts.join(', ') : null;
  // An online meeting's place, if it has one, is closed or only a region: point to the call.
  if (listing.attendance === 'online' || placeText === null) {
    return listing.conferenceUrl ?? listing.conferencePhone ?? placeText;
  }
  return placeText;
}

/** Plain text: the recurrence, how to join online, the types, the notes. Never contacts. */
function descriptionText(listing: Listing): string {
  const sections: string[] = [describeRecurrence(listing.schedule)];
  if (listing.conferenceUrl) {
    sections.push(
      [`Online: ${listing.conferenceUrl}`, listing.conferenceUrlNotes].filter(Boolean).join('\n'),
    );
  }
  if (listing.conferencePhone) {
    sections.push(
      [`Phone: ${listing.conferencePhone}`, listing.conferencePhoneNotes]
        .filter(Boolean)
        .join('\n'),
    );
  }
  if (listing.types.length > 0) {
    sections.push(`Types: ${listing.types.map((code) => typeName(code)).join(', ')}`);
  }
  if (listing.notes) sections.push(listing.notes);
  return sections.join('\n\n');
}

/**
 * An iCalendar (RFC 5545) file with the meeting as one recurring event, starting at its next
 * occurrence at or after `now`, in the meeting's own time zone (with its VTIMEZONE). Null when
 * there is nothing to put in a calendar: a meeting by appointment, or one with no weekdays.
 *
 * Only what the public listing shows goes in: no contacts and no feedback addresses.
 */
export function meetingCalendar(input: {
  listing: Listing;
  slug: string;
  pageUrl: string;
  now: number;
}): string | null {
  const { listing, slug, pageUrl, now } = input;
  const schedule = listing.schedule;
  if (schedule.kind === 'appointment') return null;
  const occurrence = nextOccurrence(schedule, listing.timezone, now);
  if (occurrence === null) return null;

  const location = locationText(listing);
  const zone = zoneDefinition(listing.timezone);
  const vtimezone = zone.vtimezone;
  const calendar = ical({
    prodId: { company: 'Greendoor', product: 'Greendoor', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  if (vtimezone !== null) {
    // A nameless calendar zone: ical-generator then writes only the events' VTIMEZONEs, and no
    // X-WR-TIMEZONE (which would also turn DTSTAMP into local time).
    calendar.timezone({ name: null, generator: (tz) => (tz === zone.tzid ? vtimezone : null) });
  }
  calendar.createEvent({
    id: `${slug}@greendoor`,
    stamp: new Date(now),
    timezone: zone.tzid,
    start: occurrence.start,
    end: occurrence.end,
    repeating: recurrenceRule(schedule),
    summary: plainText(listing.name),
    location: location === null ? null : plainText(location),
    description: plainText(descriptionText(listing)),
    url: pageUrl,
  });

  const wallTime = scheduledWallTime(occurrence.start, minutesOfDay(schedule.start));
  // RFC 5545 ends every content line with CRLF; ical-generator leaves the last one bare.
  return `${withScheduledStart(calendar.toString(), zone.tzid, wallTime)}\r\n`;
}
