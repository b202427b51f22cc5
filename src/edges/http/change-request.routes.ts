import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changeRequestSchema, submitChangeRequest } from '../../services/change-request.service.ts';
import {
  type ReviewContext,
  approveChangeRequest,
  rejectChangeRequest,
  releaseChangeRequest,
  reviewQueue,
} from '../../services/review/change-request-review.service.ts';
import { newChallenge } from '../../services/spam/proof-of-work.ts';
import { actorOf } from './access.ts';
import type { HttpContext } from './http-context.ts';
import { presentEdited } from './meeting-edit.routes.ts';
import { idParam, parseBody } from './request-body.ts';

/** At most this many requests from one address in the window: enough for a person, not a bot. */
export const CHANGE_REQUEST_LIMIT = { max: 5, timeWindow: '10 minutes' } as const;

const statusList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()))
  .pipe(
    z.array(
      z.enum(['open', 'held', 'approved', 'rejected'], {
        error: 'must be open, held, approved or rejected',
      }),
    ),
  );

const approveSchema = z.object({
  changes: z.record(z.string(), z.unknown()).optional(),
  service_body_id: z.number().int().positive().nullable().optional(),
  reply: z.string().trim().max(5000).nullable().optional(),
});
const rejectSchema = z.object({ reply: z.string().trim().max(5000).nullable().optional() });

/**
 * POST /api/v1/change-requests: "report a problem" and "suggest a meeting". No account; the
 * e-mail is optional and only for a reply. Rate-limited per address (kept in memory, not logged).
 * Volunteers review them in the queue of their bodies.
 */
export function registerChangeRequestRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const reviewing = (request: FastifyRequest): ReviewContext => ({
    store: ctx.store,
    clock: ctx.clock,
    actor: actorOf(request),
    defaultTimezone: ctx.config.defaultTimezone,
    mailer: ctx.accounts.mailer,
  });

  app.post(
    '/api/v1/change-requests',
    { config: { rateLimit: CHANGE_REQUEST_LIMIT } },
    async (request, reply) => {
      await submitChangeRequest(ctx.store, parseBody(changeRequestSchema, request.body), ctx.clock);
      // The same answer whether or not the honeypot caught it: a bot learns nothing.
      return reply
        .code(202)
        .send({ status: 'received', message: 'Thank you. A volunteer will look at this.' });
    },
  );

  // The forms' proof of work: a challenge to answer before sending (see proof-of-work.ts).
  app.get('/api/v1/change-requests/challenge', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send(await newChallenge(ctx.store, ctx.clock)),
  );

  app.get('/api/v1/change-requests', async (request) => {
    const raw = (request.query as Record<string, unknown>).status;
    const statuses = typeof raw === 'string' ? parseBody(statusList, raw) : undefined;
    const queue = await reviewQueue(reviewing(request), statuses);
    return {
      change_requests: queue.map(({ request: r, meetingName, diff }) => ({
        id: r.id,
        status: r.status,
        meeting: r.meetingSlug,
        meeting_name: meetingName,
        message: r.message,
        changes: r.changes,
        diff,
        // Only for replying: volunteers see it, the public never does.
        email: r.email,
        service_body_id: r.serviceBodyId,
        at: r.at,
        decided_at: r.decidedAt,
        reply: r.reply,
      })),
    };
  });

  app.post('/api/v1/change-requests/:id/approve', async (request) => {
    const body = parseBody(approveSchema, request.body);
    const edited = await approveChangeRequest(reviewing(request), idParam(request.params), {
      ...(body.changes ? { changes: body.changes } : {}),
      ...(body.service_body_id !== undefined ? { serviceBodyId: body.service_body_id } : {}),
      reply: body.reply ?? null,
    });
    return { status: 'approved', meeting: presentEdited(edited) };
  });

  app.post('/api/v1/change-requests/:id/reject', async (request) => {
    const body = parseBody(rejectSchema, request.body);
    await rejectChangeRequest(reviewing(request), idParam(request.params), body.reply ?? null);
    return { status: 'rejected' };
  });

  app.post('/api/v1/change-requests/:id/release', async (request) => {
    await releaseChangeRequest(reviewing(request), idParam(request.params));
    return { status: 'open' };
  });
}
