import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RoomState, newRoom } from '../../domain/room/room-state.ts';
import { redisReachable, testRedisUrl } from '../../test-support/redis.ts';
import { memoryRoomHub } from './memory-room-hub.ts';
import { redisRoomHub } from './redis-room-hub.ts';
import { type RoomEvent, type RoomHub, liveSeconds } from './room-hub.ts';

/**
 * The two hubs keep the same promises: changes apply one at a time to the state as it is, every
 * listener hears every change after it is saved, a state is kept only for a while, and null
 * removes it. With Redis, two hubs (two processes) share rooms. Redis is required in CI.
 */

const redisUp = await redisReachable(
  'the Redis room hub suite (src/adapters/rooms/room-hub.test.ts)',
);
const newId = () => `test-${randomBytes(8).toString('hex')}`;
const bump = (state: RoomState | null, roomId: string): RoomState => {
  const base = state ?? newRoom(roomId, { name: 'Hub test' });
  return { ...base, rev: base.rev + 1 };
};

function heard(hub: RoomHub, roomId: string): Promise<{ events: RoomEvent[]; stop: () => void }> {
  const events: RoomEvent[] = [];
  return hub.subscribe(roomId, (event) => events.push(event)).then((stop) => ({ events, stop }));
}

async function until(check: () => boolean, what: string, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const kinds: { name: string; enabled: boolean; open: () => Promise<RoomHub> }[] = [
  { name: 'memory', enabled: true, open: () => Promise.resolve(memoryRoomHub()) },
  { name: 'redis', enabled: redisUp, open: () => redisRoomHub(testRedisUrl) },
];

describe.each(kinds.filter((k) => k.enabled))('the $name room hub', ({ open }) => {
  let hub: RoomHub;
  beforeAll(async () => {
    hub = await open();
  });
  afterAll(() => hub.close());

  it('saves a change, tells listeners after it is saved, and answers its result', async () => {
    const roomId = newId();
    const { events, stop } = await heard(hub, roomId);
    const result = await hub.update(roomId, (state) => ({
      state: bump(state, roomId),
      result: 'saved',
      events: [{ kind: 'reaction', from: 'p1', reaction: 'thanks' }],
    }));
    expect(result).toBe('saved');
    expect((await hub.read(roomId))?.rev).toBe(1);
    await until(() => events.length === 2, 'two events');
    expect(events[0]).toMatchObject({ kind: 'state', state: { rev: 1 } });
    expect(events[1]).toEqual({ kind: 'reaction', from: 'p1', reaction: 'thanks' });
    stop();
  });

  it('writes nothing and sends nothing when a change answers no state', async () => {
    const roomId = newId();
    const { events, stop } = await heard(hub, roomId);
    expect(await hub.update(roomId, () => ({ state: undefined, result: 7 }))).toBe(7);
    await hub.publish(roomId, { kind: 'ended' });
    await until(() => events.length === 1, 'the published event');
    expect(events).toEqual([{ kind: 'ended' }]);
    expect(await hub.read(roomId)).toBeNull();
    stop();
  });

  it('applies concurrent changes one at a time: none is lost', async () => {
    const roomId = newId();
    await Promise.all(
      Array.from({ length: 40 }, () =>
        hub.update(roomId, (state) => ({ state: bump(state, roomId), result: null })),
      ),
    );
    expect((await hub.read(roomId))?.rev).toBe(40);
  });

  it('removes a state on null, and stops telling a listener that stopped', async () => {
    const roomId = newId();
    const { events, stop } = await heard(hub, roomId);
    await hub.update(roomId, (state) => ({ state: bump(state, roomId), result: null }));
    await until(() => events.length === 1, 'the state');
    stop();
    await hub.update(roomId, () => ({ state: null, result: null }));
    expect(await hub.read(roomId)).toBeNull();
    await hub.update(roomId, (state) => ({ state: bump(state, roomId), result: null }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toHaveLength(1);
  });

  it('names itself among the live processes', async () => {
    expect(await hub.liveNodes()).toContain(hub.node);
  });
});

describe.skipIf(!redisUp)('rooms shared by two processes through Redis', () => {
  let one: RoomHub;
  let two: RoomHub;
  let redis: Redis;
  beforeAll(async () => {
    [one, two] = await Promise.all([redisRoomHub(testRedisUrl), redisRoomHub(testRedisUrl)]);
    redis = new Redis(testRedisUrl);
  });
  afterAll(async () => {
    await one.close();
    await two.close();
    redis.disconnect();
  });

  it('lets both change one room without losing a change, and both hear every change', async () => {
    const roomId = newId();
    const [a, b] = await Promise.all([heard(one, roomId), heard(two, roomId)]);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? one : two).update(roomId, (state) => ({
          state: bump(state, roomId),
          result: null,
        })),
      ),
    );
    expect((await two.read(roomId))?.rev).toBe(30);
    await until(() => a.events.length === 30 && b.events.length === 30, 'thirty states each');
    const revs = (events: RoomEvent[]) =>
      events.map((e) => (e.kind === 'state' ? e.state.rev : -1)).sort((x, y) => x - y);
    expect(revs(a.events)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(revs(b.events)).toEqual(revs(a.events));
    a.stop();
    b.stop();
  });

  it('keeps a state only for a while (an expiry on its key), and a touch renews it', async () => {
    const roomId = newId();
    await one.update(roomId, (state) => ({
      state: bump(state, roomId),
      result: null,
      ttlSeconds: 5,
    }));
    const key = `gd:room:${roomId}:state`;
    expect(await redis.ttl(key)).toBeGreaterThan(0);
    expect(await redis.ttl(key)).toBeLessThanOrEqual(5);
    await two.touch(roomId);
    expect(await redis.ttl(key)).toBeGreaterThan(liveSeconds - 5);
    await one.update(roomId, () => ({ state: null, result: null }));
    expect(await redis.exists(key)).toBe(0);
  });

  it('knows which processes are alive: a closed one is gone at once', async () => {
    const three = await redisRoomHub(testRedisUrl);
    expect(await one.liveNodes()).toContain(three.node);
    await three.close();
    expect(await one.liveNodes()).not.toContain(three.node);
    expect(await one.liveNodes()).toContain(two.node);
  });
});
