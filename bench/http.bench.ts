/**
 * HTTP: the real server (`greendoor serve`) on the world directory, loaded from a second process
 * on the same 2-core machine (bench/load-client.ts, undici): a warm-up, then a steady 1,000
 * requests a second, three times (an open loop: latencies from when each request was due), then
 * as fast as the server answers. Each request is the next of the search benchmark's five kinds
 * of API search, interleaved; and the finder page, server-rendered, flat out. One process, then
 * two sharing the load as behind a load balancer.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  type BenchContext,
  type RunningServer,
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
    // A young generation large enough that collecting this process's garbage (every response it
    // reads) seldom pauses it; its pauses would be counted as the server's latency.
    ['--max-semi-space-size=64', '--import', 'tsx', path.join(root, 'bench/load-client.ts'), file],
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

/** A process's resident memory now, in MB (Linux). */
function rssMb(pid: number | undefined): number {
  const status = pid === undefined ? '' : readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** This machine's speed varies from moment to moment: each steady rate is run this many times. */
const STEADY_RUNS = 3;

/** The search loads: a warm-up, the steady runs, then as fast as answered. */
function searchLoads(label: string): LoadSpec['loads'] {
  return [
    { name: 'warm-up', rate: RATE, seconds: 10, connections: 64, warmUp: true },
    ...Array.from({ length: STEADY_RUNS }, (_, i) => ({
      name: `API searches, a steady ${RATE.toLocaleString('en-US')} a second${label}, run ${i + 1}`,
      rate: RATE,
      seconds: SECONDS,
      connections: 64,
    })),
    {
      name: `API searches, as fast as answered (50 connections)${label}`,
      seconds: SECONDS,
      connections: 50,
    },
  ];
}

interface Measured {
  readonly steady: LoadReport[];
  readonly flat: LoadReport;
  /** The server processes' resident memory after the loads, MB. */
  readonly rss: number;
}

function searchRuns(
  ctx: BenchContext,
  servers: RunningServer[],
  paths: string[],
  label: string,
): Measured {
  const reports = load(ctx, {
    origins: servers.map((s) => s.base),
    paths,
    loads: searchLoads(label),
  });
  const flat = reports.at(-1);
  if (reports.length !== STEADY_RUNS + 1 || !flat)
    throw new Error('the load client reported too little');
  return {
    steady: reports.slice(0, STEADY_RUNS),
    flat,
    rss: servers.reduce((sum, s) => sum + rssMb(s.process.pid), 0),
  };
}

/** The run with the median p99. */
const medianRun = (runs: readonly LoadReport[]): LoadReport => {
  const sorted = [...runs].sort((a, b) => a.p99 - b.p99);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (!median) throw new Error('no runs');
  return median;
};

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
  let one: Measured;
  let finder: LoadReport | undefined;
  try {
    one = searchRuns(ctx, [server], paths, '');
    [finder] = load(ctx, {
      origins: [server.base],
      paths: ['/'],
      loads: [
        {
          name: 'the finder page (HTML), as fast as answered (20 connections)',
          seconds: SECONDS / 2,
          connections: 20,
        },
      ],
    });
    if (!finder) throw new Error('the load client reported nothing');
  } finally {
    await server.stop();
  }

  // Two processes on the same directory, as behind a load balancer (the load client shares its
  // connections between them): one for each core. Started one after the other, as a rolling
  // start would, so that they do not both migrate the database at once.
  const first = await startServer(database);
  let two: Measured;
  let secondReady: number;
  try {
    const second = await startServer(database);
    secondReady = second.readySeconds;
    try {
      two = searchRuns(ctx, [first, second], paths, ', two processes');
    } finally {
      await second.stop();
    }
  } finally {
    await first.stop();
  }

  const oneMedian = medianRun(one.steady);
  const twoMedian = medianRun(two.steady);
  console.log(
    `http: p99 ${ms(oneMedian.p99)} ms at ${RATE}/s (median run), ${Math.round(one.flat.requestsPerSecond)}/s flat out; two processes: p99 ${ms(twoMedian.p99)} ms, ${Math.round(two.flat.requestsPerSecond)}/s`,
  );
  const verdict = (runs: readonly LoadReport[]) => {
    const median = medianRun(runs);
    const met = median.p99 < 15 && runs.every((r) => r.failed === 0);
    return `**${met ? 'met' : 'NOT met'}** by the median run, p99 ${ms(median.p99)} ms (each run: ${runs.map((r) => ms(r.p99)).join(', ')} ms)`;
  };
  return {
    title: 'HTTP',
    body: `\`greendoor serve\` on the same world directory (SQLite), started fresh (ready in
${server.readySeconds.toFixed(1)} s: the index built at start). The load comes from a second process on the same 2
cores (bench/load-client.ts, undici): 10 s of warm-up at the steady rate, not reported, then
${SECONDS} s a row. The API rows cycle through ${paths.length.toLocaleString('en-US')} searches, the five kinds of the search table
interleaved (JSON of up to 50 meetings each, about 30 kB). At a steady rate requests go out
evenly whatever the server does and each latency counts from when its request was due (an
open loop, so a server falling behind shows). The client sleeps between requests rather than
spin, reads bodies without keeping them, and has a young generation large enough that its own
garbage collection seldom pauses it: its pauses would count as the server's latency. This
machine's speed varies from moment to moment, so the steady rate is run ${STEADY_RUNS} times, one after the other.
Latencies in ms.

First one process (a Node.js process answers on one core), then two on the same directory, as
several processes behind a load balancer run (README, "Several processes"): the load client shares its
connections between them, as a round-robin balancer would, and each process has its own index
(ready in ${secondReady.toFixed(1)} s for the second). Memory is the server processes' resident
memory after the loads: ${Math.round(one.rss)} MB for one, ${Math.round(two.rss)} MB for the two together.

${table(
  ['load', 'requests/s', 'p50', 'p99', 'max', 'failed'],
  ['---', '---:', '---:', '---:', '---:', '---:'],
  [...one.steady, one.flat, finder, ...two.steady, two.flat].map(row),
)}

Target (p99 under 15 ms at 1,000 requests/s): one process ${verdict(one.steady)}; two processes ${verdict(two.steady)}.`,
  };
}
