import { describe, expect, it, vi } from 'vitest';
import { foldText } from '../../domain/search/text.ts';
import type * as Gazetteer from './gazetteer.ts';
import { loadTowns } from './gazetteer.ts';
import { resolvePlace, searchPlaces, type Place } from './places.ts';

// The real gazetteer, counted: the index must load the towns once, however it is called.
vi.mock('./gazetteer.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof Gazetteer>();
  return { ...actual, loadTowns: vi.fn(actual.loadTowns) };
});

async function best(query: string): Promise<Place> {
  const place = await resolvePlace(query);
  if (!place) throw new Error(`no place for ${query}`);
  return place;
}

function expectNear(place: Place, latitude: number, longitude: number, within: number): void {
  expect(Math.abs(place.latitude - latitude)).toBeLessThan(within);
  expect(Math.abs(place.longitude - longitude)).toBeLessThan(within);
}

describe('the town index', () => {
  // First in the file, so these are the first calls of all.
  it('is built once, even for concurrent first calls, and answers consistently', async () => {
    const [a, b, c] = await Promise.all([
      searchPlaces('Costa Mesa'),
      searchPlaces('Costa Mesa'),
      resolvePlace('Paris'),
    ]);
    expect(a).toEqual(b);
    expect(c?.countryCode).toBe('FR');
    for (let i = 0; i < 100; i++) {
      expect(await searchPlaces('Costa Mesa')).toEqual(a);
    }
    await searchPlaces('Springfield, IL');
    await searchPlaces('Edmon');
    expect(vi.mocked(loadTowns)).toHaveBeenCalledTimes(1);
  });
});

describe('towns', () => {
  it('finds Costa Mesa, California, with its time zone', async () => {
    const place = await best('Costa Mesa');
    expect(place).toMatchObject({
      name: 'Costa Mesa',
      region: 'CA',
      country: 'United States',
      countryCode: 'US',
      kind: 'town',
      timezone: 'America/Los_Angeles',
      label: 'Costa Mesa, CA, United States',
    });
    expect(place.latitude).toBeCloseTo(33.64, 1);
    expect(place.longitude).toBeCloseTo(-117.92, 1);
  });

  it('ignores case, extra spaces and punctuation between words', async () => {
    const expected = await searchPlaces('Costa Mesa');
    for (const query of ['costa mesa', 'COSTA MESA', '  Costa   Mesa  ', 'costa-mesa']) {
      expect(await searchPlaces(query)).toEqual(expected);
    }
  });

  it('ignores accents, in the query and in the name', async () => {
    const montreal = await best('Montréal');
    expect(montreal).toMatchObject({
      name: 'Montréal',
      region: null,
      country: 'Canada',
      countryCode: 'CA',
      timezone: 'America/Toronto',
      label: 'Montréal, Canada',
    });
    for (const query of ['montreal', 'MONTREAL', 'Montreal', 'montréal']) {
      expect(await best(query)).toEqual(montreal);
    }
    expect((await best('sao paulo')).name).toBe('São Paulo');
    expect((await best('ZURICH')).name).toBe('Zürich');
  });

  it('matches names with apostrophes and stops however they are typed', async () => {
    const stJohns = await best("St. John's");
    expect(stJohns).toMatchObject({ countryCode: 'CA', timezone: 'America/St_Johns' });
    for (const query of ['st johns', "St John's", 'ST. JOHNS']) {
      expect(await best(query)).toEqual(stJohns);
    }
  });

  it('narrows "town, state" by a US state code or name', async () => {
    const illinois = await best('Springfield, IL');
    const massachusetts = await best('Springfield, MA');
    expect(illinois).toMatchObject({ region: 'IL', timezone: 'America/Chicago' });
    expect(massachusetts).toMatchObject({ region: 'MA', timezone: 'America/New_York' });
    expect(illinois.label).toBe('Springfield, IL, United States');
    expectNear(illinois, 39.8, -89.64, 0.1);
    expectNear(massachusetts, 42.1, -72.59, 0.1);
    expect(await best('Springfield, Illinois')).toEqual(illinois);
    expect(await best('springfield, massachusetts')).toEqual(massachusetts);
    expect(await best('Springfield,ma')).toEqual(massachusetts);
    expect(await searchPlaces('Springfield, Illinois', 20)).toEqual([illinois]);
  });

  it('gives the largest of towns sharing a name first', async () => {
    const paris = await searchPlaces('Paris');
    expect(paris[0]).toMatchObject({
      name: 'Paris',
      countryCode: 'FR',
      country: 'France',
      region: null,
      timezone: 'Europe/Paris',
      label: 'Paris, France',
    });
    expectNear(paris[0]!, 48.85, 2.35, 0.1);
    expect(paris.map((p) => p.label)).toContain('Paris, TX, United States');
    // Springfield, Missouri is the largest Springfield in the gazetteer.
    expect((await best('Springfield')).region).toBe('MO');
  });

  it('narrows "town, country" by a country code or English name, or a US state name', async () => {
    const texas = await best('Paris, Texas');
    expect(texas).toMatchObject({
      countryCode: 'US',
      region: 'TX',
      timezone: 'America/Chicago',
      label: 'Paris, TX, United States',
    });
    expect(await best('Paris, TX')).toEqual(texas);
    // The largest Paris in the United States is the one in Texas.
    expect(await best('Paris, US')).toEqual(texas);
    expect(await best('Paris, USA')).toEqual(texas);
    expect(await best('Paris, United States')).toEqual(texas);
    expect((await best('Paris, France')).countryCode).toBe('FR');
    expect((await best('paris, fr')).countryCode).toBe('FR');
    expect(await best('Paris, Canada')).toMatchObject({ countryCode: 'CA' });
    expect(await best('Paris, Ontario')).toMatchObject({ countryCode: 'CA' });
    expect(await best('London, ON')).toMatchObject({ countryCode: 'CA' });
    expect(await best('London, England')).toMatchObject({ countryCode: 'GB' });
  });

  it('ignores a qualifier it does not recognise, and finds nothing where a known one has none', async () => {
    expect(await searchPlaces('Paris, Narnia')).toEqual(await searchPlaces('Paris'));
    expect(await searchPlaces('Paris,')).toEqual(await searchPlaces('Paris'));
    expect(await searchPlaces('Paris, Germany')).toEqual([]);
  });

  it('puts exact names before names that start with the query', async () => {
    const names = (await searchPlaces('London', 20)).map((p) => p.name);
    expect(names[0]).toBe('London');
    const lastExact = names.lastIndexOf('London');
    const firstLonger = names.findIndex((name) => name !== 'London');
    expect(firstLonger).toBeGreaterThan(lastExact);
    expect(names.slice(firstLonger).every((name) => foldText(name).startsWith('london'))).toBe(
      true,
    );
  });

  it('finds towns by the start of their name, the largest first', async () => {
    const places = await searchPlaces('Edmon');
    expect(places[0]).toMatchObject({
      name: 'Edmonton',
      countryCode: 'CA',
      timezone: 'America/Edmonton',
    });
    expect(places.map((p) => p.name)).toContain('Edmond');
    expect(places.every((p) => foldText(p.name).startsWith('edmon'))).toBe(true);
  });

  it('finds a name written with a comma by the part before it', async () => {
    const washington = await best('Washington');
    expect(washington).toMatchObject({
      name: 'Washington, D.C.',
      region: 'DC',
      timezone: 'America/New_York',
    });
    expect(await best('Washington, DC')).toEqual(washington);
    expect(await searchPlaces('Washington', 20)).toContainEqual(
      expect.objectContaining({ countryCode: 'GB' }),
    );
    const washingtons = (await searchPlaces('Washington', 20)).filter(
      (p) => p.name === 'Washington, D.C.',
    );
    expect(washingtons).toHaveLength(1);
  });

  it('returns at most the limit, ten by default', async () => {
    expect(await searchPlaces('San')).toHaveLength(10);
    expect(await searchPlaces('San', 3)).toHaveLength(3);
    expect(await searchPlaces('San', 0)).toEqual([]);
    expect(await searchPlaces('San', -1)).toEqual([]);
  });

  it('gives every town a time zone and a label', async () => {
    for (const place of await searchPlaces('Santa', 50)) {
      expect(place.kind).toBe('town');
      expect(place.timezone).toMatch(/^[A-Za-z_]+\/[A-Za-z_/-]+$/);
      expect(place.label.startsWith(`${place.name}, `)).toBe(true);
      expect(place.label.endsWith(place.country)).toBe(true);
    }
  });
});

describe('postcodes', () => {
  it('finds a US ZIP code', async () => {
    const place = await best('92626');
    expect(place).toMatchObject({
      name: '92626',
      region: 'CA',
      country: 'United States',
      countryCode: 'US',
      kind: 'postcode',
      timezone: 'America/Los_Angeles',
      label: '92626, Costa Mesa, CA, United States',
    });
    expectNear(place, 33.64, -117.92, 0.1);
    for (const query of ['92626-1234', '92626 1234', '926261234', ' 92626 ', '92626, Costa Mesa']) {
      expect(await searchPlaces(query)).toEqual([place]);
    }
  });

  it('finds a Canadian postal code by its forward sortation area', async () => {
    const place = await best('T6E 4E8');
    expect(place).toMatchObject({
      name: 'T6E',
      region: null,
      country: 'Canada',
      countryCode: 'CA',
      kind: 'postcode',
      timezone: 'America/Edmonton',
    });
    expect(place.label).toMatch(/^T6E, Edmonton \(South /);
    expectNear(place, 53.55, -113.49, 0.2);
    for (const query of ['t6e4e8', 't6e 4e8', 'T6E-4E8', 't6e', 'T6E']) {
      expect(await searchPlaces(query)).toEqual([place]);
    }
  });

  it('gives a territory with US ZIP codes as its own country', async () => {
    expect(await best('00901')).toMatchObject({
      countryCode: 'PR',
      country: 'Puerto Rico',
      region: null,
      timezone: 'America/Puerto_Rico',
      label: '00901, San Juan, Puerto Rico',
    });
  });

  it('finds nothing for codes the data lacks or cannot place', async () => {
    expect(await searchPlaces('00000')).toEqual([]);
    expect(await searchPlaces('34002')).toEqual([]); // military post (APO/FPO/DPO)
    expect(await searchPlaces('H0H 0H0')).toEqual([]); // Santa Claus, at the North Pole
    expect(await searchPlaces('V0N')).toEqual([]); // a row without coordinates
    expect(await searchPlaces('Z9Z')).toEqual([]);
  });
});

describe('queries that find nothing', () => {
  it('returns nothing for nonsense', async () => {
    expect(await searchPlaces('xqzzyvwk')).toEqual([]);
    expect(await searchPlaces('Qxzvw, France')).toEqual([]);
    expect(await resolvePlace('xqzzyvwk')).toBeNull();
  });

  it('returns nothing for a query shorter than two characters', async () => {
    for (const query of ['', ' ', 'a', ' P ', 'é', ',', ', France', 'a, US']) {
      expect(await searchPlaces(query)).toEqual([]);
    }
    expect(await resolvePlace('a')).toBeNull();
  });

  it('makes no network request', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      await searchPlaces('Costa Mesa');
      await searchPlaces('92626');
      await searchPlaces('T6E 4E8');
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });
});
