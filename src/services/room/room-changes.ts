import type { StoredRoom } from '../../adapters/db/repositories/room.repository.ts';
import type { RoomChange, RoomEvent } from '../../adapters/rooms/room-hub.ts';
import {
  type Outcome,
  type RoomCommand,
  type RoomError,
  type RoomState,
  apply,
  disconnect,
  join,
  newRoom,
  nodesGone,
  resume,
  sweep,
} from '../../domain/room/room-state.ts';

/**
 * The changes a process makes to a room's live state, as the pure functions the hub runs (and
 * may run again when another process changed the room meanwhile). Every write counts a revision.
 */

/** An ended meeting leaves only this, briefly, so late arrivals hear it ended: no one's name. */
export const ENDED_SECONDS = 10 * 60;

const written = (state: RoomState, before: RoomState | null): RoomState => ({
  ...state,
  rev: (before?.rev ?? state.rev) + 1,
});

/** A fresh live state for a room as it was set up. */
export function freshState(room: StoredRoom): RoomState {
  return newRoom(room.id, room.settings, {
    waitingRoom: room.waitingRoom,
    privateMessages: room.privateMessages,
  });
}

function ended(room: StoredRoom, before: RoomState): RoomState {
  return { ...freshState(room), phase: 'ended', rev: before.rev + 1 };
}

export interface Arrival {
  readonly name: string;
  readonly asHost: boolean;
  readonly passcodeOk: boolean;
  /** The hash of the resume token they came back with, if any. */
  readonly returning: string | null;
  /** The hash of the token they will be given if they come in afresh. */
  readonly resumeHash: string;
  readonly addressHash: string;
  readonly node: string;
  readonly connection: string;
  readonly now: number;
}

export type Arrived =
  | {
      readonly ok: true;
      readonly participantId: string;
      readonly resumed: boolean;
      readonly state: RoomState;
    }
  | RoomError;

/**
 * Someone arriving: back in their own place with their resume token, else in afresh. A host
 * starts a new meeting in a room whose last one ended; anyone else hears that it ended.
 */
export function arrive(room: StoredRoom, arrival: Arrival) {
  return (current: RoomState | null): RoomChange<Arrived> => {
    const restart = current === null || (current.phase === 'ended' && arrival.asHost);
    const base = restart ? { ...freshState(room), rev: current?.rev ?? 0 } : current;
    if (arrival.returning !== null) {
      const back = resume(base, arrival.returning, arrival.node, arrival.connection);
      if (back.ok) {
        const state = written(back.state, current);
        return {
          state,
          result: { ok: true, participantId: back.participantId, resumed: true, state },
        };
      }
      if (back.code !== 'resume') return { state: undefined, result: back };
    }
    const entered = join(base, { ...arrival, resumeHash: arrival.resumeHash });
    if (!entered.ok) return { state: undefined, result: entered };
    const state = written(entered.state, current);
    return {
      state,
      result: { ok: true, participantId: entered.participantId, resumed: false, state },
    };
  };
}

export type Done = { readonly ok: true } | RoomError;

/** A participant's command: applied, with the removals and the end it brings. */
export function command(room: StoredRoom, from: string, cmd: RoomCommand, now: number) {
  return (current: RoomState | null): RoomChange<Done> => {
    if (current === null) {
      return {
        state: undefined,
        result: { ok: false, code: 'ended', message: 'This meeting has ended.' },
      };
    }
    return outcomeChange(room, current, apply(current, from, cmd, now));
  };
}

function outcomeChange(room: StoredRoom, current: RoomState, outcome: Outcome): RoomChange<Done> {
  if (!outcome.ok) return { state: undefined, result: outcome };
  const closes: RoomEvent[] = (outcome.close ?? []).map((c) => ({ kind: 'close', ...c }));
  if (outcome.ended) {
    return {
      state: ended(room, current),
      ttlSeconds: ENDED_SECONDS,
      result: { ok: true },
      events: [...closes, { kind: 'ended' }],
    };
  }
  if (outcome.state === current) return { state: undefined, result: { ok: true } };
  return { state: written(outcome.state, current), result: { ok: true }, events: closes };
}

/** A connection dropped: its participant is away (unless already back on another). */
export function departure(participantId: string, connection: string, now: number) {
  return (current: RoomState | null): RoomChange<null> => {
    if (current === null) return { state: undefined, result: null };
    const next = disconnect(current, participantId, connection, now);
    return { state: next === current ? undefined : written(next, current), result: null };
  };
}

/**
 * Time passing: participants of processes that are gone are away; those away longer than
 * `graceMs` leave; a fellowship room whose time is up closes.
 */
export function passage(room: StoredRoom, live: ReadonlySet<string>, now: number, graceMs: number) {
  return (current: RoomState | null): RoomChange<null> => {
    if (current === null || current.phase === 'ended') return { state: undefined, result: null };
    const swept = sweep(nodesGone(current, live, now), now, graceMs);
    const change = outcomeChange(room, current, swept);
    return { ...change, result: null };
  };
}

/** Whether time passing would change anything (checked on the last state seen, to write rarely). */
export function wouldPass(
  state: RoomState,
  live: ReadonlySet<string>,
  now: number,
  graceMs: number,
): boolean {
  if (state.phase === 'ended') return false;
  if (state.phase === 'fellowship' && state.phaseEndsAt !== null && now >= state.phaseEndsAt)
    return true;
  return state.participants.some(
    (p) =>
      (p.awaySince === null && p.node !== null && !live.has(p.node)) ||
      (p.awaySince !== null && now - p.awaySince > graceMs),
  );
}
