import { zoneAt } from '../adapters/geo/timezone-lookup.ts';
import { builtinFellowships } from '../domain/fellowship/fellowships.builtin.ts';
import type { FeedReadOptions } from '../formats/meeting-guide/meeting-guide.reader.ts';

export function feedReadOptions(overrides: Partial<FeedReadOptions> = {}): FeedReadOptions {
  return {
    defaultFellowship: 'aa',
    knownFellowships: new Set(builtinFellowships.map((f) => f.id)),
    zoneAt,
    fallbackZone: 'UTC',
    fallbackZoneOrigin: 'default',
    contactsPublic: true,
    ...overrides,
  };
}
