import type { Insertable } from 'kysely';
import type { ValueCodec } from '../../adapters/db/dialect/dialect.ts';
import {
  entityColumns,
  entityFromRow,
  groupColumns,
  groupFromRow,
  locationColumns,
  locationFromRow,
  meetingColumns,
} from '../../adapters/db/listing-rows.ts';
import type { StoredListing } from '../../adapters/db/repositories/listing.repository.ts';
import type { Repositories } from '../../adapters/db/repositories/repositories.ts';
import type { MeetingTable, ServiceBodyTable } from '../../adapters/db/schema.ts';
import type { Listing, ListingRecord } from '../../domain/listing/listing.ts';
import { stableStringify } from '../../domain/listing/listing-fingerprint.ts';
import { slugify, uniqueSlug } from '../../domain/meeting/slug.ts';
import { type SharedPlan, keysOf } from './shared-rows.ts';

export interface SyncCounts {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export interface SyncOptions {
  readonly sourceId: number;
  readonly sourceName: string;
  /** Remove the source's meetings the feed no longer has. */
  readonly prune: boolean;
  /** Every slug the feed mentions, including meetings left out for problems: never pruned. */
  readonly slugsInFeed: ReadonlySet<string>;
  readonly now: string;
  readonly codec: ValueCodec;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Equal as a source sees them: a feed without `updated` does not make a listing differ. */
function sameListing(stored: Listing, incoming: Listing): boolean {
  const comparable = incoming.updatedAt === null ? { ...stored, updatedAt: null } : stored;
  return stableStringify(comparable) === stableStringify(incoming);
}

type Ids = Map<string, number>;

async function syncServiceBodies(
  repos: Repositories,
  plan: SharedPlan,
  options: SyncOptions,
): Promise<Ids> {
  const existing = new Map(
    (await repos.serviceBodies.bySource(options.sourceId)).map((r) => [r.key ?? '', r]),
  );
  const ids: Ids = new Map();
  const inserts: Insertable<ServiceBodyTable>[] = [];
  const want = [
    ...[...plan.entities].map(([key, e]) => ({
      key,
      kind: 'other',
      fellowship: e.fellowship,
      details: e.details,
    })),
    ...[...plan.districts].map(([key, d]) => ({
      key,
      kind: 'district',
      fellowship: d.fellowship,
      details: {
        name: d.name,
        email: null,
        phone: null,
        website: null,
        logo: null,
        serviceArea: null,
      },
    })),
  ];
  for (const body of want) {
    const row = existing.get(body.key);
    if (row) {
      ids.set(body.key, row.id);
      if (stableStringify(entityFromRow(row)) !== stableStringify(body.details)) {
        await repos.serviceBodies.update(row.id, {
          ...entityColumns(body.details),
          updated_at: options.codec.toTimestamp(options.now),
        });
      }
      continue;
    }
    inserts.push({
      source_id: options.sourceId,
      key: body.key,
      parent_id: null,
      fellowship_id: body.fellowship,
      kind: body.kind,
      ...entityColumns(body.details),
      created_at: options.codec.toTimestamp(options.now),
      updated_at: options.codec.toTimestamp(options.now),
    });
  }
  if (inserts.length > 0)
    for (const [k, id] of await repos.serviceBodies.insertMany(inserts)) ids.set(k, id);
  return ids;
}

async function syncLocations(
  repos: Repositories,
  plan: SharedPlan,
  options: SyncOptions,
): Promise<Ids> {
  const { codec, now } = options;
  const existing = new Map(
    (await repos.locations.bySource(options.sourceId)).map((r) => [r.key ?? '', r]),
  );
  const ids: Ids = new Map();
  const inserts = [];
  for (const [key, { details, timezone }] of plan.locations) {
    const row = existing.get(key);
    if (row) {
      ids.set(key, row.id);
      const stored = { details: locationFromRow(row, codec), timezone: row.timezone };
      if (stableStringify(stored) !== stableStringify({ details, timezone })) {
        await repos.locations.update(row.id, {
          ...locationColumns(details, timezone, codec),
          updated_at: codec.toTimestamp(now),
        });
      }
      continue;
    }
    inserts.push({
      source_id: options.sourceId,
      key,
      ...locationColumns(details, timezone, codec),
      created_at: codec.toTimestamp(now),
      updated_at: codec.toTimestamp(now),
    });
  }
  if (inserts.length > 0)
    for (const [k, id] of await repos.locations.insertMany(inserts)) ids.set(k, id);
  return ids;
}

async function syncGroups(
  repos: Repositories,
  plan: SharedPlan,
  bodyIds: Ids,
  options: SyncOptions,
): Promise<Ids> {
  const { codec, now } = options;
  const existing = new Map(
    (await repos.groups.bySource(options.sourceId)).map((r) => [r.key ?? '', r]),
  );
  const ids: Ids = new Map();
  const inserts = [];
  for (const [key, group] of plan.groups) {
    const districtId = group.district ? (bodyIds.get(`district:${group.district}`) ?? null) : null;
    const row = existing.get(key);
    if (row) {
      ids.set(key, row.id);
      const stored = {
        ...groupFromRow(row, undefined, codec),
        district: null,
        body: row.service_body_id,
      };
      if (
        stableStringify(stored) !== stableStringify({ ...group, district: null, body: districtId })
      ) {
        await repos.groups.update(row.id, {
          ...groupColumns(group, codec),
          service_body_id: districtId,
          updated_at: codec.toTimestamp(now),
        });
      }
      continue;
    }
    inserts.push({
      source_id: options.sourceId,
      key,
      service_body_id: districtId,
      ...groupColumns(group, codec),
      created_at: codec.toTimestamp(now),
      updated_at: codec.toTimestamp(now),
    });
  }
  if (inserts.length > 0)
    for (const [k, id] of await repos.groups.insertMany(inserts)) ids.set(k, id);
  return ids;
}

/**
 * Makes the database hold exactly what the feed says for one source, touching nothing of any
 * other source. Meetings that did not change are not written at all, so importing the same
 * feed twice changes nothing (not even `updated`).
 */
export async function syncSource(
  repos: Repositories,
  records: readonly ListingRecord[],
  plan: SharedPlan,
  options: SyncOptions,
): Promise<SyncCounts> {
  const { codec, now } = options;
  const stored = new Map<string, StoredListing>(
    (await repos.listings.load({ sourceId: options.sourceId })).map((s) => [s.listing.slug, s]),
  );
  const counts: SyncCounts = { created: 0, updated: 0, unchanged: 0, removed: 0 };
  const changed = records.filter((record) => {
    const before = stored.get(record.listing.slug);
    const same = before !== undefined && sameListing(before.listing, record.listing);
    if (same) counts.unchanged++;
    return !same;
  });

  if (changed.length > 0) {
    const bodyIds = await syncServiceBodies(repos, plan, options);
    const locationIds = await syncLocations(repos, plan, options);
    const groupIds = await syncGroups(repos, plan, bodyIds, options);
    const taken = await repos.meetings.slugs();
    const sourceSuffix = slugify(options.sourceName) || 'source';
    const inserts: Insertable<MeetingTable>[] = [];
    let done = 0;
    for (const record of changed) {
      const { listing } = record;
      const keys = keysOf(record);
      const columns = {
        ...meetingColumns(listing, codec),
        group_id: keys.group ? (groupIds.get(keys.group) ?? null) : null,
        location_id: keys.location ? (locationIds.get(keys.location) ?? null) : null,
        service_body_id: keys.entity ? (bodyIds.get(keys.entity) ?? null) : null,
        updated_at: codec.toTimestamp(listing.updatedAt ?? now),
      };
      const before = stored.get(listing.slug);
      if (before) {
        await repos.meetings.update(before.meetingId, columns);
        counts.updated++;
        options.onProgress?.(++done, changed.length);
      } else {
        // Publish under the source's slug unless another source already has it.
        const slug = taken.has(listing.slug)
          ? uniqueSlug(`${listing.slug}-${sourceSuffix}`, (s) => taken.has(s))
          : listing.slug;
        taken.add(slug);
        inserts.push({
          ...columns,
          source_id: options.sourceId,
          source_slug: listing.slug,
          slug,
          created_at: codec.toTimestamp(now),
        });
      }
    }
    if (inserts.length > 0) {
      await repos.meetings.insertMany(inserts);
      counts.created = inserts.length;
      options.onProgress?.(changed.length, changed.length);
    }
  }

  if (options.prune) {
    const gone = [...stored.values()].filter((s) => !options.slugsInFeed.has(s.listing.slug));
    counts.removed = await repos.meetings.deleteMany(gone.map((s) => s.meetingId));
  }
  await repos.groups.deleteUnused(options.sourceId);
  await repos.locations.deleteUnused(options.sourceId);
  await repos.serviceBodies.deleteUnused(options.sourceId);
  return counts;
}
