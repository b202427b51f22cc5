import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import type { AccountDeps } from '../../services/account/account-deps.ts';
import {
  requestPasswordReset,
  setPasswordFromLink,
} from '../../services/account/account.service.ts';
import {
  changePassword,
  disableTotp,
  enableTotp,
  signIn,
  signOut,
  signOutEverywhere,
  totpSetup,
} from '../../services/account/sign-in.service.ts';
import { actorOf, clearSessionCookie, setSessionCookie } from './access.ts';
import type { HttpContext } from './http-context.ts';
import { parseBody } from './request-body.ts';

const loginSchema = z.object({
  email: z.string({ error: 'give your e-mail address' }).max(254),
  password: z.string({ error: 'give your password' }).max(200),
  totp: z.string().max(12).optional(),
});
const passwordFromLinkSchema = z.object({
  token: z.string({ error: 'give the token from your link' }).min(10).max(200),
  password: z.string({ error: 'give a new password' }),
});
const resetSchema = z.object({ email: z.string({ error: 'give your e-mail address' }).max(254) });
const changeSchema = z.object({
  current_password: z.string({ error: 'give your current password' }),
  password: z.string({ error: 'give a new password' }),
});
const totpSchema = z.object({
  secret: z.string({ error: 'give the secret from setup' }),
  code: z.string({ error: 'give the code your app shows' }),
});
const totpOffSchema = z.object({ password: z.string({ error: 'give your password' }) });

/** Where people reach this site, for links: PUBLIC_URL, else the address this request used. */
export function baseUrlOf(request: FastifyRequest, publicUrl: string | null): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}

export function accountDeps(ctx: HttpContext, request: FastifyRequest): AccountDeps {
  return {
    store: ctx.store,
    clock: ctx.clock,
    ...ctx.accounts,
    baseUrl: baseUrlOf(request, ctx.config.publicUrl),
  };
}

/** What a signed-in volunteer's browser is told about them. */
async function describeMe(ctx: HttpContext, userId: number) {
  const user = await ctx.store.users.byId(userId);
  if (!user) throw new AppError('unauthenticated', 'sign in again: this account is gone');
  const bodies = new Map((await ctx.store.serviceBodies.all()).map((b) => [b.id, b.name]));
  return {
    id: user.id,
    email: user.email,
    is_admin: user.isAdmin,
    totp: user.totpSecret !== null,
    roles: user.memberships.map((m) => ({
      service_body_id: m.serviceBodyId,
      service_body: bodies.get(m.serviceBodyId) ?? null,
      role: m.role,
    })),
  };
}

/**
 * Signing in and out, passwords and the second factor. Sessions are cookies (HttpOnly,
 * SameSite=Lax, Secure over https) holding a random token; the database keeps its hash.
 */
export function registerAuthRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.post('/api/v1/auth/login', async (request, reply) => {
    const body = parseBody(loginSchema, request.body);
    // A session someone planted before sign-in is dropped: the new one has a new token.
    if (request.sessionToken) await signOut(ctx, request.sessionToken);
    const { token, user } = await signIn(accountDeps(ctx, request), {
      email: body.email,
      password: body.password,
      ...(body.totp ? { totp: body.totp } : {}),
      address: request.ip,
    });
    setSessionCookie(request, reply, token, ctx.config.publicUrl);
    return describeMe(ctx, user.id);
  });

  app.post('/api/v1/auth/logout', async (request, reply) => {
    if (request.sessionToken) await signOut(ctx, request.sessionToken);
    clearSessionCookie(reply);
    return reply.code(204).send();
  });

  app.post('/api/v1/auth/logout-everywhere', async (request, reply) => {
    const ended = await signOutEverywhere(ctx, actorOf(request).userId);
    clearSessionCookie(reply);
    return { sessions_ended: ended };
  });

  app.get('/api/v1/auth/me', async (request) => describeMe(ctx, actorOf(request).userId));

  // The first password (from the command line's or an invitation's link) or a reset.
  app.post('/api/v1/auth/password', async (request, reply) => {
    const body = parseBody(passwordFromLinkSchema, request.body);
    await setPasswordFromLink(accountDeps(ctx, request), body.token, body.password);
    if (request.sessionToken) await signOut(ctx, request.sessionToken);
    clearSessionCookie(reply);
    return { status: 'password set', message: 'Your password is set: sign in with it now.' };
  });

  app.post('/api/v1/auth/password-reset', async (request, reply) => {
    const body = parseBody(resetSchema, request.body);
    await requestPasswordReset(accountDeps(ctx, request), body.email);
    return reply.code(202).send({
      status: 'received',
      message: ctx.accounts.mailer
        ? 'If there is an account for that address, a link to reset its password is on its way (good for an hour).'
        : 'This server does not send mail: ask an administrator for a link to set a new password.',
    });
  });

  app.put('/api/v1/auth/password', async (request, reply) => {
    const body = parseBody(changeSchema, request.body);
    const token = await changePassword(accountDeps(ctx, request), actorOf(request).userId, {
      current: body.current_password,
      next: body.password,
    });
    setSessionCookie(request, reply, token, ctx.config.publicUrl);
    return {
      status: 'password changed',
      message: 'Your password is changed; your other sessions ended.',
    };
  });

  app.post('/api/v1/auth/totp/setup', (request, reply) => {
    reply.send(totpSetup(accountDeps(ctx, request), actorOf(request).email));
  });

  app.put('/api/v1/auth/totp', async (request) => {
    const body = parseBody(totpSchema, request.body);
    await enableTotp(accountDeps(ctx, request), actorOf(request).userId, body.secret, body.code);
    return { totp: true };
  });

  app.delete('/api/v1/auth/totp', async (request) => {
    const body = parseBody(totpOffSchema, request.body);
    await disableTotp(accountDeps(ctx, request), actorOf(request).userId, body.password);
    return { totp: false };
  });
}
