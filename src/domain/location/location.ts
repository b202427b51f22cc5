/** Where a meeting happens. Address parts are kept as given; `formattedAddress` is for display. */
export interface LocationDetails {
  readonly name: string | null;
  readonly formattedAddress: string | null;
  readonly street: string | null;
  readonly city: string | null;
  readonly state: string | null;
  readonly postalCode: string | null;
  readonly country: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  /** The address is only a neighbourhood, town or region, not a door you can walk through. */
  readonly approximate: boolean;
  /** Most general first: ["Illinois", "Chicago", "Wicker Park"]. */
  readonly regions: readonly string[];
  readonly notes: string | null;
}

export function hasCoordinates(
  location: Pick<LocationDetails, 'latitude' | 'longitude'>,
): location is { latitude: number; longitude: number } {
  return location.latitude !== null && location.longitude !== null;
}

export function validCoordinates(latitude: number, longitude: number): boolean {
  return (
    Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180
  );
}

/** "123 Main St, Anytown, CA 98765, US" from the parts a feed gave. */
export function composeAddress(parts: {
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
}): string | null {
  const stateAndPostal = [parts.state, parts.postalCode].filter(Boolean).join(' ');
  const pieces = [parts.street, parts.city, stateAndPostal, parts.country].filter(
    (p): p is string => typeof p === 'string' && p.length > 0,
  );
  return pieces.length > 0 ? pieces.join(', ') : null;
}

/**
 * Whether an address names a specific place: its first part starts with a house number
 * ("18 Olive Ave, ..."). Used only when a feed says nothing about approximateness.
 */
export function looksLikeStreetAddress(address: string): boolean {
  return /^\s*\d+[A-Za-z]?\b/.test(address.split(',')[0] ?? '');
}
