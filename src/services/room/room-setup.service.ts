import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { PasswordHasher } from '../../adapters/auth/password-hasher.ts';
import { newToken, tokenHash } from '../../adapters/auth/secrets.ts';
import type { StoredRoom } from '../../adapters/db/repositories/room.repository.ts';
import type { Clock } from '../../adapters/clock.ts';
import type { Store } from '../../adapters/db/database.ts';
import { AppError } from '../../domain/errors.ts';
import {
  type RoomFormat,
  defaultStatement,
  formatSteps,
  roomFormats,
} from '../../domain/room/room-format.ts';
import type { RoomSettings } from '../../domain/room/room-state.ts';
import type { EditingContext } from '../editing/editing-context.ts';
import { meetingForEditing, updateMeeting } from '../editing/meeting-edit.service.ts';

/** How a group sets up its room: validated wherever it comes from (the API, the CLI). */
export const roomSetupSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'give the room a name')
    .max(120, 'keep the name under 120 characters'),
  format: z
    .enum(roomFormats, { error: `must be one of ${roomFormats.join(', ')}` })
    .default('open'),
  passcode: z
    .string()
    .min(4, 'a passcode needs at least 4 characters')
    .max(64)
    .nullable()
    .default(null),
  waiting_room: z.boolean({ error: 'must be true or false' }).default(true),
  private_messages: z.boolean({ error: 'must be true or false' }).default(false),
  share_minutes: z.number().int().min(1).max(30, 'shares can be up to 30 minutes').default(5),
  warn_seconds: z.number().int().min(0).max(300).default(30),
  fellowship_minutes: z
    .number()
    .int()
    .min(0)
    .max(30, 'the fellowship room stays open up to 30 minutes')
    .default(0),
  statement: z.string().trim().min(1).max(2000).nullable().default(null),
  /** The group's own steps, with its readings; null: the format's template. */
  steps: z
    .array(
      z.object({
        title: z.string().trim().min(1).max(80),
        text: z.string().trim().max(6000).default(''),
        shares: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(30)
    .nullable()
    .default(null),
});

export type RoomSetup = z.infer<typeof roomSetupSchema>;

export interface OpenedRoom {
  readonly roomId: string;
  readonly joinUrl: string;
  /** The join link with the host key in its fragment (never sent to the server by a browser). */
  readonly hostUrl: string;
  readonly hostKey: string;
}

export interface RoomSetupDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly hasher: Pick<PasswordHasher, 'hash'>;
}

/** 128 random bits: a room's link cannot be guessed. */
export const newRoomId = (): string => randomBytes(16).toString('base64url');

export const joinUrlOf = (baseUrl: string, roomId: string): string =>
  `${baseUrl.replace(/\/$/, '')}/rooms/${roomId}`;

function settingsOf(setup: RoomSetup): RoomSettings {
  return {
    name: setup.name,
    format: setup.format,
    steps: setup.steps ?? formatSteps[setup.format],
    statement: setup.statement ?? defaultStatement,
    shareMinutes: setup.share_minutes,
    warnSeconds: setup.warn_seconds,
    fellowshipMinutes: setup.fellowship_minutes,
    passcodeRequired: setup.passcode !== null,
  };
}

function opened(baseUrl: string, roomId: string, hostKey: string): OpenedRoom {
  const joinUrl = joinUrlOf(baseUrl, roomId);
  return { roomId, joinUrl, hostUrl: `${joinUrl}#host=${hostKey}`, hostKey };
}

async function storedRoom(
  deps: RoomSetupDeps,
  setup: RoomSetup,
  ids: { roomId: string; hostKey: string; meetingId: number | null; createdBy: number | null },
): Promise<StoredRoom> {
  return {
    id: ids.roomId,
    settings: settingsOf(setup),
    hostKeyHash: tokenHash(ids.hostKey),
    passcodeHash: setup.passcode === null ? null : await deps.hasher.hash(setup.passcode),
    waitingRoom: setup.waiting_room,
    privateMessages: setup.private_messages,
    meetingId: ids.meetingId,
    createdBy: ids.createdBy,
  };
}

/** An ad-hoc room (or one an operator opens): its link and host key, shown once. */
export async function openRoom(
  deps: RoomSetupDeps,
  setup: RoomSetup,
  options: { baseUrl: string; createdBy?: number | null },
): Promise<OpenedRoom> {
  const roomId = newRoomId();
  const hostKey = newToken();
  const room = await storedRoom(deps, setup, {
    roomId,
    hostKey,
    meetingId: null,
    createdBy: options.createdBy ?? null,
  });
  await deps.store.rooms.add(room, deps.clock.now().toISOString());
  return opened(options.baseUrl, roomId, hostKey);
}

/** What a volunteer sees of a meeting's room: its settings, never a key or passcode. */
export function presentRoom(room: StoredRoom, baseUrl: string) {
  const s = room.settings;
  return {
    room_id: room.id,
    join_url: joinUrlOf(baseUrl, room.id),
    name: s.name,
    format: s.format,
    passcode_required: s.passcodeRequired,
    waiting_room: room.waitingRoom,
    private_messages: room.privateMessages,
    share_minutes: s.shareMinutes,
    warn_seconds: s.warnSeconds,
    fellowship_minutes: s.fellowshipMinutes,
    statement: s.statement,
    /** Whether the statement is Greendoor's own (the group has not written one). */
    statement_is_default: s.statement === defaultStatement,
    steps: s.steps,
  };
}

/** A room's setup as it was given (its passcode aside), so a change keeps what it leaves out. */
function setupOf(room: StoredRoom): Omit<RoomSetup, 'passcode'> {
  const s = room.settings;
  return {
    name: s.name,
    format: s.format,
    waiting_room: room.waitingRoom,
    private_messages: room.privateMessages,
    share_minutes: s.shareMinutes,
    warn_seconds: s.warnSeconds,
    fellowship_minutes: s.fellowshipMinutes,
    statement: s.statement === defaultStatement ? null : s.statement,
    steps: JSON.stringify(s.steps) === JSON.stringify(formatSteps[s.format]) ? null : [...s.steps],
  };
}

type MeetingRoomContext = EditingContext & Pick<RoomSetupDeps, 'hasher'>;

/** The format a meeting's fellowship usually follows. */
export function formatFor(fellowshipKind: string | undefined): RoomFormat {
  if (fellowshipKind === 'twelve_step') return 'twelve-step';
  if (fellowshipKind === 'smart') return 'smart';
  return 'open';
}

/** A meeting's room: set up (or changed), and its link made the meeting's conference link. */
export async function enableMeetingRoom(
  ctx: MeetingRoomContext,
  slug: string,
  input: unknown,
  baseUrl: string,
): Promise<{
  room: ReturnType<typeof presentRoom>;
  hostKey: string | null;
  hostUrl: string | null;
}> {
  const meeting = await meetingForEditing(ctx, slug);
  const existing = await ctx.store.rooms.byMeeting(meeting.meetingId);
  const fellowships = await ctx.store.fellowships.list();
  const kind = fellowships.find((f) => f.id === meeting.fields['fellowship'])?.kind;
  const defaults = existing
    ? setupOf(existing)
    : {
        name: typeof meeting.fields['name'] === 'string' ? meeting.fields['name'] : slug,
        format: formatFor(kind),
      };
  const parsed = roomSetupSchema.safeParse({ ...defaults, ...(input as object) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'room');
    throw new AppError('invalid_input', `${field}: ${issue?.message ?? 'is not valid'}`, { field });
  }
  const roomId = existing?.id ?? newRoomId();
  const joinUrl = joinUrlOf(baseUrl, roomId);
  // The volunteer may change this meeting (checked here, before anything is written).
  await updateMeeting(ctx, slug, { fields: { conference_url: joinUrl } }, { dryRun: true });
  const hostKey = existing ? null : newToken();
  // Left out of a change, the passcode stays as it was; null removes it.
  const keep = existing !== null && !('passcode' in (input as object));
  const room = await storedRoom(ctx, parsed.data, {
    roomId,
    hostKey: hostKey ?? '',
    meetingId: meeting.meetingId,
    createdBy: ctx.actor.userId,
  });
  const saved: StoredRoom = {
    ...room,
    hostKeyHash: existing?.hostKeyHash ?? room.hostKeyHash,
    ...(keep && existing
      ? {
          passcodeHash: existing.passcodeHash,
          settings: { ...room.settings, passcodeRequired: existing.passcodeHash !== null },
        }
      : {}),
  };
  if (existing) await ctx.store.rooms.update(saved);
  else await ctx.store.rooms.add(saved, ctx.clock.now().toISOString());
  if (meeting.fields['conference_url'] !== joinUrl) {
    await updateMeeting(ctx, slug, { fields: { conference_url: joinUrl } });
  }
  return {
    room: presentRoom(saved, baseUrl),
    hostKey,
    hostUrl: hostKey === null ? null : opened(baseUrl, roomId, hostKey).hostUrl,
  };
}

async function meetingRoomOf(ctx: EditingContext, slug: string) {
  const meeting = await meetingForEditing(ctx, slug);
  const room = await ctx.store.rooms.byMeeting(meeting.meetingId);
  if (!room) {
    throw new AppError('not_found', `meeting "${slug}" has no Greendoor room: set one up first`, {
      field: 'slug',
    });
  }
  return { meeting, room };
}

export async function meetingRoom(ctx: EditingContext, slug: string, baseUrl: string) {
  return presentRoom((await meetingRoomOf(ctx, slug)).room, baseUrl);
}

/** A new host key for a meeting's room (the old one stops working): shown once. */
export async function newHostKey(
  ctx: EditingContext,
  slug: string,
  baseUrl: string,
): Promise<OpenedRoom> {
  const { room } = await meetingRoomOf(ctx, slug);
  await updateMeeting(ctx, slug, { fields: {} }, { dryRun: true });
  const hostKey = newToken();
  await ctx.store.rooms.update({ ...room, hostKeyHash: tokenHash(hostKey) });
  return opened(baseUrl, room.id, hostKey);
}

/** The room goes; the meeting's conference link goes with it if it was the room's. */
export async function disableMeetingRoom(ctx: EditingContext, slug: string): Promise<void> {
  const { meeting, room } = await meetingRoomOf(ctx, slug);
  const link = meeting.fields['conference_url'];
  const ours = typeof link === 'string' && link.endsWith(`/rooms/${room.id}`);
  await updateMeeting(
    ctx,
    slug,
    { fields: ours ? { conference_url: null } : {} },
    { dryRun: !ours },
  );
  await ctx.store.rooms.remove(room.id);
}
