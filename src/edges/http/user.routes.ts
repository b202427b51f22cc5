import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  inviteVolunteer,
  removeVolunteerRole,
  setVolunteerRole,
  volunteersFor,
} from '../../services/account/volunteer.service.ts';
import { actorOf } from './access.ts';
import { accountDeps } from './auth.routes.ts';
import type { HttpContext } from './http-context.ts';
import { idParam, parseBody } from './request-body.ts';

const invitationSchema = z.object({
  email: z.string({ error: 'give the volunteer’s e-mail address' }).max(254),
  service_body_id: z.number({ error: 'give the service body’s id' }).int().positive(),
  role: z.string({ error: 'give a role: body_admin, editor or observer' }),
});
const roleSchema = z.object({
  role: z.string({ error: 'give a role: body_admin, editor or observer' }),
});

/** Volunteers: invitations, and the roles they hold on service bodies. */
export function registerUserRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.get('/api/v1/users', async (request) => ({
    users: await volunteersFor(accountDeps(ctx, request), actorOf(request)),
  }));

  app.post('/api/v1/invitations', async (request, reply) => {
    const body = parseBody(invitationSchema, request.body);
    const sent = await inviteVolunteer(accountDeps(ctx, request), actorOf(request), {
      email: body.email,
      serviceBodyId: body.service_body_id,
      role: body.role,
    });
    return reply.code(201).send(sent);
  });

  app.put('/api/v1/users/:id/roles/:bodyId', async (request) => {
    const { role } = parseBody(roleSchema, request.body);
    await setVolunteerRole(accountDeps(ctx, request), actorOf(request), {
      userId: idParam(request.params),
      bodyId: idParam(request.params, 'bodyId'),
      role,
    });
    return { role };
  });

  app.delete('/api/v1/users/:id/roles/:bodyId', async (request, reply) => {
    await removeVolunteerRole(
      accountDeps(ctx, request),
      actorOf(request),
      idParam(request.params),
      idParam(request.params, 'bodyId'),
    );
    return reply.code(204).send();
  });
}
