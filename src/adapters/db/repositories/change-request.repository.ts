import type { Kysely } from 'kysely';
import type { DatabaseDialect } from '../dialect/dialect.ts';
import type { DatabaseSchema } from '../schema.ts';

export interface NewChangeRequest {
  readonly meetingId: number | null;
  readonly meetingSlug: string | null;
  readonly message: string;
  readonly changes: Readonly<Record<string, unknown>>;
  readonly email: string | null;
  readonly at: string;
}

export interface StoredChangeRequest extends NewChangeRequest {
  readonly id: number;
  readonly status: string;
}

export function changeRequestRepository(db: Kysely<DatabaseSchema>, dialect: DatabaseDialect) {
  const { codec } = dialect;
  return {
    async add(request: NewChangeRequest): Promise<number> {
      const row = await db
        .insertInto('change_requests')
        .values({
          meeting_id: request.meetingId,
          meeting_slug: request.meetingSlug,
          message: request.message,
          changes: codec.toJson(request.changes),
          email: request.email,
          status: 'open',
          created_at: codec.toTimestamp(request.at),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async list(status = 'open'): Promise<StoredChangeRequest[]> {
      const rows = await db
        .selectFrom('change_requests')
        .selectAll()
        .where('status', '=', status)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        meetingId: r.meeting_id,
        meetingSlug: r.meeting_slug,
        message: r.message,
        changes: codec.fromJson<Record<string, unknown>>(r.changes),
        email: r.email,
        status: r.status,
        at: codec.fromTimestamp(r.created_at),
      }));
    },
  };
}

export type ChangeRequestRepository = ReturnType<typeof changeRequestRepository>;
