import { isValidTimeZone } from '../schedule/time-zone.ts';
import { hasCoordinates, validCoordinates } from '../location/location.ts';
import { conferencePhoneProblem, conferenceUrlProblem } from '../meeting/conference.ts';
import { isUrlSafeSlug } from '../meeting/slug.ts';
import { minutesOfDay } from '../schedule/local-time.ts';
import { durationMinutes } from '../schedule/schedule.ts';
import { isKnownType } from '../vocabulary/type-vocabulary.ts';
import type { Listing, ListingProblem, ProblemSeverity } from './listing.ts';
import { hasUsableConference } from './normalize-listing.ts';

const MAX_NAME = 255;
/** Minutes: a meeting said to run longer than this past midnight probably has a wrong end time. */
const LONGEST_LIKELY_MEETING = 6 * 60;

/**
 * What is wrong with a listing, for import reports and volunteers' edit forms alike. Errors:
 * the listing cannot be stored as it is. Warnings: it can, but someone should look.
 */
export function validateListing(listing: Listing): ListingProblem[] {
  const problems: ListingProblem[] = [];
  const add = (field: string, message: string, severity: ProblemSeverity = 'warning') =>
    problems.push({ slug: listing.slug, field, message, severity });

  if (listing.slug.length === 0) add('slug', 'slug is empty', 'error');
  else if (!isUrlSafeSlug(listing.slug)) add('slug', `slug "${listing.slug}" is not URL-safe`);
  if (listing.name.trim().length === 0) add('name', 'the meeting has no name', 'error');
  if (listing.name.length > MAX_NAME)
    add('name', `name is longer than ${MAX_NAME} characters`, 'error');
  if (!isValidTimeZone(listing.timezone)) {
    add(
      'timezone',
      `"${listing.timezone}" is not a time zone; use a name like America/Chicago`,
      'error',
    );
  }

  const schedule = listing.schedule;
  if (schedule.kind !== 'appointment') {
    if (schedule.weekdays.length === 0) add('day', 'no weekday given', 'error');
    if (schedule.kind === 'monthly' && schedule.weeks.length === 0) {
      add('day', 'a monthly meeting needs the weeks of the month it meets', 'error');
    }
    const end = schedule.end;
    if (end.kind === 'end_time') {
      const overnight = minutesOfDay(end.time) < minutesOfDay(schedule.start);
      if (end.time === schedule.start) add('end_time', 'ends at the time it starts', 'error');
      else if (overnight && durationMinutes(schedule) > LONGEST_LIKELY_MEETING) {
        // 23:00 to 00:30 is an ordinary late meeting; 19:00 to 07:00 is more likely a typo.
        add(
          'end_time',
          `ends (${end.time}) before it starts (${schedule.start}): read as lasting ${Math.round(durationMinutes(schedule) / 60)} hours, past midnight; check the end time`,
        );
      }
    }
    // A day or more cannot be written as an end time, which is all feeds can carry.
    if (
      end.kind === 'duration' &&
      (!Number.isInteger(end.minutes) || end.minutes <= 0 || end.minutes >= 24 * 60)
    ) {
      add(
        'duration',
        'duration must be a whole number of minutes, more than 0 and less than 24 hours',
        'error',
      );
    }
  }

  for (const code of listing.types) {
    if (code.trim().length === 0) add('types', 'an empty type code');
    else if (!isKnownType(code)) add('types', `unknown type code "${code}" (kept)`);
  }

  const location = listing.location;
  if (location) {
    if (hasCoordinates(location) && !validCoordinates(location.latitude, location.longitude)) {
      add(
        'latitude',
        `coordinates ${location.latitude},${location.longitude} are not on Earth`,
        'error',
      );
    }
    if (!hasCoordinates(location))
      add('latitude', 'no coordinates: the meeting cannot be found by distance');
  }

  const online = listing.attendance === 'online' || listing.attendance === 'hybrid';
  if (listing.conferenceUrl !== null) {
    const problem = conferenceUrlProblem(listing.conferenceUrl);
    if (problem) add('conference_url', `conference URL ${problem}`);
  }
  if (listing.conferencePhone !== null) {
    const problem = conferencePhoneProblem(listing.conferencePhone);
    if (problem) add('conference_phone', `conference phone ${problem}`);
  }
  if (online && !hasUsableConference(listing)) {
    add(
      'conference_url',
      `listed as ${listing.attendance} but has no usable link or phone to join`,
    );
  }
  if (listing.attendance === 'in_person' || listing.attendance === 'hybrid') {
    if (!location || (location.formattedAddress === null && !hasCoordinates(location))) {
      add('address', 'meets in person but has no address');
    } else if (location.approximate) {
      add('address', 'meets in person but its address is only approximate');
    }
  }
  return problems;
}
