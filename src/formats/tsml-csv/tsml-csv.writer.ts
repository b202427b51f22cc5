import { stringify } from 'csv-stringify/sync';
import { publicContacts } from '../../domain/group/group.ts';
import { type LocalTime, formatTwelveHour } from '../../domain/schedule/local-time.ts';
import { weekdayNames } from '../../domain/schedule/schedule.ts';
import { typeName } from '../../domain/vocabulary/type-vocabulary.ts';
import {
  type FeedWriteOptions,
  type PublishedListing,
  writeMeetingGuideRecord,
} from '../meeting-guide/meeting-guide.writer.ts';

/**
 * The template's columns in its order, then the ones Greendoor adds so a table carries what a
 * feed does (coordinates, conference notes, fellowship, ...). Readers match columns by name.
 */
const columns = [
  'Time',
  'End Time',
  'Day',
  'Name',
  'Location',
  'Address',
  'Region',
  'Sub Region',
  'Types',
  'Notes',
  'Location Notes',
  'Timezone',
  'Group',
  'District',
  'Website',
  'Venmo',
  'Email',
  'Phone',
  'Group Notes',
  'Contact 1 Name',
  'Contact 1 Email',
  'Contact 1 Phone',
  'Contact 2 Name',
  'Contact 2 Email',
  'Contact 2 Phone',
  'Contact 3 Name',
  'Contact 3 Email',
  'Contact 3 Phone',
  'Last Contact',
  'Conference URL',
  'Conference Phone',
  'Slug',
  'Updated',
  // additions
  'Conference URL Notes',
  'Conference Phone Notes',
  'Latitude',
  'Longitude',
  'Approximate',
  'Regions',
  'PayPal',
  'Square',
  'Homegroup Online',
  'Attendance Option',
  'Fellowship',
  'Weeks of Month',
  'Feedback URL',
  'URL',
] as const;

type Column = (typeof columns)[number];

function row(published: PublishedListing, options: FeedWriteOptions): Record<Column, string> {
  const mg = writeMeetingGuideRecord(published, options);
  const { listing } = published;
  const s = (key: string) => {
    const v = mg[key];
    return v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v);
  };
  const schedule = listing.schedule;
  const contacts = listing.group
    ? options.includePrivateContacts
      ? listing.group.contacts
      : publicContacts(listing.group)
    : [];
  const contact = (n: number, f: 'name' | 'email' | 'phone') => contacts[n]?.[f] ?? '';
  return {
    Time: schedule.kind === 'appointment' ? '' : formatTwelveHour(schedule.start),
    'End Time': s('end_time') ? formatTwelveHour(s('end_time') as LocalTime) : '',
    Day:
      schedule.kind === 'appointment'
        ? ''
        : schedule.weekdays.map((d) => weekdayNames[d]).join(', '),
    Name: listing.name,
    Location: s('location'),
    Address: s('formatted_address'),
    Region: s('region'),
    'Sub Region': s('sub_region'),
    Types: listing.types.map((t) => typeName(t)).join(', '),
    Notes: s('notes'),
    'Location Notes': s('location_notes'),
    Timezone: listing.timezone,
    Group: s('group'),
    District: s('district'),
    Website: s('website'),
    Venmo: s('venmo'),
    Email: s('email'),
    Phone: s('phone'),
    'Group Notes': s('group_notes'),
    'Contact 1 Name': contact(0, 'name'),
    'Contact 1 Email': contact(0, 'email'),
    'Contact 1 Phone': contact(0, 'phone'),
    'Contact 2 Name': contact(1, 'name'),
    'Contact 2 Email': contact(1, 'email'),
    'Contact 2 Phone': contact(1, 'phone'),
    'Contact 3 Name': contact(2, 'name'),
    'Contact 3 Email': contact(2, 'email'),
    'Contact 3 Phone': contact(2, 'phone'),
    'Last Contact': s('last_contact'),
    'Conference URL': s('conference_url'),
    'Conference Phone': s('conference_phone'),
    Slug: published.slug,
    Updated: s('updated'),
    'Conference URL Notes': s('conference_url_notes'),
    'Conference Phone Notes': s('conference_phone_notes'),
    Latitude: s('latitude'),
    Longitude: s('longitude'),
    Approximate: s('approximate'),
    Regions: listing.location?.regions.join(' > ') ?? '',
    PayPal: s('paypal'),
    Square: s('square'),
    'Homegroup Online': s('homegroup_online'),
    'Attendance Option': listing.attendance,
    Fellowship: listing.fellowship,
    'Weeks of Month': schedule.kind === 'monthly' ? schedule.weeks.join(', ') : '',
    'Feedback URL': s('feedback_url'),
    URL: s('url'),
  };
}

/** The directory as a 12 Step Meeting List CSV table. */
export function writeTsmlCsv(
  listings: readonly PublishedListing[],
  options: FeedWriteOptions = {},
): string {
  return stringify(
    listings.map((l) => row(l, options)),
    { header: true, columns: [...columns], quoted_string: true },
  );
}
