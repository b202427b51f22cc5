import { type Insertable, type Kysely, type Selectable, type Updateable, sql } from 'kysely';
import { batchSize, chunks } from '../batch.ts';
import type { DatabaseDialect } from '../dialect/dialect.ts';
import type { DatabaseSchema } from '../schema.ts';

/** Tables whose rows an import source owns, found again by (source_id, key) on the next import. */
export type OwnedTable = 'locations' | 'groups' | 'service_bodies';

interface OwnedColumns {
  id: number;
  source_id: number | null;
  key: string | null;
}

/** A column elsewhere that points at rows of the table: while one does, the row is in use. */
export interface Reference {
  readonly table: keyof DatabaseSchema;
  readonly column: string;
}

/**
 * Reading, inserting, updating and pruning the rows of one owned table. The three tables share
 * these operations exactly; only the row type and what refers to them differ.
 */
export function ownedRowsRepository<T extends OwnedTable>(
  db: Kysely<DatabaseSchema>,
  dialect: DatabaseDialect,
  table: T,
  references: readonly Reference[],
) {
  type Row = Selectable<DatabaseSchema[T]>;
  // The shared columns are all these operations touch, so they are typed against one table
  // holding just those columns (Kysely cannot type a query over a generic table name); the
  // real name goes into the SQL and the real row types come back at the edges.
  const owned = db as unknown as Kysely<{ owned: OwnedColumns }>;
  const name = table as unknown as 'owned';

  return {
    async bySource(sourceId: number): Promise<Row[]> {
      const rows = await owned
        .selectFrom(name)
        .selectAll()
        .where('source_id', '=', sourceId)
        .execute();
      return rows as unknown as Row[];
    },

    async byIds(ids: readonly number[]): Promise<Row[]> {
      const rows: OwnedColumns[] = [];
      for (const part of chunks(ids, dialect.maxParameters)) {
        rows.push(...(await owned.selectFrom(name).selectAll().where('id', 'in', part).execute()));
      }
      return rows as unknown as Row[];
    },

    async all(): Promise<Row[]> {
      return (await owned.selectFrom(name).selectAll().execute()) as unknown as Row[];
    },

    /** Inserts rows in batches, answering the id given to each key. */
    async insertMany(rows: readonly Insertable<DatabaseSchema[T]>[]): Promise<Map<string, number>> {
      const ids = new Map<string, number>();
      if (dialect.insertRows && rows.length > 0) {
        const inserted = dialect.insertRows(table, rows);
        rows.forEach((row, i) =>
          ids.set((row as { key?: string | null }).key ?? '', inserted[i] ?? -1),
        );
        return ids;
      }
      const size = batchSize(dialect.maxParameters, Object.keys(rows[0] ?? {}).length);
      for (const part of chunks(rows, size)) {
        const inserted = await owned
          .insertInto(name)
          .values(part as unknown as Insertable<OwnedColumns>[])
          .returning(['id', 'key'])
          .execute();
        for (const r of inserted) ids.set(r.key ?? '', r.id);
      }
      return ids;
    },

    /** The source's row with this key (what a re-import or an edit finds its place by). */
    async byKey(sourceId: number | null, key: string): Promise<Row | null> {
      const row = await owned
        .selectFrom(name)
        .selectAll()
        .where('source_id', sourceId === null ? 'is' : '=', sourceId)
        .where('key', '=', key)
        .executeTakeFirst();
      return (row as unknown as Row | undefined) ?? null;
    },

    async insertOne(row: Insertable<DatabaseSchema[T]>): Promise<number> {
      const inserted = await owned
        .insertInto(name)
        .values(row as unknown as Insertable<OwnedColumns>)
        .returning('id')
        .executeTakeFirstOrThrow();
      return inserted.id;
    },

    /** Whether anything still refers to the row. */
    async inUse(id: number): Promise<boolean> {
      for (const r of references) {
        const found = await (db as unknown as Kysely<Record<string, Record<string, unknown>>>)
          .selectFrom(r.table)
          .select(sql<number>`1`.as('one'))
          .where(r.column, '=', id)
          .limit(1)
          .executeTakeFirst();
        if (found) return true;
      }
      return false;
    },

    /** Deletes the row unless something refers to it; answers whether it went. */
    async deleteIfUnused(id: number): Promise<boolean> {
      if (await this.inUse(id)) return false;
      await owned.deleteFrom(name).where('id', '=', id).execute();
      return true;
    },

    async byId(id: number): Promise<Row | null> {
      const row = await owned.selectFrom(name).selectAll().where('id', '=', id).executeTakeFirst();
      return (row as unknown as Row | undefined) ?? null;
    },

    async delete(id: number): Promise<void> {
      await owned.deleteFrom(name).where('id', '=', id).execute();
    },

    async update(id: number, changes: Updateable<DatabaseSchema[T]>): Promise<void> {
      await owned
        .updateTable(name)
        .set(changes as Updateable<OwnedColumns>)
        .where('id', '=', id)
        .execute();
    },

    /**
     * Removes a source's rows that nothing refers to any more, repeating so that rows which
     * were only referred to by removed rows (a chain of service bodies) go too.
     */
    async deleteUnused(sourceId: number): Promise<number> {
      let total = 0;
      for (;;) {
        const unused = references.map(
          (r) =>
            sql<boolean>`not exists (select 1 from ${sql.table(r.table)} as ref where ${sql.ref(`ref.${r.column}`)} = ${sql.ref(`${table}.id`)})`,
        );
        const result = await owned
          .deleteFrom(name)
          .where('source_id', '=', sourceId)
          .where((eb) => eb.and(unused))
          .executeTakeFirst();
        const deleted = Number(result.numDeletedRows);
        total += deleted;
        if (deleted === 0) return total;
      }
    },
  };
}

export const locationRepository = (db: Kysely<DatabaseSchema>, dialect: DatabaseDialect) => ({
  ...ownedRowsRepository(db, dialect, 'locations', [{ table: 'meetings', column: 'location_id' }]),

  /** Locations without coordinates, for the data-quality page. */
  async withoutCoordinates(): Promise<number[]> {
    const rows = await db
      .selectFrom('locations')
      .select('id')
      .where((eb) => eb.or([eb('latitude', 'is', null), eb('longitude', 'is', null)]))
      .execute();
    return rows.map((r) => r.id);
  },

  /** Ids of locations, from any source, within `degrees` of a point: the same building. */
  async idsNear(latitude: number, longitude: number, degrees: number): Promise<number[]> {
    const rows = await db
      .selectFrom('locations')
      .select('id')
      .where('latitude', '>=', latitude - degrees)
      .where('latitude', '<=', latitude + degrees)
      .where('longitude', '>=', longitude - degrees)
      .where('longitude', '<=', longitude + degrees)
      .execute();
    return rows.map((r) => r.id);
  },
});

export const groupRepository = (db: Kysely<DatabaseSchema>, dialect: DatabaseDialect) =>
  ownedRowsRepository(db, dialect, 'groups', [{ table: 'meetings', column: 'group_id' }]);

/** What refers to a service body: while anything does, it is in use (and no import prunes it). */
export const serviceBodyReferences: readonly Reference[] = [
  { table: 'meetings', column: 'service_body_id' },
  { table: 'groups', column: 'service_body_id' },
  { table: 'service_bodies', column: 'parent_id' },
  { table: 'memberships', column: 'service_body_id' },
  { table: 'locations', column: 'service_body_id' },
  { table: 'change_requests', column: 'service_body_id' },
];

export const serviceBodyRepository = (db: Kysely<DatabaseSchema>, dialect: DatabaseDialect) =>
  ownedRowsRepository(db, dialect, 'service_bodies', serviceBodyReferences);

export type LocationRepository = ReturnType<typeof locationRepository>;
export type GroupRepository = ReturnType<typeof groupRepository>;
export type ServiceBodyRepository = ReturnType<typeof serviceBodyRepository>;
