import { type RoomFormat, type RoomStep, defaultStatement, formatSteps } from './room-format.ts';

/**
 * A room's live state and every change to it, as pure functions: who is here (and who waits to
 * be let in), the queue of raised hands, who has the floor and until when, the step of the
 * group's format, and the host's settings. Nothing anyone says is part of it: chat passes
 * through and is never kept.
 */

export const MAX_PARTICIPANTS = 300;
export const NAME_MAX = 40;

export type Role = 'host' | 'cohost' | 'member';

export interface Participant {
  readonly id: string;
  /** A first name or nickname, as they gave it. */
  readonly name: string;
  readonly role: Role;
  readonly waiting: boolean;
  readonly mutedText: boolean;
  /** Hash of the participant's resume token (the token itself is only in their browser). */
  readonly resumeHash: string;
  /** A keyed hash of their network address, only to keep out someone blocked. */
  readonly addressHash: string;
  readonly joinedAt: number;
  /** When their connection dropped; they may come back with their resume token. */
  readonly awaySince: number | null;
  /** The server process holding their connection (several may share a room). */
  readonly node: string | null;
  /** Their connection now: a newer one (the same person on a new network) replaces it. */
  readonly connection: string | null;
  /** In round mode, whether they have had (or passed) their turn in this round. */
  readonly hadTurn: boolean;
}

/** What the host (or the group, for its meeting's room) decided about the room. */
export interface RoomSettings {
  readonly name: string;
  readonly format: RoomFormat;
  readonly steps: readonly RoomStep[];
  readonly statement: string;
  readonly shareMinutes: number;
  /** How long before the end of a share the speaker is warned. */
  readonly warnSeconds: number;
  /** After the meeting closes, the fellowship room stays open this long (0: none). */
  readonly fellowshipMinutes: number;
  readonly passcodeRequired: boolean;
}

export type Phase = 'open' | 'fellowship' | 'ended';

export interface RoomState {
  readonly roomId: string;
  readonly settings: RoomSettings;
  readonly participants: readonly Participant[];
  /** Raised hands, in the order they were raised. */
  readonly queue: readonly string[];
  readonly speaker: string | null;
  readonly shareEndsAt: number | null;
  readonly step: number;
  readonly locked: boolean;
  readonly waitingRoom: boolean;
  readonly privateMessages: boolean;
  readonly roundMode: boolean;
  /** Address hashes the host blocked for this meeting. */
  readonly blocked: readonly string[];
  readonly phase: Phase;
  readonly phaseEndsAt: number | null;
  readonly nextId: number;
  /** Counts changes, so a process can tell a newer state from an older one. */
  readonly rev: number;
}

export const roomErrorCodes = [
  'invalid',
  'not_allowed',
  'not_found',
  'passcode',
  'locked',
  'full',
  'blocked',
  'ended',
  'resume',
  'muted',
  'private_off',
  'rate_limited',
  'too_long',
  'queue_empty',
  'removed',
  'denied',
  'replaced',
] as const;
export type RoomErrorCode = (typeof roomErrorCodes)[number];

export interface RoomError {
  readonly ok: false;
  readonly code: RoomErrorCode;
  /** What happened, for the person, in plain words. */
  readonly message: string;
}

const refuse = (code: RoomErrorCode, message: string): RoomError => ({ ok: false, code, message });

export interface Closing {
  readonly participantId: string;
  readonly reason: 'removed' | 'denied' | 'blocked' | 'left';
}

export type Outcome =
  | {
      readonly ok: true;
      readonly state: RoomState;
      readonly close?: readonly Closing[];
      readonly ended?: boolean;
    }
  | RoomError;

export function newRoom(
  roomId: string,
  settings: Partial<RoomSettings> & Pick<RoomSettings, 'name'>,
  options: { waitingRoom?: boolean; privateMessages?: boolean } = {},
): RoomState {
  const format = settings.format ?? 'open';
  return {
    roomId,
    settings: {
      format,
      steps: formatSteps[format],
      statement: defaultStatement,
      shareMinutes: 5,
      warnSeconds: 30,
      fellowshipMinutes: 30,
      passcodeRequired: false,
      ...settings,
    },
    participants: [],
    queue: [],
    speaker: null,
    shareEndsAt: null,
    step: 0,
    locked: false,
    waitingRoom: options.waitingRoom ?? true,
    privateMessages: options.privateMessages ?? false,
    roundMode: false,
    blocked: [],
    phase: 'open',
    phaseEndsAt: null,
    nextId: 1,
    rev: 0,
  };
}

export function participantOf(state: RoomState, id: string): Participant | undefined {
  return state.participants.find((p) => p.id === id);
}

const isHost = (p: Participant | undefined) =>
  p !== undefined && !p.waiting && (p.role === 'host' || p.role === 'cohost');
const present = (p: Participant) => !p.waiting && p.awaySince === null;

/** A name as a room shows it: trimmed, one line, not too long; null when there is none. */
export function cleanName(name: string): string | null {
  const clean = name
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length === 0 ? null : clean.slice(0, NAME_MAX);
}

export interface JoinRequest {
  readonly name: string;
  readonly asHost: boolean;
  readonly passcodeOk: boolean;
  readonly resumeHash: string;
  readonly addressHash: string;
  readonly now: number;
  readonly node: string;
  readonly connection: string;
}

/** Someone arriving: straight in (a host, or no waiting room), or into the waiting room. */
export function join(
  state: RoomState,
  request: JoinRequest,
): { ok: true; state: RoomState; participantId: string } | RoomError {
  const name = cleanName(request.name);
  if (!name) return refuse('invalid', 'Give a first name or a nickname to join.');
  if (state.phase === 'ended') return refuse('ended', 'This meeting has ended.');
  if (!request.asHost) {
    if (state.blocked.includes(request.addressHash))
      return refuse('blocked', 'The host has asked you to leave this meeting.');
    if (state.locked)
      return refuse('locked', 'The host has locked this meeting: no one else can join now.');
    if (state.settings.passcodeRequired && !request.passcodeOk) {
      return refuse('passcode', 'This meeting needs its passcode: ask the group for it.');
    }
  }
  if (state.participants.length >= MAX_PARTICIPANTS) return refuse('full', 'This meeting is full.');
  const id = `p${state.nextId}`;
  const waiting = !request.asHost && state.waitingRoom && state.phase === 'open';
  const participant: Participant = {
    id,
    name,
    role: request.asHost ? 'host' : 'member',
    waiting,
    mutedText: false,
    resumeHash: request.resumeHash,
    addressHash: request.addressHash,
    joinedAt: request.now,
    awaySince: null,
    node: request.node,
    connection: request.connection,
    hadTurn: false,
  };
  return {
    ok: true,
    state: {
      ...state,
      nextId: state.nextId + 1,
      participants: [...state.participants, participant],
    },
    participantId: id,
  };
}

/** Someone coming back with their resume token: the same participant, their place kept. */
export function resume(
  state: RoomState,
  resumeHash: string,
  node: string,
  connection: string,
): { ok: true; state: RoomState; participantId: string } | RoomError {
  if (state.phase === 'ended') return refuse('ended', 'This meeting has ended.');
  const participant = state.participants.find((p) => p.resumeHash === resumeHash);
  if (!participant) return refuse('resume', 'That place in the meeting is gone: join again.');
  return {
    ok: true,
    state: withParticipant(state, participant.id, { awaySince: null, node, connection }),
    participantId: participant.id,
  };
}

function withParticipant(state: RoomState, id: string, change: Partial<Participant>): RoomState {
  return {
    ...state,
    participants: state.participants.map((p) => (p.id === id ? { ...p, ...change } : p)),
  };
}

/** The participant gone from the room; if they held the floor, it is free (in a round, offered on). */
function without(state: RoomState, id: string, now: number): RoomState {
  const left = {
    ...state,
    participants: state.participants.filter((p) => p.id !== id),
    queue: state.queue.filter((q) => q !== id),
  };
  return state.speaker === id ? floorFreed(left, now) : left;
}

/**
 * A connection dropped: the participant is away, and keeps their place for a while. Unless they
 * are already back on a newer connection, which this one's end does not touch.
 */
export function disconnect(
  state: RoomState,
  id: string,
  connection: string,
  now: number,
): RoomState {
  const p = participantOf(state, id);
  if (!p || p.connection !== connection) return state;
  return withParticipant(state, id, { awaySince: now, node: null, connection: null });
}

/** Participants whose server process is gone are away (they may resume on another). */
export function nodesGone(state: RoomState, live: ReadonlySet<string>, now: number): RoomState {
  const gone = state.participants.filter(
    (p) => p.awaySince === null && p.node !== null && !live.has(p.node),
  );
  if (gone.length === 0) return state;
  const ids = new Set(gone.map((p) => p.id));
  return {
    ...state,
    participants: state.participants.map((p) =>
      ids.has(p.id) ? { ...p, awaySince: now, node: null, connection: null } : p,
    ),
  };
}

/**
 * Time passing: participants away longer than `graceMs` leave (and their raised hands with them);
 * a fellowship room whose time is up closes.
 */
export function sweep(state: RoomState, now: number, graceMs: number): Outcome {
  let next = state;
  for (const p of state.participants) {
    if (p.awaySince !== null && now - p.awaySince > graceMs) next = without(next, p.id, now);
  }
  if (next.phase === 'fellowship' && next.phaseEndsAt !== null && now >= next.phaseEndsAt) {
    return { ok: true, state: { ...next, phase: 'ended' }, ended: true };
  }
  return { ok: true, state: next };
}

export type RoomCommand =
  | { type: 'raise_hand' }
  | { type: 'lower_hand' }
  | { type: 'pass' }
  | { type: 'leave' }
  | { type: 'admit'; participantId: string }
  | { type: 'deny'; participantId: string }
  | { type: 'remove'; participantId: string }
  | { type: 'block'; participantId: string }
  | { type: 'mute'; participantId: string }
  | { type: 'unmute'; participantId: string }
  | { type: 'make_cohost'; participantId: string }
  | { type: 'remove_cohost'; participantId: string }
  | { type: 'move_up'; participantId: string }
  | { type: 'call_next' }
  | { type: 'end_share' }
  | { type: 'skip' }
  | { type: 'next_step' }
  | { type: 'previous_step' }
  | { type: 'lock' }
  | { type: 'unlock' }
  | { type: 'waiting_room'; on: boolean }
  | { type: 'private_messages'; on: boolean }
  | { type: 'round_mode'; on: boolean }
  | { type: 'end_meeting' };

export type HostCommand = Exclude<
  RoomCommand,
  { type: 'raise_hand' | 'lower_hand' | 'pass' | 'leave' }
>;

const ok = (
  state: RoomState,
  extra: Omit<Extract<Outcome, { ok: true }>, 'ok' | 'state'> = {},
): Outcome => ({ ok: true, state, ...extra });

type MemberCommand = Extract<RoomCommand, { type: 'raise_hand' | 'lower_hand' | 'pass' | 'leave' }>;
const memberCommands: ReadonlySet<string> = new Set(['raise_hand', 'lower_hand', 'pass', 'leave']);
const isMemberCommand = (command: RoomCommand): command is MemberCommand =>
  memberCommands.has(command.type);

/** One participant's command, applied if they may give it. */
export function apply(state: RoomState, from: string, command: RoomCommand, now: number): Outcome {
  const actor = participantOf(state, from);
  if (!actor) return refuse('not_found', 'You are not in this meeting: join again.');
  if (state.phase === 'ended') return refuse('ended', 'This meeting has ended.');
  if (isMemberCommand(command)) return applyMemberCommand(state, actor, command, now);
  if (!isHost(actor)) return refuse('not_allowed', 'Only the host can do that.');
  return applyHostCommand(state, command, now);
}

/**
 * In round mode, the next one the room offers the floor to: the first present member, by when
 * they came in, who has not had a turn this round (the chair runs the round, so is not in it).
 */
function nextInRound(state: RoomState): string | undefined {
  return [...state.participants]
    .sort((a, b) => a.joinedAt - b.joinedAt)
    .find((p) => present(p) && p.role !== 'host' && !p.hadTurn && p.id !== state.speaker)?.id;
}

/** The floor given to one participant: off the queue, their turn had, the share timer on. */
function giveFloor(state: RoomState, id: string, now: number): RoomState {
  const given = withParticipant({ ...state, queue: state.queue.filter((q) => q !== id) }, id, {
    hadTurn: true,
  });
  return { ...given, speaker: id, shareEndsAt: now + state.settings.shareMinutes * 60_000 };
}

/** The floor free again: in round mode, offered at once to the next in the round. */
function floorFreed(state: RoomState, now: number): RoomState {
  const freed = { ...state, speaker: null, shareEndsAt: null };
  const next = state.roundMode ? nextInRound(freed) : undefined;
  return next === undefined ? freed : giveFloor(freed, next, now);
}

function applyMemberCommand(
  state: RoomState,
  actor: Participant,
  command: MemberCommand,
  now: number,
): Outcome {
  const from = actor.id;
  switch (command.type) {
    case 'raise_hand':
      if (actor.waiting) return refuse('not_allowed', 'Wait until the host lets you in.');
      if (state.phase !== 'open')
        return refuse('not_allowed', 'The meeting is over: this is the fellowship time.');
      if (state.queue.includes(from) || state.speaker === from) return ok(state);
      return ok({ ...state, queue: [...state.queue, from] });
    case 'lower_hand':
      return ok({ ...state, queue: state.queue.filter((q) => q !== from) });
    case 'pass': {
      const passed = withParticipant(
        { ...state, queue: state.queue.filter((q) => q !== from) },
        from,
        { hadTurn: true },
      );
      return ok(state.speaker === from ? floorFreed(passed, now) : passed);
    }
    case 'leave':
      return ok(without(state, from, now), { close: [{ participantId: from, reason: 'left' }] });
  }
}

function target(state: RoomState, id: string): Participant | RoomError {
  return (
    participantOf(state, id) ?? refuse('not_found', 'That person is not in the meeting any more.')
  );
}

function applyHostCommand(state: RoomState, command: HostCommand, now: number): Outcome {
  switch (command.type) {
    case 'admit':
    case 'deny':
    case 'remove':
    case 'block':
    case 'mute':
    case 'unmute':
    case 'make_cohost':
    case 'remove_cohost':
    case 'move_up': {
      const p = target(state, command.participantId);
      if ('ok' in p) return p;
      return applyToParticipant(state, command, p, now);
    }
    case 'call_next': {
      const next = state.roundMode
        ? nextInRound(state)
        : state.queue.find((id) => participantOf(state, id)?.awaySince === null);
      if (next === undefined) {
        return refuse(
          'queue_empty',
          state.roundMode
            ? 'Everyone has had their turn in this round.'
            : 'No one has a hand raised.',
        );
      }
      return ok(giveFloor(state, next, now));
    }
    case 'end_share':
      return ok(floorFreed(state, now));
    case 'skip': {
      const [first, ...rest] = state.queue;
      return first === undefined ? ok(state) : ok({ ...state, queue: [...rest, first] });
    }
    case 'next_step':
      return ok({ ...state, step: Math.min(state.step + 1, state.settings.steps.length - 1) });
    case 'previous_step':
      return ok({ ...state, step: Math.max(state.step - 1, 0) });
    case 'lock':
      return ok({ ...state, locked: true });
    case 'unlock':
      return ok({ ...state, locked: false });
    case 'waiting_room':
      return ok({ ...state, waitingRoom: command.on });
    case 'private_messages':
      return ok({ ...state, privateMessages: command.on });
    case 'round_mode': {
      const round = {
        ...state,
        roundMode: command.on,
        participants: state.participants.map((p) => ({ ...p, hadTurn: false })),
      };
      // A round begins with the floor offered to its first member, unless someone is sharing.
      const first = command.on && state.speaker === null ? nextInRound(round) : undefined;
      return ok(first === undefined ? round : giveFloor(round, first, now));
    }
    case 'end_meeting': {
      const cleared = { ...state, queue: [], speaker: null, shareEndsAt: null };
      if (state.phase === 'open' && state.settings.fellowshipMinutes > 0) {
        return ok({
          ...cleared,
          phase: 'fellowship',
          phaseEndsAt: now + state.settings.fellowshipMinutes * 60_000,
          // Everyone still waiting comes in for the cup of tea afterwards.
          participants: cleared.participants.map((p) => ({ ...p, waiting: false })),
        });
      }
      return ok({ ...cleared, phase: 'ended', phaseEndsAt: null }, { ended: true });
    }
  }
}

function applyToParticipant(
  state: RoomState,
  command: Extract<HostCommand, { participantId: string }>,
  p: Participant,
  now: number,
): Outcome {
  const isTheHost = p.role === 'host';
  switch (command.type) {
    case 'admit':
      return ok(withParticipant(state, p.id, { waiting: false }));
    case 'deny':
      if (!p.waiting)
        return refuse('invalid', 'Only someone in the waiting room can be turned away.');
      return ok(without(state, p.id, now), { close: [{ participantId: p.id, reason: 'denied' }] });
    case 'remove':
      if (isTheHost) return refuse('not_allowed', 'The host cannot be removed.');
      return ok(without(state, p.id, now), { close: [{ participantId: p.id, reason: 'removed' }] });
    case 'block':
      if (isTheHost) return refuse('not_allowed', 'The host cannot be removed.');
      return ok(
        { ...without(state, p.id, now), blocked: [...state.blocked, p.addressHash] },
        { close: [{ participantId: p.id, reason: 'blocked' }] },
      );
    case 'mute':
      return ok(withParticipant(state, p.id, { mutedText: true }));
    case 'unmute':
      return ok(withParticipant(state, p.id, { mutedText: false }));
    case 'make_cohost':
      if (p.waiting) return refuse('invalid', 'Let them in first.');
      return ok(isTheHost ? state : withParticipant(state, p.id, { role: 'cohost' }));
    case 'remove_cohost':
      return ok(isTheHost ? state : withParticipant(state, p.id, { role: 'member' }));
    case 'move_up':
      if (!state.queue.includes(p.id))
        return refuse('invalid', 'Only someone with a raised hand can be moved up.');
      return ok({ ...state, queue: [p.id, ...state.queue.filter((q) => q !== p.id)] });
  }
}

/**
 * Whether a participant may say this in the chat now: in the meeting (not waiting), not muted
 * by the host, and, for a private message, with private messages allowed (hosts may always
 * write to one person, and be written to).
 */
export function mayChat(state: RoomState, from: string, to: string | null): RoomError | null {
  const sender = participantOf(state, from);
  if (!sender) return refuse('not_found', 'You are not in this meeting: join again.');
  if (state.phase === 'ended') return refuse('ended', 'This meeting has ended.');
  if (sender.waiting) return refuse('not_allowed', 'Wait until the host lets you in.');
  if (sender.mutedText) return refuse('muted', 'The host has paused your messages.');
  if (to === null) return null;
  const recipient = participantOf(state, to);
  if (!recipient || recipient.waiting)
    return refuse('not_found', 'That person is not in the meeting.');
  if (!state.privateMessages && !isHost(sender) && !isHost(recipient)) {
    return refuse('private_off', 'Private messages are off in this meeting.');
  }
  return null;
}
