import type { GroupDetails } from '../../domain/group/group.ts';
import type { ListingProblem, ListingRecord } from '../../domain/listing/listing.ts';
import { stableStringify } from '../../domain/listing/listing-fingerprint.ts';
import type { LocationDetails } from '../../domain/location/location.ts';
import type { EntityDetails } from '../../domain/service-body/service-body.ts';

/**
 * What several meetings of a feed share (a place, a group, a service entity) is stored once. Each
 * shared thing gets a key that finds it again on the next import: the feed's own id where it
 * gives one, else its name or content.
 */
export interface SharedRowKeys {
  readonly location: string | null;
  readonly group: string | null;
  readonly district: string | null;
  readonly entity: string | null;
}

export function locationKey(record: ListingRecord): string | null {
  const location = record.listing.location;
  if (!location) return null;
  if (record.locationRef) return `ref:${record.locationRef}`;
  return `at:${stableStringify([location.name, location.formattedAddress, location.latitude, location.longitude])}`;
}

export function groupKey(record: ListingRecord): string | null {
  const group = record.listing.group;
  if (!group) return null;
  if (group.implicit) return `meeting:${record.listing.slug}`;
  return record.groupRef ? `ref:${record.groupRef}` : `name:${group.name}`;
}

export function keysOf(record: ListingRecord): SharedRowKeys {
  const { group, entity } = record.listing;
  return {
    location: locationKey(record),
    group: groupKey(record),
    district: group?.district ? `district:${group.district}` : null,
    entity: entity ? `entity:${entity.name}` : null,
  };
}

/** The content stored for each key, and the zone and fellowship of the first meeting using it. */
export interface SharedPlan {
  readonly locations: Map<string, { details: LocationDetails; timezone: string }>;
  readonly groups: Map<string, GroupDetails>;
  readonly districts: Map<string, { name: string; fellowship: string }>;
  readonly entities: Map<string, { details: EntityDetails; fellowship: string }>;
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * One description from two: each field the first leaves empty is taken from the second. Fields
 * where both say something different are the conflicts; the first's value stands.
 */
export function mergeDescriptions<T extends object>(
  first: T,
  second: T,
): { merged: T; conflicts: string[] } {
  const merged = { ...first } as Record<string, unknown>;
  const conflicts: string[] = [];
  for (const [key, value] of Object.entries(second)) {
    const current = merged[key];
    if (isEmpty(current)) {
      if (!isEmpty(value)) merged[key] = value;
    } else if (!isEmpty(value) && stableStringify(current) !== stableStringify(value)) {
      conflicts.push(key);
    }
  }
  return { merged: merged as T, conflicts };
}

const fieldNames: Readonly<Record<string, string>> = {
  formattedAddress: 'address',
  postalCode: 'postal code',
  homegroupOnline: 'homegroup_online',
  serviceArea: 'service area',
  lastContact: 'last contact',
};

/**
 * Decides the one content of every shared row, then gives each meeting that content. When
 * meetings describe the same place or group, what one leaves out another may fill in; where two
 * say different things, the first stands and the other is reported. So a re-import of the same
 * feed finds nothing changed.
 */
export function planSharedRows(
  records: readonly ListingRecord[],
  problems: ListingProblem[],
): { plan: SharedPlan; records: ListingRecord[] } {
  const locations = new Map<string, LocationDetails>();
  const groups = new Map<string, GroupDetails>();
  const entities = new Map<string, EntityDetails>();
  // Of the first meeting to use each key: not part of what meetings must agree on.
  const zoneOf = new Map<string, string>();
  const fellowshipOf = new Map<string, string>();
  const firstSlug = new Map<string, string>();

  function settle<T extends object>(
    map: Map<string, T>,
    key: string,
    value: T,
    origin: { slug: string; what: string },
  ): void {
    const id = `${origin.what}:${key}`;
    const existing = map.get(key);
    if (existing === undefined) {
      map.set(key, value);
      firstSlug.set(id, origin.slug);
      return;
    }
    const { merged, conflicts } = mergeDescriptions(existing, value);
    map.set(key, merged);
    if (conflicts.length === 0) return;
    problems.push({
      slug: origin.slug,
      field: origin.what,
      message: `gives its ${origin.what} a different ${conflicts.map((c) => fieldNames[c] ?? c).join(', ')} from meeting "${firstSlug.get(id) ?? '?'}": used that one's`,
      severity: 'warning',
    });
  }

  const districts: SharedPlan['districts'] = new Map();
  for (const record of records) {
    const { listing } = record;
    const keys = keysOf(record);
    if (listing.location && keys.location) {
      settle(locations, keys.location, listing.location, { slug: listing.slug, what: 'location' });
      if (!zoneOf.has(keys.location)) zoneOf.set(keys.location, listing.timezone);
    }
    if (listing.group && keys.group)
      settle(groups, keys.group, listing.group, { slug: listing.slug, what: 'group' });
    if (listing.group?.district && keys.district && !districts.has(keys.district)) {
      districts.set(keys.district, {
        name: listing.group.district,
        fellowship: listing.fellowship,
      });
    }
    if (listing.entity && keys.entity) {
      settle(entities, keys.entity, listing.entity, { slug: listing.slug, what: 'entity' });
      if (!fellowshipOf.has(keys.entity)) fellowshipOf.set(keys.entity, listing.fellowship);
    }
  }

  const plan: SharedPlan = {
    locations: new Map(
      [...locations].map(([k, details]) => [k, { details, timezone: zoneOf.get(k) ?? 'UTC' }]),
    ),
    groups,
    districts,
    entities: new Map(
      [...entities].map(([k, details]) => [k, { details, fellowship: fellowshipOf.get(k) ?? '' }]),
    ),
  };
  const settled = records.map((record) => {
    const keys = keysOf(record);
    return {
      ...record,
      listing: {
        ...record.listing,
        location: keys.location ? (locations.get(keys.location) ?? null) : null,
        group: keys.group ? (groups.get(keys.group) ?? null) : null,
        entity: keys.entity ? (entities.get(keys.entity) ?? null) : null,
      },
    };
  });
  return { plan, records: settled };
}
