import type { FastifyInstance } from 'fastify';
import type { EditingContext } from '../../services/editing/editing-context.ts';
import {
  disableMeetingRoom,
  enableMeetingRoom,
  meetingRoom,
  newHostKey,
  openRoom,
  roomSetupSchema,
} from '../../services/room/room-setup.service.ts';
import { actorOf } from './access.ts';
import { baseUrlOf } from './auth.routes.ts';
import type { HttpContext } from './http-context.ts';
import { parseBody } from './request-body.ts';
import { slugParams } from './route-params.ts';

const presentOpened = (o: {
  roomId: string;
  joinUrl: string;
  hostUrl: string;
  hostKey: string;
}) => ({
  room_id: o.roomId,
  join_url: o.joinUrl,
  host_url: o.hostUrl,
  host_key: o.hostKey,
});

/**
 * Setting rooms up (docs/rooms-protocol.md covers what happens in them): an ad-hoc room, or a
 * meeting's own room, whose link becomes the meeting's conference link. A host key is shown
 * once, when it is made.
 */
export function registerRoomRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const editing = (
    request: Parameters<typeof actorOf>[0],
  ): EditingContext & { hasher: HttpContext['accounts']['hasher'] } => ({
    store: ctx.store,
    clock: ctx.clock,
    actor: actorOf(request),
    defaultTimezone: ctx.config.defaultTimezone,
    hasher: ctx.accounts.hasher,
  });

  app.post('/api/v1/rooms', async (request, reply) => {
    const setup = parseBody(roomSetupSchema, request.body);
    const opened = await openRoom(
      { store: ctx.store, clock: ctx.clock, hasher: ctx.accounts.hasher },
      setup,
      { baseUrl: baseUrlOf(request, ctx.config.publicUrl), createdBy: actorOf(request).userId },
    );
    return reply.code(201).send(presentOpened(opened));
  });

  app.get('/api/v1/meetings/:slug/room', async (request) =>
    meetingRoom(
      editing(request),
      slugParams(request.params).slug,
      baseUrlOf(request, ctx.config.publicUrl),
    ),
  );

  app.put('/api/v1/meetings/:slug/room', async (request) => {
    const { room, hostKey, hostUrl } = await enableMeetingRoom(
      editing(request),
      slugParams(request.params).slug,
      request.body ?? {},
      baseUrlOf(request, ctx.config.publicUrl),
    );
    return { ...room, ...(hostKey ? { host_key: hostKey, host_url: hostUrl } : {}) };
  });

  app.post('/api/v1/meetings/:slug/room/host-key', async (request) =>
    presentOpened(
      await newHostKey(
        editing(request),
        slugParams(request.params).slug,
        baseUrlOf(request, ctx.config.publicUrl),
      ),
    ),
  );

  app.delete('/api/v1/meetings/:slug/room', async (request, reply) => {
    await disableMeetingRoom(editing(request), slugParams(request.params).slug);
    return reply.code(204).send();
  });
}
