import type { StoredListing } from '../../adapters/db/repositories/listing.repository.ts';
import type { Repositories } from '../../adapters/db/repositories/repositories.ts';
import { AppError } from '../../domain/errors.ts';
import { DEFAULT_FELLOWSHIP_ID } from '../../domain/fellowship/fellowships.builtin.ts';
import type { ListingProblem } from '../../domain/listing/listing.ts';
import { LOCAL_SOURCE } from '../../domain/listing/local-source.ts';
import { slugify, uniqueSlug } from '../../domain/meeting/slug.ts';
import { fieldChanges } from '../../domain/history/field-changes.ts';
import {
  type EditingContext,
  actorLabel,
  bodyParents,
  meetingBodyOf,
  requirePermission,
} from './editing-context.ts';
import { writeListing } from './listing-write.ts';
import { type MeetingFields, fieldsOf, patchedFields, readFields } from './meeting-fields.ts';

/** What is set on a meeting besides its record's fields. */
export interface MeetingEdit {
  /** Record fields, by their Meeting Guide names; null removes one. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly published?: boolean;
  /** The body answering for it; changing it needs a role on both bodies. */
  readonly serviceBodyId?: number | null;
}

export interface EditedMeeting {
  readonly slug: string;
  readonly meetingId: number;
  /** Its place and group, to edit them as themselves (for all their meetings). */
  readonly locationId: number | null;
  readonly groupId: number | null;
  readonly fields: MeetingFields;
  readonly published: boolean;
  readonly serviceBodyId: number | null;
  readonly warnings: readonly ListingProblem[];
}

/** A meeting's fields with what is not a record field: what history compares. */
function described(stored: StoredListing, bodyId: number | null): Record<string, unknown> {
  return { ...fieldsOf(stored), published: stored.listing.published, service_body_id: bodyId };
}

async function loadBySlug(repos: Repositories, slug: string): Promise<StoredListing> {
  const [stored] = await repos.listings.load({ slug });
  if (!stored) {
    throw new AppError('not_found', `there is no meeting "${slug}": check the address`, {
      field: 'slug',
    });
  }
  return stored;
}

async function localSourceId(repos: Repositories, now: string): Promise<number> {
  const source =
    (await repos.sources.findByName(LOCAL_SOURCE)) ??
    (await repos.sources.create(LOCAL_SOURCE, null, now));
  return source.id;
}

function checkBodyChange(edit: MeetingEdit): number | null | undefined {
  const id = edit.serviceBodyId;
  if (id !== undefined && id !== null && (!Number.isSafeInteger(id) || id < 1)) {
    throw new AppError('invalid_input', 'service_body_id: give the id of a service body, or null', {
      field: 'service_body_id',
    });
  }
  return id;
}

async function requireBody(repos: Repositories, id: number | null): Promise<void> {
  if (id !== null && !(await repos.serviceBodies.byId(id))) {
    throw new AppError('not_found', `there is no service body ${id}`, { field: 'service_body_id' });
  }
}

/** A meeting as a volunteer sees it in the editor. */
export async function meetingForEditing(ctx: EditingContext, slug: string): Promise<EditedMeeting> {
  const repos = ctx.store;
  const stored = await loadBySlug(repos, slug);
  const bodyId = await meetingBodyOf(repos, stored);
  requirePermission(
    ctx.actor,
    'read_private',
    { bodyId: bodyId, what: `meeting "${slug}"` },
    await bodyParents(repos),
  );
  return {
    slug,
    meetingId: stored.meetingId,
    locationId: stored.locationId,
    groupId: stored.groupId,
    fields: fieldsOf(stored),
    published: stored.listing.published,
    serviceBodyId: bodyId,
    warnings: [],
  };
}

/**
 * Changes a meeting as a volunteer asked, with the validation an import applies, and records
 * who changed what. In one transaction; the next search sees it.
 */
export async function updateMeeting(
  ctx: EditingContext,
  slug: string,
  edit: MeetingEdit,
  options: { dryRun?: boolean; action?: 'update' | 'revert' } = {},
): Promise<EditedMeeting> {
  const now = ctx.clock.now().toISOString();
  const run = async (repos: Repositories): Promise<EditedMeeting> => {
    const stored = await loadBySlug(repos, slug);
    const parents = await bodyParents(repos);
    const bodyId = await meetingBodyOf(repos, stored);
    requirePermission(
      ctx.actor,
      'edit_listings',
      { bodyId: bodyId, what: `meeting "${slug}"` },
      parents,
    );
    const newBody = checkBodyChange(edit);
    const targetBody = newBody === undefined ? bodyId : newBody;
    if (targetBody !== bodyId) {
      await requireBody(repos, targetBody);
      requirePermission(
        ctx.actor,
        'edit_listings',
        { bodyId: targetBody, what: 'the service body it would move to' },
        parents,
      );
    }
    const { listing, warnings } = readFields(patchedFields(fieldsOf(stored), edit.fields), {
      slug: stored.listing.slug,
      knownFellowships: await repos.fellowships.ids(),
      defaultFellowship: stored.listing.fellowship,
      fallbackZone: stored.listing.timezone,
    });
    const next = {
      ...listing,
      published: edit.published ?? stored.listing.published,
      sourceUrl: stored.listing.sourceUrl,
      entity: stored.listing.entity,
      updatedAt: now,
    };
    const before = described(stored, bodyId);
    await writeListing(repos, {
      stored,
      listing: next,
      sourceId: stored.sourceId,
      serviceBodyId: targetBody === stored.serviceBodyId ? stored.serviceBodyId : targetBody,
      now,
    });
    const after = await loadBySlug(repos, slug);
    const changes = fieldChanges(before, described(after, targetBody));
    if (changes.length > 0) {
      await repos.history.add({
        entity: 'meeting',
        entityId: stored.meetingId,
        label: slug,
        action: options.action ?? 'update',
        userId: ctx.actor.userId,
        actor: actorLabel(ctx.actor),
        serviceBodyId: targetBody,
        changes,
        at: now,
      });
      await repos.changes.record('meeting', stored.meetingId, now);
    }
    return {
      slug,
      meetingId: stored.meetingId,
      locationId: after.locationId,
      groupId: after.groupId,
      fields: fieldsOf(after),
      published: after.listing.published,
      serviceBodyId: targetBody,
      warnings,
    };
  };
  if (!options.dryRun) return ctx.store.transaction(run);
  return rolledBack(ctx, run);
}

/** Runs `work` in a transaction that is always rolled back: a preview. */
async function rolledBack<T>(
  ctx: EditingContext,
  work: (repos: Repositories) => Promise<T>,
): Promise<T> {
  const rollback = new Error('preview');
  let value: { result: T } | null = null;
  try {
    await ctx.store.transaction(async (repos) => {
      value = { result: await work(repos) };
      throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  if (value) return (value as { result: T }).result;
  throw new Error('unreachable: a preview always rolls back');
}

/** Adds a meeting to the directory, in the volunteer's body (`serviceBodyId`). */
export async function createMeeting(
  ctx: EditingContext,
  edit: MeetingEdit,
  options: { dryRun?: boolean; slug?: string; action?: 'create' | 'revert' } = {},
): Promise<EditedMeeting> {
  const now = ctx.clock.now().toISOString();
  const run = async (repos: Repositories): Promise<EditedMeeting> => {
    const parents = await bodyParents(repos);
    const bodyId = checkBodyChange(edit) ?? null;
    await requireBody(repos, bodyId);
    requirePermission(
      ctx.actor,
      'edit_listings',
      { bodyId: bodyId, what: 'a meeting of this service body' },
      parents,
    );
    const name = typeof edit.fields.name === 'string' ? edit.fields.name : '';
    const taken = await repos.meetings.slugs();
    const slug = uniqueSlug(options.slug ?? (slugify(name) || 'meeting'), (s) => taken.has(s));
    const { listing, warnings } = readFields(patchedFields({}, edit.fields), {
      slug,
      knownFellowships: await repos.fellowships.ids(),
      defaultFellowship: DEFAULT_FELLOWSHIP_ID,
      fallbackZone: ctx.defaultTimezone,
    });
    const meetingId = await writeListing(repos, {
      stored: null,
      listing: {
        ...listing,
        published: edit.published ?? true,
        sourceUrl: null,
        entity: null,
        updatedAt: now,
      },
      sourceId: await localSourceId(repos, now),
      serviceBodyId: bodyId,
      now,
      slug,
    });
    const created = await loadBySlug(repos, slug);
    await repos.history.add({
      entity: 'meeting',
      entityId: meetingId,
      label: slug,
      action: options.action ?? 'create',
      userId: ctx.actor.userId,
      actor: actorLabel(ctx.actor),
      serviceBodyId: bodyId,
      changes: fieldChanges({}, described(created, bodyId)),
      at: now,
    });
    await repos.changes.record('meeting', meetingId, now);
    return {
      slug,
      meetingId,
      locationId: created.locationId,
      groupId: created.groupId,
      fields: fieldsOf(created),
      published: created.listing.published,
      serviceBodyId: bodyId,
      warnings,
    };
  };
  if (!options.dryRun) return ctx.store.transaction(run);
  return rolledBack(ctx, run);
}

/** Removes a meeting; its history keeps what it said, so it can be brought back. */
export async function deleteMeeting(
  ctx: EditingContext,
  slug: string,
  options: { action?: 'delete' | 'revert' } = {},
): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await ctx.store.transaction(async (repos) => {
    const stored = await loadBySlug(repos, slug);
    const bodyId = await meetingBodyOf(repos, stored);
    requirePermission(
      ctx.actor,
      'edit_listings',
      { bodyId: bodyId, what: `meeting "${slug}"` },
      await bodyParents(repos),
    );
    await repos.history.add({
      entity: 'meeting',
      entityId: stored.meetingId,
      label: slug,
      action: options.action ?? 'delete',
      userId: ctx.actor.userId,
      actor: actorLabel(ctx.actor),
      serviceBodyId: bodyId,
      changes: fieldChanges(described(stored, bodyId), {}),
      at: now,
    });
    await repos.meetings.deleteMany([stored.meetingId]);
    if (stored.locationId !== null) await repos.locations.deleteIfUnused(stored.locationId);
    if (stored.groupId !== null) await repos.groups.deleteIfUnused(stored.groupId);
    await repos.changes.record('meeting', stored.meetingId, now);
  });
}
