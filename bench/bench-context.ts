/**
 * What the benchmark suites share: the real `greendoor` command run in processes of their own,
 * generated feeds (made once per run and size), fresh databases, and a server on a free port.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const root = path.resolve(import.meta.dirname, '..');
export const cli = path.join(root, 'bin/greendoor.js');
const peakPreload = path.join(root, 'bench/peak-memory.mjs');
export const adminUrl =
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Measurement {
  readonly seconds: number;
  readonly peakBytes: number;
}

export const megabytes = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

/** The suites' scratch folder, and what they made in it that others may use again. */
export class BenchContext {
  readonly work = mkdtempSync(path.join(tmpdir(), 'greendoor-bench-'));
  readonly #feeds = new Map<string, string>();
  readonly #databases = new Map<string, string>();

  /** `greendoor generate --meetings N --seed S`, once per size and seed. */
  feed(size: number, seed = 1): string {
    const key = `${size}-${seed}`;
    let file = this.#feeds.get(key);
    if (!file) {
      file = path.join(this.work, `feed-${key}.json`);
      execFileSync(process.execPath, [
        cli,
        ...['generate', '--meetings', String(size)],
        ...['--seed', String(seed), '--out', file],
      ]);
      this.#feeds.set(key, file);
    }
    return file;
  }

  /** A SQLite file holding the feeds given (imported with the real command), made once. */
  sqliteWith(name: string, feeds: readonly string[]): string {
    let file = this.#databases.get(name);
    if (!file) {
      file = path.join(this.work, `${name}.db`);
      feeds.forEach((feed, i) => run(['import', feed, '--source', `bench-${i}`], file ?? ''));
      this.#databases.set(name, file);
    }
    return file;
  }

  /** A command in its own process, timed, with its peak resident memory. */
  measure(args: string[], databaseUrl: string): Measurement {
    const peakFile = path.join(this.work, 'peak');
    const started = process.hrtime.bigint();
    run(args, databaseUrl, { '--import': peakPreload, BENCH_PEAK_FILE: peakFile });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { seconds, peakBytes: Number(readFileSync(peakFile, 'utf8')) };
  }

  dispose(): void {
    rmSync(this.work, { recursive: true, force: true });
  }
}

function run(args: string[], databaseUrl: string, extra: Record<string, string> = {}): void {
  const { '--import': preload, ...env } = extra;
  const result = spawnSync(
    process.execPath,
    [...(preload ? ['--import', preload] : []), cli, ...args],
    {
      env: { ...process.env, ...env, DATABASE_URL: databaseUrl, DEMO_DATA: 'off' },
      encoding: 'utf8',
      maxBuffer: 256 * 2 ** 20,
    },
  );
  if (result.status !== 0) throw new Error(`greendoor ${args.join(' ')} failed:\n${result.stderr}`);
}

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * After a bulk load: VACUUM ANALYZE the database (what an operator does after one, and otherwise
 * autovacuum's own pass lands in the middle of the next measurement), then waits up to a minute
 * until no autovacuum worker is busy anywhere (earlier suites' databases included).
 */
export async function settlePostgres(url?: string): Promise<void> {
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('vacuum analyze');
    await client.end();
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (let waited = 0; waited < 60_000; waited += 500) {
      const { rows } = await admin.query<{ busy: number }>(
        "select count(*)::int as busy from pg_stat_activity where backend_type = 'autovacuum worker'",
      );
      if ((rows[0]?.busy ?? 0) === 0) return;
      await new Promise((done) => setTimeout(done, 500));
    }
  } finally {
    await admin.end();
  }
}

export async function freshPostgres(name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface RunningServer {
  readonly base: string;
  readonly process: ChildProcess;
  /** Seconds from start to a healthy /healthz (search index built). */
  readonly readySeconds: number;
  stop(): Promise<void>;
}

/** `greendoor serve` on a free port of 127.0.0.1, once /healthz answers. */
export async function startServer(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      DEMO_DATA: 'off',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`greendoor serve exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) {
      return {
        base,
        process: child,
        readySeconds: (performance.now() - started) / 1000,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('greendoor serve did not become healthy in 120 s');
}

/** A section of BENCHMARKS.md: its heading and what goes under it. */
export interface Section {
  readonly title: string;
  readonly body: string;
}

export const table = (
  head: readonly string[],
  align: readonly string[],
  rows: readonly (readonly string[])[],
) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
