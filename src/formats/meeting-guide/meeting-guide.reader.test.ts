import { describe, expect, it } from 'vitest';
import { feedReadOptions } from '../../test-support/read-options.ts';
import { meetingGuideFeeds, readSharedFeed } from '../../test-support/shared-data.ts';
import { readMeetingGuideFeed, readMeetingGuideRecord } from './meeting-guide.reader.ts';

const options = feedReadOptions();
const read = (raw: object) => readMeetingGuideRecord(raw, 'label', options);

describe('readMeetingGuideFeed on the shared real feeds', () => {
  it.each(meetingGuideFeeds)('%s reads with every meeting kept', async (name) => {
    const data = (await readSharedFeed(name)) as unknown[];
    const result = readMeetingGuideFeed(data, options);
    expect(result.read).toBe(data.length);
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
    expect(result.records).toHaveLength(data.length);
  });

  it('infers time zones from coordinates offline', async () => {
    const oc = readMeetingGuideFeed(await readSharedFeed('oc'), options);
    expect(new Set(oc.records.map((r) => r.listing.timezone))).toEqual(
      new Set(['America/Los_Angeles']),
    );
    const michigan = readMeetingGuideFeed(await readSharedFeed('meetings'), options);
    expect(new Set(michigan.records.map((r) => r.listing.timezone))).toEqual(
      new Set(['America/Detroit']),
    );
  });

  it('uses the fallback zone, with a warning, where there are no coordinates', async () => {
    const edmonton = readMeetingGuideFeed(
      await readSharedFeed('edmonton'),
      feedReadOptions({ fallbackZone: 'America/Edmonton', fallbackZoneOrigin: 'option' }),
    );
    expect(new Set(edmonton.records.map((r) => r.listing.timezone))).toEqual(
      new Set(['America/Edmonton']),
    );
    const zoneWarnings = edmonton.problems.filter((p) => p.field === 'timezone');
    expect(zoneWarnings).toHaveLength(315);
    expect(zoneWarnings[0]?.message).toMatch(/America\/Edmonton \(--timezone\)/);
  });

  it('reads address parts, entity fields and contacts', async () => {
    const michigan = readMeetingGuideFeed(await readSharedFeed('meetings'), options);
    const first = michigan.records[0]!.listing;
    expect(first.location?.formattedAddress).toBe('3100 Piper Rd, Alpena, MI');
    expect(first.location?.street).toBe('3100 Piper Rd');
    const atlanta = readMeetingGuideFeed(await readSharedFeed('atlanta'), options);
    expect(atlanta.records.some((r) => r.listing.entity?.name)).toBe(true);
    const times = readMeetingGuideFeed(await readSharedFeed('times'), options);
    const withContact = times.records.find((r) => r.listing.slug === 'monday-7pm')!.listing;
    expect(withContact.group?.contacts).toEqual([
      { name: 'Contact 1', email: 'contact-1045@example.org', phone: '555-0100', public: true },
    ]);
  });

  it('keeps unknown type codes, with a warning', async () => {
    const times = readMeetingGuideFeed(await readSharedFeed('times'), options);
    const approx = times.records.find((r) => r.listing.slug === 'approximate')!.listing;
    expect(approx.types).toContain('NA');
    expect(times.problems).toContainEqual(
      expect.objectContaining({
        slug: 'approximate',
        field: 'types',
        message: 'unknown type code "NA" (kept)',
      }),
    );
  });

  it('derives attendance: no link and only an approximate place is inactive', async () => {
    const times = readMeetingGuideFeed(await readSharedFeed('times'), options);
    const bySlug = new Map(times.records.map((r) => [r.listing.slug, r.listing]));
    expect(bySlug.get('approximate')?.attendance).toBe('inactive');
    expect(bySlug.get('monday-7pm')?.attendance).toBe('hybrid');
    expect(bySlug.get('appointment')?.schedule).toEqual({ kind: 'appointment' });
  });

  it('refuses anything but an array of objects, naming what it found', () => {
    expect(() => readMeetingGuideFeed({ not: 'an array' }, options)).toThrow(
      'expected a Meeting Guide feed (a JSON array of meetings) but found an object with keys not',
    );
    expect(() => readMeetingGuideFeed([{ name: 'x', slug: 'x' }, 42], options)).toThrow(
      'item 2 of the feed is a number, not a meeting object',
    );
  });

  it('reports duplicate and missing slugs', () => {
    const result = readMeetingGuideFeed(
      [
        { name: 'A', slug: 'a', day: 1, time: '19:00' },
        { name: 'A again', slug: 'a', day: 2, time: '19:00' },
        { name: 'No Slug', day: 3, time: '7:30 PM' },
      ],
      options,
    );
    expect(result.records.map((r) => r.listing.slug)).toEqual(['a', 'no-slug-3-7-30-pm']);
    expect(result.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        'duplicate slug (item 2): kept the first, left this one out',
        'item 3 has no slug: generated "no-slug-3-7-30-pm"',
      ]),
    );
  });
});

describe('readMeetingGuideRecord', () => {
  it('accepts the day and time variants feeds use', () => {
    const r = read({ name: 'X', slug: 'x', day: ['1', 3], time: '7:30 pm', end_time: '20:30:00' });
    expect(r.record?.listing.schedule).toEqual({
      kind: 'weekly',
      weekdays: [1, 3],
      start: '19:30',
      end: { kind: 'end_time', time: '20:30' },
    });
  });

  it('leaves out a meeting whose day or time cannot be read, saying why', () => {
    expect(read({ name: 'X', slug: 'x', day: 7, time: '19:00' }).problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        message: 'day 7 is not 0 (Sunday) to 6 (Saturday): left out',
      }),
    );
    expect(read({ name: 'X', slug: 'x', day: 1, time: '25:00' }).record).toBeNull();
    expect(read({ name: 'X', slug: 'x', day: 1 }).problems[0]?.message).toBe(
      'has a day but no time: left out',
    );
    expect(read({ slug: 'x', day: 1, time: '10:00' }).problems[0]?.message).toBe(
      'the meeting has no name: left out',
    );
  });

  it('reads an end before the start as past midnight, warning only when that is implausibly long', () => {
    const late = read({ name: 'X', slug: 'x', day: 5, time: '23:30', end_time: '00:30' });
    expect(late.record?.listing.schedule).toMatchObject({
      end: { kind: 'end_time', time: '00:30' },
    });
    expect(late.problems.filter((p) => p.field === 'end_time')).toEqual([]);
    const typo = read({ name: 'X', slug: 'x', day: 5, time: '19:00', end_time: '7:00' });
    expect(typo.record).not.toBeNull();
    expect(typo.problems.map((p) => p.message)).toContain(
      'ends (07:00) before it starts (19:00): read as lasting 12 hours, past midnight; check the end time',
    );
  });

  it('drops a field of the wrong type with a warning, keeping the meeting', () => {
    const r = read({ name: 'X', slug: 'x', day: 1, time: '10:00', latitude: { a: 1 } });
    expect(r.record).not.toBeNull();
    expect(r.problems[0]?.message).toBe('latitude has the wrong type (an object): ignored');
  });

  it('warns about unusable conference details of an online meeting', () => {
    const r = read({
      name: 'X',
      slug: 'x',
      day: 1,
      time: '10:00',
      conference_url: 'zoom meeting 123',
      attendance_option: 'online',
    });
    expect(r.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        'conference URL is not a web address',
        'listed as online but has no usable link or phone to join',
      ]),
    );
  });

  it('keeps private contacts private when a trusted export marks them', () => {
    const r = read({
      name: 'X',
      slug: 'x',
      group: 'G',
      contact_1_name: 'Sam',
      contact_1_private: true,
    });
    expect(r.record?.listing.group?.contacts).toEqual([
      { name: 'Sam', email: null, phone: null, public: false },
    ]);
  });

  it('puts group-level details without a group on an implicit group', () => {
    const r = read({ name: 'Early Birds', slug: 'x', website: 'https://example.org' });
    expect(r.record?.listing.group).toMatchObject({
      name: 'Early Birds',
      implicit: true,
      website: 'https://example.org',
    });
  });

  it('derives languages from type codes', () => {
    const r = read({ name: 'X', slug: 'x', types: 'O, S' });
    expect(r.record?.listing.languages).toEqual(['es']);
    expect(r.record?.listing.types).toEqual(['O', 'S']);
  });
});
