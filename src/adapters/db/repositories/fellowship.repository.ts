import type { Kysely } from 'kysely';
import type { Fellowship, FellowshipKind } from '../../../domain/fellowship/fellowship.ts';
import type { DatabaseDialect } from '../dialect/dialect.ts';
import type { DatabaseSchema } from '../schema.ts';

export interface StoredFellowship extends Fellowship {
  readonly builtin: boolean;
}

export function fellowshipRepository(db: Kysely<DatabaseSchema>, dialect: DatabaseDialect) {
  const { codec } = dialect;
  return {
    async list(): Promise<StoredFellowship[]> {
      const rows = await db.selectFrom('fellowships').selectAll().orderBy('name').execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind as FellowshipKind,
        description: r.description,
        website: r.website,
        builtin: codec.fromBoolean(r.builtin),
      }));
    },

    async ids(): Promise<Set<string>> {
      const rows = await db.selectFrom('fellowships').select('id').execute();
      return new Set(rows.map((r) => r.id));
    },

    /** Adds the fellowships every directory knows, leaving ones already there as they are. */
    async ensure(
      fellowships: readonly Fellowship[],
      builtin: boolean,
      now: string,
    ): Promise<number> {
      const existing = await this.ids();
      const missing = fellowships.filter((f) => !existing.has(f.id));
      if (missing.length === 0) return 0;
      await db
        .insertInto('fellowships')
        .values(
          missing.map((f) => ({
            id: f.id,
            name: f.name,
            kind: f.kind,
            description: f.description,
            website: f.website,
            builtin: codec.toBoolean(builtin),
            created_at: codec.toTimestamp(now),
          })),
        )
        .execute();
      return missing.length;
    },
  };
}

export type FellowshipRepository = ReturnType<typeof fellowshipRepository>;
