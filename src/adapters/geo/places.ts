import { createRequire } from 'node:module';
import { foldText } from '../../domain/search/text.ts';
import { loadTowns, type Town } from './gazetteer.ts';
import { zoneAt } from './timezone-lookup.ts';

/** A place a person can search meetings near: a town, or the area of a postcode. */
export interface Place {
  /** The town's name, or the postcode the coordinates belong to ("92626", "T6E"). */
  name: string;
  /** A US state's postal code for places in the United States; otherwise null. */
  region: string | null;
  /** The country's English name ("United States"). */
  country: string;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  latitude: number;
  longitude: number;
  kind: 'town' | 'postcode';
  /** The IANA time zone at the point, or null where none is known. */
  timezone: string | null;
  /** For display: "Costa Mesa, CA, United States", "92626, Costa Mesa, CA, United States". */
  label: string;
}

const DEFAULT_LIMIT = 10;
const MIN_QUERY_LENGTH = 2;

/**
 * Places matching a name or postcode, best first, from data shipped in packages: no network
 * request. A US ZIP code (or ZIP+4) or a Canadian postal code or its first three characters
 * gives the postcode's area. Anything else is a town name, matched without regard to case or
 * accents: towns of exactly that name first, then towns whose name starts with it, each the most
 * populous first. "Town, qualifier" keeps towns in a US state, Canadian province or country
 * named by code or in English ("Springfield, IL", "Paris, Texas", "Paris, France"); a
 * qualifier that names none of these is ignored, and so is anything after a postcode.
 *
 * The first call loads the towns and builds the index (a few tenths of a second, once); a
 * search after that takes tens of microseconds.
 */
export async function searchPlaces(query: string, limit = DEFAULT_LIMIT): Promise<Place[]> {
  const text = query.trim();
  const max = Math.floor(limit);
  if (text.length < MIN_QUERY_LENGTH || !(max >= 1)) return [];
  const postcode = parsePostcode(text.split(',', 1)[0]!.trim());
  if (postcode !== null) {
    const place = postcodePlace(postcode);
    return place ? [place] : [];
  }
  const index = await townIndex();
  return findTowns(index, text, max).map((i) => townPlace(index.towns[i]!));
}

/** The single best match for a name or postcode, or null. */
export async function resolvePlace(query: string): Promise<Place | null> {
  const [best] = await searchPlaces(query, 1);
  return best ?? null;
}

// ---------------------------------------------------------------------------------------------
// Names as the index compares them

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const PLAIN_NAME = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;
const PLAIN_KEY = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
const APOSTROPHES = /['`\u2018\u2019\u02bb\u02bc]/g;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/**
 * A name as search compares it: folded (foldText: lower case, no accents), apostrophes dropped
 * and every other run of punctuation or space one space, so "St. John's" and "st johns" agree.
 */
function nameKey(text: string): string {
  // foldText leaves printable ASCII lower-cased and otherwise as it was.
  if (PLAIN_NAME.test(text)) return text.toLowerCase();
  return tidyKey(PRINTABLE_ASCII.test(text) ? text.toLowerCase() : foldText(text));
}

function tidyKey(folded: string): string {
  if (PLAIN_KEY.test(folded)) return folded;
  return folded.replace(APOSTROPHES, '').replace(SEPARATORS, ' ').trim();
}

/**
 * nameKey of many names, in a third of the time: the names foldText would change beyond lower
 * case are folded together as one text, one to a line. That gives the same keys, because
 * foldText works a character at a time and a line break neither joins nor changes its
 * neighbours; should a name hold a line break itself, each name is folded on its own.
 */
function nameKeys(names: readonly string[]): string[] {
  const keys = new Array<string>(names.length);
  const others: number[] = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (PLAIN_NAME.test(name)) keys[i] = name.toLowerCase();
    else if (PRINTABLE_ASCII.test(name)) keys[i] = tidyKey(name.toLowerCase());
    else others.push(i);
  }
  const folded = foldText(others.map((i) => names[i]!).join('\n')).split('\n');
  others.forEach((i, j) => {
    keys[i] = folded.length === others.length ? tidyKey(folded[j]!) : nameKey(names[i]!);
  });
  return keys;
}

// ---------------------------------------------------------------------------------------------
// Countries, states and provinces

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const countryNames = new Map<string, string>();

/** A country's English name; the code itself where Intl has no name for it. */
function countryName(code: string): string {
  let name = countryNames.get(code);
  if (name === undefined) {
    let known: string | undefined;
    try {
      known = regionNames.of(code);
    } catch {
      known = undefined; // not a well-formed region code
    }
    name = known === undefined || known === code || known === 'Unknown Region' ? code : known;
    countryNames.set(code, name);
  }
  return name;
}

const US_STATES: Readonly<Record<string, string>> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
};

/** Canada's provinces and territories: GeoNames admin code, then the names people write. */
const CA_PROVINCES: readonly (readonly [string, ...string[]])[] = [
  ['01', 'AB', 'Alberta'],
  ['02', 'BC', 'British Columbia'],
  ['03', 'MB', 'Manitoba'],
  ['04', 'NB', 'New Brunswick'],
  ['05', 'NL', 'Newfoundland and Labrador', 'Newfoundland', 'NF'],
  ['07', 'NS', 'Nova Scotia'],
  ['08', 'ON', 'Ontario'],
  ['09', 'PE', 'Prince Edward Island', 'PEI'],
  ['10', 'QC', 'Quebec', 'PQ'],
  ['11', 'SK', 'Saskatchewan'],
  ['12', 'YT', 'Yukon'],
  ['13', 'NT', 'Northwest Territories', 'NWT'],
  ['14', 'NU', 'Nunavut'],
];

/** Other names for countries and the United Kingdom's nations (GeoNames admin codes). */
const COUNTRY_ALIASES: readonly (readonly [string, string | undefined, ...string[]])[] = [
  ['US', undefined, 'USA', 'U.S.', 'U.S.A.', 'United States of America', 'America'],
  ['GB', undefined, 'UK', 'U.K.', 'Great Britain', 'Britain'],
  ['GB', 'ENG', 'England'],
  ['GB', 'SCT', 'Scotland'],
  ['GB', 'WLS', 'Wales'],
  ['GB', 'NIR', 'Northern Ireland'],
  ['NL', undefined, 'Holland', 'The Netherlands'],
  ['TR', undefined, 'Turkey'],
  ['CZ', undefined, 'Czech Republic'],
  ['CI', undefined, 'Ivory Coast'],
  ['MM', undefined, 'Myanmar', 'Burma'],
  ['HK', undefined, 'Hong Kong'],
  ['MO', undefined, 'Macao', 'Macau'],
  ['KR', undefined, 'Korea'],
  ['VA', undefined, 'Vatican'],
  ['PS', undefined, 'Palestine'],
  ['BS', undefined, 'The Bahamas'],
  ['GM', undefined, 'The Gambia'],
];

/** Where a qualifier puts a town: a country, or a first-level division of one. */
interface Area {
  readonly country: string;
  readonly admin?: string;
}

/** Every qualifier the search knows, by key; a key may name several areas ("Georgia", "CA"). */
function qualifierTable(countryCodes: Iterable<string>): Map<string, Area[]> {
  const table = new Map<string, Area[]>();
  const add = (name: string, area: Area): void => {
    const key = nameKey(name);
    const areas = table.get(key);
    if (areas) areas.push(area);
    else table.set(key, [area]);
  };
  for (const [code, name] of Object.entries(US_STATES)) {
    add(code, { country: 'US', admin: code });
    add(name, { country: 'US', admin: code });
  }
  add('D.C.', { country: 'US', admin: 'DC' });
  for (const [admin, ...names] of CA_PROVINCES) {
    for (const name of names) add(name, { country: 'CA', admin });
  }
  for (const code of countryCodes) {
    add(code, { country: code });
    const name = countryName(code);
    if (name !== code) add(name, { country: code });
  }
  for (const [country, admin, ...names] of COUNTRY_ALIASES) {
    for (const name of names) add(name, admin === undefined ? { country } : { country, admin });
  }
  return table;
}

// ---------------------------------------------------------------------------------------------
// Towns

/**
 * The towns by name. Each entry is a name key and its town: every town's whole name, and for
 * the few names with a comma ("Washington, D.C.") also the part before it. Entries are grouped
 * by their key's first two characters, and within a group the most populous town comes first;
 * a query reads only its group (at most a few thousand entries, for "sa") and usually stops
 * early. Building it needs no string sort and no map of 135,000 names.
 */
interface TownIndex {
  readonly towns: readonly Town[];
  /** The entries of group g are [starts[g], starts[g + 1]) in the arrays below. */
  readonly starts: Uint32Array;
  readonly keys: readonly string[];
  readonly keyLengths: Uint16Array;
  /** The town of each entry, as an index into towns. */
  readonly townOf: Uint32Array;
  readonly qualifiers: ReadonlyMap<string, readonly Area[]>;
}

const GROUPS = 1 << 16;

/** The group of a key: its first two characters (distinct for ASCII); -1 for a shorter key. */
function groupOf(key: string): number {
  if (key.length < MIN_QUERY_LENGTH) return -1;
  return ((key.charCodeAt(0) & 0xff) << 8) | (key.charCodeAt(1) & 0xff);
}

let indexing: Promise<TownIndex> | undefined;

/** The town index, built once on first use and shared by every later (or concurrent) call. */
function townIndex(): Promise<TownIndex> {
  indexing ??= loadTowns()
    .then(buildTownIndex)
    .catch((error: unknown) => {
      indexing = undefined; // let a later call try again
      throw error;
    });
  return indexing;
}

function buildTownIndex(towns: readonly Town[]): TownIndex {
  const entryKeys = nameKeys(towns.map((town) => town.name));
  const entryTowns = towns.map((_, i) => i);
  const countries = new Set<string>();
  for (let i = 0; i < towns.length; i++) {
    const { name, country } = towns[i]!;
    countries.add(country);
    const key = entryKeys[i]!;
    // "Washington, D.C." is also found as "Washington", "Basford, Stoke-on-Trent" as "Basford".
    const comma = name.indexOf(',');
    if (comma > 0) {
      const head = nameKey(name.slice(0, comma));
      if (head !== key) {
        entryKeys.push(head);
        entryTowns.push(i);
      }
    }
  }
  const count = entryKeys.length;

  // Entries by population, largest first (the earlier entry on a tie): one numeric sort of
  // population and entry packed into a double, exact below 2^53.
  const span = 2 ** Math.ceil(Math.log2(count + 1));
  const packed = new Float64Array(count);
  for (let e = 0; e < count; e++) {
    const population = Math.max(0, Math.round(towns[entryTowns[e]!]!.population) || 0);
    packed[e] = population * span + (span - 1 - e);
  }
  packed.sort();

  // Then a stable counting sort by group keeps that order within each group.
  const groups = new Int32Array(count);
  const starts = new Uint32Array(GROUPS + 1);
  for (let e = 0; e < count; e++) {
    const group = groupOf(entryKeys[e]!);
    groups[e] = group;
    if (group >= 0) starts[group + 1]! += 1;
  }
  for (let g = 0; g < GROUPS; g++) starts[g + 1]! += starts[g]!;
  const next = starts.slice(0, GROUPS);
  const size = starts[GROUPS]!;
  const keys = new Array<string>(size);
  const keyLengths = new Uint16Array(size);
  const townOf = new Uint32Array(size);
  for (let p = count - 1; p >= 0; p--) {
    const e = span - 1 - (packed[p]! % span);
    const group = groups[e]!;
    if (group < 0) continue;
    const at = next[group]!++;
    const key = entryKeys[e]!;
    keys[at] = key;
    keyLengths[at] = key.length;
    townOf[at] = entryTowns[e]!;
  }

  return { towns, starts, keys, keyLengths, townOf, qualifiers: qualifierTable(countries) };
}

/** The towns for a query, best first, as indices into index.towns. */
function findTowns(index: TownIndex, text: string, limit: number): number[] {
  const [head = '', ...qualifiers] = text.split(',');
  const key = nameKey(head);
  const group = groupOf(key);
  if (group < 0) return [];
  const wanted = qualifiers
    .map((q) => index.qualifiers.get(nameKey(q)))
    .filter((areas) => areas !== undefined);
  const accepts = (town: Town): boolean =>
    wanted.every((areas) =>
      areas.some(
        (a) => a.country === town.country && (a.admin === undefined || a.admin === town.admin),
      ),
    );

  // The group is in order of population, so the first matches found are the best.
  const { towns, starts, keys, keyLengths, townOf } = index;
  const exact: number[] = [];
  const prefixed: number[] = [];
  const end = starts[group + 1]!;
  for (let m = starts[group]!; m < end; m++) {
    const length = keyLengths[m]!;
    if (length === key.length) {
      if (exact.length < limit && keys[m] === key) {
        const town = townOf[m]!;
        if (accepts(towns[town]!)) exact.push(town);
      }
    } else if (length > key.length && prefixed.length < limit && keys[m]!.startsWith(key)) {
      const town = townOf[m]!;
      if (accepts(towns[town]!) && !prefixed.includes(town)) prefixed.push(town);
    }
    if (exact.length >= limit && prefixed.length >= limit) break;
  }

  // Exact names first, then the rest. A town can be both (Washington, D.C. is exactly
  // "Washington" and starts with it): once is enough.
  const found = exact;
  for (const town of prefixed) {
    if (found.length >= limit) break;
    if (!exact.includes(town)) found.push(town);
  }
  return found;
}

function townPlace(town: Town): Place {
  const region = town.country === 'US' ? town.admin : null;
  const country = countryName(town.country);
  return {
    name: town.name,
    region,
    country,
    countryCode: town.country,
    latitude: town.latitude,
    longitude: town.longitude,
    kind: 'town',
    timezone: zoneAt(town.latitude, town.longitude),
    label: [town.name, region, country].filter((part) => part !== null).join(', '),
  };
}

// ---------------------------------------------------------------------------------------------
// Postcodes

/** A record of the zipcodes package: a US ZIP code or a Canadian forward sortation area. */
interface PostcodeRecord {
  readonly zip: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly city: string;
  /** A US state's (or territory's) postal code, or a Canadian province's English name. */
  readonly state: string;
  readonly country: string;
}

const US_ZIP = /^(\d{5})(?:[\s-]*\d{4})?$/;
/** A Canadian postal code ("T6E 4E8") or its forward sortation area ("T6E"). */
const CA_POSTAL_CODE = /^([a-z]\d[a-z])(?:[\s-]*\d[a-z]\d)?$/i;
/** Military post (APO, FPO, DPO): codes, not places. */
const MILITARY_STATES = new Set(['AA', 'AE', 'AP']);

/** The code the data knows a postcode by: a ZIP's first five digits, an FSA in capitals. */
function parsePostcode(text: string): string | null {
  const zip = US_ZIP.exec(text);
  if (zip) return zip[1]!;
  const postal = CA_POSTAL_CODE.exec(text);
  return postal ? postal[1]!.toUpperCase() : null;
}

let postcodes: Readonly<Record<string, PostcodeRecord | undefined>> | undefined;

/** The zipcodes package's table (CommonJS, 5 MB), loaded on the first postcode search. */
function postcodeTable(): Readonly<Record<string, PostcodeRecord | undefined>> {
  if (postcodes === undefined) {
    const zipcodes = createRequire(import.meta.url)('zipcodes') as {
      codes: Record<string, PostcodeRecord | undefined>;
    };
    postcodes = zipcodes.codes;
  }
  return postcodes;
}

function postcodePlace(code: string): Place | null {
  const table = postcodeTable();
  const record = Object.hasOwn(table, code) ? table[code] : undefined;
  if (!record) return null;
  const { latitude, longitude } = record;
  // Some records have no coordinates (Canadian rows whose columns slipped), 0,0 or the pole.
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return null;
  if (!(Math.abs(latitude) < 90 && Math.abs(longitude) <= 180)) return null;
  if (latitude === 0 && longitude === 0) return null;

  let countryCode: string;
  let region: string | null = null;
  if (record.country === 'Canada') {
    countryCode = 'CA';
  } else if (Object.hasOwn(US_STATES, record.state)) {
    countryCode = 'US';
    region = record.state;
  } else if (MILITARY_STATES.has(record.state)) {
    return null;
  } else {
    // Puerto Rico, Guam and the other territories (and Palau, Micronesia and the Marshall
    // Islands) have US ZIP codes but are countries of their own in ISO 3166 and the gazetteer.
    countryCode = record.state;
  }
  const country = countryName(countryCode);
  // The Canadian data writes "Edmonton (south Bonnie Doon / East University)".
  const city = record.city.replace(
    /\((\p{Ll})/gu,
    (_, letter: string) => `(${letter.toUpperCase()}`,
  );
  return {
    name: code,
    region,
    country,
    countryCode,
    latitude,
    longitude,
    kind: 'postcode',
    timezone: zoneAt(latitude, longitude),
    label: [code, city, region, country].filter((part) => part !== null && part !== '').join(', '),
  };
}
