import type { HistoryEntry } from '../adapters/db/repositories/history.repository.ts';
import type { Store } from '../adapters/db/database.ts';
import { scopeOf } from '../domain/account/permissions.ts';
import { AppError } from '../domain/errors.ts';
import { undoing } from '../domain/history/field-changes.ts';
import {
  type EditingContext,
  bodyParents,
  meetingBodyOf,
  requirePermission,
} from './editing/editing-context.ts';
import { createMeeting, deleteMeeting, updateMeeting } from './editing/meeting-edit.service.ts';
import { revertPlaceOrGroup } from './editing/shared-edit.service.ts';

/** A meeting's history, newest first: who changed what, field by field. */
export async function meetingHistory(ctx: EditingContext, slug: string): Promise<HistoryEntry[]> {
  const [stored] = await ctx.store.listings.load({ slug });
  if (!stored) {
    // A deleted meeting's history is still there, under the slug it had.
    const entries = (await ctx.store.history.list({ entity: 'meeting', limit: 500 })).filter(
      (e) => e.label === slug,
    );
    const last = entries[0];
    if (!last)
      throw new AppError('not_found', `there is no meeting "${slug}", nor any history of one`);
    requirePermission(
      ctx.actor,
      'read_private',
      { bodyId: last.serviceBodyId, what: `meeting "${slug}"` },
      await bodyParents(ctx.store),
    );
    return ctx.store.history.list({ entity: 'meeting', entityId: last.entityId });
  }
  requirePermission(
    ctx.actor,
    'read_private',
    { bodyId: await meetingBodyOf(ctx.store, stored), what: `meeting "${slug}"` },
    await bodyParents(ctx.store),
  );
  return ctx.store.history.list({ entity: 'meeting', entityId: stored.meetingId, limit: 500 });
}

/** Recent history of everything the person keeps, newest first. */
export async function recentHistory(
  ctx: EditingContext,
  page: { before?: number; limit?: number } = {},
) {
  const scope = scopeOf(ctx.actor, 'read_private', await bodyParents(ctx.store));
  return ctx.store.history.list({
    ...(scope === 'all' ? {} : { serviceBodyIds: [...scope] }),
    ...(page.before !== undefined ? { before: page.before } : {}),
    limit: Math.min(page.limit ?? 100, 500),
  });
}

/**
 * Undoes one recorded change: an edit's fields go back to what they were, a deleted meeting
 * comes back, a new one goes. The undoing is itself an edit, recorded like any other.
 */
export async function revertChange(
  ctx: EditingContext,
  entryId: number,
): Promise<{ reverted: number }> {
  const entry = await ctx.store.history.byId(entryId);
  if (!entry) throw new AppError('not_found', `there is no history entry ${entryId}`);
  requirePermission(
    ctx.actor,
    'edit_listings',
    { bodyId: entry.serviceBodyId, what: `this change` },
    await bodyParents(ctx.store),
  );
  if (entry.entity !== 'meeting') {
    await revertPlaceOrGroup(ctx, entry);
    return { reverted: entryId };
  }
  const previous = undoing(entry.changes);
  const { published, service_body_id: bodyId, ...fields } = previous;
  const extra = {
    ...(typeof published === 'boolean' ? { published } : {}),
    ...('service_body_id' in previous
      ? { serviceBodyId: typeof bodyId === 'number' ? bodyId : null }
      : {}),
  };
  // What the entry changed: an edit of fields, or the meeting's coming or going.
  const deleted = entry.changes.every((c) => c.after === null) && entry.changes.length > 0;
  const created = entry.changes.every((c) => c.before === null) && entry.changes.length > 0;
  if (entry.action === 'delete' || (entry.action === 'revert' && deleted)) {
    await createMeeting(
      ctx,
      { fields, ...extra, serviceBodyId: entry.serviceBodyId },
      { slug: entry.label, action: 'revert' },
    );
  } else if (entry.action === 'create' || (entry.action === 'revert' && created)) {
    await deleteMeeting(ctx, entry.label, { action: 'revert' });
  } else {
    await updateMeeting(ctx, entry.label, { fields, ...extra }, { action: 'revert' });
  }
  return { reverted: entryId };
}

/**
 * What changed lately, for anyone: which listing, which fields, when. Never who, and never the
 * values (a contact's details may be private); unpublished meetings are left out.
 */
export async function publicChanges(store: Store, limit = 50) {
  const entries = await store.history.list({ limit: Math.min(limit, 200) * 2 });
  const meetingIds = [
    ...new Set(entries.filter((e) => e.entity === 'meeting').map((e) => e.entityId)),
  ];
  const unpublished = new Set(
    (meetingIds.length > 0 ? await store.listings.load({ meetingIds }) : [])
      .filter((s) => !s.listing.published)
      .map((s) => s.meetingId),
  );
  return entries
    .filter((e) => e.entity !== 'meeting' || !unpublished.has(e.entityId))
    .slice(0, limit)
    .map((e) => ({
      what: e.entity,
      name: e.label,
      change: e.action,
      fields: e.changes.map((c) => c.field),
      at: e.at,
    }));
}
