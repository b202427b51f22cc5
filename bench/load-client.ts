/**
 * The HTTP benchmark's load, in a process of its own so that nothing else the benchmark holds
 * (the parsed feed, say) stalls it: `tsx bench/load-client.ts SPEC.json` runs the loads the spec
 * lists, one after another, and prints their results as one JSON array.
 */
import { readFileSync } from 'node:fs';
import { type LoadResult, closedLoop, openLoop, percentile } from './open-loop.ts';

export interface LoadSpec {
  /** The server processes, sharing the load (see open-loop.ts). */
  readonly origins: readonly string[];
  readonly paths: readonly string[];
  readonly loads: readonly {
    readonly name: string;
    /** A steady rate (open loop), or as fast as it answers (closed loop). */
    readonly rate?: number;
    readonly seconds: number;
    readonly connections: number;
    /** Run but not reported: warms the server (and this process) up. */
    readonly warmUp?: boolean;
  }[];
}

export interface LoadReport {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly failed: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

const summary = (name: string, r: LoadResult): LoadReport => ({
  name,
  requestsPerSecond: r.ok / r.seconds,
  failed: r.failed,
  p50: percentile(r.latencies, 0.5),
  p99: percentile(r.latencies, 0.99),
  max: r.latencies[r.latencies.length - 1] ?? Number.NaN,
});

const spec = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as LoadSpec;
const reports: LoadReport[] = [];
for (const load of spec.loads) {
  const options = {
    origins: spec.origins,
    paths: spec.paths,
    seconds: load.seconds,
    connections: load.connections,
  };
  const result = load.rate
    ? await openLoop({ ...options, rate: load.rate })
    : await closedLoop(options);
  if (!load.warmUp) reports.push(summary(load.name, result));
}
process.stdout.write(JSON.stringify(reports));
