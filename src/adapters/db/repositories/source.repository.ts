import type { Kysely } from 'kysely';
import type { DatabaseDialect } from '../dialect/dialect.ts';
import type { DatabaseSchema } from '../schema.ts';

export interface Source {
  readonly id: number;
  readonly name: string;
  readonly fellowshipId: string | null;
  readonly url: string | null;
  readonly format: string | null;
  readonly lastImportedAt: string | null;
}

export interface SourceSummary extends Source {
  readonly meetings: number;
}

export function sourceRepository(db: Kysely<DatabaseSchema>, dialect: DatabaseDialect) {
  const { codec } = dialect;
  const toSource = (r: {
    id: number;
    name: string;
    fellowship_id: string | null;
    url: string | null;
    format: string | null;
    last_imported_at: unknown;
  }): Source => ({
    id: r.id,
    name: r.name,
    fellowshipId: r.fellowship_id,
    url: r.url,
    format: r.format,
    lastImportedAt: r.last_imported_at === null ? null : codec.fromTimestamp(r.last_imported_at),
  });

  return {
    async findByName(name: string): Promise<Source | null> {
      const row = await db
        .selectFrom('sources')
        .selectAll()
        .where('name', '=', name)
        .executeTakeFirst();
      return row ? toSource(row) : null;
    },

    async create(name: string, fellowshipId: string | null, now: string): Promise<Source> {
      const row = await db
        .insertInto('sources')
        .values({ name, fellowship_id: fellowshipId, created_at: codec.toTimestamp(now) })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSource(row);
    },

    async recordImport(
      id: number,
      details: { url: string; format: string; fellowshipId: string; at: string },
    ): Promise<void> {
      await db
        .updateTable('sources')
        .set({
          url: details.url,
          format: details.format,
          fellowship_id: details.fellowshipId,
          last_imported_at: codec.toTimestamp(details.at),
        })
        .where('id', '=', id)
        .execute();
    },

    async list(): Promise<SourceSummary[]> {
      const columns = [
        'sources.id',
        'sources.name',
        'sources.fellowship_id',
        'sources.url',
        'sources.format',
        'sources.last_imported_at',
      ] as const;
      const rows = await db
        .selectFrom('sources')
        .leftJoin('meetings', 'meetings.source_id', 'sources.id')
        .select(columns)
        .select((eb) => eb.fn.count<string | number>('meetings.id').as('meetings'))
        .groupBy(columns)
        .orderBy('sources.name')
        .execute();
      return rows.map((r) => ({ ...toSource(r), meetings: Number(r.meetings) }));
    },

    /** Removes a source with everything it brought: meetings, then what they left unused. */
    async remove(id: number): Promise<number> {
      const deleted = await db
        .deleteFrom('meetings')
        .where('source_id', '=', id)
        .executeTakeFirst();
      await db.deleteFrom('groups').where('source_id', '=', id).execute();
      await db.deleteFrom('locations').where('source_id', '=', id).execute();
      // Children before parents: a district's parent may be another body of the source.
      await db
        .deleteFrom('service_bodies')
        .where('source_id', '=', id)
        .where('parent_id', 'is not', null)
        .execute();
      await db.deleteFrom('service_bodies').where('source_id', '=', id).execute();
      await db.deleteFrom('sources').where('id', '=', id).execute();
      return Number(deleted.numDeletedRows);
    },
  };
}

export type SourceRepository = ReturnType<typeof sourceRepository>;
