import type { Kysely, Selectable } from 'kysely';
import type { FieldChange, HistoryEntity } from '../../../domain/history/field-changes.ts';
import type { DatabaseDialect } from '../dialect/dialect.ts';
import type { DatabaseSchema, HistoryTable } from '../schema.ts';

export type HistoryAction = 'create' | 'update' | 'delete' | 'revert';

export interface NewHistoryEntry {
  readonly entity: HistoryEntity;
  readonly entityId: number;
  readonly label: string;
  readonly action: HistoryAction;
  readonly userId: number | null;
  readonly actor: string;
  readonly serviceBodyId: number | null;
  readonly changes: readonly FieldChange[];
  readonly at: string;
}

export interface HistoryEntry extends NewHistoryEntry {
  readonly id: number;
}

export interface HistoryFilter {
  readonly entity?: HistoryEntity;
  readonly entityId?: number;
  /** Only entries of these bodies (a volunteer's scope); absent: all. */
  readonly serviceBodyIds?: readonly number[];
  readonly limit?: number;
  /** Entries before this id, for paging back. */
  readonly before?: number;
}

/** Every change to a meeting, group, location or service body: who, when, field by field. */
export function historyRepository(db: Kysely<DatabaseSchema>, dialect: DatabaseDialect) {
  const { codec } = dialect;
  const toEntry = (r: Selectable<HistoryTable>): HistoryEntry => ({
    id: r.id,
    entity: r.entity as HistoryEntity,
    entityId: r.entity_id,
    label: r.label,
    action: r.action as HistoryAction,
    userId: r.user_id,
    actor: r.actor,
    serviceBodyId: r.service_body_id,
    changes: codec.fromJson<FieldChange[]>(r.changes),
    at: codec.fromTimestamp(r.created_at),
  });
  return {
    async add(entry: NewHistoryEntry): Promise<number> {
      const row = await db
        .insertInto('history')
        .values({
          entity: entry.entity,
          entity_id: entry.entityId,
          label: entry.label,
          action: entry.action,
          user_id: entry.userId,
          actor: entry.actor,
          service_body_id: entry.serviceBodyId,
          changes: codec.toJson(entry.changes),
          created_at: codec.toTimestamp(entry.at),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async list(filter: HistoryFilter = {}): Promise<HistoryEntry[]> {
      let query = db.selectFrom('history').selectAll();
      if (filter.entity !== undefined) query = query.where('entity', '=', filter.entity);
      if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
      if (filter.serviceBodyIds !== undefined) {
        const ids = filter.serviceBodyIds.length > 0 ? [...filter.serviceBodyIds] : [-1];
        query = query.where('service_body_id', 'in', ids);
      }
      if (filter.before !== undefined) query = query.where('id', '<', filter.before);
      const rows = await query
        .orderBy('id', 'desc')
        .limit(filter.limit ?? 100)
        .execute();
      return rows.map(toEntry);
    },

    async byId(id: number): Promise<HistoryEntry | null> {
      const row = await db
        .selectFrom('history')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toEntry(row) : null;
    },
  };
}

export type HistoryRepository = ReturnType<typeof historyRepository>;
