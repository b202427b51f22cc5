import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EditingContext } from '../../services/editing/editing-context.ts';
import {
  type EditedMeeting,
  type MeetingEdit,
  createMeeting,
  deleteMeeting,
  meetingForEditing,
  updateMeeting,
} from '../../services/editing/meeting-edit.service.ts';
import {
  bulkEdit,
  bulkActions,
  editableMeetings,
} from '../../services/editing/bulk-edit.service.ts';
import { meetingHistory } from '../../services/history.service.ts';
import { actorOf } from './access.ts';
import type { HttpContext } from './http-context.ts';
import { presentHistory } from './history.presenter.ts';
import { pageQuery, parseBody } from './request-body.ts';
import { slugParams } from './route-params.ts';

const fields = z.record(z.string(), z.unknown(), {
  error: 'give the fields to change, by their Meeting Guide names',
});

/** A meeting's write: record fields at the top level, plus what is not a record field. */
const editSchema = z
  .object({
    published: z.boolean({ error: 'must be true or false' }).optional(),
    service_body_id: z
      .number({ error: 'must be a service body’s id, or null' })
      .int()
      .nullable()
      .optional(),
  })
  .catchall(z.unknown());

function editOf(body: unknown): MeetingEdit {
  const { published, service_body_id, ...rest } = parseBody(editSchema, body);
  parseBody(fields, rest);
  return {
    fields: rest,
    ...(published !== undefined ? { published } : {}),
    ...(service_body_id !== undefined ? { serviceBodyId: service_body_id } : {}),
  };
}

const bulkSchema = z.object({
  slugs: z.array(z.string().min(1).max(200), { error: 'list the meetings’ slugs' }).min(1).max(500),
  action: z.enum(bulkActions, { error: `must be one of ${bulkActions.join(', ')}` }),
  group_id: z.number().int().positive().optional(),
  location_id: z.number().int().positive().optional(),
});

export function presentEdited(m: EditedMeeting) {
  return {
    slug: m.slug,
    published: m.published,
    service_body_id: m.serviceBodyId,
    location_id: m.locationId,
    group_id: m.groupId,
    fields: m.fields,
    warnings: m.warnings.map((w) => ({ field: w.field, message: w.message })),
  };
}

/**
 * Volunteers' writes to meetings: the fields are the Meeting Guide feed's, validated as an
 * import validates them. Each acts only on meetings of the bodies the person has a role on.
 */
export function registerMeetingEditRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const editing = (request: Parameters<typeof actorOf>[0]): EditingContext => ({
    store: ctx.store,
    clock: ctx.clock,
    actor: actorOf(request),
    defaultTimezone: ctx.config.defaultTimezone,
  });

  app.get('/api/v1/editable-meetings', async (request) => {
    const { q, limit, offset } = parseBody(pageQuery, request.query);
    return editableMeetings(editing(request), {
      ...(q ? { text: q } : {}),
      limit,
      offset,
    });
  });

  app.post('/api/v1/meetings', async (request, reply) => {
    const created = await createMeeting(editing(request), editOf(request.body));
    return reply.code(201).send(presentEdited(created));
  });

  // What the public listing would say, without saving: a new meeting, or a meeting's edit.
  app.post('/api/v1/meetings/preview', async (request) => {
    const { slug, ...rest } = (request.body ?? {}) as Record<string, unknown>;
    const edit = editOf(rest);
    const preview =
      typeof slug === 'string'
        ? await updateMeeting(editing(request), slug, edit, { dryRun: true })
        : await createMeeting(editing(request), edit, { dryRun: true });
    return presentEdited(preview);
  });

  app.get('/api/v1/meetings/:slug/editable', async (request) =>
    presentEdited(await meetingForEditing(editing(request), slugParams(request.params).slug)),
  );

  app.patch('/api/v1/meetings/:slug', async (request) =>
    presentEdited(
      await updateMeeting(editing(request), slugParams(request.params).slug, editOf(request.body)),
    ),
  );

  app.delete('/api/v1/meetings/:slug', async (request, reply) => {
    await deleteMeeting(editing(request), slugParams(request.params).slug);
    return reply.code(204).send();
  });

  app.post('/api/v1/meetings/bulk', async (request) => {
    const body = parseBody(bulkSchema, request.body);
    return bulkEdit(editing(request), {
      slugs: body.slugs,
      action: body.action,
      ...(body.group_id !== undefined ? { groupId: body.group_id } : {}),
      ...(body.location_id !== undefined ? { locationId: body.location_id } : {}),
    });
  });

  app.get('/api/v1/meetings/:slug/history', async (request) => ({
    history: (await meetingHistory(editing(request), slugParams(request.params).slug)).map(
      presentHistory,
    ),
  }));
}
