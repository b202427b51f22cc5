import type { FastifyInstance } from 'fastify';
import type { HttpContext } from './http-context.ts';

/**
 * GET /feeds/meeting-guide.json: the published directory for the Meeting Guide app, TSML UI and
 * other directories. Cached per directory version; ETag for cheap polling; gzip on request;
 * open to every origin (it is public data, and apps fetch it from their own pages).
 */
export function registerFeedRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.get('/feeds/meeting-guide.json', async (request, reply) => {
    const feed = await ctx.feeds.feed();
    reply
      .header('access-control-allow-origin', '*')
      .header('etag', feed.etag)
      .header('cache-control', 'public, max-age=300')
      .header('vary', 'accept-encoding')
      .type('application/json; charset=utf-8');
    if (request.headers['if-none-match'] === feed.etag) return reply.code(304).send();
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (acceptsGzip) return reply.header('content-encoding', 'gzip').send(feed.gzip);
    return reply.send(feed.json);
  });
}
