/**
 * Search: a generated world directory of 300,000 meetings (BENCH_SEARCH_SIZE to change),
 * imported with the real command; then, in a process of its own on the compiled code, the
 * search index is built from the database as `greendoor serve` builds it at start, and each
 * workload's searches run through the search service (what the API calls, including its check
 * that the index is current).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  type BenchContext,
  type Section,
  freshPostgres,
  megabytes,
  postgresReachable,
  settlePostgres,
  root,
  table,
} from './bench-context.ts';
import { type Point, searchWorkloads } from './search-workload.ts';

export const worldSize = Number(process.env.BENCH_SEARCH_SIZE ?? 300_000);
const QUERIES_PER_KIND = 2000;

interface ProbeResult {
  meetings: number;
  buildMs: number;
  prepareMs: number;
  peakRssBytes: number;
  heapAfterGcBytes: number;
  rssAfterBytes: number;
  results: {
    name: string;
    count: number;
    p50: number;
    p99: number;
    max: number;
    meanHits: number;
  }[];
}

/** The world directory's feed and SQLite database, shared with the HTTP benchmark. */
export function worldDirectory(ctx: BenchContext): { feed: string; database: string } {
  const feed = ctx.feed(worldSize);
  return { feed, database: ctx.sqliteWith(`world-${worldSize}`, [feed]) };
}

/** Where the feed's meetings are, a sample of them: the points searches are made near. */
export function meetingPoints(feed: string, count = 5000): Point[] {
  const items = JSON.parse(readFileSync(feed, 'utf8')) as {
    latitude?: number;
    longitude?: number;
  }[];
  const located = items.filter(
    (m): m is Point => typeof m.latitude === 'number' && typeof m.longitude === 'number',
  );
  const step = Math.max(1, Math.floor(located.length / count));
  return located
    .filter((_, i) => i % step === 0)
    .map((m) => ({ latitude: m.latitude, longitude: m.longitude }));
}

/** Builds vary from run to run on this machine: each database's are run this many times. */
const BUILD_RUNS = 3;

function probeRuns(databaseUrl: string, workloadFile: string): ProbeResult[] {
  return Array.from({ length: BUILD_RUNS }, () => probe(databaseUrl, workloadFile));
}

function probe(databaseUrl: string, workloadFile: string): ProbeResult {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', path.join(root, 'bench/search-probe.mjs'), databaseUrl, workloadFile],
    { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, env: { ...process.env, NODE_ENV: 'production' } },
  );
  return JSON.parse(out) as ProbeResult;
}

const ms = (value: number) => value.toFixed(2);

export async function searchBench(ctx: BenchContext): Promise<Section> {
  const { feed, database } = worldDirectory(ctx);
  const workloadFile = path.join(ctx.work, 'search-workloads.json');
  const workloads = searchWorkloads(QUERIES_PER_KIND, meetingPoints(feed));
  writeFileSync(
    workloadFile,
    JSON.stringify(
      workloads.map((w) => ({ name: w.name, queries: w.queries.map((q) => ({ query: q.query })) })),
    ),
  );
  const reachable = await postgresReachable();
  // Earlier suites' PostgreSQL databases are not still being vacuumed while this one measures.
  if (reachable) await settlePostgres();
  const sqliteRuns = probeRuns(database, workloadFile);
  const [sqlite] = sqliteRuns;
  if (!sqlite) throw new Error('no SQLite probe ran');
  console.log(
    `search (SQLite): built in ${sqliteRuns.map((r) => r.buildMs.toFixed(0)).join(', ')} ms, peak ${sqliteRuns.map((r) => megabytes(r.peakRssBytes)).join(', ')} MB`,
  );
  const builds: string[][] = [buildRow('SQLite', sqliteRuns)];
  const verdicts = [buildVerdict('SQLite', sqliteRuns)];
  if (reachable) {
    const url = await freshPostgres('greendoor_bench_search');
    ctx.measure(['import', feed, '--source', 'bench'], url);
    await settlePostgres(url);
    const postgres = probeRuns(url, workloadFile);
    console.log(
      `search (PostgreSQL): built in ${postgres.map((r) => r.buildMs.toFixed(0)).join(', ')} ms`,
    );
    builds.push(buildRow('PostgreSQL', postgres));
    verdicts.push(buildVerdict('PostgreSQL', postgres));
  }
  const p99Worst = Math.max(...sqlite.results.slice(0, 3).map((r) => r.p99));
  return {
    title: 'Search',
    body: `${sqlite.meetings.toLocaleString('en-US')} meetings from \`greendoor generate --meetings ${worldSize} --seed 1\` (meetings at real
towns in 22 countries, weighted towards where meetings are; a fifth online), imported into
SQLite. Each kind is ${QUERIES_PER_KIND.toLocaleString('en-US')} different searches (points where meetings are,
instants spread over the coming week, seeded), run once to warm up and once measured, one at a time,
through the search service on the compiled code (bench/search-probe.mjs). 50 results a page.

${table(
  ['search', 'p50 (ms)', 'p99 (ms)', 'max (ms)', 'results (mean)'],
  ['---', '---:', '---:', '---:', '---:'],
  sqlite.results.map((r) => [r.name, ms(r.p50), ms(r.p99), ms(r.max), r.meanHits.toFixed(1)]),
)}

Target (p99 under 2 ms for the first three): **${p99Worst < 2 ? 'met' : 'NOT met'}**, worst p99 ${ms(p99Worst)} ms.

Building the index at start, in a fresh process (${BUILD_RUNS} runs for each database, their medians below, the searches above from SQLite's first): reading every published meeting from the
database and indexing it (SearchService.open, what \`greendoor serve\` waits for before it
listens). PostgreSQL's copy is imported the same way, then \`VACUUM ANALYZE\`d as after any bulk
load, and each build starts once no autovacuum worker is busy. Peak is the process's maximum resident set size then (Node.js, its libraries and the
open database included: about 70 MB before reading); heap is what stays on the JavaScript heap after a full collection. "Then, for now" is
what the server builds once it listens: the table of every start in UTC for the weeks around
now (searches about other times do without it).

${table(['database', 'build (s)', 'peak RSS (MB)', 'heap after GC (MB)', 'RSS after (MB)', 'then, for now (s)'], ['---', '---:', '---:', '---:', '---:', '---:'], builds)}

Target (under 5 s and under 500 MB for 300k meetings): ${verdicts.join('; ')}.`,
  };
}

/** The median of one figure over the runs. */
function mid(runs: readonly ProbeResult[], pick: (r: ProbeResult) => number): number {
  const sorted = runs.map(pick).sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

const seconds = (r: ProbeResult) => r.buildMs / 1000;
const peakMb = (r: ProbeResult) => r.peakRssBytes / 2 ** 20;

function buildVerdict(name: string, runs: readonly ProbeResult[]): string {
  const build = mid(runs, seconds);
  const peak = mid(runs, peakMb);
  const each = `${runs.map((r) => seconds(r).toFixed(2)).join(', ')} s; ${runs.map((r) => peakMb(r).toFixed(0)).join(', ')} MB`;
  return `${name} **${build < 5 && peak < 500 ? 'met' : 'NOT met'}** at the median, ${build.toFixed(2)} s and ${peak.toFixed(0)} MB (each run: ${each})`;
}

function buildRow(name: string, runs: readonly ProbeResult[]): string[] {
  return [
    name,
    mid(runs, seconds).toFixed(2),
    mid(runs, peakMb).toFixed(0),
    megabytes(mid(runs, (r) => r.heapAfterGcBytes)),
    megabytes(mid(runs, (r) => r.rssAfterBytes)),
    (mid(runs, (r) => r.prepareMs) / 1000).toFixed(2),
  ];
}
