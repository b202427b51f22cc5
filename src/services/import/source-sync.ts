import { createHash } from 'node:crypto';
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
import type { Repositories } from '../../adapters/db/repositories/repositories.ts';
import type { MeetingTable } from '../../adapters/db/schema.ts';
import type { Listing, ListingRecord } from '../../domain/listing/listing.ts';
import { stableStringify } from '../../domain/listing/listing-fingerprint.ts';
import { slugify, uniqueSlug } from '../../domain/meeting/slug.ts';
import type { EntityDetails } from '../../domain/service-body/service-body.ts';
import { recordImportChanges, snapshot } from './import-history.ts';
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

/** Rows built before each write: large enough to batch well, small enough to bound memory. */
const INSERT_CHUNK = 2000;

type Ids = Map<string, number>;

/** What the import needs to know of a stored meeting: which it is, and a digest of its listing. */
interface StoredDigest {
  readonly meetingId: number;
  /** Of the listing without `updated`, which is compared on its own. */
  readonly digest: string;
  readonly updatedAt: string | null;
}

function digestOf(listing: Listing): string {
  return createHash('sha1')
    .update(stableStringify({ ...listing, updatedAt: null }))
    .digest('base64');
}

/** Equal as a source sees them: a feed without `updated` does not make a listing differ. */
function sameListing(stored: StoredDigest, incoming: Listing): boolean {
  if (incoming.updatedAt !== null && incoming.updatedAt !== stored.updatedAt) return false;
  return digestOf(incoming) === stored.digest;
}

/** The source's stored meetings by slug, read a page at a time so only digests are kept. */
async function storedDigests(
  repos: Repositories,
  sourceId: number,
): Promise<Map<string, StoredDigest>> {
  const digests = new Map<string, StoredDigest>();
  for await (const page of repos.listings.pages({ sourceId })) {
    for (const s of page) {
      digests.set(s.listing.slug, {
        meetingId: s.meetingId,
        digest: digestOf(s.listing),
        updatedAt: s.listing.updatedAt,
      });
    }
  }
  return digests;
}

/** The part of a source-owned table's repository that syncing needs. */
interface SharedRowStore<R> {
  bySource(sourceId: number): Promise<R[]>;
  insertMany(rows: readonly object[]): Promise<Map<string, number>>;
  update(id: number, changes: object): Promise<void>;
}

/** How one kind of shared row is compared and written. */
interface SharedRowWriter<R extends { id: number; key: string | null }, C> {
  readonly repository: SharedRowStore<R>;
  /** What a stored row says, in the form `wanted` is compared in. */
  stored(row: R): unknown;
  wanted(content: C): unknown;
  /** The row's columns for the content, without ownership and timestamps. */
  columns(content: C): object;
}

/**
 * Makes a source's rows of one table say what the plan says: rows whose content changed are
 * updated in place (keeping their ids), new ones are inserted a chunk at a time. Answers the id
 * of every planned key.
 */
async function syncSharedRows<R extends { id: number; key: string | null }, C>(
  planned: ReadonlyMap<string, C>,
  writer: SharedRowWriter<R, C>,
  options: SyncOptions,
): Promise<Ids> {
  const { codec, now, sourceId } = options;
  const existing = new Map(
    (await writer.repository.bySource(sourceId)).map((r) => [r.key ?? '', r]),
  );
  const ids: Ids = new Map();
  let inserts: object[] = [];
  const flush = async () => {
    for (const [key, id] of await writer.repository.insertMany(inserts)) ids.set(key, id);
    inserts = [];
  };
  for (const [key, content] of planned) {
    const row = existing.get(key);
    if (row) {
      ids.set(key, row.id);
      if (stableStringify(writer.stored(row)) !== stableStringify(writer.wanted(content))) {
        await writer.repository.update(row.id, {
          ...writer.columns(content),
          updated_at: codec.toTimestamp(now),
        });
      }
      continue;
    }
    inserts.push({
      source_id: sourceId,
      key,
      ...writer.columns(content),
      created_at: codec.toTimestamp(now),
      updated_at: codec.toTimestamp(now),
    });
    if (inserts.length >= INSERT_CHUNK) await flush();
  }
  if (inserts.length > 0) await flush();
  return ids;
}

interface PlannedBody {
  readonly kind: 'other' | 'district';
  readonly fellowship: string;
  readonly details: EntityDetails;
}

function plannedBodies(plan: SharedPlan): Map<string, PlannedBody> {
  const bodies = new Map<string, PlannedBody>();
  for (const [key, e] of plan.entities)
    bodies.set(key, { kind: 'other', fellowship: e.fellowship, details: e.details });
  for (const [key, d] of plan.districts) {
    const details = {
      name: d.name,
      email: null,
      phone: null,
      website: null,
      logo: null,
      serviceArea: null,
    };
    bodies.set(key, { kind: 'district', fellowship: d.fellowship, details });
  }
  return bodies;
}

/** The service bodies, locations and groups the plan names, answering each key's id. */
async function syncSharedPlan(repos: Repositories, plan: SharedPlan, options: SyncOptions) {
  const { codec } = options;
  const bodyIds = await syncSharedRows(
    plannedBodies(plan),
    {
      repository: repos.serviceBodies,
      stored: (row) => entityFromRow(row),
      wanted: (body) => body.details,
      columns: (body) => ({
        ...entityColumns(body.details),
        kind: body.kind,
        fellowship_id: body.fellowship,
        parent_id: null,
      }),
    },
    options,
  );
  const locationIds = await syncSharedRows(
    plan.locations,
    {
      repository: repos.locations,
      stored: (row) => ({ details: locationFromRow(row, codec), timezone: row.timezone }),
      wanted: (location) => location,
      columns: ({ details, timezone }) => locationColumns(details, timezone, codec),
    },
    options,
  );
  const districtId = (district: string | null) =>
    district ? (bodyIds.get(`district:${district}`) ?? null) : null;
  const groupIds = await syncSharedRows(
    plan.groups,
    {
      repository: repos.groups,
      // The district is compared by the body it points to, not by name.
      stored: (row) => ({ ...groupFromRow(row, undefined, codec), body: row.service_body_id }),
      wanted: (group) => ({ ...group, district: null, body: districtId(group.district) }),
      columns: (group) => ({
        ...groupColumns(group, codec),
        service_body_id: districtId(group.district),
      }),
    },
    options,
  );
  return { bodyIds, locationIds, groupIds };
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
  const stored = await storedDigests(repos, options.sourceId);
  const counts: SyncCounts = { created: 0, updated: 0, unchanged: 0, removed: 0 };
  const changed = records.filter((record) => {
    const before = stored.get(record.listing.slug);
    const same = before !== undefined && sameListing(before, record.listing);
    if (same) counts.unchanged++;
    return !same;
  });
  // Meetings this import will change or remove, as they are now: for their history.
  const gone = options.prune
    ? [...stored].filter(([slug]) => !options.slugsInFeed.has(slug)).map(([, s]) => s.meetingId)
    : [];
  const touched = changed.flatMap((r) => {
    const before = stored.get(r.listing.slug);
    return before ? [before.meetingId] : [];
  });
  const previous = await snapshot(repos, [...touched, ...gone]);

  if (changed.length > 0) {
    const { bodyIds, locationIds, groupIds } = await syncSharedPlan(repos, plan, options);
    const taken = await repos.meetings.slugs();
    const sourceSuffix = slugify(options.sourceName) || 'source';
    let inserts: Insertable<MeetingTable>[] = [];
    let done = 0;
    const flush = async () => {
      await repos.meetings.insertMany(inserts);
      counts.created += inserts.length;
      done += inserts.length;
      inserts = [];
      options.onProgress?.(done, changed.length);
    };
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
        continue;
      }
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
      if (inserts.length >= INSERT_CHUNK) await flush();
    }
    if (inserts.length > 0) await flush();
  }

  if (options.prune) counts.removed = await repos.meetings.deleteMany(gone);
  await recordImportChanges(repos, { before: previous, sourceName: options.sourceName, now });
  await repos.groups.deleteUnused(options.sourceId);
  await repos.locations.deleteUnused(options.sourceId);
  await repos.serviceBodies.deleteUnused(options.sourceId);
  return counts;
}
