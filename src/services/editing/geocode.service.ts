import type { Place } from '../../adapters/geo/places.ts';

export interface Geocoded {
  readonly latitude: number;
  readonly longitude: number;
  /** What the point is: a postcode's or a town's centre, never the building itself. */
  readonly matched: string;
  readonly timezone: string | null;
  readonly approximate: true;
}

/**
 * Coordinates for an address from the offline gazetteer: its postcode's area, else its town.
 * Roughly right (the volunteer moves the pin to the door); no address leaves the server.
 */
export async function geocodeAddress(
  address: string,
  resolvePlace: (query: string) => Promise<Place | null>,
): Promise<Geocoded | null> {
  const parts = address
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const postcodes = [
    ...address.matchAll(/\b(\d{5})(?:-\d{4})?\b|\b([A-Za-z]\d[A-Za-z])\s?\d[A-Za-z]\d\b/g),
  ].map((m) => m[1] ?? m[2] ?? '');
  // A postcode first, then the parts from the town outwards (the street is no place name).
  const tries = [
    ...postcodes,
    ...parts.slice(1).map((_, i) => parts.slice(i + 1).join(', ')),
    ...parts.slice(1),
  ];
  for (const query of tries) {
    if (query.length < 2) continue;
    const place = await resolvePlace(query);
    if (place) {
      return {
        latitude: place.latitude,
        longitude: place.longitude,
        matched: place.label,
        timezone: place.timezone,
        approximate: true,
      };
    }
  }
  return null;
}
