/**
 * Loads for the HTTP benchmark, with undici's connection pool.
 *
 * openLoop: requests sent at a steady rate, one every 1/rate seconds whatever the server does,
 * as visitors arrive; each latency counts from when its request was due, so a server that falls
 * behind shows it (no coordinated omission). autocannon's fixed rate does not do this: it sends
 * each second's requests in one burst at the start of the second.
 *
 * closedLoop: as fast as the server answers, each connection sending its next request when the
 * last is answered: the maximum throughput.
 *
 * With several origins (server processes), the connections are split evenly among them and the
 * requests go to each in turn, as a round-robin load balancer in front of them would send them.
 */
import { Pool } from 'undici';

export interface LoadResult {
  readonly ok: number;
  readonly failed: number;
  readonly seconds: number;
  /** Milliseconds, ascending. */
  readonly latencies: Float64Array;
}

export interface LoadOptions {
  /** One or more server processes. */
  readonly origins: readonly string[];
  readonly paths: readonly string[];
  readonly seconds: number;
  readonly connections: number;
}

/**
 * One request, its body read to the end and dropped chunk by chunk (not gathered into one
 * buffer: a copy of every response would be garbage for this process to collect, and its
 * collections would show up as server latency).
 */
async function get(pool: Pool, path: string): Promise<boolean> {
  try {
    const response = await pool.request({ method: 'GET', path });
    let bytes = 0;
    for await (const chunk of response.body) bytes += (chunk as Buffer).length;
    return response.statusCode === 200 && bytes > 0;
  } catch {
    return false;
  }
}

/** A pool of connections to each origin, the connections shared out evenly. */
function poolsOf(options: LoadOptions): Pool[] {
  const each = Math.max(1, Math.ceil(options.connections / options.origins.length));
  return options.origins.map((origin) => new Pool(origin, { connections: each, pipelining: 1 }));
}

export async function openLoop(options: LoadOptions & { rate: number }): Promise<LoadResult> {
  const pools = poolsOf(options);
  const total = Math.round(options.rate * options.seconds);
  const latencies = new Float64Array(total);
  const interval = 1000 / options.rate;
  let ok = 0;
  let sent = 0;
  // Answers still awaited, counted rather than kept: the heap stays small, so collecting it
  // stays quick.
  let outstanding = 0;
  let allAnswered: () => void = () => {};
  const answered = new Promise<void>((resolve) => {
    allAnswered = resolve;
  });
  const started = performance.now();
  while (sent < total) {
    const now = performance.now();
    // Everything due by now goes out now, each timed from when it was due.
    while (sent < total && started + sent * interval <= now) {
      const i = sent++;
      const due = started + i * interval;
      outstanding++;
      void get(
        pools[i % pools.length] as Pool,
        options.paths[i % options.paths.length] ?? '/',
      ).then((good) => {
        latencies[i] = performance.now() - due;
        if (good) ok++;
        if (--outstanding === 0 && sent === total) allAnswered();
      });
    }
    // Sleep until the next is due rather than spin: on a 2-core machine a spinning client takes
    // the core the server's kernel work and threads need. A timer may wake a little late; the
    // request then goes out late, and its latency still counts from when it was due.
    const wait = started + sent * interval - performance.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
  }
  if (outstanding > 0) await answered;
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(pools.map((p) => p.close()));
  return { ok, failed: total - ok, seconds, latencies: latencies.sort() };
}

export async function closedLoop(options: LoadOptions): Promise<LoadResult> {
  const pools = poolsOf(options);
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const end = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.connections }, async (_, c) => {
      const pool = pools[c % pools.length] as Pool;
      while (performance.now() < end) {
        const sentAt = performance.now();
        const good = await get(pool, options.paths[next++ % options.paths.length] ?? '/');
        latencies.push(performance.now() - sentAt);
        if (good) ok++;
        else failed++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(pools.map((p) => p.close()));
  return { ok, failed, seconds, latencies: Float64Array.from(latencies).sort() };
}

export const percentile = (sorted: Float64Array, q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
