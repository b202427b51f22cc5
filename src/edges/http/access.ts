import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, mayAnywhere } from '../../domain/account/permissions.ts';
import { AppError } from '../../domain/errors.ts';
import { sessionActor } from '../../services/account/sign-in.service.ts';
import type { HttpContext } from './http-context.ts';
import { accessOf } from './route-policy.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in volunteer, or null for a visitor. */
    actor: Actor | null;
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = 'gd_session';
const SESSION_SECONDS = 30 * 24 * 3600;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** This site's own origins: PUBLIC_URL's, and the one the request was made to. */
function ownOrigins(request: FastifyRequest, publicUrl: string | null): Set<string> {
  // As browsers write an origin: no default port.
  const origins = new Set([new URL(`${request.protocol}://${request.host}`).origin]);
  if (publicUrl) origins.add(new URL(publicUrl).origin);
  return origins;
}

/**
 * Refuses a state-changing request that does not come from this site's own pages: the Origin
 * header (or, without one, the Referer) must be this site. Cookies alone never authorize a
 * write, so another site cannot make a volunteer's browser change anything.
 */
function requireSameOrigin(
  request: FastifyRequest,
  publicUrl: string | null,
  options: { unstatedOk: boolean },
): void {
  const stated = request.headers.origin ?? request.headers.referer;
  const origin = stated === undefined ? undefined : (originOf(stated) ?? stated);
  if (origin ? ownOrigins(request, publicUrl).has(origin) : options.unstatedOk) return;
  throw new AppError(
    'forbidden',
    origin
      ? 'this request came from another site: changes are only accepted from this site’s own pages'
      : 'this request says neither where it came from (Origin) nor its page (Referer): send it from this site',
  );
}

/** The origin of a URL (an Origin header's value, a Referer), written as browsers write it. */
function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Whether the browser reached us over https (directly, or through a proxy we trust). */
export function isSecure(request: FastifyRequest, publicUrl: string | null): boolean {
  return request.protocol === 'https' || (publicUrl?.startsWith('https:') ?? false);
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  publicUrl: string | null,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(request, publicUrl),
    path: '/',
    maxAge: SESSION_SECONDS,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Who is asking, and whether they may: every route's entry in the policy table is enforced
 * here, before its handler runs, and a route without one refuses to be registered.
 */
export function registerAccess(app: FastifyInstance, ctx: HttpContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (!accessOf(String(method), route.url)) {
        throw new Error(
          `${String(method)} ${route.url} has no entry in src/edges/http/route-policy.ts`,
        );
      }
    }
  });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.sessionToken = token;
    request.actor = await sessionActor(ctx, token);
  });

  app.addHook('preHandler', (request, _reply, done) => {
    try {
      authorize(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  });

  function authorize(request: FastifyRequest): void {
    const url = request.routeOptions.url ?? '';
    // With a session, a write must say it comes from this site; without one (signing in, a
    // script), it must at least not say it comes from another (no signing in a visitor's
    // browser into someone else's account).
    if (
      UNSAFE.has(request.method) &&
      (request.sessionToken !== null || url.startsWith('/api/v1/auth/'))
    ) {
      requireSameOrigin(request, ctx.config.publicUrl, {
        unstatedOk: request.sessionToken === null,
      });
    }
    const access = accessOf(request.method, url);
    if (access === undefined || access === 'public') return;
    if (!request.actor) {
      throw new AppError(
        'unauthenticated',
        'sign in first (POST /api/v1/auth/login, or /admin in a browser): this needs a volunteer’s account',
      );
    }
    if (access !== 'signed-in' && !mayAnywhere(request.actor, access)) {
      throw new AppError(
        'forbidden',
        `none of your roles lets you do this (it needs ${access.replace('_', ' ')}): ask an administrator of your service body`,
      );
    }
  }
}

/** The signed-in volunteer of a request that the policy let through as needing one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'sign in first');
  return request.actor;
}
