import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors.ts';
import type { Listing } from '../../domain/listing/listing.ts';
import { typeForLanguage } from '../../domain/vocabulary/type-vocabulary.ts';
import { groupDetails, listing } from '../../test-support/factories.ts';
import { hasGroupDetails, listingArbitrary } from '../../test-support/listing-arbitraries.ts';
import { feedReadOptions } from '../../test-support/read-options.ts';
import type { PublishedListing } from '../meeting-guide/meeting-guide.writer.ts';
import { looksLikeTsmlCsv, readTsmlCsv } from './tsml-csv.reader.ts';
import { writeTsmlCsv } from './tsml-csv.writer.ts';

// The importer reads tables with contactsPublic: false (a table is not a published feed).
const options = feedReadOptions({ contactsPublic: false });

// ---- arbitraries --------------------------------------------------------------------------

// CSV quotes cells holding '\r\n', joins regions into one "A > B" cell, and carries private
// contacts when asked (includePrivateContacts).
const listingArb = listingArbitrary({
  extraCharacters: ['\r\n'],
  regionsWithoutSeparator: true,
  contacts: 'any',
});

// ---- what a table carries -----------------------------------------------------------------

/**
 * The listing a table gives back. What the CSV loses, and why:
 * - attendance is always written (Attendance Option), so it comes back stated;
 * - address parts: the table has one Address column, the formatted address; read alone it is a
 *   whole address, so street, city, state, postal code and country come back null;
 * - contacts: only those written (public ones, or all with includePrivateContacts); a table has no
 *   per-contact privacy column and is read as unpublished, so every contact comes back private;
 *   an implicit group with nothing left to carry comes back as no group;
 * - entity: the table has no entity columns;
 * - feedback emails: no column for them;
 * - languages: no column for them; only those marked by a language type code (es by S) come
 *   back, from the Types column;
 * - regions: one "A > B" cell (see regionsWithoutSeparator in listing-arbitraries.ts).
 */
function asReadFromTable(listing: Listing, includePrivateContacts: boolean): Listing {
  const location = listing.location && {
    ...listing.location,
    street: null,
    city: null,
    state: null,
    postalCode: null,
    country: null,
  };
  let group = listing.group;
  if (group) {
    const contacts = group.contacts
      .filter((c) => includePrivateContacts || c.public)
      .slice(0, 3)
      .map((c) => ({ ...c, public: false }));
    group =
      group.implicit && contacts.length === 0 && !hasGroupDetails(group)
        ? null
        : { ...group, contacts };
  }
  return {
    ...listing,
    attendanceExplicit: true,
    location,
    group,
    entity: null,
    feedbackEmails: [],
    languages: listing.languages.filter((l) => typeForLanguage(l) !== undefined),
  };
}

function published(listings: readonly Listing[]): PublishedListing[] {
  return listings.map((listing, i) => ({
    listing,
    slug: listing.slug,
    id: i + 1,
    locationId: listing.location ? 100 + i : null,
    groupId: listing.group ? 200 + i : null,
  }));
}

function expectNoErrors(problems: readonly { severity: string }[]): void {
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
}

// ---- tests --------------------------------------------------------------------------------

describe('12 Step Meeting List CSV write then read', () => {
  it('gives back every listing, less what a table cannot carry', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(listingArb, { selector: (l) => l.slug, minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (listings, includePrivateContacts) => {
          const csv = writeTsmlCsv(published(listings), { includePrivateContacts });
          expect(looksLikeTsmlCsv(csv)).toBe(true);
          const result = readTsmlCsv(csv, options);
          expectNoErrors(result.problems);
          expect(result.read).toBe(listings.length);
          expect(result.records.map((r) => r.listing)).toEqual(
            listings.map((l) => asReadFromTable(l, includePrivateContacts)),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('12 Step Meeting List CSV write then read, examples', () => {
  it("keeps an implicit group's notes", () => {
    // The reader makes an implicit group of Group Notes without a Group; the writer must write
    // them back, or a table read and written again loses them.
    const group = groupDetails({
      name: 'Sunrise',
      implicit: true,
      notes: 'Business meeting on the last Tuesday.',
    });
    const meeting = listing({
      slug: 'sunrise',
      name: 'Sunrise',
      location: null,
      types: [],
      updatedAt: null,
      group,
    });
    const result = readTsmlCsv(writeTsmlCsv(published([meeting])), options);
    expect(result.records[0]?.listing.group).toEqual(group);
  });
});

describe('readTsmlCsv', () => {
  const templateHeader = [
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
    'Email',
    'Phone',
    'Group Notes',
    'Contact 1 Name',
    'Contact 1 Email',
    'Contact 1 Phone',
    'Conference URL',
    'Conference Phone',
    'Slug',
    'Updated',
  ];
  const line = (cells: readonly string[]) => cells.map((c) => `"${c}"`).join(',');

  it('reads the template form: type names, day names, 12-hour times, its timestamps', () => {
    const csv = [
      line(templateHeader),
      line([
        '6:00 PM',
        '7:00 PM',
        'Monday',
        'Monday Night Step',
        'St. Mark Church',
        '18 Olive Ave, Springfield, IL 62701, USA',
        'Springfield',
        'Downtown',
        'Open, Wheelchair Access',
        'Use the side door.',
        'Basement',
        'America/Chicago',
        'Monday Night Group',
        'District 9',
        'https://example.org/mng',
        '',
        '',
        '',
        'Sam',
        'sam@example.org',
        '555-0100',
        '',
        '',
        'monday-night-step',
        '2020-04-0416:50:58',
      ]),
      line([
        '12:00 PM',
        '',
        'Sunday, Saturday',
        'Online Noon',
        '',
        '',
        '',
        '',
        'Online Meeting, Temporary Closure',
        '',
        '',
        'America/New_York',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        'https://zoom.us/j/123456789',
        '',
        'online-noon',
        '8/25/2022 11:17:07 AM',
      ]),
    ].join('\r\n');
    expect(looksLikeTsmlCsv(csv)).toBe(true);

    const result = readTsmlCsv(csv, options);
    expectNoErrors(result.problems);
    expect(result.records).toHaveLength(2);
    const [step, noon] = result.records.map((r) => r.listing);

    expect(step).toMatchObject({
      slug: 'monday-night-step',
      name: 'Monday Night Step',
      fellowship: 'aa',
      timezone: 'America/Chicago',
      schedule: {
        kind: 'weekly',
        weekdays: [1],
        start: '18:00',
        end: { kind: 'end_time', time: '19:00' },
      },
      types: ['O', 'X'],
      notes: 'Use the side door.',
      attendance: 'in_person',
      attendanceExplicit: false,
      updatedAt: '2020-04-04T16:50:58.000Z',
      location: {
        name: 'St. Mark Church',
        formattedAddress: '18 Olive Ave, Springfield, IL 62701, USA',
        street: null,
        approximate: false,
        regions: ['Springfield', 'Downtown'],
        notes: 'Basement',
      },
      group: {
        name: 'Monday Night Group',
        implicit: false,
        district: 'District 9',
        website: 'https://example.org/mng',
        contacts: [{ name: 'Sam', email: 'sam@example.org', phone: '555-0100', public: false }],
      },
    });
    expect(result.records[0]?.groupRef).toBeNull();

    expect(noon).toMatchObject({
      slug: 'online-noon',
      schedule: { kind: 'weekly', weekdays: [0, 6], start: '12:00', end: { kind: 'unstated' } },
      types: ['ONL', 'TC'],
      conferenceUrl: 'https://zoom.us/j/123456789',
      attendance: 'online',
      location: null,
      group: null,
      updatedAt: '2022-08-25T11:17:07.000Z',
    });
  });

  it('takes the slug from an "ID" column, as the Google Sheet template names it', () => {
    const csv = ['"ID","Name","Day","Time"', '"17","Sunrise","Tuesday","7:00 AM"'].join('\n');
    const result = readTsmlCsv(csv, options);
    expect(result.records.map((r) => [r.listing.slug, r.listing.schedule])).toEqual([
      ['17', { kind: 'weekly', weekdays: [2], start: '07:00', end: { kind: 'unstated' } }],
    ]);
  });

  it('refuses a header without Name, Day and Time, naming the missing columns', () => {
    const read = (csv: string) => () => readTsmlCsv(csv, options);
    const noneOfThem = '"Meeting","When","Where"\n"Sunrise","Tuesday 7am","Hall"\n';
    expect(read(noneOfThem)).toThrow(AppError);
    expect(read(noneOfThem)).toThrow('the CSV header has no "name" or "day" or "time" column');

    const onlyName = '"Name","Where"\n"Sunrise","Hall"\n';
    let error: unknown;
    try {
      readTsmlCsv(onlyName, options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_input');
    expect((error as AppError).details).toEqual({ position: 'line 1' });
    expect((error as AppError).message).toMatch(/^the CSV header has no "day" or "time" column/);
  });

  it('refuses text that is not CSV, with an AppError', () => {
    expect(() => readTsmlCsv('"Name","Day","Time"\n"unterminated,Monday,7pm\n', options)).toThrow(
      AppError,
    );
  });
});

describe('looksLikeTsmlCsv', () => {
  it('is true for a template header, with or without quotes and a byte-order mark', () => {
    expect(looksLikeTsmlCsv('Time,End Time,Day,Name\n7:00 PM,,Monday,Sunrise\n')).toBe(true);
    expect(looksLikeTsmlCsv('\uFEFF"Name","Time"\r\n"Sunrise","7:00 PM"')).toBe(true);
    expect(looksLikeTsmlCsv('[{"name":"Sunrise","day":1,"time":"07:00"}]')).toBe(false);
  });

  it('is false for random binary text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
        ),
        (text) => {
          expect(looksLikeTsmlCsv(text)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
