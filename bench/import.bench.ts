/**
 * Import: feeds of 1k, 10k and 100k synthetic meetings, each imported with the real
 * `greendoor import` command into a fresh SQLite file and a fresh PostgreSQL database, then
 * imported again (nothing changed). Each import runs in its own process so its peak memory is
 * its own. BENCH_SIZES=1000,10000 picks the sizes.
 */
import path from 'node:path';
import { statSync } from 'node:fs';
import {
  type BenchContext,
  type Section,
  freshPostgres,
  megabytes,
  postgresReachable,
  table,
} from './bench-context.ts';

export async function importBench(ctx: BenchContext): Promise<Section> {
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
  const withPostgres = await postgresReachable();
  if (!withPostgres) console.warn('PostgreSQL is unreachable: measuring imports into SQLite only');
  const rows: string[][] = [];
  let target = '';
  for (const size of sizes) {
    const feed = ctx.feed(size);
    const feedMegabytes = (statSync(feed).size / 2 ** 20).toFixed(1);
    const databases: [string, () => Promise<string>][] = [
      ['SQLite', () => Promise.resolve(path.join(ctx.work, `import-${size}.db`))],
    ];
    if (withPostgres)
      databases.push(['PostgreSQL', () => freshPostgres(`greendoor_bench_${size}`)]);
    for (const [name, create] of databases) {
      const url = await create();
      const first = ctx.measure(['import', feed, '--source', 'bench'], url);
      const again = ctx.measure(['import', feed, '--source', 'bench'], url);
      rows.push([
        size.toLocaleString('en-US'),
        `${feedMegabytes} MB`,
        name,
        first.seconds.toFixed(2),
        megabytes(first.peakBytes),
        Math.round(size / first.seconds).toLocaleString('en-US'),
        again.seconds.toFixed(2),
        megabytes(again.peakBytes),
      ]);
      console.log(`import ${rows.at(-1)?.join(' | ')}`);
      if (size === 100_000 && name === 'SQLite') {
        const ok = first.seconds < 20 && first.peakBytes < 2 ** 30;
        target = `Target (100k meetings into SQLite in under 20 s with under 1 GB peak memory): **${ok ? 'met' : 'NOT met'}**, ${first.seconds.toFixed(1)} s and ${megabytes(first.peakBytes)} MB.`;
      }
    }
  }
  return {
    title: 'Import',
    body: `Each import is the real command, \`greendoor import FEED --source bench\`, in its own process
(start-up, reading, validation, time-zone lookup from coordinates, writing, in one transaction),
into an empty database. "Again" imports the same feed a second time: every meeting is compared
and found unchanged, so nothing is written. Feeds come from \`greendoor generate --seed 1\`.
Peak memory is the process's maximum resident set size.

${table(
  [
    'meetings',
    'feed',
    'database',
    'import (s)',
    'peak (MB)',
    'meetings/s',
    'again (s)',
    'again peak (MB)',
  ],
  ['---:', '---:', '---', '---:', '---:', '---:', '---:', '---:'],
  rows,
)}

${target}

For comparison, the WordPress plugin most AA intergroups use (12 Step Meeting List) times out
importing about 1,400 meetings.`,
  };
}
