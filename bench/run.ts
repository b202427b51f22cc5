/**
 * Import benchmark: generates feeds of 1k, 10k and 100k synthetic meetings, imports each with
 * the real `greendoor import` command into a fresh SQLite file and a fresh PostgreSQL database,
 * then imports it again (nothing changed), and writes BENCHMARKS.md. Each import runs in its
 * own process so its peak memory is its own.
 *
 *   npm run bench                  # all sizes, both databases
 *   BENCH_SIZES=1000,10000 npm run bench
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describeMachine } from './machine.ts';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'bin/greendoor.js');
const peakPreload = path.join(root, 'bench/peak-memory.mjs');
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const work = mkdtempSync(path.join(tmpdir(), 'greendoor-bench-'));

interface Measurement {
  readonly seconds: number;
  readonly peakBytes: number;
}

function measure(args: string[], databaseUrl: string): Measurement {
  const peakFile = path.join(work, 'peak');
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', peakPreload, cli, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, BENCH_PEAK_FILE: peakFile, DEMO_DATA: 'off' },
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`greendoor ${args.join(' ')} failed:\n${result.stderr}`);
  return { seconds, peakBytes: Number(readFileSync(peakFile, 'utf8')) };
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function freshPostgres(name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const rows: string[] = [];
const withPostgres = await postgresReachable();
if (!withPostgres) console.warn(`PostgreSQL at ${adminUrl} is unreachable: measuring SQLite only`);
let target = '';

for (const size of sizes) {
  const feed = path.join(work, `feed-${size}.json`);
  execFileSync(process.execPath, [
    cli,
    'generate',
    '--meetings',
    String(size),
    '--seed',
    '1',
    '--out',
    feed,
  ]);
  const megabytes = (readFileSync(feed).length / 2 ** 20).toFixed(1);
  const databases: [string, () => Promise<string>][] = [
    ['SQLite', () => Promise.resolve(path.join(work, `bench-${size}.db`))],
  ];
  if (withPostgres) databases.push(['PostgreSQL', () => freshPostgres(`greendoor_bench_${size}`)]);
  for (const [name, create] of databases) {
    const url = await create();
    const first = measure(['import', feed, '--source', 'bench'], url);
    const again = measure(['import', feed, '--source', 'bench'], url);
    const row = [
      size.toLocaleString('en-US'),
      `${megabytes} MB`,
      name,
      first.seconds.toFixed(2),
      (first.peakBytes / 2 ** 20).toFixed(0),
      Math.round(size / first.seconds).toLocaleString('en-US'),
      again.seconds.toFixed(2),
      (again.peakBytes / 2 ** 20).toFixed(0),
    ];
    rows.push(`| ${row.join(' | ')} |`);
    console.log(rows.at(-1));
    if (size === 100_000 && name === 'SQLite') {
      const ok = first.seconds < 20 && first.peakBytes < 2 ** 30;
      target = `Target (100k meetings into SQLite in under 20 s with under 1 GB peak memory): **${ok ? 'met' : 'NOT met'}**, ${first.seconds.toFixed(1)} s and ${(first.peakBytes / 2 ** 20).toFixed(0)} MB.`;
    }
  }
}
rmSync(work, { recursive: true, force: true });

const report = `# Benchmarks

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench\` (bench/run.ts) on:

${describeMachine(adminUrl).join('\n')}

## Import

Each import is the real command, \`greendoor import FEED --source bench\`, in its own process
(start-up, reading, validation, time-zone lookup from coordinates, writing, in one transaction),
into an empty database. "Again" imports the same feed a second time: every meeting is compared
and found unchanged, so nothing is written. Feeds come from \`greendoor generate --seed 1\`.
Peak memory is the process's maximum resident set size.

| meetings | feed | database | import (s) | peak (MB) | meetings/s | again (s) | again peak (MB) |
| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

${target}

For comparison, the WordPress plugin most AA intergroups use (12 Step Meeting List) times out
importing about 1,400 meetings.
`;
writeFileSync(path.join(root, 'BENCHMARKS.md'), report);
console.log('\nwrote BENCHMARKS.md');
