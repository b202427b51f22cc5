import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { RoomState } from '../../domain/room/room-state.ts';
import { type RoomChange, type RoomEvent, type RoomHub, liveSeconds } from './room-hub.ts';

/** Rooms in this process's memory: one process serves them all (no REDIS_URL). */
export function memoryRoomHub(): RoomHub {
  const states = new Map<string, { state: RoomState; expiry: NodeJS.Timeout }>();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const node = `memory-${randomBytes(4).toString('hex')}`;
  const emit = (roomId: string, event: RoomEvent) => {
    // Listeners hear events after the change that made them, as they would from Redis.
    queueMicrotask(() => events.emit(roomId, event));
  };
  const keep = (roomId: string, state: RoomState, seconds: number) => {
    const held = states.get(roomId);
    if (held) clearTimeout(held.expiry);
    const expiry = setTimeout(() => states.delete(roomId), seconds * 1000);
    expiry.unref();
    states.set(roomId, { state, expiry });
  };
  const drop = (roomId: string) => {
    const held = states.get(roomId);
    if (held) clearTimeout(held.expiry);
    states.delete(roomId);
  };
  return {
    node,
    warnings: [],
    read: (roomId) => Promise.resolve(states.get(roomId)?.state ?? null),
    update<T>(roomId: string, change: (state: RoomState | null) => RoomChange<T>): Promise<T> {
      const {
        state,
        result,
        events: sent = [],
        ttlSeconds,
      } = change(states.get(roomId)?.state ?? null);
      if (state === undefined) return Promise.resolve(result);
      if (state) {
        keep(roomId, state, ttlSeconds ?? liveSeconds);
        emit(roomId, { kind: 'state', state });
      } else drop(roomId);
      for (const event of sent) emit(roomId, event);
      return Promise.resolve(result);
    },
    publish(roomId, event) {
      emit(roomId, event);
      return Promise.resolve();
    },
    touch(roomId) {
      const held = states.get(roomId);
      if (held) keep(roomId, held.state, liveSeconds);
      return Promise.resolve();
    },
    subscribe(roomId, listener) {
      events.on(roomId, listener);
      return Promise.resolve(() => events.off(roomId, listener));
    },
    liveNodes: () => Promise.resolve(new Set([node])),
    close: () => {
      for (const roomId of [...states.keys()]) drop(roomId);
      events.removeAllListeners();
      return Promise.resolve();
    },
  };
}
