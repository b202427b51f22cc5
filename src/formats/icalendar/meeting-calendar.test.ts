import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Listing } from '../../domain/listing/listing.ts';
import { localTime, minutesOfDay } from '../../domain/schedule/local-time.ts';
import type { Schedule } from '../../domain/schedule/schedule.ts';
import { groupDetails, listing } from '../../test-support/factories.ts';
import { scheduleArb, slugArb, timezones } from '../../test-support/listing-arbitraries.ts';
import { meetingCalendar } from './meeting-calendar.ts';

const pageUrl = 'https://greendoor.example/meetings/tuesday-serenity';

function calendarFor(meeting: Listing, now: string | number): string {
  const text = meetingCalendar({
    listing: meeting,
    slug: 'tuesday-serenity',
    pageUrl,
    now: typeof now === 'number' ? now : Date.parse(now),
  });
  if (text === null) throw new Error('expected a calendar');
  return text;
}

/** RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab joins two physical lines. */
function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line.length > 0);
}

/** The content lines of a property ("DTSTART" matches "DTSTART;TZID=...:..." and "DTSTART:..."). */
function propertyLines(text: string, name: string): string[] {
  return unfold(text).filter((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`));
}

/** The value of the VEVENT's one property of that name (after the first unquoted colon). */
function eventValue(text: string, name: string): string {
  const event = text.slice(text.indexOf('BEGIN:VEVENT'));
  const lines = propertyLines(event, name);
  expect(lines).toHaveLength(1);
  const line = lines[0] ?? '';
  return line.slice(line.indexOf(':') + 1);
}

/** RFC 5545 §3.3.11 TEXT unescaping. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Every TZID a date names has its VTIMEZONE in the calendar. */
function expectZonesDefined(text: string): void {
  const lines = unfold(text);
  const defined = new Set(
    lines.filter((l) => l.startsWith('TZID:')).map((l) => l.slice('TZID:'.length)),
  );
  const used = lines.flatMap((l) =>
    [...l.matchAll(/^[A-Z-]+;TZID=([^:;]+)[:;]/g)].map((m) => m[1]),
  );
  for (const tzid of used) expect(defined).toContain(tzid);
}

function weekly(weekdays: number[], hours: number, minutes: number): Schedule {
  return {
    kind: 'weekly',
    weekdays: weekdays as Extract<Schedule, { kind: 'weekly' }>['weekdays'],
    start: localTime(hours, minutes),
    end: { kind: 'unstated' },
  };
}

describe('meetingCalendar', () => {
  it('writes a weekly meeting in its own zone, from the next occurrence', () => {
    const meeting = listing({
      name: 'Monday Night Big Book',
      timezone: 'America/Los_Angeles',
      schedule: weekly([1], 19, 30),
    });
    // A Wednesday: the next Monday is 2026-11-23, after the switch back to PST.
    const text = calendarFor(meeting, '2026-11-18T12:00:00Z');

    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(propertyLines(text, 'PRODID')).toEqual(['PRODID:-//Greendoor//Greendoor//EN']);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:America/Los_Angeles\r\n');
    expect(unfold(text).filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(propertyLines(text, 'RRULE').at(-1)).toBe('RRULE:FREQ=WEEKLY;BYDAY=MO');
    expect(propertyLines(text, 'DTSTART')).toContain(
      'DTSTART;TZID=America/Los_Angeles:20261123T193000',
    );
    // No end stated: an hour.
    expect(propertyLines(text, 'DTEND')).toEqual([
      'DTEND;TZID=America/Los_Angeles:20261123T203000',
    ]);
    expect(eventValue(text, 'UID')).toBe('tuesday-serenity@greendoor');
    expect(eventValue(text, 'DTSTAMP')).toBe('20261118T120000Z');
    expect(eventValue(text, 'SUMMARY')).toBe('Monday Night Big Book');
    expect(unescapeText(eventValue(text, 'LOCATION'))).toBe(
      'St. Mark Church, 18 Olive Ave, Springfield, IL 62701, US',
    );
    expect(eventValue(text, 'URL')).toBe(pageUrl);
    expect(unescapeText(eventValue(text, 'DESCRIPTION'))).toBe('Every Monday\n\nTypes: Open');
    expectZonesDefined(text);
  });

  it('starts at an occurrence that begins exactly at now, and after it a millisecond later', () => {
    const meeting = listing({ timezone: 'America/Los_Angeles', schedule: weekly([1], 19, 30) });
    const start = Date.parse('2026-11-24T03:30:00Z'); // Monday 19:30 PST
    expect(propertyLines(calendarFor(meeting, start), 'DTSTART').at(-1)).toBe(
      'DTSTART;TZID=America/Los_Angeles:20261123T193000',
    );
    expect(propertyLines(calendarFor(meeting, start + 1), 'DTSTART').at(-1)).toBe(
      'DTSTART;TZID=America/Los_Angeles:20261130T193000',
    );
  });

  it('lists every weekday of a multi-day weekly meeting, and ends at its end time', () => {
    const meeting = listing({
      timezone: 'America/Los_Angeles',
      schedule: {
        kind: 'weekly',
        weekdays: [1, 4],
        start: localTime(19, 0),
        end: { kind: 'end_time', time: localTime(20, 30) },
      },
    });
    // A Tuesday: Thursday comes first.
    const text = calendarFor(meeting, '2026-11-17T20:00:00Z');
    const event = text.slice(text.indexOf('BEGIN:VEVENT'));
    expect(propertyLines(event, 'RRULE')).toEqual(['RRULE:FREQ=WEEKLY;BYDAY=MO,TH']);
    expect(propertyLines(event, 'DTSTART')).toEqual([
      'DTSTART;TZID=America/Los_Angeles:20261119T190000',
    ]);
    expect(propertyLines(event, 'DTEND')).toEqual([
      'DTEND;TZID=America/Los_Angeles:20261119T203000',
    ]);
    expect(unescapeText(eventValue(text, 'DESCRIPTION'))).toContain('Every Monday and Thursday');
  });

  it('writes the first and third Saturday with ordinal BYDAY values', () => {
    const meeting = listing({
      schedule: {
        kind: 'monthly',
        weekdays: [6],
        weeks: [1, 3],
        start: localTime(10, 0),
        end: { kind: 'duration', minutes: 90 },
      },
    });
    // 2026-11-07 was the first Saturday; the third is 2026-11-21.
    const text = calendarFor(meeting, '2026-11-08T12:00:00Z');
    const event = text.slice(text.indexOf('BEGIN:VEVENT'));
    expect(propertyLines(event, 'RRULE')).toEqual(['RRULE:FREQ=MONTHLY;BYDAY=1SA,3SA']);
    expect(propertyLines(event, 'DTSTART')).toEqual([
      'DTSTART;TZID=America/Chicago:20261121T100000',
    ]);
    expect(propertyLines(event, 'DTEND')).toEqual(['DTEND;TZID=America/Chicago:20261121T113000']);
    expect(unescapeText(eventValue(text, 'DESCRIPTION'))).toContain(
      'The first and third Saturday of the month',
    );
    expectZonesDefined(text);
  });

  it('writes the last Sunday as -1SU, and weeks × weekdays for several days', () => {
    const lastSunday = listing({
      schedule: {
        kind: 'monthly',
        weekdays: [0],
        weeks: [-1],
        start: localTime(18, 0),
        end: { kind: 'unstated' },
      },
    });
    const text = calendarFor(lastSunday, '2026-11-08T12:00:00Z');
    expect(propertyLines(text, 'RRULE').at(-1)).toBe('RRULE:FREQ=MONTHLY;BYDAY=-1SU');
    expect(propertyLines(text, 'DTSTART').at(-1)).toBe(
      'DTSTART;TZID=America/Chicago:20261129T180000',
    );

    const weekends = listing({
      schedule: {
        kind: 'monthly',
        weekdays: [0, 6],
        weeks: [2, -1],
        start: localTime(18, 0),
        end: { kind: 'unstated' },
      },
    });
    expect(propertyLines(calendarFor(weekends, '2026-11-08T12:00:00Z'), 'RRULE').at(-1)).toBe(
      'RRULE:FREQ=MONTHLY;BYDAY=2SU,2SA,-1SU,-1SA',
    );
  });

  it('keeps the scheduled wall time on the day the clocks go forward', () => {
    const now = '2026-03-25T12:00:00Z';
    // London goes from 01:00 GMT to 02:00 BST on 2026-03-29: 02:30 exists that day.
    const atHalfPastTwo = listing({ timezone: 'Europe/London', schedule: weekly([0], 2, 30) });
    const text = calendarFor(atHalfPastTwo, now);
    expect(propertyLines(text, 'DTSTART').at(-1)).toBe(
      'DTSTART;TZID=Europe/London:20260329T023000',
    );
    expect(propertyLines(text, 'DTEND')).toEqual(['DTEND;TZID=Europe/London:20260329T033000']);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n');
    expectZonesDefined(text);

    // 01:30 does not: the meeting starts at 02:30 BST that day (RFC 5545 reads the skipped 01:30
    // with the offset before the gap). DTSTART must still say 01:30, or the RRULE would carry
    // 02:30 into every later week. DTEND is an hour after that instant.
    const atHalfPastOne = listing({ timezone: 'Europe/London', schedule: weekly([0], 1, 30) });
    const gap = calendarFor(atHalfPastOne, now);
    expect(propertyLines(gap, 'DTSTART').at(-1)).toBe('DTSTART;TZID=Europe/London:20260329T013000');
    expect(propertyLines(gap, 'DTEND')).toEqual(['DTEND;TZID=Europe/London:20260329T033000']);
    expect(propertyLines(gap, 'RRULE').at(-1)).toBe('RRULE:FREQ=WEEKLY;BYDAY=SU');

    // The same in Los Angeles, where 02:00–03:00 is skipped on 2026-03-08.
    const pacific = listing({ timezone: 'America/Los_Angeles', schedule: weekly([0], 2, 30) });
    expect(propertyLines(calendarFor(pacific, '2026-03-05T12:00:00Z'), 'DTSTART').at(-1)).toBe(
      'DTSTART;TZID=America/Los_Angeles:20260308T023000',
    );
  });

  it('escapes awkward free text as RFC 5545 requires', () => {
    const name = `Men's "Step" Study; Room 2, Hall\\Annex`;
    const notes =
      'Side door; ring twice, then wait.\nBring a book\\pen.\nAll welcome\u000b(really)';
    const text = calendarFor(listing({ name, notes }), '2026-11-18T12:00:00Z');

    expect(eventValue(text, 'SUMMARY')).toBe(`Men's "Step" Study\\; Room 2\\, Hall\\\\Annex`);
    expect(unescapeText(eventValue(text, 'SUMMARY'))).toBe(name);
    const description = eventValue(text, 'DESCRIPTION');
    expect(description).toContain(
      'Side door\\; ring twice\\, then wait.\\nBring a book\\\\pen.\\nAll welcome (really)',
    );
    expect(unescapeText(description)).toBe(
      'Every Tuesday\n\nTypes: Open\n\nSide door; ring twice, then wait.\nBring a book\\pen.\nAll welcome (really)',
    );
    // No raw line break or forbidden control character survives inside a value.
    // eslint-disable-next-line no-control-regex
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
  });

  it('describes how to join online, and points an online-only meeting to its call', () => {
    const meeting = listing({
      location: null,
      conferenceUrl: 'https://zoom.us/j/123456789',
      conferenceUrlNotes: 'Passcode: 4242',
      conferencePhone: '+1-555-0100,,123456#',
      conferencePhoneNotes: 'Press # twice',
      types: ['O', 'D'],
      notes: 'Cameras optional.',
    });
    expect(meeting.attendance).toBe('online');
    const text = calendarFor(meeting, '2026-11-18T12:00:00Z');
    expect(eventValue(text, 'LOCATION')).toBe('https://zoom.us/j/123456789');
    expect(unescapeText(eventValue(text, 'DESCRIPTION'))).toBe(
      [
        'Every Tuesday',
        'Online: https://zoom.us/j/123456789\nPasscode: 4242',
        'Phone: +1-555-0100,,123456#\nPress # twice',
        'Types: Discussion, Open',
        'Cameras optional.',
      ].join('\n\n'),
    );
  });

  it('gives a hybrid meeting its place, with the call in the description', () => {
    const meeting = listing({ conferenceUrl: 'https://meet.example.org/room' });
    expect(meeting.attendance).toBe('hybrid');
    const text = calendarFor(meeting, '2026-11-18T12:00:00Z');
    expect(unescapeText(eventValue(text, 'LOCATION'))).toContain('St. Mark Church, 18 Olive Ave');
    expect(unescapeText(eventValue(text, 'DESCRIPTION'))).toContain(
      'Online: https://meet.example.org/room',
    );
  });

  it('returns null for a meeting by appointment', () => {
    const meeting = listing({ schedule: { kind: 'appointment' } });
    expect(
      meetingCalendar({ listing: meeting, slug: 's', pageUrl, now: Date.parse('2026-11-18') }),
    ).toBeNull();
  });

  it('never includes contacts or the feedback email', () => {
    const meeting = listing({
      feedbackEmails: ['feedback@example.org'],
      feedbackUrl: 'https://example.org/feedback-form',
      group: groupDetails({
        email: 'group@example.org',
        phone: '+1 217 555 0111',
        contacts: [
          {
            name: 'Private Pat',
            email: 'pat@example.org',
            phone: '+1 217 555 0122',
            public: false,
          },
          {
            name: 'Public Quinn',
            email: 'quinn@example.org',
            phone: '+1 217 555 0133',
            public: true,
          },
        ],
      }),
      entity: {
        name: 'Central Office',
        email: 'office@example.org',
        phone: '+1 217 555 0144',
        website: null,
        logo: null,
        serviceArea: null,
      },
    });
    const text = unfold(calendarFor(meeting, '2026-11-18T12:00:00Z')).join('\n');
    for (const secret of [
      'feedback@example.org',
      'feedback-form',
      'group@example.org',
      'Pat',
      'pat@example.org',
      'Quinn',
      'quinn@example.org',
      'office@example.org',
      '555 01',
    ]) {
      expect(text).not.toContain(secret);
    }
    // The only "@" is the UID's.
    expect(text.match(/@/g)).toEqual(['@']);
  });

  it('names the zone the VTIMEZONE defines when the listing uses a link name', () => {
    const meeting = listing({ timezone: 'US/Pacific', schedule: weekly([1], 19, 30) });
    const text = calendarFor(meeting, '2026-11-18T12:00:00Z');
    expect(propertyLines(text, 'DTSTART').at(-1)).toBe(
      'DTSTART;TZID=America/Los_Angeles:20261123T193000',
    );
    expectZonesDefined(text);
  });

  it('folds lines to at most 75 octets and unfolds back to the same text', () => {
    const notes = `Reunión de los Doce Pasos — ${'東京 🙂 é, ß; '.repeat(30)}fin`;
    const name = `A very long meeting name, ${'with many words '.repeat(8)}and more`;
    const text = calendarFor(listing({ name, notes }), '2026-11-18T12:00:00Z');

    expect(text.endsWith('\r\n')).toBe(true);
    const physical = text.slice(0, -2).split('\r\n');
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    for (const line of physical) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\r\n]/);
    }
    // Every unfolded line is a content line: NAME[;PARAM...]:VALUE.
    for (const line of unfold(text)) expect(line).toMatch(/^[A-Z][A-Z0-9-]*[;:]/);
    const begins = unfold(text).filter((l) => l.startsWith('BEGIN:'));
    const ends = unfold(text).filter((l) => l.startsWith('END:'));
    expect(ends.map((l) => l.slice(4)).sort()).toEqual(begins.map((l) => l.slice(6)).sort());

    expect(unescapeText(eventValue(text, 'SUMMARY'))).toBe(name);
    expect(unescapeText(eventValue(text, 'DESCRIPTION')).endsWith(`\n\n${notes}`)).toBe(true);
  });

  it('holds for arbitrary schedules, zones and text: folding, escaping, the scheduled wall time', () => {
    // Awkward characters, multi-byte ones among them, so folding and escaping both get exercised.
    const textArb = fc.string({
      unit: fc.constantFrom('a', 'Z', '7', ' ', ',', ';', ':', '\\', '"', '\n', 'é', '東', '🙂'),
      minLength: 1,
      maxLength: 150,
    });
    const meetingArb = fc
      .record({
        schedule: scheduleArb,
        timezone: fc.constantFrom(...timezones),
        name: textArb,
        notes: fc.option(textArb, { nil: null }),
      })
      .map((parts) => listing(parts));
    const nowArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) });
    fc.assert(
      fc.property(meetingArb, slugArb, nowArb, (meeting, slug, now) => {
        const text = meetingCalendar({ listing: meeting, slug, pageUrl, now });
        const schedule = meeting.schedule;
        if (schedule.kind === 'appointment') {
          expect(text).toBeNull();
          return;
        }
        expect(text).not.toBeNull();
        if (text === null) return;
        for (const line of text.slice(0, -2).split('\r\n')) {
          expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
        }
        expect(unescapeText(eventValue(text, 'SUMMARY'))).toBe(
          meeting.name.replace(/\r\n?/g, '\n'),
        );
        expect(eventValue(text, 'UID')).toBe(`${slug}@greendoor`);
        expectZonesDefined(text);

        const start = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})00$/.exec(eventValue(text, 'DTSTART'));
        expect(start).not.toBeNull();
        const [, y, mo, d, h, mi] = (start ?? []).map(Number);
        expect((h ?? 0) * 60 + (mi ?? 0)).toBe(minutesOfDay(schedule.start));
        const weekday = new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d)).getUTCDay();
        expect(schedule.weekdays).toContain(weekday);
      }),
      { numRuns: 200 },
    );
  });
});
