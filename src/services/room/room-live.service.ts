import type { PasswordHasher } from '../../adapters/auth/password-hasher.ts';
import { newToken } from '../../adapters/auth/secrets.ts';
import type { Store } from '../../adapters/db/database.ts';
import { memoryRoomHub } from '../../adapters/rooms/memory-room-hub.ts';
import { redisRoomHub } from '../../adapters/rooms/redis-room-hub.ts';
import type { Clock } from '../../adapters/clock.ts';
import type { RoomRepository } from '../../adapters/db/repositories/room.repository.ts';
import type { RoomHub } from '../../adapters/rooms/room-hub.ts';
import { departure, passage, wouldPass } from './room-changes.ts';
import { LocalRoom } from './local-room.ts';
import { closeCodes } from './room-messages.ts';
import { type RoomConnection, RoomSession } from './room-session.ts';

export interface RoomTiming {
  /** How long someone whose connection dropped keeps their place. */
  readonly graceMs: number;
  /** How often a process looks at its rooms (the away, the processes gone, fellowship's end). */
  readonly sweepMs: number;
}

export const roomTiming: RoomTiming = { graceMs: 3 * 60_000, sweepMs: 5_000 };

const PASSCODE_TRIES = 10;
const PASSCODE_WINDOW_MS = 15 * 60_000;
const TOUCH_MS = 60_000;

export interface RoomLiveDeps {
  readonly hub: RoomHub;
  readonly rooms: RoomRepository;
  readonly hasher: Pick<PasswordHasher, 'verify'>;
  readonly clock: Clock;
  /** The key network addresses are hashed with (the same for every process). */
  readonly addressKey: string;
  readonly timing?: RoomTiming;
}

/**
 * The live rooms this process serves: a session per connection, a LocalRoom per room with
 * anyone connected here, and a timer that sweeps them. What the rooms share with other
 * processes goes through the hub.
 */
export class RoomLive {
  readonly hub: RoomHub;
  readonly hasher: Pick<PasswordHasher, 'verify'>;
  readonly addressKey: string;
  private readonly deps: RoomLiveDeps;
  private readonly timing: RoomTiming;
  private readonly rooms = new Map<string, LocalRoom>();
  private readonly passcodeFailures = new Map<string, number[]>();
  private readonly sessions = new Set<RoomSession>();
  private readonly timer: NodeJS.Timeout;
  private sweeping = false;

  constructor(deps: RoomLiveDeps) {
    this.deps = deps;
    this.hub = deps.hub;
    this.hasher = deps.hasher;
    this.addressKey = deps.addressKey;
    this.timing = deps.timing ?? roomTiming;
    this.timer = setInterval(() => void this.sweep(), this.timing.sweepMs);
    this.timer.unref();
  }

  now(): number {
    return this.deps.clock.now().getTime();
  }

  /** A new connection to a room; the edge passes it every message and its end. */
  connect(roomId: string, connection: RoomConnection): RoomSession {
    const session = new RoomSession(this, roomId, connection);
    this.sessions.add(session);
    return session;
  }

  /** The connection ended. */
  disconnected(session: RoomSession): void {
    this.sessions.delete(session);
    session.disconnected();
  }

  /**
   * The room as this process serves it, subscribed to its events; null if there is no such
   * room. Its setup is read afresh for every arrival (a new host key, a passcode changed).
   */
  async room(roomId: string): Promise<LocalRoom | null> {
    const stored = await this.deps.rooms.byId(roomId);
    if (!stored) return null;
    const known = this.rooms.get(roomId);
    if (known) {
      known.stored = stored;
      await known.ready;
      return known;
    }
    const room = new LocalRoom(
      stored,
      (listener) => this.hub.subscribe(roomId, listener),
      () => this.now(),
    );
    this.rooms.set(roomId, room);
    try {
      await room.ready;
    } catch (error) {
      // Redis refused the subscription: the next arrival tries afresh.
      if (this.rooms.get(roomId) === room) this.rooms.delete(roomId);
      throw error;
    }
    return room;
  }

  get connections(): number {
    return this.sessions.size;
  }

  passcodeThrottled(roomId: string, address: string): boolean {
    const since = this.now() - PASSCODE_WINDOW_MS;
    const tries = (this.passcodeFailures.get(`${roomId} ${address}`) ?? []).filter(
      (t) => t > since,
    );
    return tries.length >= PASSCODE_TRIES;
  }

  passcodeFailed(roomId: string, address: string): void {
    const key = `${roomId} ${address}`;
    const since = this.now() - PASSCODE_WINDOW_MS;
    this.passcodeFailures.set(key, [
      ...(this.passcodeFailures.get(key) ?? []).filter((t) => t > since),
      this.now(),
    ]);
  }

  /**
   * Every few seconds: participants of processes that are gone become away, the away too long
   * leave, fellowship rooms whose time is up close, the rooms in use are kept alive, and rooms
   * no one here has used for a while are forgotten.
   */
  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      const now = this.now();
      const live = await this.hub.liveNodes();
      for (const [roomId, room] of this.rooms) {
        if (
          room.idleSince !== null &&
          now - room.idleSince > this.timing.graceMs + this.timing.sweepMs
        ) {
          room.unsubscribe();
          this.rooms.delete(roomId);
          continue;
        }
        if (room.state && wouldPass(room.state, live, now, this.timing.graceMs)) {
          await this.hub.update(roomId, passage(room.stored, live, now, this.timing.graceMs));
          room.lastTouch = now;
        } else if (room.size > 0 && now - room.lastTouch > TOUCH_MS) {
          await this.hub.touch(roomId);
          room.lastTouch = now;
        }
      }
      const since = now - PASSCODE_WINDOW_MS;
      for (const [key, tries] of this.passcodeFailures) {
        if (!tries.some((t) => t > since)) this.passcodeFailures.delete(key);
      }
    } catch {
      // Redis away for a moment: the next sweep tries again.
    } finally {
      this.sweeping = false;
    }
  }

  /**
   * Shutting down: everyone here is marked away (so they keep their places and come back on
   * another process at once) and their connections close with "restarting".
   */
  async close(): Promise<void> {
    clearInterval(this.timer);
    const now = this.now();
    await Promise.allSettled(
      [...this.sessions].map(async (session) => {
        session.close(closeCodes.restart, 'server restarting');
        const room = session.participantId === null ? undefined : this.rooms.get(session.roomId);
        if (room && session.participantId !== null) {
          await this.hub.update(
            room.stored.id,
            departure(session.participantId, session.connectionId, now),
          );
        }
      }),
    );
    for (const room of this.rooms.values()) room.unsubscribe();
    this.rooms.clear();
    await this.hub.close();
  }
}

/**
 * The rooms of this process: shared with other processes through Redis when `redisUrl` is
 * set, else in memory. Addresses are hashed with a key every process reads from the database.
 */
export async function openRoomLive(options: {
  readonly store: Store;
  readonly clock: Clock;
  readonly hasher: Pick<PasswordHasher, 'verify'>;
  readonly redisUrl: string | null;
  readonly timing?: RoomTiming;
}): Promise<RoomLive> {
  const hub = options.redisUrl ? await redisRoomHub(options.redisUrl) : memoryRoomHub();
  const addressKey = await options.store.settings.getOrSet('address-key', newToken());
  return new RoomLive({
    hub,
    rooms: options.store.rooms,
    hasher: options.hasher,
    clock: options.clock,
    addressKey,
    ...(options.timing ? { timing: options.timing } : {}),
  });
}
