import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.ts';
import type { EditingContext } from '../../services/editing/editing-context.ts';
import {
  createShared,
  deleteShared,
  sharedForEditing,
  updateShared,
} from '../../services/editing/shared-edit.service.ts';
import { editableGroups, editablePlaces } from '../../services/editing/shared-list.service.ts';
import { actorOf } from './access.ts';
import type { HttpContext } from './http-context.ts';
import { idParam, pageQuery, parseBody } from './request-body.ts';

const kinds = [
  ['groups', 'group'],
  ['locations', 'location'],
  ['service-bodies', 'service_body'],
] as const;

function body(request: FastifyRequest): Record<string, unknown> {
  const value = request.body;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new AppError('invalid_input', 'body: send the fields as a JSON object', {
      field: 'body',
    });
  }
  return value as Record<string, unknown>;
}

/** Places, groups and service bodies: read, add, change and delete (what uses them is kept safe). */
export function registerSharedEditRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const editing = (request: FastifyRequest): EditingContext => ({
    store: ctx.store,
    clock: ctx.clock,
    actor: actorOf(request),
    defaultTimezone: ctx.config.defaultTimezone,
  });
  for (const [path, kind] of kinds) {
    if (kind !== 'service_body') {
      app.get(`/api/v1/${path}`, async (request) => {
        const { q, limit, offset } = parseBody(pageQuery, request.query);
        const filter = { ...(q ? { text: q } : {}), limit, offset };
        return kind === 'group'
          ? editableGroups(editing(request), filter)
          : editablePlaces(editing(request), filter);
      });
    }
    app.get(`/api/v1/${path}/:id`, async (request) =>
      sharedForEditing(editing(request), kind, idParam(request.params)),
    );
    app.post(`/api/v1/${path}`, async (request, reply) =>
      reply.code(201).send(await createShared(editing(request), kind, body(request))),
    );
    app.patch(`/api/v1/${path}/:id`, async (request) =>
      updateShared(editing(request), { kind, id: idParam(request.params) }, body(request)),
    );
    app.delete(`/api/v1/${path}/:id`, async (request, reply) => {
      await deleteShared(editing(request), kind, idParam(request.params));
      return reply.code(204).send();
    });
  }

  // The tree, for choosing a body: names are public, so any volunteer sees all of it.
  app.get('/api/v1/service-bodies', async () => ({
    service_bodies: (await ctx.store.serviceBodies.all()).map((b) => ({
      id: b.id,
      name: b.name,
      kind: b.kind,
      parent_id: b.parent_id,
      fellowship: b.fellowship_id,
    })),
  }));
}
