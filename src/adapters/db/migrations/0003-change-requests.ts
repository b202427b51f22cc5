import type { Kysely, Migration } from 'kysely';
import type { DatabaseDialect } from '../dialect/dialect.ts';

/**
 * Reports of a problem with a listing, and suggestions of new meetings, from the public; and an
 * index for finding the meetings at one place.
 */
export function changeRequestsMigration(dialect: DatabaseDialect): Migration {
  const t = dialect.columnTypes;
  return {
    async up(db: Kysely<unknown>) {
      await dialect
        .addIdColumn(db.schema.createTable('change_requests'))
        .addColumn('meeting_id', 'integer', (c) => c.references('meetings.id').onDelete('set null'))
        .addColumn('meeting_slug', 'text')
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('changes', t.json, (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('change_requests_status')
        .on('change_requests')
        .column('status')
        .execute();
      // "Other meetings at this place" looks up locations by their coordinates.
      await db.schema
        .createIndex('locations_coordinates')
        .on('locations')
        .columns(['latitude', 'longitude'])
        .execute();
    },
  };
}
