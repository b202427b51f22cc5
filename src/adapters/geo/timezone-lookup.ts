import tzLookup from '@photostructure/tz-lookup';

/**
 * The IANA time zone at a point, from boundaries shipped in the package: no network request.
 * Null where the package has no answer (it throws on invalid coordinates).
 */
export function zoneAt(latitude: number, longitude: number): string | null {
  try {
    return tzLookup(latitude, longitude);
  } catch {
    return null;
  }
}
