import type { Reaction } from '../../domain/room/flood-limit.ts';
import type { RoomCommand, RoomErrorCode } from '../../domain/room/room-state.ts';

/**
 * The room protocol's messages, as the service takes and gives them (docs/rooms-protocol.md).
 * The WebSocket edge validates what clients send against its schema before it gets here.
 */
export type ClientMessage =
  | {
      readonly type: 'join';
      readonly name: string;
      readonly passcode?: string | undefined;
      readonly hostKey?: string | undefined;
      readonly resumeToken?: string | undefined;
    }
  | {
      readonly type: 'chat';
      readonly text: string;
      /** A private message's recipient (when the host allows them). */
      readonly to?: string | undefined;
      /** From whoever holds the floor: said in the side chat, not as part of their share. */
      readonly side?: boolean | undefined;
    }
  | { readonly type: 'react'; readonly reaction: Reaction }
  | RoomCommand;

export type ChatLane = 'share' | 'side' | 'private';

/** Close codes: 1000 the meeting ended; 4001 asked to leave; 4002 replaced by a newer connection; … */
export const closeCodes = {
  ended: 1000,
  goingAway: 1001,
  restart: 1012,
  removed: 4001,
  replaced: 4002,
  notFound: 4004,
  flood: 4008,
} as const;

export const errorFrame = (code: RoomErrorCode, message: string) => ({
  type: 'error' as const,
  code,
  message,
});
