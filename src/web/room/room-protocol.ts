import type { Reaction } from '../../domain/room/flood-limit.ts';
import type { Role } from '../../domain/room/room-state.ts';
import type { stateView } from '../../domain/room/room-view.ts';

/** What the server sends (docs/rooms-protocol.md), as the browser reads it. */
export type RoomView = ReturnType<typeof stateView>;
export type RoomPerson = RoomView['participants'][number];

export type ServerMessage =
  | { type: 'welcome'; participantId: string; role: Role; resumeToken: string; resumed: boolean }
  | ({ type: 'state' } & RoomView)
  | {
      type: 'chat';
      from: string;
      name: string;
      text: string;
      lane: 'share' | 'side' | 'private';
      to?: string;
      at: string;
    }
  | { type: 'reaction'; from: string; reaction: Reaction }
  | { type: 'error'; code: string; message: string }
  | { type: 'ended' };

export type ChatLine = Extract<ServerMessage, { type: 'chat' }>;

/** Close codes after which the browser does not reconnect (the server's own decision). */
export const finalCloseCodes = new Set([1000, 4001, 4002, 4004, 4008]);
