import type { Store } from '../adapters/db/database.ts';
import type { FeedFormat } from '../formats/feed-format.ts';
import {
  type FeedWriteOptions,
  type PublishedListing,
  writeMeetingGuideRecord,
} from '../formats/meeting-guide/meeting-guide.writer.ts';
import { writeTsmlCsv } from '../formats/tsml-csv/tsml-csv.writer.ts';

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every published meeting, in slug order (the same on every database), ready to write. */
export async function publishedListings(store: Store): Promise<PublishedListing[]> {
  const stored = await store.listings.load({ publishedOnly: true });
  return stored
    .map((s) => ({
      listing: s.listing,
      slug: s.slug,
      id: s.meetingId,
      locationId: s.locationId,
      groupId: s.groupId,
    }))
    .sort((a, b) => byCodePoint(a.slug, b.slug));
}

/**
 * The directory as a Meeting Guide feed (JSON array) or a 12 Step Meeting List CSV table.
 * Private contacts stay out unless asked for, for a trusted copy.
 */
export async function exportDirectory(
  store: Store,
  format: FeedFormat,
  options: FeedWriteOptions = {},
): Promise<string> {
  const listings = await publishedListings(store);
  switch (format) {
    case 'meeting-guide':
      return `${JSON.stringify(listings.map((l) => writeMeetingGuideRecord(l, options)))}\n`;
    case 'csv':
      return writeTsmlCsv(listings, options);
  }
}
