import type { Kysely } from 'kysely';
import type { DatabaseDialect } from '../dialect/dialect.ts';
import type { DatabaseSchema } from '../schema.ts';

/**
 * Failed sign-ins counted per key (an account, or an address kept only as a keyed hash) in a
 * window of time: shared by every server process, so throttling holds behind a load balancer.
 */
export function signInFailureRepository(db: Kysely<DatabaseSchema>, dialect: DatabaseDialect) {
  const { codec } = dialect;
  return {
    /** Failures of the key in the window that started after `since`. */
    async count(key: string, since: string): Promise<number> {
      const row = await db
        .selectFrom('sign_in_failures')
        .select(['failures', 'window_start'])
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row || codec.fromTimestamp(row.window_start) <= since) return 0;
      return row.failures;
    },

    /** Counts one more failure, starting a new window when the last one is over. */
    async add(key: string, now: string, since: string): Promise<void> {
      const row = await db
        .selectFrom('sign_in_failures')
        .select(['failures', 'window_start'])
        .where('key', '=', key)
        .executeTakeFirst();
      if (row && codec.fromTimestamp(row.window_start) > since) {
        await db
          .updateTable('sign_in_failures')
          .set({ failures: row.failures + 1 })
          .where('key', '=', key)
          .execute();
        return;
      }
      await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
      await db
        .insertInto('sign_in_failures')
        .values({ key, failures: 1, window_start: codec.toTimestamp(now) })
        .execute();
    },

    async clear(key: string): Promise<void> {
      await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
    },
  };
}

export type SignInFailureRepository = ReturnType<typeof signInFailureRepository>;
