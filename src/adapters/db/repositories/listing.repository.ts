import type { Kysely, Selectable } from 'kysely';
import type { Listing } from '../../../domain/listing/listing.ts';
import type { DatabaseDialect } from '../dialect/dialect.ts';
import {
  type GroupRow,
  type LocationRow,
  type ServiceBodyRow,
  listingFromRows,
} from '../listing-rows.ts';
import type { DatabaseSchema, MeetingTable } from '../schema.ts';
import {
  groupRepository,
  locationRepository,
  serviceBodyRepository,
} from './owned-rows.repository.ts';

/** A listing as stored: its ids and both of its slugs. */
export interface StoredListing {
  readonly meetingId: number;
  readonly sourceId: number;
  /** The directory-wide slug. */
  readonly slug: string;
  readonly locationId: number | null;
  readonly groupId: number | null;
  readonly serviceBodyId: number | null;
  readonly listing: Listing;
}

export interface ListingFilter {
  readonly sourceId?: number;
  readonly meetingIds?: readonly number[];
  readonly slug?: string;
  readonly locationIds?: readonly number[];
  readonly publishedOnly?: boolean;
}

function byId<R extends { id: number }>(rows: readonly R[]): Map<number, R> {
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Whole listings: each meeting with its location, group, the group's district and the entity
 * responsible. Reads each table once and joins in memory, which keeps the SQL plain and the
 * same on every database.
 */
export function listingRepository(db: Kysely<DatabaseSchema>, dialect: DatabaseDialect) {
  const locations = locationRepository(db, dialect);
  const groups = groupRepository(db, dialect);
  const bodies = serviceBodyRepository(db, dialect);

  type MeetingRow = Selectable<MeetingTable>;

  /** The listings of these meetings; `whole` reads related tables whole (for the whole directory). */
  async function assemble(
    meetings: readonly MeetingRow[],
    whole: boolean,
  ): Promise<StoredListing[]> {
    const ids = (pick: (m: MeetingRow) => number | null) => [
      ...new Set(meetings.map(pick).filter((id): id is number => id !== null)),
    ];
    const locationRows: LocationRow[] = whole
      ? await locations.all()
      : await locations.byIds(ids((m) => m.location_id));
    const groupRows: GroupRow[] = whole
      ? await groups.all()
      : await groups.byIds(ids((m) => m.group_id));
    const bodyIds = [
      ...ids((m) => m.service_body_id),
      ...groupRows.map((g) => g.service_body_id).filter((id): id is number => id !== null),
    ];
    const bodyRows: ServiceBodyRow[] = whole
      ? await bodies.all()
      : await bodies.byIds([...new Set(bodyIds)]);
    const locationById = byId(locationRows);
    const groupById = byId(groupRows);
    const bodyById = byId(bodyRows);
    return meetings.map((meeting) => {
      const group = meeting.group_id === null ? undefined : groupById.get(meeting.group_id);
      const district =
        group?.service_body_id === null || group === undefined
          ? undefined
          : bodyById.get(group.service_body_id);
      return {
        meetingId: meeting.id,
        sourceId: meeting.source_id,
        slug: meeting.slug,
        locationId: meeting.location_id,
        groupId: meeting.group_id,
        serviceBodyId: meeting.service_body_id,
        listing: listingFromRows(
          {
            meeting,
            location:
              meeting.location_id === null ? undefined : locationById.get(meeting.location_id),
            group,
            district,
            entity:
              meeting.service_body_id === null ? undefined : bodyById.get(meeting.service_body_id),
          },
          dialect.codec,
        ),
      };
    });
  }

  function meetingsQuery(filter: ListingFilter) {
    let query = db.selectFrom('meetings').selectAll();
    if (filter.sourceId !== undefined) query = query.where('source_id', '=', filter.sourceId);
    if (filter.meetingIds !== undefined)
      query = query.where('id', 'in', filter.meetingIds.length > 0 ? [...filter.meetingIds] : [-1]);
    if (filter.slug !== undefined) query = query.where('slug', '=', filter.slug);
    if (filter.locationIds !== undefined) {
      query = query.where(
        'location_id',
        'in',
        filter.locationIds.length > 0 ? [...filter.locationIds] : [-1],
      );
    }
    if (filter.publishedOnly) query = query.where('published', '=', dialect.codec.toBoolean(true));
    return query;
  }

  return {
    /** Every listing the filter matches, at once. */
    async load(filter: ListingFilter = {}): Promise<StoredListing[]> {
      const meetings = await meetingsQuery(filter).execute();
      if (meetings.length === 0) return [];
      const whole = Object.keys(filter).every((k) => k === 'publishedOnly');
      return assemble(meetings, whole);
    },

    /** The same listings a page at a time, in id order, so a caller need not hold them all. */
    async *pages(filter: ListingFilter, pageSize = 5000): AsyncGenerator<StoredListing[]> {
      let after = 0;
      for (;;) {
        const meetings = await meetingsQuery(filter)
          .where('id', '>', after)
          .orderBy('id')
          .limit(pageSize)
          .execute();
        if (meetings.length === 0) return;
        yield await assemble(meetings, false);
        after = meetings[meetings.length - 1]?.id ?? after;
      }
    },
  };
}

export type ListingRepository = ReturnType<typeof listingRepository>;
