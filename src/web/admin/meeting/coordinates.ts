/** A coordinate as typed: the number, or null when empty or not a number. */
export function coordinate(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * The point the two fields name, or null when either is empty, not a number, or off the globe
 * (a latitude past ±90, a longitude past ±180): such a point is shown on no map and asked of no
 * server; saving it gets the server's own message beside the field.
 */
export function pointOf(
  latitudeText: string,
  longitudeText: string,
): { latitude: number; longitude: number } | null {
  const latitude = coordinate(latitudeText);
  const longitude = coordinate(longitudeText);
  if (latitude === null || longitude === null) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}
