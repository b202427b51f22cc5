import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { RoomState } from '../../domain/room/room-state.ts';
import { type RoomChange, type RoomEvent, type RoomHub, liveSeconds } from './room-hub.ts';

const HEARTBEAT_SECONDS = 15;
const stateKey = (roomId: string) => `gd:room:${roomId}:state`;
const channel = (roomId: string) => `gd:room:${roomId}`;
const nodeKey = (node: string) => `gd:node:${node}`;

/**
 * Rooms shared by several processes through Redis (REDIS_URL): each room's state is one key
 * with an expiry, changed in optimistic transactions (WATCH/MULTI: a change made while another
 * process changed the room is worked out again), and every change and chat message is published
 * on the room's channel. Chat is only ever published, never stored. Redis must not persist to
 * disk (no RDB snapshots, no AOF), so nothing of a meeting reaches a disk.
 */
export async function redisRoomHub(url: string): Promise<RoomHub> {
  const node = `node-${randomBytes(6).toString('hex')}`;
  // Commands, transactions (one at a time: WATCH belongs to a connection) and subscriptions.
  const commands = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const transactions = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await Promise.all([commands.connect(), transactions.connect(), subscriber.connect()]);
  const listeners = new Map<string, Set<(event: RoomEvent) => void>>();
  const subscribing = new Map<string, Promise<void>>();
  subscriber.on('message', (from: string, message: string) => {
    const roomId = from.slice('gd:room:'.length);
    const event = JSON.parse(message) as RoomEvent;
    for (const listener of listeners.get(roomId) ?? []) listener(event);
  });

  const warnings = await persistenceWarnings(commands);
  const beat = () => commands.set(nodeKey(node), '1', 'EX', HEARTBEAT_SECONDS);
  await beat();
  const heartbeat = setInterval(
    () => void beat().catch(() => undefined),
    (HEARTBEAT_SECONDS * 1000) / 3,
  );
  heartbeat.unref();

  let queue: Promise<unknown> = Promise.resolve();
  /** Transactions one after another on their connection (WATCH is per connection). */
  function serially<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  const publish = (roomId: string, event: RoomEvent) =>
    commands.publish(channel(roomId), JSON.stringify(event)).then(() => undefined);

  return {
    node,
    warnings,
    async read(roomId) {
      const text = await commands.get(stateKey(roomId));
      return text === null ? null : (JSON.parse(text) as RoomState);
    },
    update<T>(roomId: string, change: (state: RoomState | null) => RoomChange<T>): Promise<T> {
      return serially(async () => {
        for (let attempt = 0; attempt < 50; attempt++) {
          await transactions.watch(stateKey(roomId));
          const text = await transactions.get(stateKey(roomId));
          const {
            state,
            result,
            events = [],
            ttlSeconds,
          } = change(text === null ? null : (JSON.parse(text) as RoomState));
          if (state === undefined) {
            await transactions.unwatch();
            return result;
          }
          const multi = transactions.multi();
          if (state) {
            multi.set(stateKey(roomId), JSON.stringify(state), 'EX', ttlSeconds ?? liveSeconds);
            multi.publish(
              channel(roomId),
              JSON.stringify({ kind: 'state', state } satisfies RoomEvent),
            );
          } else multi.del(stateKey(roomId));
          for (const event of events) multi.publish(channel(roomId), JSON.stringify(event));
          if ((await multi.exec()) !== null) return result;
        }
        throw new Error(`room ${roomId.slice(0, 4)}…: too many changes at once; try again`);
      });
    },
    publish,
    async touch(roomId) {
      await commands.expire(stateKey(roomId), liveSeconds);
    },
    async subscribe(roomId, listener) {
      let set = listeners.get(roomId);
      if (!set) {
        set = new Set();
        listeners.set(roomId, set);
        subscribing.set(
          roomId,
          subscriber.subscribe(channel(roomId)).then(
            () => undefined,
            (error: unknown) => {
              // Refused: the next listener of the room asks afresh.
              listeners.delete(roomId);
              subscribing.delete(roomId);
              throw error;
            },
          ),
        );
      }
      set.add(listener);
      // Resolved once Redis confirms the subscription (every listener of the room waits for it).
      await subscribing.get(roomId);
      return () => {
        const current = listeners.get(roomId);
        current?.delete(listener);
        if (current && current.size === 0) {
          listeners.delete(roomId);
          subscribing.delete(roomId);
          void subscriber.unsubscribe(channel(roomId)).catch(() => undefined);
        }
      };
    },
    async liveNodes() {
      const live = new Set<string>();
      let cursor = '0';
      do {
        const [next, keys] = await commands.scan(cursor, 'MATCH', 'gd:node:*', 'COUNT', 500);
        cursor = next;
        for (const key of keys) live.add(key.slice('gd:node:'.length));
      } while (cursor !== '0');
      return live;
    },
    async close() {
      clearInterval(heartbeat);
      await commands.del(nodeKey(node)).catch(() => undefined);
      commands.disconnect();
      transactions.disconnect();
      subscriber.disconnect();
    },
  };
}

/**
 * Rooms' live state holds first names while meetings run: Redis must keep it in memory only.
 * Its persistence settings are read (a managed Redis may not allow it: then nothing is said).
 */
async function persistenceWarnings(redis: Redis): Promise<string[]> {
  try {
    const [, save] = (await redis.config('GET', 'save')) as [string, string];
    const [, appendonly] = (await redis.config('GET', 'appendonly')) as [string, string];
    const on = [
      save.trim() !== '' ? `RDB snapshots (save "${save}")` : null,
      appendonly === 'yes' ? 'the append-only file' : null,
    ].filter((x) => x !== null);
    return on.length === 0
      ? []
      : [
          `Redis persists to disk with ${on.join(' and ')}: a snapshot taken during a meeting would put participants' first names on its disk. Turn persistence off for the Redis that rooms use (save "" and appendonly no; see README "Online meetings").`,
        ];
  } catch {
    return [];
  }
}
