// The in-process search benchmark, in a process of its own (so its memory is its own), on the
// compiled code (what `greendoor serve` runs): builds the search index from a database as the
// server does at start, then runs each workload's searches through the search service (what the
// API calls), and prints one JSON object.
//   node --expose-gc bench/search-probe.mjs DATABASE_URL WORKLOADS.json
import { readFileSync } from 'node:fs';
import { openStore } from '../dist/adapters/db/database.js';
import { SearchService } from '../dist/services/search/search.service.js';

const [databaseUrl, workloadFile] = process.argv.slice(2);
const workloads = JSON.parse(readFileSync(workloadFile, 'utf8'));
const store = await openStore(databaseUrl);

const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const search = await SearchService.open(store);
const buildMs = performance.now() - started;
// As `greendoor serve` does once it listens: the tables for searches about now.
const prepared = performance.now();
search.prepareFor(Date.now());
const prepareMs = performance.now() - prepared;
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
globalThis.gc?.();
const { heapUsed, rss } = process.memoryUsage();

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const results = [];
for (const { name, queries } of workloads) {
  // A first pass warms the code paths; the second is measured.
  for (const { query } of queries) await search.search(query);
  const times = [];
  let hits = 0;
  for (const { query } of queries) {
    const t0 = performance.now();
    const result = await search.search(query);
    times.push(performance.now() - t0);
    hits += result.hits.length;
  }
  times.sort((a, b) => a - b);
  results.push({
    name,
    count: times.length,
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    max: times[times.length - 1],
    meanHits: hits / times.length,
  });
}
await store.close();
process.stdout.write(
  JSON.stringify({
    meetings: search.size,
    buildMs,
    prepareMs,
    peakRssBytes,
    rssBeforeBytes: rssBefore,
    rssAfterBytes: rss,
    heapAfterGcBytes: heapUsed,
    results,
  }),
);
