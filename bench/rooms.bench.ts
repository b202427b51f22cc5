/**
 * Rooms: event fan-out latency and memory, with the real server (`greendoor serve`) and the
 * participants in a second process (bench/room-load.ts) on the same 2-core machine. Four runs:
 * 300 participants in one room, and 5,000 across 250 rooms of 20, each with one process (rooms
 * in memory) and with two processes sharing the rooms through Redis (each room's people split
 * between them, so half of every fan-out crosses Redis). Memory per participant is the servers'
 * resident memory (and Redis's) once everyone is in, less what it was before anyone came,
 * divided by the number of participants.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { passwordHasher } from '../src/adapters/auth/password-hasher.ts';
import { systemClock } from '../src/adapters/clock.ts';
import { openStore } from '../src/adapters/db/database.ts';
import { openRoom, roomSetupSchema } from '../src/services/room/room-setup.service.ts';
import {
  type BenchContext,
  type RunningServer,
  type Section,
  root,
  startServer,
  table,
} from './bench-context.ts';
import type { RoomLoadResult, RoomLoadSpec } from './room-load.ts';

const SECONDS = Number(process.env.BENCH_ROOMS_SECONDS ?? 20);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Resident memory of a process, from /proc (Linux). */
function rss(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : NaN;
}

async function redisUsed(redis: Redis | null): Promise<number> {
  if (!redis) return 0;
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

/** Runs the participants; answers their result and the memory once all were in. */
function load(
  ctx: BenchContext,
  spec: RoomLoadSpec,
  atJoin: () => Promise<number>,
): Promise<{ result: RoomLoadResult; memory: number }> {
  const file = path.join(ctx.work, 'room-load.json');
  writeFileSync(file, JSON.stringify(spec));
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'bench/room-load.ts'), file],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let memory: Promise<number> = Promise.resolve(NaN);
    let buffered = '';
    let result: RoomLoadResult | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = JSON.parse(buffered.slice(0, newline)) as { joined: number } | RoomLoadResult;
        buffered = buffered.slice(newline + 1);
        if ('joined' in line) {
          // Sampled after a moment, once the joins' own traffic has been sent.
          memory = new Promise((r) => setTimeout(r, 2000)).then(atJoin);
        } else result = line;
        newline = buffered.indexOf('\n');
      }
    });
    child.once('exit', (code) => {
      if (code !== 0 || !result) reject(new Error(`bench/room-load.ts exited with ${code}`));
      else void memory.then((m) => resolve({ result: result!, memory: m }));
    });
  });
}

const ms = (v: number) => v.toFixed(1);
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

export async function roomsBench(ctx: BenchContext): Promise<Section> {
  const database = path.join(ctx.work, 'rooms.db');
  const store = await openStore(database);
  const rooms: string[] = [];
  try {
    for (let i = 0; i < 251; i++) {
      const opened = await openRoom(
        { store, clock: systemClock, hasher: passwordHasher },
        roomSetupSchema.parse({ name: `Bench room ${i}`, waiting_room: false }),
        { baseUrl: 'http://127.0.0.1' },
      );
      rooms.push(opened.roomId);
    }
  } finally {
    await store.close();
  }
  const [big, ...small] = rooms as [string, ...string[]];
  const runs: { name: string; processes: 1 | 2; rooms: string[]; perRoom: number; rate: number }[] =
    [
      { name: '300 in one room', processes: 1, rooms: [big], perRoom: 300, rate: 4 },
      { name: '5,000 in 250 rooms of 20', processes: 1, rooms: small, perRoom: 20, rate: 1 },
      { name: '300 in one room', processes: 2, rooms: [big], perRoom: 300, rate: 4 },
      { name: '5,000 in 250 rooms of 20', processes: 2, rooms: small, perRoom: 20, rate: 1 },
    ];
  const rows: string[][] = [];
  for (const run of runs) {
    const viaRedis = run.processes === 2;
    const redis = viaRedis ? new Redis(REDIS_URL) : null;
    // The bench's rooms start empty in Redis (an earlier run's state would still be there).
    if (redis) await redis.del(...rooms.map((id) => `gd:room:${id}:state`));
    const servers: RunningServer[] = [];
    try {
      for (let i = 0; i < run.processes; i++) {
        servers.push(await startServer(database, viaRedis ? { REDIS_URL } : {}));
      }
      await new Promise((r) => setTimeout(r, 1000));
      const before = servers.reduce((sum, s) => sum + rss(s.process.pid), 0);
      const redisBefore = await redisUsed(redis);
      console.log(`rooms: ${run.name}, ${run.processes} process(es), ${SECONDS} s`);
      const { result, memory } = await load(
        ctx,
        {
          servers: servers.map((s) => s.base.replace('http:', 'ws:')),
          rooms: run.rooms,
          perRoom: run.perRoom,
          seconds: SECONDS,
          roomEventsPerSecond: run.rate,
        },
        async () =>
          servers.reduce((sum, s) => sum + rss(s.process.pid), 0) -
          before +
          ((await redisUsed(redis)) - redisBefore),
      );
      const errors = Object.entries(result.errors)
        .map(([code, n]) => `${n} ${code}`)
        .join(', ');
      rows.push([
        run.name,
        viaRedis ? 'two, through Redis' : 'one, in memory',
        String(result.participants),
        `${Math.round(result.events / SECONDS).toLocaleString('en-US')}/s`,
        ms(result.chat.p50),
        ms(result.chat.p99),
        ms(result.state.p50),
        ms(result.state.p99),
        ms(Math.max(result.chat.max, result.state.max)),
        kib(memory / result.participants),
        `${result.missed}${errors ? ` (${errors})` : ''}`,
      ]);
      console.log(rows[rows.length - 1]?.join(' | '));
    } finally {
      for (const s of servers) await s.stop();
      redis?.disconnect();
    }
  }
  return {
    title: 'Rooms',
    body: `Event fan-out latency, from the moment a participant sends an event to the moment each other
participant's client has it, with the participants in a second process (bench/room-load.ts) on
the same 2-core machine as the server(s) and Redis. Each room's events alternate: a chat message
(a small frame) and a hand raised or lowered (a change of state: the whole room's state, about
100 bytes a person, goes to everyone). ${SECONDS} s of events per run, after everyone has joined.
With two processes, each room's people are split between them, so half of every fan-out crosses
Redis. Memory is the server processes' resident memory (plus Redis's used memory, with Redis)
once everyone is in, less before, per participant: an upper bound, since it includes garbage not
yet collected (with two processes, each parses every change's whole state while 300 people join).
Target: p99 under 100 ms.

${table(
  [
    'Participants',
    'Server processes',
    'People',
    'Events',
    'Chat p50 ms',
    'Chat p99 ms',
    'State p50 ms',
    'State p99 ms',
    'Max ms',
    'KiB per person',
    'Missed',
  ],
  ['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:'],
  rows,
)}

"Missed" counts deliveries expected (each event, each other participant) but not seen; errors
the server answered are named beside it.`,
  };
}
