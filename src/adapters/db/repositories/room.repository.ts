import type { Kysely, Selectable } from 'kysely';
import type { RoomSettings } from '../../../domain/room/room-state.ts';
import type { DatabaseDialect } from '../dialect/dialect.ts';
import type { DatabaseSchema, RoomTable } from '../schema.ts';

export interface StoredRoom {
  readonly id: string;
  readonly settings: RoomSettings;
  readonly hostKeyHash: string;
  readonly passcodeHash: string | null;
  readonly waitingRoom: boolean;
  readonly privateMessages: boolean;
  readonly meetingId: number | null;
  readonly createdBy: number | null;
}

/** How rooms are set up. Nothing said in a room, and no one who came, is ever stored. */
export function roomRepository(db: Kysely<DatabaseSchema>, dialect: DatabaseDialect) {
  const { codec } = dialect;
  const toRoom = (r: Selectable<RoomTable>): StoredRoom => {
    const rest = codec.fromJson<Omit<RoomSettings, 'name' | 'format'>>(r.settings);
    return {
      id: r.id,
      settings: { ...rest, name: r.name, format: r.format as RoomSettings['format'] },
      hostKeyHash: r.host_key_hash,
      passcodeHash: r.passcode_hash,
      waitingRoom: codec.fromBoolean(r.waiting_room),
      privateMessages: codec.fromBoolean(r.private_messages),
      meetingId: r.meeting_id,
      createdBy: r.created_by,
    };
  };
  return {
    async add(room: StoredRoom, at: string): Promise<void> {
      const { name, format, ...rest } = room.settings;
      await db
        .insertInto('rooms')
        .values({
          id: room.id,
          name,
          format,
          settings: codec.toJson(rest),
          host_key_hash: room.hostKeyHash,
          passcode_hash: room.passcodeHash,
          waiting_room: codec.toBoolean(room.waitingRoom),
          private_messages: codec.toBoolean(room.privateMessages),
          meeting_id: room.meetingId,
          created_by: room.createdBy,
          created_at: codec.toTimestamp(at),
        })
        .execute();
    },

    /** Changes a room's setup (a live meeting keeps the one it started with). */
    async update(room: StoredRoom): Promise<void> {
      const { name, format, ...rest } = room.settings;
      await db
        .updateTable('rooms')
        .set({
          name,
          format,
          settings: codec.toJson(rest),
          host_key_hash: room.hostKeyHash,
          passcode_hash: room.passcodeHash,
          waiting_room: codec.toBoolean(room.waitingRoom),
          private_messages: codec.toBoolean(room.privateMessages),
        })
        .where('id', '=', room.id)
        .execute();
    },

    async byId(id: string): Promise<StoredRoom | null> {
      const row = await db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRoom(row) : null;
    },

    async byMeeting(meetingId: number): Promise<StoredRoom | null> {
      const row = await db
        .selectFrom('rooms')
        .selectAll()
        .where('meeting_id', '=', meetingId)
        .executeTakeFirst();
      return row ? toRoom(row) : null;
    },

    async remove(id: string): Promise<void> {
      await db.deleteFrom('rooms').where('id', '=', id).execute();
    },
  };
}

export type RoomRepository = ReturnType<typeof roomRepository>;
