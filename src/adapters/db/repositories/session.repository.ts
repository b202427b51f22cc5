import type { Kysely } from 'kysely';
import type { DatabaseDialect } from '../dialect/dialect.ts';
import type { DatabaseSchema } from '../schema.ts';

/**
 * Sessions and one-time links, both found by the SHA-256 of their token (the token itself is
 * only ever in the cookie or the link).
 */
export function sessionRepository(db: Kysely<DatabaseSchema>, dialect: DatabaseDialect) {
  const { codec } = dialect;
  /** A one-time token by its hash, if it is one of these purposes (expired or not). */
  const tokenOf = async (hash: string, purposes: readonly string[]) => {
    const row = await db
      .selectFrom('one_time_tokens')
      .selectAll()
      .where('token_hash', '=', hash)
      .executeTakeFirst();
    return row && purposes.includes(row.purpose) ? row : null;
  };
  return {
    async add(session: { idHash: string; userId: number; at: string; expiresAt: string }) {
      await db
        .insertInto('sessions')
        .values({
          id_hash: session.idHash,
          user_id: session.userId,
          created_at: codec.toTimestamp(session.at),
          expires_at: codec.toTimestamp(session.expiresAt),
        })
        .execute();
    },

    /** The session's user, if it exists and has not expired. */
    async userOf(idHash: string, now: string): Promise<number | null> {
      const row = await db
        .selectFrom('sessions')
        .select(['user_id', 'expires_at'])
        .where('id_hash', '=', idHash)
        .executeTakeFirst();
      if (!row) return null;
      return codec.fromTimestamp(row.expires_at) > now ? row.user_id : null;
    },

    async remove(idHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },

    /** Signs the person out everywhere. */
    async removeAllOf(userId: number): Promise<number> {
      const result = await db
        .deleteFrom('sessions')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async removeExpired(now: string): Promise<void> {
      await db.deleteFrom('sessions').where('expires_at', '<=', codec.toTimestamp(now)).execute();
      await db
        .deleteFrom('one_time_tokens')
        .where('expires_at', '<=', codec.toTimestamp(now))
        .execute();
    },

    async addToken(token: {
      hash: string;
      userId: number;
      purpose: string;
      at: string;
      expiresAt: string;
    }): Promise<void> {
      await db
        .insertInto('one_time_tokens')
        .values({
          token_hash: token.hash,
          user_id: token.userId,
          purpose: token.purpose,
          created_at: codec.toTimestamp(token.at),
          expires_at: codec.toTimestamp(token.expiresAt),
        })
        .execute();
    },

    /** A one-time token's user, leaving it unused; null when it is unknown, used or expired. */
    async tokenUser(
      hash: string,
      purposes: readonly string[],
      now: string,
    ): Promise<number | null> {
      const row = await tokenOf(hash, purposes);
      return row && codec.fromTimestamp(row.expires_at) > now ? row.user_id : null;
    },

    /**
     * Uses a one-time token: answers its user and deletes it (and every other token of theirs
     * for the same purpose), or null when it is unknown, used or expired.
     */
    async takeToken(
      hash: string,
      purposes: readonly string[],
      now: string,
    ): Promise<number | null> {
      const row = await tokenOf(hash, purposes);
      if (!row) return null;
      await db
        .deleteFrom('one_time_tokens')
        .where('user_id', '=', row.user_id)
        .where('purpose', '=', row.purpose)
        .execute();
      return codec.fromTimestamp(row.expires_at) > now ? row.user_id : null;
    },
  };
}

export type SessionRepository = ReturnType<typeof sessionRepository>;
