import { beforeAll, describe, expect, it } from 'vitest';
import { zoneAt } from '../../adapters/geo/timezone-lookup.ts';
import { builtinFellowships } from '../../domain/fellowship/fellowships.builtin.ts';
import {
  type FeedReadResult,
  readMeetingGuideFeed,
} from '../../formats/meeting-guide/meeting-guide.reader.ts';
import { feedReadOptions } from '../../test-support/read-options.ts';
import { SYNTHETIC_NOTE, type SyntheticMeeting, generateMeetings } from './generate.service.ts';

const MEETINGS = 3000;

describe('generateMeetings', () => {
  let meetings: SyntheticMeeting[];
  let read: FeedReadResult;

  beforeAll(async () => {
    meetings = await generateMeetings({ meetings: MEETINGS, seed: 42 });
    read = readMeetingGuideFeed(meetings, feedReadOptions());
  });

  const share = (attendance: string) =>
    meetings.filter((m) => m.attendance_option === attendance).length / meetings.length;

  it('gives the same meetings for the same seed and others for another', async () => {
    const first = await generateMeetings({ meetings: 300, seed: 7 });
    const again = await generateMeetings({ meetings: 300, seed: 7 });
    const other = await generateMeetings({ meetings: 300, seed: 8 });
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    // Not merely a different order or one changed field: most meetings differ.
    const firstSlugs = new Set(first.map((m) => m.slug));
    expect(other.filter((m) => !firstSlugs.has(m.slug)).length).toBeGreaterThan(100);
  });

  it('makes exactly the number of meetings asked for, each under its own slug', async () => {
    expect(meetings).toHaveLength(MEETINGS);
    expect(new Set(meetings.map((m) => m.slug)).size).toBe(MEETINGS);
    expect(await generateMeetings({ meetings: 0, seed: 1 })).toEqual([]);
    expect(await generateMeetings({ meetings: 1, seed: 1 })).toHaveLength(1);
  });

  it('makes a feed that reads with every meeting kept and no errors', () => {
    expect(read.read).toBe(MEETINGS);
    expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(read.records).toHaveLength(MEETINGS);
    expect(read.records.map((r) => r.listing.slug)).toEqual(meetings.map((m) => m.slug));
  });

  it('says in every meeting that it does not exist', () => {
    const notes = meetings.map((m) => m.notes);
    expect(notes.filter((n) => typeof n !== 'string' || !n.startsWith(SYNTHETIC_NOTE))).toEqual([]);
    expect(read.records.every((r) => r.listing.notes?.startsWith(SYNTHETIC_NOTE))).toBe(true);
  });

  it('links only to example.org for conferences', () => {
    const urls = meetings.flatMap((m) =>
      typeof m.conference_url === 'string' ? [m.conference_url] : [],
    );
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      const host = new URL(url).hostname;
      expect(host === 'example.org' || host.endsWith('.example.org'), url).toBe(true);
    }
    const withUrlField = meetings.filter((m) => 'conference_url' in m).length;
    expect(withUrlField).toBe(urls.length);
  });

  it('makes about a fifth of meetings online and a tenth hybrid', () => {
    expect(share('online')).toBeGreaterThan(0.15);
    expect(share('online')).toBeLessThan(0.25);
    expect(share('hybrid')).toBeGreaterThan(0.05);
    expect(share('hybrid')).toBeLessThan(0.15);
    expect(share('in_person')).toBeGreaterThan(0.6);
    // Every attendance is one the spec knows.
    expect(
      meetings.filter(
        (m) => !['in_person', 'online', 'hybrid', 'inactive'].includes(String(m.attendance_option)),
      ),
    ).toEqual([]);
  });

  it('spreads meetings over many time zones and fellowships', () => {
    const zones = new Set(read.records.map((r) => r.listing.timezone));
    expect(zones.size).toBeGreaterThanOrEqual(10);
    const fellowships = new Set(meetings.map((m) => m.fellowship));
    expect(fellowships.size).toBeGreaterThan(1);
    const known = new Set(builtinFellowships.map((f) => f.id));
    expect([...fellowships].filter((f) => !known.has(String(f)))).toEqual([]);
  });

  it('leaves each zone to follow from the coordinates', () => {
    expect(meetings.filter((m) => 'timezone' in m)).toEqual([]);
    // Spot checks spread over the feed, then every meeting.
    for (const index of [0, 1, 2, 500, 1234, 2999]) {
      const meeting = meetings[index]!;
      const listing = read.records[index]!.listing;
      expect(typeof meeting.latitude).toBe('number');
      expect(listing.timezone).toBe(
        zoneAt(meeting.latitude as number, meeting.longitude as number),
      );
    }
    const mismatches = read.records.filter(
      (r) =>
        r.listing.location?.latitude == null ||
        r.listing.location.longitude == null ||
        zoneAt(r.listing.location.latitude, r.listing.location.longitude) !== r.listing.timezone,
    );
    expect(mismatches.map((r) => r.listing.slug)).toEqual([]);
  });
});
