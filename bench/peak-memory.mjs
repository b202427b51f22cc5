// Preloaded into a benchmarked process (node --import): on exit, writes its peak resident
// memory in bytes to the file named by BENCH_PEAK_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PEAK_FILE;
if (file) {
  process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
}
