/**
 * The rooms benchmark's participants, in a process of their own: `tsx bench/room-load.ts
 * SPEC.json` connects every participant (each room's people spread over the servers given),
 * joins them, prints `{"joined": …}` once all are in, lets the rooms settle, then makes each
 * room's events at a steady rate: in turn, a chat message, and a hand raised or lowered (a
 * change of state). Every other participant's arrival time is recorded: fan-out latency is
 * from the moment the event was sent to the moment each participant has it. Prints the result
 * as one JSON line last.
 *
 * The participants connect from many loopback addresses (127.0.1.x): the server allows 120 new
 * connections a minute from one address, as it should for the public.
 */
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';

export interface RoomLoadSpec {
  /** ws://127.0.0.1:PORT of each server process. */
  readonly servers: readonly string[];
  readonly rooms: readonly string[];
  readonly perRoom: number;
  readonly seconds: number;
  /** Events a second in each room (chat and hands alternately). */
  readonly roomEventsPerSecond: number;
}

export interface Latencies {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export interface RoomLoadResult {
  readonly participants: number;
  readonly joinSeconds: number;
  readonly events: number;
  readonly chat: Latencies;
  readonly state: Latencies;
  /** Deliveries expected but never seen (each event, each other participant). */
  readonly missed: number;
  readonly errors: Record<string, number>;
}

const clock = () => performance.timeOrigin + performance.now();
const ADDRESSES = 200;

interface Person {
  readonly room: Room;
  readonly index: number;
  readonly ws: WebSocket;
  handUp: boolean;
  seenState: number;
}

interface Room {
  readonly id: string;
  readonly people: Person[];
  next: number;
  seq: number;
  /** The latest change of state sent, to time the first state frame after it. */
  pendingState: { seq: number; sentAt: number } | null;
}

function summary(values: number[]): Latencies {
  values.sort((a, b) => a - b);
  const at = (q: number) =>
    values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;
  return {
    count: values.length,
    p50: at(0.5),
    p99: at(0.99),
    max: values[values.length - 1] ?? NaN,
  };
}

export async function runRoomLoad(spec: RoomLoadSpec, onJoined: (n: number) => void) {
  const chat: number[] = [];
  const state: number[] = [];
  const errors: Record<string, number> = {};
  let expectedChat = 0;
  let expectedState = 0;
  const rooms: Room[] = spec.rooms.map((id) => ({
    id,
    people: [],
    next: 0,
    seq: 0,
    pendingState: null,
  }));

  const connect = (room: Room, index: number, global: number) =>
    new Promise<void>((resolve, reject) => {
      const server = spec.servers[index % spec.servers.length] ?? '';
      const ws = new WebSocket(`${server}/api/v1/rooms/${room.id}/socket`, {
        localAddress: `127.0.1.${(global % ADDRESSES) + 1}`,
        perMessageDeflate: false,
      });
      const person: Person = { room, index, ws, handUp: false, seenState: 0 };
      const timer = setTimeout(() => reject(new Error('join timed out')), 30_000);
      ws.on('open', () => ws.send(JSON.stringify({ type: 'join', name: `P${index}` })));
      ws.on('message', (data: Buffer) => {
        const at = clock();
        // Only the start of a frame is read to tell its kind: a room of 300's state is large.
        const head = data.toString('latin1', 0, 24);
        if (head.startsWith('{"type":"state"')) {
          const pending = room.pendingState;
          if (pending && person.seenState < pending.seq) {
            person.seenState = pending.seq;
            state.push(at - pending.sentAt);
          }
        } else if (head.startsWith('{"type":"chat"')) {
          const m = /bench (\d+) ([\d.]+) (\d+)/.exec(data.toString('utf8'));
          if (m && Number(m[3]) !== index) chat.push(at - Number(m[2]));
        } else if (head.startsWith('{"type":"welcome"')) {
          clearTimeout(timer);
          room.people.push(person);
          resolve();
        } else if (head.startsWith('{"type":"error"')) {
          const code = /"code":"([a-z_]+)"/.exec(data.toString('utf8'))?.[1] ?? 'unknown';
          errors[code] = (errors[code] ?? 0) + 1;
        }
      });
      ws.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });

  const started = clock();
  const all = rooms.flatMap((room) =>
    Array.from({ length: spec.perRoom }, (_, i) => ({ room, i })),
  );
  // A few dozen joins at a time, as people arriving.
  for (let at = 0; at < all.length; at += 50) {
    await Promise.all(all.slice(at, at + 50).map(({ room, i }, k) => connect(room, i, at + k)));
  }
  const joinSeconds = (clock() - started) / 1000;
  onJoined(all.length);
  await new Promise((resolve) => setTimeout(resolve, 3000));

  // Each room's events, evenly spread: room r fires at offsets r/rooms of the interval.
  const interval = 1000 / spec.roomEventsPerSecond;
  let events = 0;
  const timers = rooms.map((room, r) =>
    setTimeout(
      () => {
        const fire = () => {
          const person = room.people[room.next % room.people.length];
          room.next += 1;
          if (!person) return;
          room.seq += 1;
          events += 1;
          const sentAt = clock();
          if (room.seq % 2 === 1) {
            expectedChat += room.people.length - 1;
            person.ws.send(
              JSON.stringify({ type: 'chat', text: `bench ${room.seq} ${sentAt} ${person.index}` }),
            );
          } else {
            expectedState += room.people.length;
            room.pendingState = { seq: room.seq, sentAt };
            person.ws.send(JSON.stringify({ type: person.handUp ? 'lower_hand' : 'raise_hand' }));
            person.handUp = !person.handUp;
          }
        };
        fire();
        intervals.push(setInterval(fire, interval));
      },
      (interval * r) / rooms.length,
    ),
  );
  const intervals: NodeJS.Timeout[] = [];
  await new Promise((resolve) => setTimeout(resolve, spec.seconds * 1000));
  for (const t of timers) clearTimeout(t);
  for (const t of intervals) clearInterval(t);
  // Let the last deliveries arrive, then leave.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  for (const room of rooms) for (const p of room.people) p.ws.close();

  return {
    participants: all.length,
    joinSeconds,
    events,
    chat: summary(chat),
    state: summary(state),
    missed: expectedChat - chat.length + (expectedState - state.length),
    errors,
  } satisfies RoomLoadResult;
}

if (process.argv[1]?.endsWith('room-load.ts')) {
  const spec = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as RoomLoadSpec;
  const result = await runRoomLoad(spec, (n) => console.log(JSON.stringify({ joined: n })));
  console.log(JSON.stringify(result));
  process.exit(0);
}
