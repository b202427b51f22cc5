import type { Kysely } from 'kysely';
import type { MemberRole, Membership } from '../../../domain/account/permissions.ts';
import type { DatabaseDialect } from '../dialect/dialect.ts';
import type { DatabaseSchema } from '../schema.ts';

export interface StoredUser {
  readonly id: number;
  readonly email: string;
  readonly passwordHash: string | null;
  readonly isAdmin: boolean;
  readonly totpSecret: string | null;
  readonly createdAt: string;
  readonly passwordChangedAt: string | null;
  readonly memberships: readonly Membership[];
}

/** Accounts and their roles on service bodies. E-mail addresses are kept in lower case. */
export function userRepository(db: Kysely<DatabaseSchema>, dialect: DatabaseDialect) {
  const { codec } = dialect;

  async function membershipsOf(userIds: readonly number[]): Promise<Map<number, Membership[]>> {
    const byUser = new Map<number, Membership[]>();
    if (userIds.length === 0) return byUser;
    const rows = await db
      .selectFrom('memberships')
      .selectAll()
      .where('user_id', 'in', [...userIds])
      .orderBy('service_body_id')
      .execute();
    for (const r of rows) {
      const list = byUser.get(r.user_id) ?? [];
      list.push({ serviceBodyId: r.service_body_id, role: r.role as MemberRole });
      byUser.set(r.user_id, list);
    }
    return byUser;
  }

  async function withMemberships(
    rows: readonly {
      id: number;
      email: string;
      password_hash: string | null;
      is_admin: unknown;
      totp_secret: string | null;
      created_at: unknown;
      password_changed_at: unknown;
    }[],
  ): Promise<StoredUser[]> {
    const memberships = await membershipsOf(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      passwordHash: r.password_hash,
      isAdmin: codec.fromBoolean(r.is_admin),
      totpSecret: r.totp_secret,
      createdAt: codec.fromTimestamp(r.created_at),
      passwordChangedAt:
        r.password_changed_at === null ? null : codec.fromTimestamp(r.password_changed_at),
      memberships: memberships.get(r.id) ?? [],
    }));
  }

  return {
    async create(user: { email: string; isAdmin: boolean; at: string }): Promise<number> {
      const row = await db
        .insertInto('users')
        .values({
          email: user.email.toLowerCase(),
          password_hash: null,
          is_admin: codec.toBoolean(user.isAdmin),
          totp_secret: null,
          created_at: codec.toTimestamp(user.at),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async byId(id: number): Promise<StoredUser | null> {
      const rows = await db.selectFrom('users').selectAll().where('id', '=', id).execute();
      return (await withMemberships(rows))[0] ?? null;
    },

    async byEmail(email: string): Promise<StoredUser | null> {
      const rows = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email.toLowerCase())
        .execute();
      return (await withMemberships(rows))[0] ?? null;
    },

    async all(): Promise<StoredUser[]> {
      return withMemberships(await db.selectFrom('users').selectAll().orderBy('email').execute());
    },

    async setPassword(id: number, hash: string, at: string): Promise<void> {
      await db
        .updateTable('users')
        .set({ password_hash: hash, password_changed_at: codec.toTimestamp(at) })
        .where('id', '=', id)
        .execute();
    },

    async setTotpSecret(id: number, secret: string | null): Promise<void> {
      await db.updateTable('users').set({ totp_secret: secret }).where('id', '=', id).execute();
    },

    /** Gives the person this role on the body (replacing a role they had there). */
    async setMembership(userId: number, serviceBodyId: number, role: MemberRole): Promise<void> {
      await db
        .deleteFrom('memberships')
        .where('user_id', '=', userId)
        .where('service_body_id', '=', serviceBodyId)
        .execute();
      await db
        .insertInto('memberships')
        .values({ user_id: userId, service_body_id: serviceBodyId, role })
        .execute();
    },

    async removeMembership(userId: number, serviceBodyId: number): Promise<void> {
      await db
        .deleteFrom('memberships')
        .where('user_id', '=', userId)
        .where('service_body_id', '=', serviceBodyId)
        .execute();
    },

    /** The people with a role on any of these bodies. */
    async onBodies(bodyIds: readonly number[]): Promise<StoredUser[]> {
      if (bodyIds.length === 0) return [];
      const rows = await db
        .selectFrom('users')
        .selectAll('users')
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('memberships')
              .select('memberships.user_id')
              .whereRef('memberships.user_id', '=', 'users.id')
              .where('memberships.service_body_id', 'in', [...bodyIds]),
          ),
        )
        .orderBy('email')
        .execute();
      return withMemberships(rows);
    },

    async count(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type UserRepository = ReturnType<typeof userRepository>;
