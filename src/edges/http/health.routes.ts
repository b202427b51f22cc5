import type { FastifyInstance } from 'fastify';
import type { Store } from '../../adapters/db/database.ts';

/** GET /healthz: 200 when the server is up and its database answers, 503 otherwise. */
export function registerHealthRoutes(app: FastifyInstance, store: Store): void {
  app.get('/healthz', async (_request, reply) => {
    try {
      await store.ping();
      return { status: 'ok', database: store.dialect.name };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: store.dialect.name });
    }
  });
}
