import { scopeOf } from '../../domain/account/permissions.ts';
import { AppError, isAppError } from '../../domain/errors.ts';
import { fieldChanges } from '../../domain/history/field-changes.ts';
import {
  type EditingContext,
  actorLabel,
  bodyParents,
  meetingBodyOf,
  requirePermission,
} from './editing-context.ts';
import { fieldsOf } from './meeting-fields.ts';
import { loadShared } from './shared-edit.service.ts';
import { updateMeeting } from './meeting-edit.service.ts';

/** The meetings a volunteer keeps, a page at a time, matching text in the name or slug. */
export async function editableMeetings(
  ctx: EditingContext,
  filter: { text?: string; limit?: number; offset?: number } = {},
) {
  const scope = scopeOf(ctx.actor, 'read_private', await bodyParents(ctx.store));
  const page = await ctx.store.meetings.inScope({
    bodyIds: scope === 'all' ? 'all' : [...scope],
    ...(filter.text ? { text: filter.text } : {}),
    limit: Math.min(filter.limit ?? 100, 500),
    offset: filter.offset ?? 0,
  });
  return {
    total: page.total,
    meetings: page.meetings.map((m) => ({
      slug: m.slug,
      name: m.name,
      published: m.published,
      service_body_id: m.serviceBodyId,
      updated: m.updatedAt,
      group: m.group,
    })),
  };
}

export const bulkActions = [
  'temporarily_closed',
  'reopen',
  'unpublish',
  'publish',
  'move_to_group',
  'move_to_location',
  'confirm_current',
] as const;
export type BulkAction = (typeof bulkActions)[number];

/** TC: the Meeting Guide type for a place temporarily closed (the meeting may go on online). */
const CLOSED = 'TC';

/**
 * One action on many meetings (every meeting at a place temporarily closed, say): each meeting
 * is its own edit, checked, validated and recorded as one. The answer says how each went.
 */
export async function bulkEdit(
  ctx: EditingContext,
  request: {
    slugs: readonly string[];
    action: BulkAction;
    groupId?: number;
    locationId?: number;
  },
): Promise<{ results: { slug: string; ok: boolean; message?: string }[] }> {
  const results: { slug: string; ok: boolean; message?: string }[] = [];
  for (const slug of request.slugs) {
    try {
      await applyOne(ctx, slug, request);
      results.push({ slug, ok: true });
    } catch (error) {
      if (!isAppError(error)) throw error;
      results.push({ slug, ok: false, message: error.message });
    }
  }
  return { results };
}

async function applyOne(
  ctx: EditingContext,
  slug: string,
  request: { action: BulkAction; groupId?: number; locationId?: number },
): Promise<void> {
  switch (request.action) {
    case 'publish':
    case 'unpublish':
      await updateMeeting(ctx, slug, { fields: {}, published: request.action === 'publish' });
      return;
    case 'temporarily_closed':
    case 'reopen': {
      const [stored] = await ctx.store.listings.load({ slug });
      if (!stored) throw new AppError('not_found', `there is no meeting "${slug}"`);
      const types = stored.listing.types.filter((t) => t !== CLOSED);
      const next = request.action === 'temporarily_closed' ? [...types, CLOSED] : types;
      await updateMeeting(ctx, slug, { fields: { types: next } });
      return;
    }
    case 'move_to_group':
      await moveTo(ctx, slug, { kind: 'group', id: request.groupId });
      return;
    case 'move_to_location':
      await moveTo(ctx, slug, { kind: 'location', id: request.locationId });
      return;
    case 'confirm_current':
      await confirmCurrent(ctx, slug);
      return;
  }
}

/**
 * Moves a meeting into another group, or to another place (taking the zone of a place on the
 * map): one the person keeps, by the same rule as editing it. The history says field by field
 * what the meeting's listing now says differently.
 */
async function moveTo(
  ctx: EditingContext,
  slug: string,
  target: { kind: 'group' | 'location'; id: number | undefined },
): Promise<void> {
  const field = target.kind === 'group' ? 'group_id' : 'location_id';
  if (target.id === undefined) {
    throw new AppError(
      'invalid_input',
      `${field}: say which ${target.kind === 'group' ? 'group' : 'place'} to move the meetings to`,
      { field },
    );
  }
  const id = target.id;
  const now = ctx.clock.now().toISOString();
  await ctx.store.transaction(async (repos) => {
    const [stored] = await repos.listings.load({ slug });
    if (!stored) throw new AppError('not_found', `there is no meeting "${slug}"`);
    const parents = await bodyParents(repos);
    const bodyId = await meetingBodyOf(repos, stored);
    requirePermission(
      ctx.actor,
      'edit_listings',
      { bodyId: bodyId, what: `meeting "${slug}"` },
      parents,
    );
    const shared = await loadShared(repos, target.kind, id).catch((error: unknown) => {
      if (isAppError(error) && error.code === 'not_found') {
        throw new AppError('not_found', error.message, { field });
      }
      throw error;
    });
    if (target.kind === 'group') {
      const row = await repos.groups.byId(id);
      if (row && repos.codec.fromBoolean(row.implicit)) {
        throw new AppError(
          'invalid_input',
          `group_id: group ${id} is one meeting’s own details, not a group: choose a named group`,
          { field },
        );
      }
    }
    const label = String(
      shared.view.name ?? ('formatted_address' in shared.view ? shared.view.formatted_address : id),
    );
    requirePermission(
      ctx.actor,
      'edit_listings',
      { bodyId: shared.body, what: `${target.kind === 'group' ? 'group' : 'place'} "${label}"` },
      parents,
    );
    const current = target.kind === 'group' ? stored.groupId : stored.locationId;
    if (current === id) return;
    await repos.meetings.update(stored.meetingId, {
      [field]: id,
      // A place on the map gives the meeting its zone (one without a point has only a default).
      ...('timezone' in shared.view &&
      shared.view.latitude !== null &&
      shared.view.longitude !== null
        ? { timezone: shared.view.timezone }
        : {}),
      updated_at: repos.codec.toTimestamp(now),
    });
    // The place or group it left goes if nothing uses it now and it was only ever a meeting's
    // (its source's content); one volunteers added as itself stays until they delete it.
    if (current !== null) {
      const repo = target.kind === 'group' ? repos.groups : repos.locations;
      const left = await repo.byId(current);
      if (left && left.source_id !== null) await repo.deleteIfUnused(current);
    }
    const [moved] = await repos.listings.load({ slug });
    await repos.history.add({
      entity: 'meeting',
      entityId: stored.meetingId,
      label: slug,
      action: 'update',
      userId: ctx.actor.userId,
      actor: actorLabel(ctx.actor),
      serviceBodyId: bodyId,
      changes: moved ? fieldChanges(fieldsOf(stored), fieldsOf(moved)) : [],
      at: now,
    });
    await repos.changes.record('meeting', stored.meetingId, now);
  });
}

/** "It is still right": the listing counts as updated now (for the data-quality page). */
async function confirmCurrent(ctx: EditingContext, slug: string): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await ctx.store.transaction(async (repos) => {
    const [stored] = await repos.listings.load({ slug });
    if (!stored) throw new AppError('not_found', `there is no meeting "${slug}"`);
    const bodyId = await meetingBodyOf(repos, stored);
    requirePermission(
      ctx.actor,
      'edit_listings',
      { bodyId: bodyId, what: `meeting "${slug}"` },
      await bodyParents(repos),
    );
    await repos.meetings.update(stored.meetingId, { updated_at: repos.codec.toTimestamp(now) });
    await repos.history.add({
      entity: 'meeting',
      entityId: stored.meetingId,
      label: slug,
      action: 'update',
      userId: ctx.actor.userId,
      actor: actorLabel(ctx.actor),
      serviceBodyId: bodyId,
      changes: [{ field: 'updated', before: stored.listing.updatedAt, after: now }],
      at: now,
    });
    await repos.changes.record('meeting', stored.meetingId, now);
  });
}
