import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

/** Values the server keeps for itself, shared by every process (its signing key, say). */
export function settingRepository(db: Kysely<DatabaseSchema>) {
  return {
    async get(name: string): Promise<string | null> {
      const row = await db
        .selectFrom('settings')
        .select('value')
        .where('name', '=', name)
        .executeTakeFirst();
      return row?.value ?? null;
    },

    /** The stored value, or `value` stored now if there was none (the first process wins). */
    async getOrSet(name: string, value: string): Promise<string> {
      const existing = await this.get(name);
      if (existing !== null) return existing;
      await db
        .insertInto('settings')
        .values({ name, value })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      return (await this.get(name)) ?? value;
    },
  };
}

export type SettingRepository = ReturnType<typeof settingRepository>;
