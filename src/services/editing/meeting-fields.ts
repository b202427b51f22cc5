import type { StoredListing } from '../../adapters/db/repositories/listing.repository.ts';
import { zoneAt } from '../../adapters/geo/timezone-lookup.ts';
import { AppError } from '../../domain/errors.ts';
import type { Listing, ListingProblem } from '../../domain/listing/listing.ts';
import {
  type FeedReadOptions,
  readMeetingGuideRecord,
} from '../../formats/meeting-guide/meeting-guide.reader.ts';
import { writeMeetingGuideRecord } from '../../formats/meeting-guide/meeting-guide.writer.ts';

/**
 * A meeting as volunteers edit it: the fields of its Meeting Guide record (private contacts
 * included), so an edit, a change request and an import all speak the same field names and go
 * through the same reader and the same validation.
 */
export type MeetingFields = Record<string, unknown>;

/** Fields volunteers do not set through a meeting: ids, the slug, what the server keeps. */
const managedFields = new Set([
  'id',
  'slug',
  'location_id',
  'group_id',
  'updated',
  'url',
  'district',
  'entity',
  'entity_email',
  'entity_phone',
  'entity_location',
  'entity_logo',
  'entity_website_url',
  'entity_url',
]);

export function isEditableField(field: string): boolean {
  return !managedFields.has(field) && /^[a-z][a-z0-9_]{0,40}$/.test(field);
}

/** The stored meeting's editable fields, as its record says them. */
export function fieldsOf(stored: StoredListing): MeetingFields {
  const record = writeMeetingGuideRecord(
    {
      listing: { ...stored.listing, sourceUrl: null },
      slug: stored.slug,
      id: stored.meetingId,
      locationId: stored.locationId,
      groupId: stored.groupId,
    },
    { includePrivateContacts: true },
  );
  // Attendance a source never stated is derived (a conference link added makes a meeting
  // online or hybrid): writing the derived value back would freeze it.
  const stated = stored.listing.attendanceExplicit;
  return Object.fromEntries(
    Object.entries(record).filter(
      ([field]) => isEditableField(field) && (stated || field !== 'attendance_option'),
    ),
  );
}

/**
 * Fields with a patch applied: a field set to null (or "") is removed. Fields a volunteer may
 * not set are refused by name, as are names that are not fields at all.
 */
export function patchedFields(
  fields: MeetingFields,
  patch: Readonly<Record<string, unknown>>,
): MeetingFields {
  const out: MeetingFields = { ...fields };
  for (const [field, value] of Object.entries(patch)) {
    if (!isEditableField(field)) {
      throw new AppError(
        'invalid_input',
        `${field}: not a field a meeting's listing can change (see the Meeting Guide field names)`,
        { field },
      );
    }
    if (value === null || value === '') delete out[field];
    else out[field] = value;
  }
  // A new address or point: the zone comes from the point (or stays) and the coordinates from
  // the new address are not the old place's.
  if ('formatted_address' in patch && !('latitude' in patch) && !('longitude' in patch)) {
    delete out.latitude;
    delete out.longitude;
  }
  if ('latitude' in patch || 'longitude' in patch) delete out.timezone;
  return out;
}

/** The first error, as a message that says what to fix. */
function refusal(problems: readonly ListingProblem[]): AppError | null {
  const error = problems.find((p) => p.severity === 'error');
  if (!error) return null;
  return new AppError(
    'invalid_input',
    `${error.field}: ${error.message.replace(/: left out$/, '')}`,
    {
      field: error.field,
    },
  );
}

export interface ReadFieldsOptions {
  readonly slug: string;
  readonly knownFellowships: ReadonlySet<string>;
  readonly defaultFellowship: string;
  readonly fallbackZone: string;
}

/**
 * Reads edited fields as the import reads a feed's record: normalized, validated, the zone
 * looked up from the point. An error refuses the edit; warnings come back to show.
 */
export function readFields(
  fields: MeetingFields,
  options: ReadFieldsOptions,
): { listing: Listing; warnings: ListingProblem[] } {
  const readOptions: FeedReadOptions = {
    defaultFellowship: options.defaultFellowship,
    knownFellowships: options.knownFellowships,
    zoneAt,
    fallbackZone: options.fallbackZone,
    fallbackZoneOrigin: 'option',
    contactsPublic: true,
  };
  const { record, problems } = readMeetingGuideRecord(fields, options.slug, readOptions);
  const refused = refusal(problems);
  if (refused || !record)
    throw refused ?? new AppError('invalid_input', 'the listing could not be read');
  return { listing: record.listing, warnings: problems.filter((p) => p.severity === 'warning') };
}
