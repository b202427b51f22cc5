import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The volunteer area is a browser app that speaks only to the JSON API: its code may import
 * itself, the pure domain (which imports no IO: src/architecture.test.ts), the public pages'
 * stylesheet and the browser packages it draws with. Server code reaches it as types only
 * (admin-api-types.ts), which the bundle drops.
 */
const dir = import.meta.dirname;
const packages =
  /^(react|react-dom|react-dom\/client|leaflet|leaflet\/dist\/leaflet\.css|topojson-client|topojson-specification|world-atlas\/[\w.-]+\?url)$/;

function files(): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Each import of a file that survives into the bundle (type-only imports are erased). */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...[...text.matchAll(/^import\s+(type\s+)?([^;]*?)\s+from\s+'([^']+)';/gms)]
      .filter((m) => !m[1])
      .map((m) => m[3] ?? ''),
    ...[...text.matchAll(/^import\s+'([^']+)';/gm)].map((m) => m[1] ?? ''),
    ...[...text.matchAll(/import\('([^']+)'\)/g)].map((m) => m[1] ?? ''),
  ];
}

function allowed(file: string, spec: string): boolean {
  if (packages.test(spec)) return true;
  if (!spec.startsWith('.')) return false;
  const target = path.resolve(path.dirname(file), spec);
  const web = path.resolve(dir, '..');
  const src = path.resolve(web, '..');
  return (
    target.startsWith(`${dir}${path.sep}`) ||
    target === path.join(web, 'styles.css') ||
    target.startsWith(path.join(src, 'domain') + path.sep)
  );
}

describe('the volunteer area’s bundle', () => {
  it('imports nothing of the server, only itself, the pure domain and browser packages', () => {
    const offending = files().flatMap((file) =>
      valueImports(file)
        .filter((spec) => !allowed(file, spec))
        .map((spec) => `${path.relative(dir, file)} imports ${spec}`),
    );
    expect(files().length).toBeGreaterThan(20);
    expect(offending).toEqual([]);
  });
});
