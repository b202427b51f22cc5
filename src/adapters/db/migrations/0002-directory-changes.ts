import type { Kysely, Migration } from 'kysely';
import type { DatabaseDialect } from '../dialect/dialect.ts';

/**
 * A log of what changed, for processes that keep the directory in memory (the search index):
 * each writing transaction adds a row, and a reader applies the rows after the version it has.
 */
export function directoryChangesMigration(dialect: DatabaseDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await dialect
        .addIdColumn(db.schema.createTable('directory_changes'))
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('ref', 'integer')
        .addColumn('created_at', dialect.columnTypes.timestamp, (c) => c.notNull())
        .execute();
    },
  };
}
