/** Mean Earth radius (IUGG), the one every distance here uses. */
export const EARTH_RADIUS_KM = 6371.0088;
export const KM_PER_MILE = 1.609344;

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in km between two points, by the haversine formula. */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = toRadians(lat2 - lat1);
  const dLng = toRadians(lng2 - lng1);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(lat1)) * Math.cos(toRadians(lat2)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Degrees of latitude a distance spans. */
export function latitudeDegrees(km: number): number {
  return (km / EARTH_RADIUS_KM) * (180 / Math.PI);
}

/** [west, south, east, north] boxes covering a radius, split where they cross the date line. */
export function boundingBoxes(
  lat: number,
  lng: number,
  radiusKm: number,
): [number, number, number, number][] {
  const dLat = latitudeDegrees(radiusKm);
  const south = Math.max(-90, lat - dLat);
  const north = Math.min(90, lat + dLat);
  const cos = Math.cos(toRadians(Math.max(Math.abs(south), Math.abs(north))));
  const dLng = north >= 90 || south <= -90 || cos < 1e-9 ? 180 : Math.min(180, dLat / cos);
  if (dLng >= 180) return [[-180, south, 180, north]];
  if (lng - dLng < -180)
    return [
      [lng - dLng + 360, south, 180, north],
      [-180, south, lng + dLng, north],
    ];
  if (lng + dLng > 180)
    return [
      [lng - dLng, south, 180, north],
      [-180, south, lng + dLng - 360, north],
    ];
  return [[lng - dLng, south, lng + dLng, north]];
}
