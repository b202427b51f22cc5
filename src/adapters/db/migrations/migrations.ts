import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { AppError } from '../../../domain/errors.ts';
import type { DatabaseDialect } from '../dialect/dialect.ts';
import type { DatabaseSchema } from '../schema.ts';
import { directoryMigration } from './0001-directory.ts';
import { directoryChangesMigration } from './0002-directory-changes.ts';
import { changeRequestsMigration } from './0003-change-requests.ts';
import { volunteersMigration } from './0004-volunteers.ts';
import { roomsMigration } from './0005-rooms.ts';

/** Every migration, in order. Names sort in the order they run. */
function allMigrations(dialect: DatabaseDialect): Record<string, Migration> {
  return {
    '0001-directory': directoryMigration(dialect),
    '0002-directory-changes': directoryChangesMigration(dialect),
    '0003-change-requests': changeRequestsMigration(dialect),
    '0004-volunteers': volunteersMigration(dialect),
    '0005-rooms': roomsMigration(dialect),
  };
}

/** Brings the schema up to date; each migration is its own transaction where the database allows. */
export async function migrateToLatest(
  db: Kysely<DatabaseSchema>,
  dialect: DatabaseDialect,
): Promise<string[]> {
  const provider: MigrationProvider = {
    getMigrations: () => Promise.resolve(allMigrations(dialect)),
  };
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'a migration';
    throw new AppError(
      'database_unavailable',
      `database migration ${failed} failed: ${(error as Error).message}`,
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
