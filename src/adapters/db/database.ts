import { Kysely } from 'kysely';
import type { DatabaseDialect } from './dialect/dialect.ts';
import { postgresDialect } from './dialect/postgres/postgres.dialect.ts';
import { sqliteDialect } from './dialect/sqlite/sqlite.dialect.ts';
import { migrateToLatest } from './migrations/migrations.ts';
import { type Repositories, createRepositories } from './repositories/repositories.ts';
import type { DatabaseSchema } from './schema.ts';

export function isPostgresUrl(url: string): boolean {
  return url.startsWith('postgres://') || url.startsWith('postgresql://');
}

/** `DATABASE_URL` decides: postgres:// or postgresql:// is PostgreSQL, anything else a SQLite file. */
export function dialectFor(url: string): DatabaseDialect {
  return isPostgresUrl(url) ? postgresDialect(url) : sqliteDialect(url);
}

/** An open database: its repositories, and transactions over the same repositories. */
export interface Store extends Repositories {
  readonly db: Kysely<DatabaseSchema>;
  readonly dialect: DatabaseDialect;
  /** Runs `work` in one transaction: all of it lands, or none of it. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Opens the database at `url`, checks it can be reached, and (by default) migrates it. */
export async function openStore(url: string, options: { migrate?: boolean } = {}): Promise<Store> {
  const dialect = dialectFor(url);
  const db = new Kysely<DatabaseSchema>({ dialect: dialect.kysely });
  try {
    await dialect.ping();
    if (options.migrate !== false) await migrateToLatest(db, dialect);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return {
    db,
    dialect,
    ...createRepositories(db, dialect),
    transaction: (work) =>
      db.transaction().execute((trx) => work(createRepositories(trx, dialect))),
    close: () => db.destroy(),
  };
}
