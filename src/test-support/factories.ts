import type { GroupDetails } from '../domain/group/group.ts';
import type { Listing } from '../domain/listing/listing.ts';
import { normalizeListing } from '../domain/listing/normalize-listing.ts';
import type { LocationDetails } from '../domain/location/location.ts';
import { localTime } from '../domain/schedule/local-time.ts';

/** Small factories for test data: a plausible value, with the fields a test cares about overridden. */

export function locationDetails(overrides: Partial<LocationDetails> = {}): LocationDetails {
  return {
    name: 'St. Mark Church',
    formattedAddress: '18 Olive Ave, Springfield, IL 62701, US',
    street: '18 Olive Ave',
    city: 'Springfield',
    state: 'IL',
    postalCode: '62701',
    country: 'US',
    latitude: 39.7817,
    longitude: -89.6501,
    approximate: false,
    regions: ['Illinois', 'Springfield'],
    notes: null,
    ...overrides,
  };
}

export function groupDetails(overrides: Partial<GroupDetails> = {}): GroupDetails {
  return {
    name: 'Tuesday Serenity Group',
    implicit: false,
    notes: null,
    website: null,
    email: null,
    phone: null,
    venmo: null,
    paypal: null,
    square: null,
    homegroupOnline: null,
    contacts: [],
    district: null,
    lastContact: null,
    ...overrides,
  };
}

/** A weekly in-person meeting, normalized as stored listings are. */
export function listing(overrides: Partial<Listing> = {}): Listing {
  return normalizeListing({
    slug: 'tuesday-serenity',
    name: 'Tuesday Serenity',
    fellowship: 'aa',
    schedule: { kind: 'weekly', weekdays: [2], start: localTime(19, 0), end: { kind: 'unstated' } },
    timezone: 'America/Chicago',
    attendance: 'in_person',
    attendanceExplicit: false,
    conferenceUrl: null,
    conferenceUrlNotes: null,
    conferencePhone: null,
    conferencePhoneNotes: null,
    types: ['O'],
    languages: [],
    notes: null,
    published: true,
    sourceUrl: 'https://example.org/meetings/tuesday-serenity',
    feedbackUrl: null,
    feedbackEmails: [],
    updatedAt: '2024-03-08T01:55:57.000Z',
    location: locationDetails(),
    group: null,
    entity: null,
    ...overrides,
  });
}
