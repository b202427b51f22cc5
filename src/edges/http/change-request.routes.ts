import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.ts';
import { changeRequestSchema, submitChangeRequest } from '../../services/change-request.service.ts';
import type { HttpContext } from './http-context.ts';

/** At most this many requests from one address in the window: enough for a person, not a bot. */
export const CHANGE_REQUEST_LIMIT = { max: 5, timeWindow: '10 minutes' } as const;

/**
 * POST /api/v1/change-requests: "report a problem" and "suggest a meeting". No account; the
 * e-mail is optional and only for a reply. Rate-limited per address (kept in memory, not logged).
 */
export function registerChangeRequestRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.post(
    '/api/v1/change-requests',
    { config: { rateLimit: CHANGE_REQUEST_LIMIT } },
    async (request, reply) => {
      const parsed = changeRequestSchema.safeParse(request.body ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.map(String).join('.') || 'body';
        throw new AppError('invalid_input', `${field}: ${issue?.message ?? 'is not valid'}`, {
          field,
        });
      }
      await submitChangeRequest(ctx.store, parsed.data, ctx.clock);
      // The same answer whether or not the honeypot caught it: a bot learns nothing.
      return reply
        .code(202)
        .send({ status: 'received', message: 'Thank you. A volunteer will look at this.' });
    },
  );
}
