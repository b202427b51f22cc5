import type { Listing } from '../listing/listing.ts';
import { conferencePhoneProblem, conferenceUrlProblem } from '../meeting/conference.ts';
import type { Weekday } from '../schedule/schedule.ts';

/** A meeting as the data-quality checks look at it. */
export interface CheckedMeeting {
  readonly slug: string;
  readonly sourceSlug: string;
  readonly listing: Listing;
  readonly locationId: number | null;
  /** When the listing last changed (ISO-8601). */
  readonly updatedAt: string;
}

export const qualityKinds = [
  'stale',
  'unusable_link',
  'no_coordinates',
  'slug_taken',
  'likely_duplicate',
] as const;
export type QualityKind = (typeof qualityKinds)[number];

export interface QualityFinding {
  readonly kind: QualityKind;
  readonly slug: string;
  /** What is wrong, in words a volunteer acts on. */
  readonly detail: string;
  /** The other meeting, for a likely duplicate. */
  readonly other?: string;
  readonly locationId?: number;
}

const DAY = 86_400_000;

/**
 * What in a body's listings needs care: listings nobody has touched in a year, online meetings
 * whose link or phone cannot be used, places without coordinates (they are missing from the map
 * and from searches near a place), slugs another source had first, and meetings that look listed
 * twice (the same place, weekday and start time). Pure: the caller gives the meetings and now.
 */
export function qualityFindings(
  meetings: readonly CheckedMeeting[],
  now: number,
): QualityFinding[] {
  const findings: QualityFinding[] = [];
  const seen = new Map<string, string>();
  for (const m of meetings) {
    const { listing } = m;
    const age = now - Date.parse(m.updatedAt);
    if (age > 365 * DAY) {
      findings.push({
        kind: 'stale',
        slug: m.slug,
        detail: `not updated since ${m.updatedAt.slice(0, 10)}: check it is still right`,
      });
    }
    if (listing.attendance === 'online' || listing.attendance === 'hybrid') {
      const url = listing.conferenceUrl ? conferenceUrlProblem(listing.conferenceUrl) : null;
      const phone = listing.conferencePhone
        ? conferencePhoneProblem(listing.conferencePhone)
        : null;
      const none = !listing.conferenceUrl && !listing.conferencePhone;
      if (none || url || phone) {
        findings.push({
          kind: 'unusable_link',
          slug: m.slug,
          detail: none ? 'meets online but gives no link or phone number' : (url ?? phone ?? ''),
        });
      }
    }
    const location = listing.location;
    if (
      location &&
      listing.attendance !== 'online' &&
      (location.latitude === null || location.longitude === null)
    ) {
      findings.push({
        kind: 'no_coordinates',
        slug: m.slug,
        detail: `"${location.formattedAddress ?? location.name ?? 'its place'}" has no coordinates: it is missing from the map and from searches near a place`,
        ...(m.locationId !== null ? { locationId: m.locationId } : {}),
      });
    }
    if (m.slug !== m.sourceSlug) {
      findings.push({
        kind: 'slug_taken',
        slug: m.slug,
        detail: `its source calls it "${m.sourceSlug}", which another source's meeting has: it is published as "${m.slug}"`,
      });
    }
    if (listing.schedule.kind !== 'appointment' && m.locationId !== null) {
      for (const day of listing.schedule.weekdays) {
        const key = `${m.locationId}|${day satisfies Weekday}|${listing.schedule.start}`;
        const first = seen.get(key);
        if (first !== undefined && first !== m.slug) {
          findings.push({
            kind: 'likely_duplicate',
            slug: m.slug,
            other: first,
            detail: `meets at the same place, day and time as "${first}": is it listed twice?`,
          });
        } else seen.set(key, m.slug);
      }
    }
  }
  return findings;
}
