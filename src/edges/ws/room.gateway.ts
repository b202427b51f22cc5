import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { RoomLive } from '../../services/room/room-live.service.ts';
import { closeCodes } from '../../services/room/room-messages.ts';
import { parseClientMessage } from './room-message.schema.ts';

/** The largest message a client may send, in bytes (a chat message is at most 2,000 characters). */
const MAX_PAYLOAD = 16 * 1024;
/** A connection that has fallen this far behind (a stalled phone) is dropped, and may resume. */
const MAX_BUFFERED = 4 * 1024 * 1024;
const PING_MS = 25_000;

export const roomIdPattern = /^[A-Za-z0-9_-]{22}$/;

/** Browsers say where a page came from: only this site's pages may open a room's socket. */
function fromElsewhere(request: FastifyRequest, publicUrl: string | null): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return false; // not a browser (scripts, the contract checks)
  const own = new Set([new URL(`${request.protocol}://${request.host}`).origin]);
  if (publicUrl) own.add(new URL(publicUrl).origin);
  return !own.has(origin);
}

/**
 * The rooms' WebSocket gateway (docs/rooms-protocol.md): JSON messages in, validated, handed to
 * the room service; frames out as the service writes them. Nothing a client sends is logged:
 * not its text, not its name, not even the room it is in.
 */
export async function registerRoomGateway(
  app: FastifyInstance,
  rooms: RoomLive,
  publicUrl: string | null,
): Promise<void> {
  await app.register(websocket, { options: { maxPayload: MAX_PAYLOAD, perMessageDeflate: false } });
  const alive = new WeakSet<WebSocket>();
  const sockets = new Set<WebSocket>();
  // Connections that vanished without closing (a phone out of signal) are noticed and dropped.
  const pinger = setInterval(() => {
    for (const socket of sockets) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, PING_MS);
  pinger.unref();
  app.addHook('preClose', async () => {
    clearInterval(pinger);
    await rooms.close();
  });

  app.get(
    '/api/v1/rooms/:roomId/socket',
    {
      websocket: true,
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    (socket, request) => {
      const { roomId } = request.params as { roomId: string };
      if (!roomIdPattern.test(roomId) || fromElsewhere(request, publicUrl)) {
        socket.send(
          JSON.stringify({
            type: 'error',
            code: 'not_found',
            message: 'There is no meeting at this link: check the link with the group.',
          }),
        );
        socket.close(closeCodes.notFound, 'no such room');
        return;
      }
      sockets.add(socket);
      alive.add(socket);
      socket.on('pong', () => alive.add(socket));
      const session = rooms.connect(roomId, {
        address: request.ip,
        send(frame) {
          if (socket.readyState !== socket.OPEN) return;
          if (socket.bufferedAmount > MAX_BUFFERED) {
            socket.terminate();
            return;
          }
          socket.send(frame, { binary: false });
        },
        close(code, reason) {
          if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING)
            socket.close(code, reason);
        },
      });
      socket.on('message', (data, isBinary) => {
        alive.add(socket);
        if (isBinary) return session.refuse('Messages are JSON text.');
        const parsed = parseClientMessage(
          Buffer.isBuffer(data)
            ? data.toString('utf8')
            : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'),
        );
        if (parsed.ok) session.receive(parsed.message);
        else session.refuse(parsed.problem);
      });
      socket.on('close', () => {
        sockets.delete(socket);
        rooms.disconnected(session);
      });
      socket.on('error', () => socket.terminate());
    },
  );
}
