import type { StoredChangeRequest } from '../../adapters/db/repositories/change-request.repository.ts';
import type { Mailer } from '../../adapters/mail/mailer.ts';
import { scopeOf } from '../../domain/account/permissions.ts';
import { AppError } from '../../domain/errors.ts';
import { type FieldChange, fieldChanges } from '../../domain/history/field-changes.ts';
import { type EditingContext, bodyParents, requirePermission } from '../editing/editing-context.ts';
import { fieldsOf } from '../editing/meeting-fields.ts';
import {
  type EditedMeeting,
  createMeeting,
  updateMeeting,
} from '../editing/meeting-edit.service.ts';

/** A change request as a volunteer reviews it: what is asked, against what the listing says now. */
export interface ReviewedRequest {
  readonly request: StoredChangeRequest;
  /** The meeting's name now, when it still exists. */
  readonly meetingName: string | null;
  /** Each proposed field: what the listing says now and what is proposed. */
  readonly diff: readonly FieldChange[];
}

export interface ReviewContext extends EditingContext {
  readonly mailer: Mailer | null;
}

/** The requests in the queues the person reviews: their bodies' (and, for administrators, all). */
export async function reviewQueue(
  ctx: EditingContext,
  statuses: readonly ('open' | 'held' | 'approved' | 'rejected')[] = ['open', 'held'],
): Promise<ReviewedRequest[]> {
  const repos = ctx.store;
  const scope = scopeOf(ctx.actor, 'review_requests', await bodyParents(repos));
  const requests = await repos.changeRequests.list({
    statuses,
    ...(scope === 'all' ? {} : { serviceBodyIds: [...scope] }),
  });
  const reviewed: ReviewedRequest[] = [];
  for (const request of requests) {
    const [stored] = request.meetingSlug
      ? await repos.listings.load({ slug: request.meetingSlug })
      : [];
    const current = stored ? fieldsOf(stored) : {};
    const proposed = {
      ...Object.fromEntries(Object.keys(request.changes).map((k) => [k, current[k]])),
    };
    reviewed.push({
      request,
      meetingName: stored?.listing.name ?? null,
      diff: fieldChanges(proposed, { ...proposed, ...request.changes }),
    });
  }
  return reviewed;
}

async function reviewable(ctx: EditingContext, id: number): Promise<StoredChangeRequest> {
  const request = await ctx.store.changeRequests.byId(id);
  if (!request) throw new AppError('not_found', `there is no change request ${id}`);
  requirePermission(
    ctx.actor,
    'review_requests',
    { bodyId: request.serviceBodyId, what: `change request ${id}` },
    await bodyParents(ctx.store),
  );
  if (request.status === 'approved' || request.status === 'rejected') {
    throw new AppError('conflict', `change request ${id} was ${request.status} already`);
  }
  return request;
}

/**
 * Approves a request: its changes (or the volunteer's edited version of them) are applied as a
 * normal edit, with the same validation and history. A suggested meeting is added to the
 * directory, in the body the volunteer chooses.
 */
export async function approveChangeRequest(
  ctx: ReviewContext,
  id: number,
  decision: {
    changes?: Readonly<Record<string, unknown>>;
    serviceBodyId?: number | null;
    reply?: string | null;
  } = {},
): Promise<EditedMeeting> {
  const request = await reviewable(ctx, id);
  const changes = decision.changes ?? request.changes;
  const edited = request.meetingSlug
    ? await updateMeeting(ctx, request.meetingSlug, { fields: changes })
    : await createMeeting(ctx, {
        fields: changes,
        serviceBodyId: decision.serviceBodyId ?? request.serviceBodyId,
      });
  await ctx.store.changeRequests.decide(id, {
    status: 'approved',
    by: ctx.actor.userId,
    at: ctx.clock.now().toISOString(),
    reply: decision.reply ?? null,
  });
  await answer(ctx, request, decision.reply ?? null, 'approved');
  return edited;
}

/** Rejects a request, with an optional reply to the submitter (only if they gave an address). */
export async function rejectChangeRequest(
  ctx: ReviewContext,
  id: number,
  reply: string | null,
): Promise<void> {
  const request = await reviewable(ctx, id);
  await ctx.store.changeRequests.decide(id, {
    status: 'rejected',
    by: ctx.actor.userId,
    at: ctx.clock.now().toISOString(),
    reply,
  });
  await answer(ctx, request, reply, 'rejected');
}

/** Moves a request held as likely spam into its queue. */
export async function releaseChangeRequest(ctx: EditingContext, id: number): Promise<void> {
  const request = await reviewable(ctx, id);
  if (request.status !== 'held') throw new AppError('conflict', `change request ${id} is not held`);
  await ctx.store.changeRequests.release(id);
}

async function answer(
  ctx: ReviewContext,
  request: StoredChangeRequest,
  reply: string | null,
  outcome: 'approved' | 'rejected',
): Promise<void> {
  if (!request.email || !ctx.mailer || !reply) return;
  const about = request.meetingSlug
    ? `the listing "${request.meetingSlug}"`
    : 'the meeting you suggested';
  await ctx.mailer.send({
    to: request.email,
    subject: `About your note on ${about}`,
    text: `Thank you for writing about ${about}. A volunteer has ${outcome === 'approved' ? 'made the change' : 'looked at it and not made the change'}, and writes:\n\n${reply}\n\nThis address is not kept for anything else.`,
  });
}
