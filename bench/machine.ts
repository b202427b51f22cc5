import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';

function postgresVersion(url: string): string {
  try {
    return execFileSync('psql', [url, '-tAc', 'show server_version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unreachable';
  }
}

/** What the numbers were measured on, for BENCHMARKS.md. */
export function describeMachine(postgresUrl: string): string[] {
  const cpu =
    /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ??
    os.cpus()[0]?.model ??
    'unknown';
  const sqlite = new Database(':memory:');
  const sqliteVersion = (sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v;
  sqlite.close();
  return [
    `- CPU: ${cpu}, ${os.cpus().length} cores`,
    `- Memory: ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    `- OS: ${os.type()} ${os.release()}`,
    `- Node.js ${process.version}; SQLite ${sqliteVersion} (better-sqlite3, WAL); PostgreSQL ${postgresVersion(postgresUrl)} on 127.0.0.1`,
  ];
}
