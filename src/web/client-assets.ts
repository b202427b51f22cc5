import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a page links to from the browser bundle: its script and stylesheets, hashed. */
export interface ClientAssets {
  readonly script: string | null;
  /** Chunks every page hydrates with: fetched with the HTML, run after it has painted. */
  readonly preload: readonly string[];
  /** Chunks a page of a kind, in a language, loads before hydrating: fetched with the HTML. */
  readonly preloadFor: (kind: string, locale: string) => readonly string[];
  readonly styles: readonly string[];
  /** Styles to inline when there is no bundle (tests, or a build without the web app). */
  readonly inlineStyles: string | null;
}

/** The project root, from src/web or dist/web alike. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const clientBuildDir = path.join(projectRoot, 'dist/client');

interface ManifestEntry {
  file: string;
  css?: string[];
  imports?: string[];
}

const manifestPath = path.join(clientBuildDir, '.vite/manifest.json');

/** Reads Vite's manifest once; without a build the pages still render, with inline styles. */
export function loadClientAssets(): ClientAssets {
  if (!existsSync(manifestPath)) {
    const css = path.join(projectRoot, 'src/web/styles.css');
    return {
      script: null,
      preload: [],
      preloadFor: () => [],
      styles: [],
      inlineStyles: existsSync(css) ? readFileSync(css, 'utf8') : null,
    };
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestEntry>;
  const entry = manifest['src/web/client.tsx'];
  if (!entry)
    throw new Error(
      `${manifestPath} has no entry for src/web/client.tsx: rebuild with npm run build`,
    );
  const withImports = (key: string, seen = new Set<string>()): string[] => {
    if (seen.has(key) || !manifest[key]) return [];
    seen.add(key);
    const chunk = manifest[key];
    return [`/static/${chunk.file}`, ...(chunk.imports ?? []).flatMap((k) => withImports(k, seen))];
  };
  const pageFiles: Record<string, string> = {
    finder: 'src/web/pages/FinderPage.tsx',
    meeting: 'src/web/pages/MeetingPage.tsx',
    guide: 'src/web/pages/GuidePage.tsx',
    'not-found': 'src/web/pages/NotFoundPage.tsx',
    suggest: 'src/web/pages/SuggestPage.tsx',
    room: 'src/web/pages/RoomPage.tsx',
  };
  const entryFile = `/static/${entry.file}`;
  // What every page hydrates with (React and the app shell): the entry loads it after paint.
  const preload = withImports('src/web/hydrate.tsx').filter((file) => file !== entryFile);
  const loaded = new Set([entryFile, ...preload]);
  return {
    script: entryFile,
    preload,
    preloadFor: (kind, locale) =>
      [
        ...new Set([
          ...withImports(pageFiles[kind] ?? ''),
          ...withImports(`src/web/i18n/messages.${locale}.ts`),
        ]),
      ].filter((file) => !loaded.has(file)),
    // The stylesheet (it may sit on a chunk the entry shares with the volunteer area's) goes in
    // the page itself: a few kilobytes that spare a slow phone a render-blocking request before
    // the first results show. It has no url() to resolve against its own address.
    styles: [],
    inlineStyles: stylesOf(manifest, 'src/web/client.tsx')
      .map((href) => readFileSync(path.join(clientBuildDir, href.slice('/static/'.length)), 'utf8'))
      .join('\n'),
  };
}

/** The volunteer area's files: its entry script, the chunks it imports, its stylesheets. */
export interface AdminAssets {
  readonly script: string;
  /** Chunks the entry imports: fetched with the HTML. */
  readonly preload: readonly string[];
  readonly styles: readonly string[];
}

export const adminEntry = 'src/web/admin/admin.tsx';

/**
 * The volunteer area's hashed files from Vite's manifest, or null without a build that has it
 * (the shell then says to build). Styles are gathered from the chunks the entry imports too.
 */
export function loadAdminAssets(): AdminAssets | null {
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestEntry>;
  const entry = manifest[adminEntry];
  if (!entry) return null;
  const chunks = chunksOf(manifest, adminEntry);
  const files = (list: readonly string[]) => [...new Set(list)].map((file) => `/static/${file}`);
  return {
    script: `/static/${entry.file}`,
    preload: files(chunks.slice(1).map((c) => c.file)),
    styles: stylesOf(manifest, adminEntry),
  };
}

/** A chunk and every chunk it imports statically, the chunk first. */
function chunksOf(manifest: Record<string, ManifestEntry>, key: string): ManifestEntry[] {
  const chunks: ManifestEntry[] = [];
  const visit = (k: string, seen: Set<string>) => {
    const chunk = manifest[k];
    if (seen.has(k) || !chunk) return;
    seen.add(k);
    chunks.push(chunk);
    for (const i of chunk.imports ?? []) visit(i, seen);
  };
  visit(key, new Set());
  return chunks;
}

/** The stylesheets an entry needs: those of the chunks it imports first, then its own. */
function stylesOf(manifest: Record<string, ManifestEntry>, key: string): string[] {
  const [own, ...imported] = chunksOf(manifest, key);
  return [...new Set([...imported.flatMap((c) => c.css ?? []), ...(own?.css ?? [])])].map(
    (file) => `/static/${file}`,
  );
}
