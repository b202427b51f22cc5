/**
 * fast-check arbitraries for valid listings in canonical form, shared by the round-trip tests of
 * the feed formats (Meeting Guide JSON, 12 Step Meeting List CSV). Each constraint below keeps a
 * generated listing to what the readers give back, so a write then read must return it unchanged;
 * the comments say which normalisation each one stands for. What differs between the formats is
 * in ListingArbitraryOptions.
 */
import fc from 'fast-check';
import { builtinFellowships } from '../domain/fellowship/fellowships.builtin.ts';
import type { Contact, GroupDetails } from '../domain/group/group.ts';
import type { Listing } from '../domain/listing/listing.ts';
import { normalizeListing } from '../domain/listing/normalize-listing.ts';
import { type LocationDetails, composeAddress } from '../domain/location/location.ts';
import { attendanceOptions } from '../domain/meeting/attendance.ts';
import { type LocalTime, localTime } from '../domain/schedule/local-time.ts';
import {
  type MonthWeek,
  type Schedule,
  type ScheduleEnd,
  type Weekday,
  canonicalMonthWeeks,
  canonicalWeekdays,
} from '../domain/schedule/schedule.ts';
import type { EntityDetails } from '../domain/service-body/service-body.ts';
import { typeVocabulary } from '../domain/vocabulary/type-vocabulary.ts';

/** What a format can carry beyond the common ground of every format. */
export interface ListingArbitraryOptions {
  /**
   * Characters to mix into text besides the usual awkward ones (a CSV table, for one, must also
   * survive '\r\n' inside a quoted cell).
   */
  readonly extraCharacters?: readonly string[];
  /**
   * Keep ">" out of regions: the CSV table writes regions as one "A > B" cell, so a region cannot
   * itself hold ">".
   */
  readonly regionsWithoutSeparator?: boolean;
  /**
   * 'public': only public contacts, as a published feed carries them (its reader marks every
   * contact public, and the writer leaves private ones out unless asked).
   * 'any': public and private, for a format where which of them it carries depends on the write
   * options.
   */
  readonly contacts: 'public' | 'any';
}

// ---- independent of the format ------------------------------------------------------------

export const timezones = [
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'UTC',
] as const;

export const slugArb = fc.string({
  unit: fc.constantFrom(...'abcdefxyz0123456789-._~'.split('')),
  minLength: 1,
  maxLength: 20,
});

export const weekdayArb = fc.integer({ min: 0, max: 6 }) as fc.Arbitrary<Weekday>;
export const timeArb: fc.Arbitrary<LocalTime> = fc
  .record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) })
  .map(({ h, m }) => localTime(h, m));
/** Unstated, or an end time other than the start (the reader ignores an end equal to the start). */
const endFor = (start: LocalTime): fc.Arbitrary<ScheduleEnd> =>
  fc.oneof(
    fc.constant({ kind: 'unstated' as const }),
    timeArb.filter((t) => t !== start).map((time) => ({ kind: 'end_time' as const, time })),
  );
const weeklyArb: fc.Arbitrary<Schedule> = fc
  .tuple(fc.uniqueArray(weekdayArb, { minLength: 1, maxLength: 7 }), timeArb)
  .chain(([weekdays, start]) =>
    endFor(start).map((end): Schedule => ({
      kind: 'weekly',
      weekdays: canonicalWeekdays(weekdays),
      start,
      end,
    })),
  );
const monthWeekArb = fc.constantFrom<MonthWeek>(1, 2, 3, 4, 5, -1);
const monthlyArb: fc.Arbitrary<Schedule> = fc
  .tuple(
    fc.uniqueArray(weekdayArb, { minLength: 1, maxLength: 3 }),
    fc.uniqueArray(monthWeekArb, { minLength: 1, maxLength: 3 }),
    timeArb,
  )
  .chain(([weekdays, weeks, start]) =>
    endFor(start).map((end): Schedule => ({
      kind: 'monthly',
      weekdays: canonicalWeekdays(weekdays),
      weeks: canonicalMonthWeeks(weeks),
      start,
      end,
    })),
  );
export const scheduleArb: fc.Arbitrary<Schedule> = fc.oneof(
  { weight: 4, arbitrary: weeklyArb },
  { weight: 2, arbitrary: monthlyArb },
  { weight: 1, arbitrary: fc.constant<Schedule>({ kind: 'appointment' }) },
);

/**
 * Known codes (language codes among them) and a few unknown ones, which readers keep. Types travel
 * in a table by name ("Wheelchair Access") and come back as codes; these unknown codes are neither
 * a known code in another case nor a type's name, so they come back as they are.
 */
export const typeCodeArb = fc.constantFrom(...typeVocabulary.keys(), 'NA', 'ZZ', 'Q9');
/** Languages with a type code ("es" is S) and without one ("zu", "ga"). */
export const languageArb = fc.constantFrom('en', 'es', 'fr', 'ase', 'pt', 'zu', 'ga');

const SECOND = 1000;
export const updatedAtArb = fc
  .integer({ min: Date.UTC(1990, 0, 1) / SECOND, max: Date.UTC(2099, 11, 31) / SECOND })
  .map((s) => new Date(s * SECOND).toISOString());
export const dateArb = updatedAtArb.map((iso) => iso.slice(0, 10));

/** Whole units of 1e-7 degrees: already what normalizeListing rounds to. */
export const coordinatesArb = fc.record({
  latitude: fc.integer({ min: -900_000_000, max: 900_000_000 }).map((n) => n / 1e7),
  longitude: fc.integer({ min: -1_800_000_000, max: 1_800_000_000 }).map((n) => n / 1e7),
});

/** A group's details besides its name and contacts: an implicit group is made of these. */
const groupDetailKeys = [
  'notes',
  'website',
  'email',
  'phone',
  'venmo',
  'paypal',
  'square',
  'homegroupOnline',
  'district',
  'lastContact',
] as const satisfies readonly (keyof GroupDetails)[];

export function hasGroupDetails(g: GroupDetails): boolean {
  return groupDetailKeys.some((k) => g[k] !== null);
}

// ---- shaped by the format -----------------------------------------------------------------

/** The characters formats trip over (separators, quotes, line breaks) and some beyond ASCII. */
const awkwardCharacters = [' ', ',', '"', '>', '\n', '\t', 'é', 'ß', '東', '🙂', '\u00a0'];

/** The arbitraries of a listing's parts, for one format; see listingArbitrary for the whole. */
export interface ListingPartArbitraries {
  readonly text: fc.Arbitrary<string>;
  readonly optionalText: fc.Arbitrary<string | null>;
  readonly region: fc.Arbitrary<string>;
  readonly location: fc.Arbitrary<LocationDetails>;
  readonly contact: fc.Arbitrary<Contact>;
  /** A group of a meeting with this name (an implicit group takes the meeting's name). */
  readonly group: (meetingName: string) => fc.Arbitrary<GroupDetails>;
  readonly entity: fc.Arbitrary<EntityDetails>;
}

export function listingPartArbitraries(options: ListingArbitraryOptions): ListingPartArbitraries {
  /** Mostly printable ASCII, with the awkward characters and the format's extra ones. */
  const unit = fc.oneof(
    { weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...awkwardCharacters, ...(options.extraCharacters ?? [])),
    },
  );
  /** Text as every reader gives it back: trimmed and non-empty (blank text reads as absent). */
  const text = fc
    .string({ unit, minLength: 1, maxLength: 24 })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const optionalText = fc.option(text, { nil: null, freq: 2 });
  const region = options.regionsWithoutSeparator ? text.filter((s) => !s.includes('>')) : text;

  const location: fc.Arbitrary<LocationDetails> = fc
    .record({
      name: optionalText,
      formattedAddress: optionalText,
      street: optionalText,
      city: optionalText,
      state: optionalText,
      postalCode: optionalText,
      country: optionalText,
      coordinates: fc.option(coordinatesArb, { nil: null }),
      approximate: fc.boolean(),
      regions: fc.array(region, { maxLength: 3 }),
      notes: optionalText,
    })
    .map(({ coordinates, ...r }): LocationDetails => {
      // A lone street reads as a whole address, not a street line: only with other parts.
      const hasOtherParts = [r.city, r.state, r.postalCode, r.country].some((p) => p !== null);
      const parts = {
        street: hasOtherParts ? r.street : null,
        city: r.city,
        state: r.state,
        postalCode: r.postalCode,
        country: r.country,
      };
      return {
        ...r,
        ...parts,
        // The reader composes a missing formatted address from the parts.
        formattedAddress: r.formattedAddress ?? composeAddress(parts),
        latitude: coordinates?.latitude ?? null,
        longitude: coordinates?.longitude ?? null,
      };
    })
    .filter(
      (l) =>
        l.name !== null ||
        l.formattedAddress !== null ||
        l.latitude !== null ||
        l.regions.length > 0 ||
        l.notes !== null,
    );

  const contact: fc.Arbitrary<Contact> = fc
    .record({
      name: optionalText,
      email: optionalText,
      phone: optionalText,
      public: options.contacts === 'public' ? fc.constant(true) : fc.boolean(),
    })
    .filter((c) => c.name !== null || c.email !== null || c.phone !== null);

  const group = (meetingName: string): fc.Arbitrary<GroupDetails> =>
    fc
      .record({
        implicit: fc.boolean(),
        name: text,
        notes: optionalText,
        website: optionalText,
        email: optionalText,
        phone: optionalText,
        venmo: optionalText,
        paypal: optionalText,
        square: optionalText,
        homegroupOnline: optionalText,
        contacts: fc.array(contact, { maxLength: 3 }),
        district: optionalText,
        lastContact: fc.option(dateArb, { nil: null }),
      })
      .map((g) => (g.implicit ? { ...g, name: meetingName } : g))
      // An implicit group is only the details a meeting carries without naming a group.
      .filter((g) => !g.implicit || g.contacts.length > 0 || hasGroupDetails(g));

  const entity: fc.Arbitrary<EntityDetails> = fc.record({
    name: text,
    email: optionalText,
    phone: optionalText,
    website: optionalText,
    logo: optionalText,
    serviceArea: optionalText,
  });

  return { text, optionalText, region, location, contact, group, entity };
}

/** A valid listing in canonical form, within what the format the options describe can carry. */
export function listingArbitrary(options: ListingArbitraryOptions): fc.Arbitrary<Listing> {
  const { text, optionalText, location, group: groupOf, entity } = listingPartArbitraries(options);
  return fc
    .record({
      slug: slugArb,
      name: text,
      fellowship: fc.constantFrom(...builtinFellowships.map((f) => f.id)),
      schedule: scheduleArb,
      timezone: fc.constantFrom(...timezones),
      attendance: fc.constantFrom(...attendanceOptions),
      attendanceExplicit: fc.boolean(),
      conferenceUrl: fc.option(
        fc.oneof(fc.webUrl(), fc.constant('https://zoom.us/j/123456789'), text),
        { nil: null, freq: 2 },
      ),
      conferenceUrlNotes: optionalText,
      conferencePhone: fc.option(fc.oneof(fc.constant('+1-555-0100,,123456#'), text), {
        nil: null,
        freq: 2,
      }),
      conferencePhoneNotes: optionalText,
      types: fc.uniqueArray(typeCodeArb, { maxLength: 5 }),
      languages: fc.uniqueArray(languageArb, { maxLength: 3 }),
      notes: optionalText,
      // A feed lists only published meetings; the reader marks everything it reads published.
      published: fc.constant(true),
      // Without a url (and with no publicBaseUrl) the writer writes none and nothing reads back.
      sourceUrl: fc.oneof(fc.webUrl(), text),
      feedbackUrl: optionalText,
      // Repeats allowed: normalizeListing keeps each address once.
      feedbackEmails: fc.array(text, { maxLength: 3 }),
      updatedAt: fc.option(updatedAtArb, { nil: null }),
      location: fc.option(location, { nil: null, freq: 3 }),
      entity: fc.option(entity, { nil: null, freq: 2 }),
    })
    .chain((draft) =>
      fc
        .option(groupOf(draft.name), { nil: null, freq: 3 })
        .map((group): Listing => normalizeListing({ ...draft, group })),
    );
}
