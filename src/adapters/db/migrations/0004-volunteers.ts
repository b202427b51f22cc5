import type { Kysely, Migration } from 'kysely';
import type { DatabaseDialect } from '../dialect/dialect.ts';

/**
 * The volunteer area: accounts and their roles on the service-body tree, sessions, one-time
 * links, sign-in throttling, the history of every change, and what volunteers decide about
 * change requests. Secrets are stored only as hashes (passwords with argon2id, tokens with
 * SHA-256).
 */
export function volunteersMigration(dialect: DatabaseDialect): Migration {
  const t = dialect.columnTypes;
  return {
    async up(db: Kysely<unknown>) {
      await dialect
        .addIdColumn(db.schema.createTable('users'))
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text')
        .addColumn('is_admin', t.boolean, (c) => c.notNull())
        .addColumn('totp_secret', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('password_changed_at', t.timestamp)
        .execute();
      await db.schema
        .createTable('memberships')
        .addColumn('user_id', 'integer', (c) =>
          c.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('service_body_id', 'integer', (c) =>
          c.notNull().references('service_bodies.id').onDelete('cascade'),
        )
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'service_body_id'])
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) =>
          c.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await db.schema
        .createTable('one_time_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) =>
          c.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sign_in_failures')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('window_start', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('settings')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await dialect
        .addIdColumn(db.schema.createTable('history'))
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'integer', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('service_body_id', 'integer')
        .addColumn('changes', t.json, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('history_entity')
        .on('history')
        .columns(['entity', 'entity_id'])
        .execute();
      await db.schema
        .alterTable('change_requests')
        .addColumn('service_body_id', 'integer')
        .execute();
      await db.schema.alterTable('change_requests').addColumn('decided_by', 'integer').execute();
      await db.schema.alterTable('change_requests').addColumn('decided_at', t.timestamp).execute();
      await db.schema.alterTable('change_requests').addColumn('reply', 'text').execute();
      await db.schema.alterTable('locations').addColumn('service_body_id', 'integer').execute();
    },
  };
}
