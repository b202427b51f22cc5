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
  readonly origin: string;
  readonly paths: readonly string[];
  readonly seconds: number;
  readonly connections: number;
}

async function get(pool: Pool, path: string): Promise<boolean> {
  try {
    const response = await pool.request({ method: 'GET', path });
    await response.body.arrayBuffer();
    return response.statusCode === 200;
  } catch {
    return false;
  }
}

export async function openLoop(options: LoadOptions & { rate: number }): Promise<LoadResult> {
  const pool = new Pool(options.origin, { connections: options.connections, pipelining: 1 });
  const total = Math.round(options.rate * options.seconds);
  const latencies = new Float64Array(total);
  const interval = 1000 / options.rate;
  let ok = 0;
  let sent = 0;
  const pending: Promise<void>[] = [];
  const started = performance.now();
  while (sent < total) {
    const now = performance.now();
    // Everything due by now goes out now, each timed from when it was due.
    while (sent < total && started + sent * interval <= now) {
      const i = sent++;
      const due = started + i * interval;
      pending.push(
        get(pool, options.paths[i % options.paths.length] ?? '/').then((good) => {
          latencies[i] = performance.now() - due;
          if (good) ok++;
        }),
      );
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return { ok, failed: total - ok, seconds, latencies: latencies.sort() };
}

export async function closedLoop(options: LoadOptions): Promise<LoadResult> {
  const pool = new Pool(options.origin, { connections: options.connections, pipelining: 1 });
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const end = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
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
  await pool.close();
  return { ok, failed, seconds, latencies: Float64Array.from(latencies).sort() };
}

export const percentile = (sorted: Float64Array, q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
