import type { Kysely } from 'kysely';
import type { DatabaseDialect } from '../dialect/dialect.ts';
import type { DatabaseSchema } from '../schema.ts';

export const changeScopes = ['all', 'source', 'meeting'] as const;
export type ChangeScope = (typeof changeScopes)[number];

export interface DirectoryChange {
  readonly version: number;
  readonly scope: ChangeScope;
  readonly ref: number | null;
}

/** The change log: written in the same transaction as the change, read by in-memory copies. */
export function directoryChangeRepository(db: Kysely<DatabaseSchema>, dialect: DatabaseDialect) {
  // Asked before every search: compiled once, and run as a prepared statement the dialect keeps.
  const versionQuery = db
    .selectFrom('directory_changes')
    .select((eb) => eb.fn.max('id').as('v'))
    .compile();
  return {
    async record(scope: ChangeScope, ref: number | null, at: string): Promise<void> {
      await db
        .insertInto('directory_changes')
        .values({ scope, ref, created_at: dialect.codec.toTimestamp(at) })
        .execute();
    },

    /** The directory's version: the last change's, or 0 before any. */
    async version(): Promise<number> {
      const [row] = await dialect.selectArrays(versionQuery);
      return Number(row?.[0] ?? 0);
    },

    async since(version: number): Promise<DirectoryChange[]> {
      const rows = await db
        .selectFrom('directory_changes')
        .select(['id', 'scope', 'ref'])
        .where('id', '>', version)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ version: r.id, scope: r.scope as ChangeScope, ref: r.ref }));
    },
  };
}

export type DirectoryChangeRepository = ReturnType<typeof directoryChangeRepository>;
