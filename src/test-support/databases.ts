import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Store, openStore } from '../adapters/db/database.ts';
import { fixedClock } from '../adapters/clock.ts';
import { prepareDirectory } from '../services/directory.service.ts';

/** Where the PostgreSQL suites connect to create their own throwaway databases. */
export const postgresAdminUrl =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const testClock = fixedClock('2026-11-23T12:00:00.000Z');

let reachable: Promise<boolean> | undefined;

/**
 * Whether PostgreSQL answers. In CI (CI=true) an unreachable server is a failure, not a skip:
 * the PostgreSQL suite must run there.
 */
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({
      connectionString: postgresAdminUrl,
      connectionTimeoutMillis: 3000,
    });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch (error) {
      if (process.env.CI === 'true') {
        throw new Error(
          `CI=true but PostgreSQL at ${postgresAdminUrl} is unreachable (${(error as Error).message}): the PostgreSQL suite must run in CI`,
          { cause: error },
        );
      }
      console.warn(
        `\n*** SKIPPING the PostgreSQL suite: ${postgresAdminUrl} is unreachable (${(error as Error).message}). Start PostgreSQL to run it; in CI it is required. ***\n`,
      );
      return false;
    }
  })();
  return reachable;
}

export interface TestDatabase {
  readonly kind: 'sqlite' | 'postgres';
  /** A DATABASE_URL for this database, for subprocesses. */
  readonly url: string;
  readonly store: Store;
  /** Closes the store and deletes the database. */
  destroy(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(kind: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'greendoor-test-'));
    const url = path.join(dir, 'test.db');
    const store = await openStore(url);
    await prepareDirectory(store, testClock);
    return {
      kind,
      url,
      store,
      destroy: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `greendoor_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const store = await openStore(url.toString());
  await prepareDirectory(store, testClock);
  return {
    kind,
    url: url.toString(),
    store,
    destroy: async () => {
      await store.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/** The databases every repository and import suite runs against. */
export async function databaseKinds(): Promise<('sqlite' | 'postgres')[]> {
  return (await postgresReachable()) ? ['sqlite', 'postgres'] : ['sqlite'];
}
