import {
  groupColumns,
  groupFromRow,
  locationColumns,
  locationFromRow,
  meetingColumns,
} from '../../adapters/db/listing-rows.ts';
import type { StoredListing } from '../../adapters/db/repositories/listing.repository.ts';
import type { Repositories } from '../../adapters/db/repositories/repositories.ts';
import type { Listing } from '../../domain/listing/listing.ts';
import { stableStringify } from '../../domain/listing/listing-fingerprint.ts';
import { groupKey, locationKey } from '../import/shared-rows.ts';

export interface ListingWrite {
  /** The meeting as stored before, or null for a new one. */
  readonly stored: StoredListing | null;
  readonly listing: Listing;
  readonly sourceId: number;
  /** The body answering for the meeting (and for a place or group made for it). */
  readonly serviceBodyId: number | null;
  readonly now: string;
}

const same = (a: unknown, b: unknown) => stableStringify(a) === stableStringify(b);

/**
 * The place a meeting's listing describes: the one it is at when that still says the same, else
 * the source's place with that content, else a new place. A meeting's edit never rewrites a
 * place other meetings share (that is an edit of the place itself).
 */
async function placeFor(repos: Repositories, write: ListingWrite): Promise<number | null> {
  const { listing, stored, sourceId, now } = write;
  const location = listing.location;
  if (!location) return null;
  const { codec } = repos;
  if (stored?.locationId != null) {
    const current = await repos.locations.byId(stored.locationId);
    if (current && same(locationFromRow(current, codec), location)) {
      if (current.timezone !== listing.timezone) {
        await repos.locations.update(current.id, {
          timezone: listing.timezone,
          updated_at: codec.toTimestamp(now),
        });
      }
      return current.id;
    }
  }
  const key = locationKey({ listing, locationRef: null, groupRef: null }) ?? '';
  const existing = await repos.locations.byKey(sourceId, key);
  if (existing && same(locationFromRow(existing, codec), location)) return existing.id;
  return repos.locations.insertOne({
    source_id: sourceId,
    key: existing ? `${key}#${listing.slug}` : key,
    ...locationColumns(location, listing.timezone, codec),
    service_body_id: write.serviceBodyId,
    created_at: codec.toTimestamp(now),
    updated_at: codec.toTimestamp(now),
  });
}

/** The group, the same way: kept while it says the same, else found by content, else new. */
async function groupFor(repos: Repositories, write: ListingWrite): Promise<number | null> {
  const { listing, stored, sourceId, now } = write;
  const group = listing.group;
  if (!group) return null;
  const { codec } = repos;
  const compared = { ...group, district: null };
  let bodyOfGroup = write.serviceBodyId;
  if (stored?.groupId != null) {
    const current = await repos.groups.byId(stored.groupId);
    if (current && same({ ...groupFromRow(current, undefined, codec), district: null }, compared)) {
      return current.id;
    }
    bodyOfGroup = current?.service_body_id ?? bodyOfGroup;
  }
  const key = groupKey({ listing, locationRef: null, groupRef: null }) ?? '';
  const existing = await repos.groups.byKey(sourceId, key);
  if (existing && same({ ...groupFromRow(existing, undefined, codec), district: null }, compared)) {
    return existing.id;
  }
  if (existing && group.implicit) {
    // A meeting's own implicit group: it is this meeting's alone, so it changes in place.
    await repos.groups.update(existing.id, {
      ...groupColumns(group, codec),
      updated_at: codec.toTimestamp(now),
    });
    return existing.id;
  }
  return repos.groups.insertOne({
    source_id: sourceId,
    key: existing ? `${key}#${listing.slug}` : key,
    ...groupColumns(group, codec),
    service_body_id: bodyOfGroup,
    created_at: codec.toTimestamp(now),
    updated_at: codec.toTimestamp(now),
  });
}

/**
 * Writes one meeting's listing (an edit, an approved change request, a new meeting): its row,
 * and the place and group it names; a place or group nothing uses any more goes. Answers the
 * meeting's id. The caller records the history and the change.
 */
export async function writeListing(
  repos: Repositories,
  write: ListingWrite & { slug?: string },
): Promise<number> {
  const { codec } = repos;
  const locationId = await placeFor(repos, write);
  const groupId = await groupFor(repos, write);
  const columns = {
    ...meetingColumns(write.listing, codec),
    location_id: locationId,
    group_id: groupId,
    service_body_id: write.serviceBodyId,
    updated_at: codec.toTimestamp(write.now),
  };
  const { stored } = write;
  let meetingId: number;
  if (stored) {
    meetingId = stored.meetingId;
    await repos.meetings.update(meetingId, columns);
  } else {
    const slug = write.slug ?? write.listing.slug;
    meetingId = await repos.meetings.insertOne({
      ...columns,
      source_id: write.sourceId,
      source_slug: slug,
      slug,
      created_at: codec.toTimestamp(write.now),
    });
  }
  if (stored?.locationId != null && stored.locationId !== locationId) {
    await repos.locations.deleteIfUnused(stored.locationId);
  }
  if (stored?.groupId != null && stored.groupId !== groupId) {
    await repos.groups.deleteIfUnused(stored.groupId);
  }
  return meetingId;
}
