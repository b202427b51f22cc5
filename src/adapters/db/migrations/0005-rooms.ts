import type { Kysely, Migration } from 'kysely';
import type { DatabaseDialect } from '../dialect/dialect.ts';

/**
 * Online meeting rooms: how each is set up (its name, the group's format, the host key's and
 * passcode's hashes). Never anything said in one, nor who came: a room's live state is kept in
 * memory (or Redis) only while the meeting runs.
 */
export function roomsMigration(dialect: DatabaseDialect): Migration {
  const t = dialect.columnTypes;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('rooms')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('settings', t.json, (c) => c.notNull())
        .addColumn('host_key_hash', 'text', (c) => c.notNull())
        .addColumn('passcode_hash', 'text')
        .addColumn('waiting_room', t.boolean, (c) => c.notNull())
        .addColumn('private_messages', t.boolean, (c) => c.notNull())
        .addColumn('meeting_id', 'integer', (c) => c.references('meetings.id').onDelete('set null'))
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rooms_meeting').on('rooms').column('meeting_id').execute();
    },
  };
}
