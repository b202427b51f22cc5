import type { Store } from '../adapters/db/database.ts';
import type { StoredListing } from '../adapters/db/repositories/listing.repository.ts';
import { AppError } from '../domain/errors.ts';

/** About 20 m: meetings this close, from whichever source, are at the same place. */
const SAME_PLACE_DEGREES = 0.0002;

export interface MeetingDetail {
  readonly meeting: StoredListing;
  /** Other published meetings at the same place, from any source. */
  readonly atSamePlace: StoredListing[];
}

/** A published meeting with everything its page shows. */
export async function meetingDetail(store: Store, slug: string): Promise<MeetingDetail> {
  const [meeting] = await store.listings.load({ slug, publishedOnly: true });
  if (!meeting) {
    throw new AppError(
      'not_found',
      `there is no meeting "${slug}": it may have moved or closed; search the directory`,
      {
        field: 'slug',
      },
    );
  }
  const location = meeting.listing.location;
  const sameBuilding =
    location && !location.approximate && location.latitude !== null && location.longitude !== null
      ? await store.locations.idsNear(location.latitude, location.longitude, SAME_PLACE_DEGREES)
      : [];
  const atSamePlace = (
    await store.listings.load({ locationIds: sameBuilding, publishedOnly: true })
  ).filter((m) => m.meetingId !== meeting.meetingId);
  return { meeting, atSamePlace };
}
