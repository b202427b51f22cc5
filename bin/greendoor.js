#!/usr/bin/env node
// The `greendoor` command: runs the compiled CLI (npm install builds it through "prepare").
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/edges/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write(
    'greendoor: not built yet: run `npm install` (or `npm run build`) in the project folder\n',
  );
  process.exit(1);
}
// The installed command runs as production: React renders pages several times faster without
// its development checks. `npm run dev` and the tests run from the sources, in development.
process.env.NODE_ENV ??= 'production';
await import(entry.href);
