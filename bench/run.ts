/**
 * `npm run bench`: every benchmark suite, then BENCHMARKS.md. BENCH_SUITES=search,http runs
 * some of them and keeps the other sections of BENCHMARKS.md as they were (with their dates).
 *
 *   npm run bench
 *   BENCH_SUITES=import BENCH_SIZES=1000,10000 npm run bench
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BenchContext, type Section, adminUrl, root } from './bench-context.ts';
import { browserBench } from './browser.bench.ts';
import { httpBench } from './http.bench.ts';
import { importBench } from './import.bench.ts';
import { describeMachine } from './machine.ts';
import { roomsBench } from './rooms.bench.ts';
import { searchBench } from './search.bench.ts';

/** Each suite, in the order of BENCHMARKS.md, with the title of its section there. */
const suites: readonly {
  name: string;
  title: string;
  run: (ctx: BenchContext) => Promise<Section>;
}[] = [
  { name: 'import', title: 'Import', run: importBench },
  { name: 'search', title: 'Search', run: searchBench },
  { name: 'http', title: 'HTTP', run: httpBench },
  { name: 'browser', title: 'Browser', run: browserBench },
  { name: 'rooms', title: 'Rooms', run: roomsBench },
];
const order = suites.map((s) => s.name);
const chosen = (process.env.BENCH_SUITES ?? order.join(',')).split(',').map((s) => s.trim());
const unknown = chosen.filter((s) => !order.includes(s));
if (unknown.length > 0) {
  throw new Error(`BENCH_SUITES: unknown ${unknown.join(', ')}; choose from ${order.join(', ')}`);
}

const reportFile = path.join(root, 'BENCHMARKS.md');
/** The sections already in BENCHMARKS.md, by title, each with the lines under its heading. */
function previousSections(): Map<string, string> {
  const sections = new Map<string, string>();
  if (!existsSync(reportFile)) return sections;
  const parts = readFileSync(reportFile, 'utf8').split(/^## /m).slice(1);
  for (const part of parts) {
    const newline = part.indexOf('\n');
    sections.set(part.slice(0, newline).trim(), part.slice(newline + 1).trim());
  }
  return sections;
}

const stamp = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const machine = describeMachine(adminUrl).join('\n');
const kept = previousSections();
const ctx = new BenchContext();
const sections: string[] = [];
try {
  for (const suite of suites) {
    if (!chosen.includes(suite.name)) {
      const before = kept.get(suite.title);
      if (before) sections.push(`## ${suite.title}\n\n${before}`);
      continue;
    }
    console.log(`\n=== ${suite.name}`);
    const section = await suite.run(ctx);
    sections.push(
      `## ${section.title}\n\n_Measured ${stamp} on the machine below._\n\n${section.body}`,
    );
  }
} finally {
  ctx.dispose();
}

writeFileSync(
  reportFile,
  `# Benchmarks

Written by \`npm run bench\` (bench/run.ts); each section says when it was measured. Last run
${stamp} on:

${machine}

${sections.join('\n\n')}
`,
);
console.log('\nwrote BENCHMARKS.md');
