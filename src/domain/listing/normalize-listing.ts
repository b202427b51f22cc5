import { hasCoordinates } from '../location/location.ts';
import { deriveAttendance } from '../meeting/attendance.ts';
import { conferencePhoneProblem, conferenceUrlProblem } from '../meeting/conference.ts';
import { languageOfType, typeForLanguage } from '../vocabulary/type-vocabulary.ts';
import type { Listing } from './listing.ts';

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Types and languages kept consistent: every language type code marks its language, and every
 * language with a code is marked by it, so a feed written from a listing reads back the same.
 */
export function reconcileTypesAndLanguages(
  types: Iterable<string>,
  languages: Iterable<string>,
): { types: string[]; languages: string[] } {
  const typeSet = new Set(types);
  const languageSet = new Set(languages);
  for (const code of typeSet) {
    const language = languageOfType(code);
    if (language) languageSet.add(language);
  }
  for (const language of languageSet) {
    const code = typeForLanguage(language);
    if (code) typeSet.add(code);
  }
  return {
    types: [...typeSet].sort(byCodePoint),
    languages: [...languageSet].sort(byCodePoint),
  };
}

export function hasUsableConference(
  listing: Pick<Listing, 'conferenceUrl' | 'conferencePhone'>,
): boolean {
  return (
    (listing.conferenceUrl !== null && conferenceUrlProblem(listing.conferenceUrl) === null) ||
    (listing.conferencePhone !== null && conferencePhoneProblem(listing.conferencePhone) === null)
  );
}

export function derivedAttendance(
  listing: Pick<Listing, 'conferenceUrl' | 'conferencePhone' | 'location' | 'types'>,
) {
  return deriveAttendance({
    hasConference: hasUsableConference(listing),
    hasPhysicalLocation: listing.location !== null && !listing.location.approximate,
    temporarilyClosed: listing.types.includes('TC'),
  });
}

/**
 * The canonical form every stored and compared listing has: types and languages reconciled and
 * sorted, attendance derived unless the source stated it, coordinates rounded to what the spec
 * says matters (about a centimetre here, well past its 1.11 m).
 */
export function normalizeListing(listing: Listing): Listing {
  const { types, languages } = reconcileTypesAndLanguages(listing.types, listing.languages);
  const withTypes = { ...listing, types, languages };
  const location =
    listing.location && hasCoordinates(listing.location)
      ? {
          ...listing.location,
          latitude: roundCoordinate(listing.location.latitude),
          longitude: roundCoordinate(listing.location.longitude),
        }
      : listing.location;
  return {
    ...withTypes,
    location,
    feedbackEmails: [...new Set(listing.feedbackEmails)],
    attendance: listing.attendanceExplicit ? listing.attendance : derivedAttendance(withTypes),
  };
}

function roundCoordinate(value: number): number {
  // `|| 0` turns -0 into 0, which is what JSON writes anyway.
  return Math.round(value * 1e7) / 1e7 || 0;
}
