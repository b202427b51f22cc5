import type { Insertable, Kysely, Updateable } from 'kysely';
import { batchSize, chunks } from '../batch.ts';
import type { DatabaseDialect } from '../dialect/dialect.ts';
import type { DatabaseSchema, MeetingTable } from '../schema.ts';

export function meetingRepository(db: Kysely<DatabaseSchema>, dialect: DatabaseDialect) {
  return {
    /** Every published slug in the directory: new meetings must not take one. */
    async slugs(): Promise<Set<string>> {
      const rows = await db.selectFrom('meetings').select('slug').execute();
      return new Set(rows.map((r) => r.slug));
    },

    async count(): Promise<number> {
      const row = await db
        .selectFrom('meetings')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Published meetings by fellowship id. */
    async countByFellowship(): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('meetings')
        .select(['fellowship_id', (eb) => eb.fn.countAll<string | number>().as('n')])
        .where('published', '=', dialect.codec.toBoolean(true))
        .groupBy('fellowship_id')
        .execute();
      return new Map(rows.map((r) => [r.fellowship_id, Number(r.n)]));
    },

    /** Inserts meetings of one source in batches, answering the id of each source slug. */
    async insertMany(rows: readonly Insertable<MeetingTable>[]): Promise<Map<string, number>> {
      const ids = new Map<string, number>();
      if (dialect.insertRows && rows.length > 0) {
        const inserted = dialect.insertRows('meetings', rows);
        rows.forEach((row, i) => ids.set(row.source_slug, inserted[i] ?? -1));
        return ids;
      }
      const size = batchSize(dialect.maxParameters, Object.keys(rows[0] ?? {}).length);
      for (const part of chunks(rows, size)) {
        const inserted = await db
          .insertInto('meetings')
          .values(part)
          .returning(['id', 'source_slug'])
          .execute();
        for (const r of inserted) ids.set(r.source_slug, r.id);
      }
      return ids;
    },

    async update(id: number, changes: Updateable<MeetingTable>): Promise<void> {
      await db.updateTable('meetings').set(changes).where('id', '=', id).execute();
    },

    async deleteMany(ids: readonly number[]): Promise<number> {
      let total = 0;
      for (const part of chunks(ids, dialect.maxParameters)) {
        const result = await db.deleteFrom('meetings').where('id', 'in', part).executeTakeFirst();
        total += Number(result.numDeletedRows);
      }
      return total;
    },
  };
}

export type MeetingRepository = ReturnType<typeof meetingRepository>;
