import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../adapters/clock.ts';
import { openStore } from '../../adapters/db/database.ts';
import { loadConfig } from '../../config/config.ts';
import { prepareDirectory } from '../../services/directory.service.ts';
import { MemoryStream } from '../../test-support/memory-stream.ts';
import { sharedFeedPath } from '../../test-support/shared-data.ts';
import type { CliContext } from './cli-context.ts';
import { runCli } from './program.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');

/** The real command, as `npx greendoor` runs it, but from the sources (no build needed). */
async function greendoor(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/edges/cli/main.ts', ...args],
      {
        cwd: root,
        env: { ...process.env, ...env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the greendoor command', () => {
  it('prints help with every command and setting', async () => {
    const { code, stdout } = await greendoor(['--help']);
    expect(code).toBe(0);
    for (const word of [
      'serve',
      'import',
      'export',
      'validate',
      'generate',
      'DATABASE_URL',
      'PORT',
    ]) {
      expect(stdout).toContain(word);
    }
  });

  it('refuses a bad setting with one line naming it, and exit status 1', async () => {
    const { code, stderr } = await greendoor(['sources'], { PORT: 'abc' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'greendoor: configuration: PORT must be a whole number from 1 to 65535 (got "abc")',
    );
  });

  it('refuses invalid JSON with one line naming the position', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'greendoor-cli-'));
    const { code, stdout, stderr } = await greendoor(['import', sharedFeedPath('invalid')], {
      DATABASE_URL: path.join(dir, 'g.db'),
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^greendoor: .*invalid\.json is not valid JSON at line 80, column 3: /);
  });
});

describe('commands', () => {
  let dir: string;
  let stdout: MemoryStream;
  let stderr: MemoryStream;
  let context: () => CliContext;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'greendoor-cli-'));
    stdout = new MemoryStream();
    stderr = new MemoryStream();
    const config = loadConfig({ DATABASE_URL: path.join(dir, 'g.db') });
    context = () => ({
      config,
      clock: systemClock,
      stdout,
      stderr,
      async openStore(url = config.databaseUrl) {
        const store = await openStore(url);
        await prepareDirectory(store, systemClock);
        return store;
      },
    });
  });
  afterEach(() => {
    stdout.destroy();
    stderr.destroy();
  });

  const cli = (...args: string[]) => runCli(['node', 'greendoor', ...args], { context, stderr });
  const meetingCount = async () => {
    const store = await openStore(path.join(dir, 'g.db'));
    try {
      return await store.meetings.count();
    } finally {
      await store.close();
    }
  };

  it('imports with a report of what happened and what needs care', async () => {
    expect(await cli('import', sharedFeedPath('times'), '--timezone', 'America/Chicago')).toBe(0);
    expect(stdout.text).toContain('Imported');
    expect(stdout.text).toContain('as source "times": a Meeting Guide feed.');
    expect(stdout.text).toContain('unknown type code "NA" (kept) — approximate');
    expect(stdout.text).toContain(
      'no time zone or coordinates: used America/Chicago (--timezone) — 9 meetings',
    );
    expect(stdout.lines.at(-1)).toBe(
      'Meetings: 9 read, 9 created, 0 updated, 0 unchanged, 0 removed, 0 left out',
    );
  });

  it('gives the full report as JSON', async () => {
    expect(
      await cli(
        'import',
        sharedFeedPath('atlanta'),
        '--source',
        'atl',
        '--fellowship',
        'aa',
        '--json',
      ),
    ).toBe(0);
    const report = JSON.parse(stdout.text) as Record<string, unknown>;
    expect(report).toMatchObject({
      source: 'atl',
      created: 6,
      fellowship: 'aa',
      fellowshipOrigin: 'option',
    });
  });

  it('validates without writing anything', async () => {
    expect(await cli('validate', sharedFeedPath('sussexaa'))).toBe(0);
    expect(stdout.text).toContain('Checked');
    expect(stdout.text).toContain('would be 123 created');
    expect(stdout.lines.at(-1)).toBe('Nothing was written.');
    expect(await cli('import', sharedFeedPath('sussexaa'))).toBe(0);
    expect(await cli('validate', sharedFeedPath('sussexaa'))).toBe(0);
    expect(stdout.text).toContain('0 created, 0 updated, 123 unchanged');
  });

  it('exports to a file or to standard output', async () => {
    await cli('import', sharedFeedPath('atlanta'));
    expect(await cli('export', '--out', path.join(dir, 'out.json'))).toBe(0);
    const feed = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')) as { slug: string }[];
    expect(feed).toHaveLength(6);
    const before = stdout.text.length;
    expect(await cli('export', '--format', 'csv')).toBe(0);
    expect(stdout.text.slice(before).split('\n')[0]).toMatch(/^"Time","End Time","Day","Name",/);
  });

  it('generates the same feed for the same seed', async () => {
    await cli('generate', '--meetings', '40', '--seed', '3', '--out', path.join(dir, 'a.json'));
    await cli('generate', '--meetings', '40', '--seed', '3', '--out', path.join(dir, 'b.json'));
    await cli('generate', '--meetings', '40', '--seed', '4', '--out', path.join(dir, 'c.json'));
    const [a, b, c] = ['a', 'b', 'c'].map((f) => readFileSync(path.join(dir, `${f}.json`), 'utf8'));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(JSON.parse(a ?? '')).toHaveLength(40);
  });

  it('lists and removes sources', async () => {
    await cli('import', sharedFeedPath('atlanta'), '--source', 'atlanta');
    await cli('sources', 'list');
    expect(stdout.text).toMatch(/^atlanta\t6 meetings\taa\tlast imported /m);
    expect(await cli('sources', 'remove', 'atlanta')).toBe(0);
    expect(stdout.text).toContain('Removed source "atlanta" and its 6 meetings.');
    expect(await meetingCount()).toBe(0);
    expect(await cli('sources', 'remove', 'atlanta')).toBe(1);
    expect(stderr.text).toBe(
      'greendoor: no source named "atlanta": see `greendoor sources list`\n',
    );
  });

  it('adds fellowships, refusing a duplicate or a bad id', async () => {
    const add = (id: string) =>
      cli(
        'fellowships',
        'add',
        id,
        '--name',
        'Gamblers Anonymous',
        '--kind',
        'twelve_step',
        '--description',
        'For people who want to stop gambling.',
      );
    expect(await add('ga')).toBe(0);
    await cli('fellowships', 'list');
    expect(stdout.text).toContain('ga\tGamblers Anonymous\ttwelve_step\t(added)');
    expect(await add('ga')).toBe(1);
    expect(stderr.text).toContain('greendoor: a fellowship with id "ga" already exists');
    expect(await add('Not An Id')).toBe(1);
    expect(stderr.text).toContain(
      'greendoor: invalid id "Not An Id": use lower-case letters, digits and hyphens',
    );
  });

  it('prints the type vocabulary in a language', async () => {
    expect(await cli('types', '--language', 'es')).toBe(0);
    expect(stdout.text).toContain('O\tAbierta\tAnyone may come');
    expect(stdout.text).toContain('JFT\tJust for Today\t');
  });

  it('refuses an unknown format or a bad zone before touching anything', async () => {
    expect(await cli('import', sharedFeedPath('atlanta'), '--format', 'xml')).toBe(1);
    expect(await cli('import', sharedFeedPath('atlanta'), '--timezone', 'Mars/Base')).toBe(1);
    expect(stderr.text).toContain(
      'greendoor: --timezone "Mars/Base" is not a time zone: use an IANA name such as America/Chicago',
    );
    expect(await meetingCount()).toBe(0);
  });
});
