import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../domain/group/group.ts';
import type { Listing } from '../../domain/listing/listing.ts';
import { localTime } from '../../domain/schedule/local-time.ts';
import { type Schedule, describeRecurrence } from '../../domain/schedule/schedule.ts';
import { listing as exampleListing, groupDetails } from '../../test-support/factories.ts';
import { listingArbitrary } from '../../test-support/listing-arbitraries.ts';
import { feedReadOptions } from '../../test-support/read-options.ts';
import { readMeetingGuideRecord } from './meeting-guide.reader.ts';
import { type FeedWriteOptions, writeMeetingGuideRecord } from './meeting-guide.writer.ts';

const options = feedReadOptions();

// ---- arbitraries --------------------------------------------------------------------------

// A Meeting Guide feed is published: its reader marks every contact public (contactsPublic).
const listingArb = listingArbitrary({ contacts: 'public' });

const idsArb = fc.record({
  id: fc.integer({ min: 1, max: 10_000 }),
  locationId: fc.integer({ min: 1, max: 10_000 }),
  groupId: fc.integer({ min: 1, max: 10_000 }),
});

// ---- helpers ------------------------------------------------------------------------------

function throughJson(
  listing: Listing,
  ids: { id: number; locationId: number | null; groupId: number | null },
  writeOptions: FeedWriteOptions = {},
): object {
  const written = writeMeetingGuideRecord({ listing, slug: listing.slug, ...ids }, writeOptions);
  return JSON.parse(JSON.stringify(written)) as object;
}

/** A plain weekly in-person meeting to vary in the example tests. */
const ids = { id: 1, locationId: 2, groupId: 3 };

function readBack(raw: object) {
  const { record, problems } = readMeetingGuideRecord(raw, 'tuesday-serenity', options);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(record).not.toBeNull();
  return record!.listing;
}

// ---- tests --------------------------------------------------------------------------------

describe('Meeting Guide write then read', () => {
  it('gives back the same listing, with attendance now stated', () => {
    fc.assert(
      fc.property(listingArb, idsArb, (listing, ids) => {
        const raw = throughJson(listing, ids);
        const { record, problems } = readMeetingGuideRecord(raw, listing.slug, options);
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(record?.listing).toEqual({ ...listing, attendanceExplicit: true });
        expect(record?.locationRef).toBe(listing.location ? String(ids.locationId) : null);
        expect(record?.groupRef).toBe(
          listing.group && !listing.group.implicit ? String(ids.groupId) : null,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('writes a duration as the end time it comes to, past midnight included', () => {
    const ninety = exampleListing({
      schedule: {
        kind: 'weekly',
        weekdays: [2],
        start: localTime(19, 0),
        end: { kind: 'duration', minutes: 90 },
      },
    });
    const raw = throughJson(ninety, ids);
    expect(raw).toMatchObject({ time: '19:00', end_time: '20:30' });
    expect(readBack(raw).schedule).toEqual({
      kind: 'weekly',
      weekdays: [2],
      start: '19:00',
      end: { kind: 'end_time', time: '20:30' },
    });

    const late = exampleListing({
      schedule: {
        kind: 'monthly',
        weekdays: [5],
        weeks: [-1],
        start: localTime(23, 30),
        end: { kind: 'duration', minutes: 60 },
      },
    });
    const lateRaw = throughJson(late, ids);
    expect(lateRaw).toMatchObject({ time: '23:30', end_time: '00:30', weeks_of_month: [-1] });
    expect(readBack(lateRaw).schedule).toEqual({
      kind: 'monthly',
      weekdays: [5],
      weeks: [-1],
      start: '23:30',
      end: { kind: 'end_time', time: '00:30' },
    });
  });

  it("puts a monthly meeting's recurrence before its notes and reads the notes back without it", () => {
    const schedule: Schedule = {
      kind: 'monthly',
      weekdays: [1, 4],
      weeks: [1, 3],
      start: localTime(18, 30),
      end: { kind: 'unstated' },
    };
    const sentence = `${describeRecurrence(schedule)}.`;
    expect(sentence).toBe('The first and third Monday and Thursday of the month.');

    const withNotes = exampleListing({ schedule, notes: 'Use the side door.' });
    const raw = throughJson(withNotes, ids) as { notes?: unknown };
    expect(raw.notes).toBe(`${sentence}\n\nUse the side door.`);
    expect(readBack(raw).notes).toBe('Use the side door.');

    const withoutNotes = exampleListing({ schedule, notes: null });
    const bare = throughJson(withoutNotes, ids) as { notes?: unknown };
    expect(bare.notes).toBe(sentence);
    expect(readBack(bare).notes).toBeNull();

    // A weekly meeting gets no sentence, and notes that merely look like one are kept.
    const weekly = exampleListing({ notes: sentence });
    const weeklyRaw = throughJson(weekly, ids) as { notes?: unknown };
    expect(weeklyRaw.notes).toBe(sentence);
    expect(readBack(weeklyRaw).notes).toBe(sentence);
  });

  it('leaves private contacts out unless asked, and then marks them private', () => {
    const hidden: Contact = { name: 'Pat', email: 'pat@example.org', phone: null, public: false };
    const shown: Contact = { name: 'Sam', email: null, phone: '555-0100', public: true };
    const group = groupDetails({ name: 'Serenity Group', contacts: [hidden, shown] });
    const listing = exampleListing({ group });

    const publicRaw = throughJson(listing, ids);
    expect(publicRaw).toMatchObject({ contact_1_name: 'Sam', contact_1_phone: '555-0100' });
    expect(JSON.stringify(publicRaw)).not.toContain('Pat');
    expect(Object.keys(publicRaw).filter((k) => k.endsWith('_private'))).toEqual([]);
    expect(readBack(publicRaw).group?.contacts).toEqual([shown]);

    const trustedRaw = throughJson(listing, ids, { includePrivateContacts: true });
    expect(trustedRaw).toMatchObject({
      contact_1_name: 'Pat',
      contact_1_email: 'pat@example.org',
      contact_1_private: true,
      contact_2_name: 'Sam',
    });
    expect(trustedRaw).not.toHaveProperty('contact_2_private');
    expect(readBack(trustedRaw).group?.contacts).toEqual([hidden, shown]);

    // An implicit group holding nothing but a private contact is left out of a public feed.
    const onlyPrivate = exampleListing({
      group: { ...group, name: 'Tuesday Serenity', implicit: true, contacts: [hidden] },
    });
    expect(readBack(throughJson(onlyPrivate, ids)).group).toBeNull();
  });

  it("keeps an implicit group's notes", () => {
    // The reader makes an implicit group of `group_notes` without `group`; the writer must write
    // them back, or a feed read and written again loses them.
    const group = groupDetails({
      name: 'Tuesday Serenity',
      implicit: true,
      notes: 'Business meeting on the last Tuesday.',
      website: 'https://example.org/serenity',
    });
    const listing = exampleListing({ group });
    expect(readBack(throughJson(listing, ids)).group).toEqual(group);
  });
});
