import { type Town, loadTowns } from '../../adapters/geo/gazetteer.ts';
import { builtinFellowships } from '../../domain/fellowship/fellowships.builtin.ts';
import { slugify } from '../../domain/meeting/slug.ts';
import { fromMinutesOfDay } from '../../domain/schedule/local-time.ts';
import { specTimestamp } from '../../formats/meeting-guide/meeting-guide.writer.ts';
import { Random } from './random.ts';
import {
  countryLanguage,
  countryWeights,
  durationWeights,
  fellowshipWeights,
  meetingNames,
  openShare,
  startTimeWeights,
  streetNames,
  typesByFellowship,
  venueNames,
  venueNotes,
} from './synthetic-world.ts';

export interface GenerateOptions {
  readonly meetings: number;
  readonly seed: number;
}

export type SyntheticMeeting = Record<string, string | number | number[] | string[]>;

/** Every generated meeting says so, so nobody mistakes one for a real meeting. */
export const SYNTHETIC_NOTE = 'Demo data: this meeting does not exist.';

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });
const fellowshipNames = new Map(builtinFellowships.map((f) => [f.id, f.name]));

interface TownPicker {
  pick(random: Random): Town;
}

/** Towns of each country, drawn in proportion to population (a little flattened). */
function townPicker(towns: readonly Town[]): TownPicker {
  const byCountry = new Map<string, { towns: Town[]; cumulative: number[] }>();
  const wanted = new Set(countryWeights.map(([c]) => c));
  for (const town of towns) {
    if (!wanted.has(town.country) || town.population <= 0) continue;
    const entry = byCountry.get(town.country) ?? { towns: [], cumulative: [] };
    const previous = entry.cumulative[entry.cumulative.length - 1] ?? 0;
    entry.towns.push(town);
    entry.cumulative.push(previous + Math.pow(town.population, 0.85));
    byCountry.set(town.country, entry);
  }
  const countries = countryWeights.filter(([c]) => byCountry.has(c));
  return {
    pick(random) {
      const entry = byCountry.get(random.weighted(countries));
      if (!entry) throw new Error('the gazetteer has no towns for the configured countries');
      const target = random.fraction() * (entry.cumulative[entry.cumulative.length - 1] ?? 0);
      let lo = 0;
      let hi = entry.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((entry.cumulative[mid] ?? 0) < target) lo = mid + 1;
        else hi = mid;
      }
      const town = entry.towns[lo];
      if (!town) throw new Error('town index out of range');
      return town;
    },
  };
}

function regionOf(town: Town): string {
  return town.country === 'US' && /^[A-Z]{2}$/.test(town.admin)
    ? town.admin
    : (countryNames.of(town.country) ?? town.country);
}

function schedule(random: Random, inPerson: boolean): SyntheticMeeting {
  const kind = random.weighted([
    ['weekly', 89.7],
    ['weekdays', 8],
    ['monthly', inPerson ? 2 : 0],
    ['appointment', 0.3],
  ] as const);
  if (kind === 'appointment') return {};
  const start =
    kind === 'weekdays' ? random.pick([7 * 60, 12 * 60]) : random.weighted(startTimeWeights);
  const out: SyntheticMeeting = {
    day: kind === 'weekdays' ? [1, 2, 3, 4, 5] : random.int(0, 6),
    time: fromMinutesOfDay(start),
  };
  if (random.chance(0.7)) out.end_time = fromMinutesOfDay(start + random.weighted(durationWeights));
  if (kind === 'monthly') out.weeks_of_month = random.pick([[1], [1, 3], [2, 4], [-1]]);
  return out;
}

function types(random: Random, fellowship: string, country: string): string[] {
  const chosen = new Set<string>();
  const open = openShare[fellowship];
  if (open !== undefined && open !== null) chosen.add(random.chance(open) ? 'O' : 'C');
  for (const [code, share] of typesByFellowship[fellowship] ?? [])
    if (random.chance(share)) chosen.add(code);
  if (random.chance(0.4)) chosen.add('X');
  const language = countryLanguage[country] ?? 'EN';
  chosen.add(country === 'US' && random.chance(0.08) ? 'S' : language);
  return [...chosen];
}

/**
 * A Meeting Guide feed of synthetic meetings: real towns weighted by population, realistic
 * days, times, fellowships, types and online shares, and each zone implied by its coordinates.
 * The same options always give the same feed.
 */
export async function generateMeetings(options: GenerateOptions): Promise<SyntheticMeeting[]> {
  const random = new Random(options.seed);
  const towns = townPicker(await loadTowns());
  const slugCounts = new Map<string, number>();
  const epoch = Date.UTC(2026, 0, 1);
  const meetings: SyntheticMeeting[] = [];

  for (let i = 0; i < options.meetings; i++) {
    const town = towns.pick(random);
    const fellowship = random.weighted(fellowshipWeights);
    const attendance = random.weighted([
      ['in_person', 68],
      ['online', 20],
      ['hybrid', 10],
      ['closed', 2],
    ] as const);
    const name = random.chance(0.3)
      ? `${random.pick(meetingNames)} ${town.name}`
      : random.pick(meetingNames);
    const base = slugify(name.endsWith(town.name) ? name : `${name} ${town.name}`) || 'meeting';
    const n = (slugCounts.get(base) ?? 0) + 1;
    slugCounts.set(base, n);
    const slug = n === 1 ? base : `${base}-${n}`;

    const country = countryNames.of(town.country) ?? town.country;
    const region = regionOf(town);
    const inPerson = attendance !== 'online';
    const meeting: SyntheticMeeting = {
      name,
      slug,
      ...schedule(random, attendance === 'in_person' || attendance === 'hybrid'),
      types: types(random, fellowship, town.country),
      notes: random.chance(0.3) ? `${SYNTHETIC_NOTE} ${random.pick(venueNotes)}` : SYNTHETIC_NOTE,
      fellowship,
    };
    if (attendance === 'closed') (meeting.types as string[]).push('TC');
    if (
      attendance === 'online' ||
      attendance === 'hybrid' ||
      (attendance === 'closed' && random.chance(0.5))
    ) {
      meeting.conference_url = `https://meet.example.org/demo/${slug}`;
      if (random.chance(0.4))
        meeting.conference_phone = `+1-555-0100,,${random.int(100000, 999999)}#`;
      if (random.chance(0.3)) meeting.conference_url_notes = 'Passcode: serenity';
    }
    if (inPerson) {
      const latitude = town.latitude + (random.fraction() - 0.5) * 0.06;
      const longitude =
        town.longitude +
        ((random.fraction() - 0.5) * 0.06) /
          Math.max(0.2, Math.cos((town.latitude * Math.PI) / 180));
      const street = `${random.int(1, 2999)} ${random.pick(streetNames)}`;
      meeting.location = random.pick(venueNames);
      meeting.formatted_address = [
        street,
        town.name,
        town.country === 'US' ? region : null,
        country,
      ]
        .filter(Boolean)
        .join(', ');
      meeting.latitude = Math.round(latitude * 1e6) / 1e6;
      meeting.longitude = Math.round(longitude * 1e6) / 1e6;
      meeting.approximate = 'no';
    } else {
      meeting.location = 'Online';
      meeting.formatted_address = [town.name, town.country === 'US' ? region : null, country]
        .filter(Boolean)
        .join(', ');
      meeting.latitude = Math.round(town.latitude * 1e5) / 1e5;
      meeting.longitude = Math.round(town.longitude * 1e5) / 1e5;
      meeting.approximate = 'yes';
    }
    meeting.regions = [region, town.name];
    if (random.chance(0.7)) {
      meeting.group = `${name} Group`;
      if (random.chance(0.1)) meeting.venmo = `@demo-${slug}`.slice(0, 30);
      if (random.chance(0.05)) {
        meeting.contact_1_name = 'Sam';
        meeting.contact_1_email = `demo-${i}@example.org`;
        meeting.contact_1_phone = `555-01${String(random.int(0, 99)).padStart(2, '0')}`;
      }
    }
    if (random.chance(0.4)) {
      meeting.entity = `${fellowshipNames.get(fellowship) ?? fellowship} demo service office, ${country}`;
      meeting.entity_website_url = 'https://example.org/';
    }
    meeting.attendance_option =
      attendance === 'closed' ? (meeting.conference_url ? 'online' : 'inactive') : attendance;
    meeting.updated = specTimestamp(
      new Date(epoch - random.int(0, 900 * 86_400) * 1000).toISOString(),
    );
    meetings.push(meeting);
  }
  return meetings;
}
