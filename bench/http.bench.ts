/**
 * HTTP: the real server (`greendoor serve`, one process) on the world directory, loaded from a
 * second process on the same 2-core machine (bench/load-client.ts, undici): a warm-up, then a
 * steady 1,000 requests a second (an open loop: latencies from when each request was due), then
 * as fast as the server answers. Each request is the next of the search benchmark's five kinds
 * of API search, interleaved; and the finder page, server-rendered, flat out.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  type BenchContext,
  type Section,
  postgresReachable,
  root,
  settlePostgres,
  startServer,
  table,
} from './bench-context.ts';
import type { LoadReport, LoadSpec } from './load-client.ts';
import { meetingPoints, worldDirectory } from './search.bench.ts';
import { searchWorkloads } from './search-workload.ts';

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 20);
const RATE = 1000;

function load(ctx: BenchContext, spec: LoadSpec): LoadReport[] {
  const file = path.join(ctx.work, 'load.json');
  writeFileSync(file, JSON.stringify(spec));
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'bench/load-client.ts'), file],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 2 ** 20,
    },
  );
  return JSON.parse(out) as LoadReport[];
}

const ms = (value: number) => value.toFixed(1);
const row = (r: LoadReport) => [
  r.name,
  Math.round(r.requestsPerSecond).toLocaleString('en-US'),
  ms(r.p50),
  ms(r.p99),
  ms(r.max),
  String(r.failed),
];

export async function httpBench(ctx: BenchContext): Promise<Section> {
  const { feed, database } = worldDirectory(ctx);
  const workloads = searchWorkloads(400, meetingPoints(feed), 11);
  // Interleaved: one of each kind in turn.
  const paths =
    workloads[0]?.queries.flatMap((_, i) =>
      workloads.map((w) => `/api/v1/meetings?${w.queries[i]?.api ?? ''}`),
    ) ?? [];
  // The search suite's PostgreSQL database is not still being vacuumed while this one measures.
  if (await postgresReachable()) await settlePostgres();
  const server = await startServer(database);
  try {
    const [steady, flat] = load(ctx, {
      origin: server.base,
      paths,
      loads: [
        { name: 'warm-up', rate: RATE, seconds: 10, connections: 64, warmUp: true },
        {
          name: `API searches, a steady ${RATE.toLocaleString('en-US')} a second`,
          rate: RATE,
          seconds: SECONDS,
          connections: 64,
        },
        {
          name: 'API searches, as fast as answered (50 connections)',
          seconds: SECONDS,
          connections: 50,
        },
      ],
    });
    const [finder] = load(ctx, {
      origin: server.base,
      paths: ['/'],
      loads: [
        {
          name: 'the finder page (HTML), as fast as answered (20 connections)',
          seconds: SECONDS / 2,
          connections: 20,
        },
      ],
    });
    if (!steady || !flat || !finder) throw new Error('the load client reported nothing');
    console.log(
      `http: p99 ${ms(steady.p99)} ms at ${RATE}/s; ${Math.round(flat.requestsPerSecond)}/s flat out`,
    );
    const ok = steady.p99 < 15 && steady.failed === 0;
    return {
      title: 'HTTP',
      body: `One \`greendoor serve\` process on the same world directory (SQLite), started fresh (ready in
${server.readySeconds.toFixed(1)} s: the index built at start). The load comes from a second process on the same 2
cores (bench/load-client.ts, undici): 10 s of warm-up at the steady rate, not reported, then
${SECONDS} s a row. The API rows cycle through ${paths.length.toLocaleString('en-US')} searches, the five kinds of the search table
interleaved (JSON of up to 50 meetings each). At a steady rate requests go out
evenly whatever the server does and each latency counts from when its request was due (an
open loop, so a server falling behind shows). Latencies in ms.

${table(
  ['load', 'requests/s', 'p50', 'p99', 'max', 'failed'],
  ['---', '---:', '---:', '---:', '---:', '---:'],
  [row(steady), row(flat), row(finder)],
)}

Target (p99 under 15 ms at 1,000 requests/s): **${ok ? 'met' : 'NOT met'}**, p99 ${ms(steady.p99)} ms.`,
    };
  } finally {
    await server.stop();
  }
}
