import { existsSync } from 'node:fs';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { isAppError } from '../../domain/errors.ts';
import { DirectorySummaryCache } from '../../services/directory.service.ts';
import { type ClientAssets, clientBuildDir, loadClientAssets } from '../../web/client-assets.ts';
import { registerAccess } from './access.ts';
import { registerAdminRoutes } from './admin.routes.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { registerChangeRequestRoutes } from './change-request.routes.ts';
import { httpStatusByCode } from './error-status.ts';
import { registerFeedRoutes } from './feed.routes.ts';
import { registerHealthRoutes } from './health.routes.ts';
import { registerHistoryRoutes } from './history.routes.ts';
import { registerMeetingEditRoutes } from './meeting-edit.routes.ts';
import { registerQualityRoutes } from './quality.routes.ts';
import { registerRoomGateway } from '../ws/room.gateway.ts';
import { registerRoomRoutes } from './room.routes.ts';
import { registerSharedEditRoutes } from './shared-edit.routes.ts';
import { registerUserRoutes } from './user.routes.ts';
import type { HttpContext } from './http-context.ts';
import { registerMeetingRoutes } from './meeting.routes.ts';
import { openApiDocument } from './openapi.ts';
import { registerPageRoutes } from './page.routes.ts';
import { registerPlaceRoutes } from './place.routes.ts';
import { registerTypeRoutes } from './type.routes.ts';

export interface ServerOptions {
  /** Where log lines go (standard output by default); tests read them. */
  readonly logStream?: { write(line: string): void };
  /** The browser bundle's assets (default: read from dist/client). */
  readonly assets?: ClientAssets;
}

/**
 * What pages may load: this site only, and the tile host an operator configured. connect-src,
 * img-src and default-src are what keep every request on this site (privacy). Inline scripts are
 * allowed so that accessibility auditors (axe-core injected as a script tag, checker bookmarklets)
 * work on the real pages; the pages themselves have none, and everything they print is escaped
 * by React (see docs/decisions/0011-content-security-policy.md).
 */
function contentSecurityPolicy(tileUrl: string | null): string {
  const tiles = tileUrl ? ` ${new URL(tileUrl.replace(/\{[a-z]\}/g, 'a')).origin}` : '';
  return [
    "default-src 'self'",
    `img-src 'self' data:${tiles}`,
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The HTTP edge. Confidentiality by design: the request log has the method, the route pattern,
 * the status and the time, never a URL's query (search terms, places), a body or an address.
 * No cookies are set.
 */
export async function buildServer(
  ctx: HttpContext,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: ctx.config.logLevel,
      base: undefined,
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    // Fastify's own request lines carry the URL (search terms, places): ours below do not.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: ctx.config.trustProxy,
  });

  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
    done();
  });

  const csp = contentSecurityPolicy(ctx.config.mapTileUrl);
  app.addHook('onSend', (_request, reply, payload, done) => {
    // same-origin, not no-referrer: other sites learn nothing of where a visitor came from, and
    // browsers still tell this site the Origin of its own forms' posts (under no-referrer the
    // Fetch standard sends `Origin: null`, and the same-origin check would refuse the form).
    reply
      .header('content-security-policy', csp)
      .header('referrer-policy', 'same-origin')
      .header('x-content-type-options', 'nosniff')
      .header('permissions-policy', 'geolocation=(self), camera=(), microphone=()');
    done(null, payload);
  });

  app.setErrorHandler((error, request, reply) => {
    if (isAppError(error)) {
      return reply.code(httpStatusByCode[error.code]).send({
        error: error.code,
        message: error.message,
        ...(error.details.field ? { field: error.details.field } : {}),
        ...(error.details.reason ? { reason: error.details.reason } : {}),
      });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) {
      request.log.error(
        { err: { message: (error as Error).message, name: (error as Error).name } },
        'unexpected error',
      );
    }
    return reply.code(status).send({
      error: status === 429 ? 'rate_limited' : status >= 500 ? 'internal' : 'invalid_input',
      message:
        status === 429
          ? 'Too many requests from here just now. Please try again in a few minutes.'
          : status >= 500
            ? 'Something went wrong on our side. Please try again in a moment.'
            : (error as Error).message,
    });
  });

  await app.register(compress, { global: true, threshold: 1024, encodings: ['gzip', 'br'] });
  await app.register(formbody);
  // A JSON request with no body at all (a client setting the header on every call, a POST that
  // needs nothing) is read as no body, not refused; the routes' schemas say what they need.
  // Anything else goes to Fastify's own parser (which refuses __proto__ and constructor keys).
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (String(body).trim() === '') done(null, undefined);
    else void json(request, String(body), done);
  });
  await app.register(cookie);
  registerAccess(app, ctx);
  await app.register(rateLimit, { global: false });
  if (existsSync(clientBuildDir)) {
    await app.register(fastifyStatic, {
      root: clientBuildDir,
      prefix: '/static/',
      immutable: true,
      maxAge: '365d',
      index: false,
      // Vite's manifest and source maps are for us, not for visitors.
      allowedPath: (pathName) => !pathName.includes('/.vite/'),
    });
  }

  await registerRoomGateway(app, ctx.rooms, ctx.config.publicUrl);

  const summaries = new DirectorySummaryCache(ctx.store);
  registerHealthRoutes(app, ctx.store);
  registerAuthRoutes(app, ctx);
  registerMeetingRoutes(app, ctx);
  registerMeetingEditRoutes(app, ctx);
  registerSharedEditRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerHistoryRoutes(app, ctx);
  registerQualityRoutes(app, ctx);
  registerPlaceRoutes(app, ctx);
  registerTypeRoutes(app, ctx);
  registerFeedRoutes(app, ctx);
  registerChangeRequestRoutes(app, ctx);
  registerRoomRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  app.get('/api/openapi.json', () => openApiDocument(ctx.config.publicUrl));
  registerPageRoutes(app, ctx, { assets: options.assets ?? loadClientAssets(), summaries });
  return app;
}
