import type { RoomState } from '../../domain/room/room-state.ts';

/**
 * A room's live state is dropped this long after it was last written or touched. The processes
 * serving a room touch it while anyone is connected, so a room every process has forgotten
 * (they all died, or everyone left without a word) is gone within minutes, names and all.
 */
export const liveSeconds = 10 * 60;

/** What passes between the processes serving a room (and, with one process, within it). */
export type RoomEvent =
  | { readonly kind: 'state'; readonly state: RoomState }
  | {
      readonly kind: 'chat';
      readonly from: string;
      readonly fromName: string;
      readonly text: string;
      /** A private message's recipient; null for everyone. */
      readonly to: string | null;
      /** The floor's share, the side chat, or a private message. */
      readonly lane: 'share' | 'side' | 'private';
      readonly at: number;
    }
  | { readonly kind: 'reaction'; readonly from: string; readonly reaction: string }
  | { readonly kind: 'close'; readonly participantId: string; readonly reason: string }
  | { readonly kind: 'ended' };

/**
 * A change to a room's state: the new state (null: the room's live state goes; undefined:
 * nothing changed, nothing is written or sent), and its answer.
 */
export interface RoomChange<T> {
  readonly state: RoomState | null | undefined;
  readonly result: T;
  /** How long the state is kept if nothing touches it again (default: `liveSeconds`). */
  readonly ttlSeconds?: number;
  /** Sent to every process after the state is saved. */
  readonly events?: readonly RoomEvent[];
}

/**
 * Where rooms' live state lives while meetings run, and how the processes serving a room hear of
 * every change: in this process's memory, or in Redis for several processes. Never on disk:
 * the state holds first names, and nothing of it outlives the meeting.
 */
export interface RoomHub {
  /** A name for this process, unique while it runs. */
  readonly node: string;
  /** What an operator should fix (Redis persisting to disk), said once at start. */
  readonly warnings: readonly string[];
  read(roomId: string): Promise<RoomState | null>;
  /**
   * Applies `change` to the state as it is (no other process's change in between), saves what
   * it answers and sends its new state and events to every process. `change` may run more than
   * once (if another process changed the room meanwhile), so it must be pure.
   */
  update<T>(roomId: string, change: (state: RoomState | null) => RoomChange<T>): Promise<T>;
  publish(roomId: string, event: RoomEvent): Promise<void>;
  /** Keeps a room's state `liveSeconds` longer (the processes serving it do, while it runs). */
  touch(roomId: string): Promise<void>;
  /**
   * Hears a room's events (this process's and every other's); resolves, once listening, to how
   * to stop. Events of changes made after it resolves are never missed.
   */
  subscribe(roomId: string, listener: (event: RoomEvent) => void): Promise<() => void>;
  /** Which processes are alive now (their heartbeats), for rooms whose members were on one gone. */
  liveNodes(): Promise<Set<string>>;
  close(): Promise<void>;
}
