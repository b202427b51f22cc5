import type { Repositories } from '../../adapters/db/repositories/repositories.ts';
import { fieldChanges } from '../../domain/history/field-changes.ts';
import { meetingBodyOf } from '../editing/editing-context.ts';
import { type MeetingFields, fieldsOf } from '../editing/meeting-fields.ts';

interface Snapshot {
  readonly slug: string;
  readonly fields: MeetingFields;
  readonly bodyId: number | null;
}

const CHUNK = 2000;

/** The meetings' fields as they are now (before an import changes or removes them). */
export async function snapshot(
  repos: Repositories,
  meetingIds: readonly number[],
): Promise<Map<number, Snapshot>> {
  const out = new Map<number, Snapshot>();
  for (let i = 0; i < meetingIds.length; i += CHUNK) {
    for (const stored of await repos.listings.load({
      meetingIds: meetingIds.slice(i, i + CHUNK),
    })) {
      out.set(stored.meetingId, {
        slug: stored.slug,
        fields: { ...fieldsOf(stored), published: stored.listing.published },
        bodyId: await meetingBodyOf(repos, stored),
      });
    }
  }
  return out;
}

/**
 * What an import changed in meetings that were there before, field by field, in the history
 * volunteers read (who: the import of the source). A meeting an import adds is not recorded one
 * by one: its first import is its origin.
 */
export async function recordImportChanges(
  repos: Repositories,
  change: { before: Map<number, Snapshot>; sourceName: string; now: string },
): Promise<void> {
  const { before, sourceName, now } = change;
  const after = await snapshot(repos, [...before.keys()]);
  for (const [meetingId, was] of before) {
    const current = after.get(meetingId);
    const changes = fieldChanges(was.fields, current?.fields ?? {});
    if (changes.length === 0) continue;
    await repos.history.add({
      entity: 'meeting',
      entityId: meetingId,
      label: was.slug,
      action: current ? 'update' : 'delete',
      userId: null,
      actor: `import: ${sourceName}`,
      serviceBodyId: current?.bodyId ?? was.bodyId,
      changes,
      at: now,
    });
  }
}
