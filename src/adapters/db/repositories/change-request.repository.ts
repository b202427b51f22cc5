import type { Kysely, Selectable } from 'kysely';
import type { DatabaseDialect } from '../dialect/dialect.ts';
import type { ChangeRequestTable, DatabaseSchema } from '../schema.ts';

export const changeRequestStatuses = ['open', 'held', 'approved', 'rejected'] as const;
export type ChangeRequestStatus = (typeof changeRequestStatuses)[number];

export interface NewChangeRequest {
  readonly meetingId: number | null;
  readonly meetingSlug: string | null;
  readonly message: string;
  readonly changes: Readonly<Record<string, unknown>>;
  readonly email: string | null;
  readonly at: string;
  /** Whose queue: the body of the meeting reported; null for administrators. */
  readonly serviceBodyId?: number | null;
  /** held: it looks like spam (no proof of work), and waits apart from the rest. */
  readonly status?: 'open' | 'held';
}

export interface StoredChangeRequest extends Omit<NewChangeRequest, 'status' | 'serviceBodyId'> {
  readonly id: number;
  readonly status: ChangeRequestStatus;
  readonly serviceBodyId: number | null;
  readonly decidedBy: number | null;
  readonly decidedAt: string | null;
  readonly reply: string | null;
}

export interface ChangeRequestFilter {
  readonly statuses?: readonly ChangeRequestStatus[];
  /** Only these bodies' queues (null: the administrators' queue); absent: every queue. */
  readonly serviceBodyIds?: readonly (number | null)[];
}

export function changeRequestRepository(db: Kysely<DatabaseSchema>, dialect: DatabaseDialect) {
  const { codec } = dialect;
  const toRequest = (r: Selectable<ChangeRequestTable>): StoredChangeRequest => ({
    id: r.id,
    meetingId: r.meeting_id,
    meetingSlug: r.meeting_slug,
    message: r.message,
    changes: codec.fromJson<Record<string, unknown>>(r.changes),
    email: r.email,
    status: r.status as ChangeRequestStatus,
    at: codec.fromTimestamp(r.created_at),
    serviceBodyId: r.service_body_id,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at === null ? null : codec.fromTimestamp(r.decided_at),
    reply: r.reply,
  });
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
          status: request.status ?? 'open',
          service_body_id: request.serviceBodyId ?? null,
          created_at: codec.toTimestamp(request.at),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Requests in their queues, oldest first. */
    async list(
      filter: ChangeRequestFilter = { statuses: ['open'] },
    ): Promise<StoredChangeRequest[]> {
      const { statuses, serviceBodyIds } = filter;
      let query = db.selectFrom('change_requests').selectAll();
      if (statuses) query = query.where('status', 'in', statuses.length > 0 ? [...statuses] : ['']);
      if (serviceBodyIds) {
        const ids = serviceBodyIds.filter((id): id is number => id !== null);
        const withNull = serviceBodyIds.includes(null);
        if (ids.length === 0 && !withNull) return [];
        query = query.where((eb) =>
          eb.or([
            ...(ids.length > 0 ? [eb('service_body_id', 'in', ids)] : []),
            ...(withNull ? [eb('service_body_id', 'is', null)] : []),
          ]),
        );
      }
      return (await query.orderBy('id').execute()).map(toRequest);
    },

    async byId(id: number): Promise<StoredChangeRequest | null> {
      const row = await db
        .selectFrom('change_requests')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toRequest(row) : null;
    },

    async decide(
      id: number,
      decision: { status: 'approved' | 'rejected'; by: number; at: string; reply: string | null },
    ): Promise<void> {
      await db
        .updateTable('change_requests')
        .set({
          status: decision.status,
          decided_by: decision.by,
          decided_at: codec.toTimestamp(decision.at),
          reply: decision.reply,
        })
        .where('id', '=', id)
        .execute();
    },

    /** Moves a held request into its queue (a volunteer saw it is not spam). */
    async release(id: number): Promise<void> {
      await db
        .updateTable('change_requests')
        .set({ status: 'open' })
        .where('id', '=', id)
        .execute();
    },
  };
}

export type ChangeRequestRepository = ReturnType<typeof changeRequestRepository>;
