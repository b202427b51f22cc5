import type { FastifyInstance } from 'fastify';
import { publicChanges, recentHistory, revertChange } from '../../services/history.service.ts';
import { actorOf } from './access.ts';
import type { HttpContext } from './http-context.ts';
import { presentHistory } from './history.presenter.ts';
import { idParam } from './request-body.ts';

/** Volunteers' history (who changed what) and the public feed of changes (what, never who). */
export function registerHistoryRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const editing = (request: Parameters<typeof actorOf>[0]) => ({
    store: ctx.store,
    clock: ctx.clock,
    actor: actorOf(request),
    defaultTimezone: ctx.config.defaultTimezone,
  });

  app.get('/api/v1/history', async (request) => {
    const query = request.query as Record<string, unknown>;
    const before =
      typeof query.before === 'string' && /^\d+$/.test(query.before)
        ? Number(query.before)
        : undefined;
    const entries = await recentHistory(editing(request), before === undefined ? {} : { before });
    return { history: entries.map(presentHistory) };
  });

  app.post('/api/v1/history/:id/revert', async (request) =>
    revertChange(editing(request), idParam(request.params)),
  );

  app.get('/api/v1/changes', async (_request, reply) =>
    reply
      .header('access-control-allow-origin', '*')
      .send({ changes: await publicChanges(ctx.store) }),
  );
}
