import type { SummaryRow } from '../../adapters/db/repositories/meeting-summary.repository.ts';
import type { ListingSummary } from '../../domain/listing/listing-summary.ts';
import type { SearchableMeeting } from '../../domain/search/searchable-meeting.ts';
import { textPartsOf } from '../../domain/search/searchable-meeting.ts';

/** What a search result shows of a meeting. */
export type MeetingCard = ListingSummary;

/** A stored summary as the search index takes it, carrying the summary for results. */
export function searchableMeeting(row: SummaryRow): SearchableMeeting<MeetingCard> {
  const { summary } = row;
  const location = summary.location;
  return {
    id: summary.id,
    sourceId: row.sourceId,
    slug: summary.slug,
    name: summary.name,
    fellowship: summary.fellowship,
    attendance: summary.attendance,
    timezone: summary.timezone,
    schedule: summary.schedule,
    latitude: location?.latitude ?? null,
    longitude: location?.longitude ?? null,
    types: summary.types,
    languages: summary.languages,
    text: textPartsOf({
      name: summary.name,
      groupName: summary.group,
      notes: row.notes,
      location,
      locationNotes: row.locationNotes,
    }),
    payload: summary,
  };
}
