import type { Kysely, Migration } from 'kysely';
import type { DatabaseDialect } from '../dialect/dialect.ts';

/** The directory: fellowships, sources, service bodies, locations, groups and meetings. */
export function directoryMigration(dialect: DatabaseDialect): Migration {
  const t = dialect.columnTypes;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('fellowships')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('website', 'text')
        .addColumn('builtin', t.boolean, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();

      await dialect
        .addIdColumn(db.schema.createTable('sources'))
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('fellowship_id', 'text', (c) => c.references('fellowships.id'))
        .addColumn('url', 'text')
        .addColumn('format', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('last_imported_at', t.timestamp)
        .execute();

      await dialect
        .addIdColumn(db.schema.createTable('service_bodies'))
        .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
        .addColumn('key', 'text')
        .addColumn('parent_id', 'integer', (c) => c.references('service_bodies.id'))
        .addColumn('fellowship_id', 'text', (c) => c.notNull().references('fellowships.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('website', 'text')
        .addColumn('logo', 'text')
        .addColumn('service_area', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('service_bodies_source_key', ['source_id', 'key'])
        .execute();
      await db.schema
        .createIndex('service_bodies_parent')
        .on('service_bodies')
        .column('parent_id')
        .execute();

      await dialect
        .addIdColumn(db.schema.createTable('locations'))
        .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
        .addColumn('key', 'text')
        .addColumn('name', 'text')
        .addColumn('formatted_address', 'text')
        .addColumn('street', 'text')
        .addColumn('city', 'text')
        .addColumn('state', 'text')
        .addColumn('postal_code', 'text')
        .addColumn('country', 'text')
        .addColumn('latitude', t.real)
        .addColumn('longitude', t.real)
        .addColumn('approximate', t.boolean, (c) => c.notNull())
        .addColumn('regions', t.json, (c) => c.notNull())
        .addColumn('timezone', 'text', (c) => c.notNull())
        .addColumn('notes', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('locations_source_key', ['source_id', 'key'])
        .execute();

      await dialect
        .addIdColumn(db.schema.createTable('groups'))
        .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
        .addColumn('key', 'text')
        .addColumn('service_body_id', 'integer', (c) => c.references('service_bodies.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('implicit', t.boolean, (c) => c.notNull())
        .addColumn('notes', 'text')
        .addColumn('website', 'text')
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('venmo', 'text')
        .addColumn('paypal', 'text')
        .addColumn('square', 'text')
        .addColumn('homegroup_online', 'text')
        .addColumn('contacts', t.json, (c) => c.notNull())
        .addColumn('last_contact', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('groups_source_key', ['source_id', 'key'])
        .execute();
      await db.schema
        .createIndex('groups_service_body')
        .on('groups')
        .column('service_body_id')
        .execute();

      await dialect
        .addIdColumn(db.schema.createTable('meetings'))
        .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id'))
        .addColumn('source_slug', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('fellowship_id', 'text', (c) => c.notNull().references('fellowships.id'))
        .addColumn('group_id', 'integer', (c) => c.references('groups.id'))
        .addColumn('location_id', 'integer', (c) => c.references('locations.id'))
        .addColumn('service_body_id', 'integer', (c) => c.references('service_bodies.id'))
        .addColumn('timezone', 'text', (c) => c.notNull())
        .addColumn('schedule_kind', 'text', (c) => c.notNull())
        .addColumn('weekdays', t.json, (c) => c.notNull())
        .addColumn('month_weeks', t.json, (c) => c.notNull())
        .addColumn('start_time', 'text')
        .addColumn('end_time', 'text')
        .addColumn('duration_minutes', 'integer')
        .addColumn('attendance', 'text', (c) => c.notNull())
        .addColumn('attendance_explicit', t.boolean, (c) => c.notNull())
        .addColumn('conference_url', 'text')
        .addColumn('conference_url_notes', 'text')
        .addColumn('conference_phone', 'text')
        .addColumn('conference_phone_notes', 'text')
        .addColumn('types', t.json, (c) => c.notNull())
        .addColumn('languages', t.json, (c) => c.notNull())
        .addColumn('notes', 'text')
        .addColumn('published', t.boolean, (c) => c.notNull())
        .addColumn('source_url', 'text')
        .addColumn('feedback_url', 'text')
        .addColumn('feedback_emails', t.json, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('meetings_source_slug', ['source_id', 'source_slug'])
        .execute();
      for (const column of ['location_id', 'group_id', 'service_body_id'] as const) {
        await db.schema.createIndex(`meetings_${column}`).on('meetings').column(column).execute();
      }
    },
  };
}
