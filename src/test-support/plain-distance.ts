/**
 * Plain great-circle distance in km, written apart from the code under test so that checks of
 * distance filters do not reuse what they check.
 */
export function distanceKm(a: number, b: number, c: number, d: number): number {
  const r = (x: number) => (x * Math.PI) / 180;
  const h =
    Math.sin(r(c - a) / 2) ** 2 + Math.cos(r(a)) * Math.cos(r(c)) * Math.sin(r(d - b) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}
