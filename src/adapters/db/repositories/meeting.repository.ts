import type { Insertable, Kysely, Updateable } from 'kysely';
import { batchSize, chunks } from '../batch.ts';
import type { DatabaseDialect } from '../dialect/dialect.ts';
import type { DatabaseSchema, MeetingTable } from '../schema.ts';
import { containsPattern } from '../like-pattern.ts';

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

    async insertOne(row: Insertable<MeetingTable>): Promise<number> {
      const inserted = await db
        .insertInto('meetings')
        .values(row)
        .returning('id')
        .executeTakeFirstOrThrow();
      return inserted.id;
    },

    /** The meetings at a place, of a group, or of service bodies: what edits and checks start from. */
    async where(filter: {
      locationId?: number;
      groupId?: number;
      serviceBodyIds?: readonly number[];
      ids?: readonly number[];
    }): Promise<
      {
        id: number;
        slug: string;
        name: string;
        serviceBodyId: number | null;
        groupId: number | null;
        locationId: number | null;
        sourceId: number;
      }[]
    > {
      let query = db
        .selectFrom('meetings')
        .select(['id', 'slug', 'name', 'service_body_id', 'group_id', 'location_id', 'source_id']);
      if (filter.locationId !== undefined)
        query = query.where('location_id', '=', filter.locationId);
      if (filter.groupId !== undefined) query = query.where('group_id', '=', filter.groupId);
      if (filter.serviceBodyIds !== undefined) {
        query = query.where(
          'service_body_id',
          'in',
          filter.serviceBodyIds.length > 0 ? [...filter.serviceBodyIds] : [-1],
        );
      }
      if (filter.ids !== undefined)
        query = query.where('id', 'in', filter.ids.length > 0 ? [...filter.ids] : [-1]);
      const rows = await query.orderBy('slug').execute();
      return rows.map((r) => ({
        id: r.id,
        slug: r.slug,
        name: r.name,
        serviceBodyId: r.service_body_id,
        groupId: r.group_id,
        locationId: r.location_id,
        sourceId: r.source_id,
      }));
    },

    /**
     * Meetings volunteers of these bodies keep (a meeting's body is its own, else its group's),
     * matching text in the name or slug, by name, a page at a time.
     */
    async inScope(filter: {
      bodyIds: 'all' | readonly number[];
      text?: string;
      limit: number;
      offset: number;
    }): Promise<{
      total: number;
      meetings: {
        id: number;
        slug: string;
        name: string;
        serviceBodyId: number | null;
        published: boolean;
        updatedAt: string;
        group: { id: number; name: string } | null;
      }[];
    }> {
      let query = db
        .selectFrom('meetings as m')
        .leftJoin('groups as g', 'g.id', 'm.group_id')
        .select([
          'm.id',
          'm.slug',
          'm.name',
          'm.published',
          'm.updated_at',
          'g.id as group_id',
          'g.name as group_name',
          (eb) => eb.fn.coalesce('m.service_body_id', 'g.service_body_id').as('body'),
        ]);
      if (filter.bodyIds !== 'all') {
        const ids = filter.bodyIds.length > 0 ? [...filter.bodyIds] : [-1];
        query = query.where((eb) =>
          eb(eb.fn.coalesce('m.service_body_id', 'g.service_body_id'), 'in', ids),
        );
      }
      if (filter.text) {
        const like = containsPattern(filter.text);
        query = query.where((eb) =>
          eb.or([
            eb(eb.fn('lower', ['m.name']), 'like', like),
            eb(eb.fn('lower', ['m.slug']), 'like', like),
          ]),
        );
      }
      const total = await query
        .clearSelect()
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      const rows = await query
        .orderBy('m.name')
        .orderBy('m.slug')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute();
      return {
        total: Number(total.n),
        meetings: rows.map((r) => ({
          id: r.id,
          slug: r.slug,
          name: r.name,
          serviceBodyId: r.body === null ? null : Number(r.body),
          published: dialect.codec.fromBoolean(r.published),
          updatedAt: dialect.codec.fromTimestamp(r.updated_at),
          group:
            r.group_id === null || r.group_name === null
              ? null
              : { id: Number(r.group_id), name: r.group_name },
        })),
      };
    },

    async sourceSlugs(ids: readonly number[]): Promise<{ id: number; sourceSlug: string }[]> {
      const out: { id: number; sourceSlug: string }[] = [];
      for (const part of chunks(ids, dialect.maxParameters)) {
        const rows = await db
          .selectFrom('meetings')
          .select(['id', 'source_slug'])
          .where('id', 'in', part)
          .execute();
        out.push(...rows.map((r) => ({ id: r.id, sourceSlug: r.source_slug })));
      }
      return out;
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
