import { type Participant, type RoomState, participantOf } from './room-state.ts';

/**
 * What a participant's screen is told (the protocol's `state` message). Hosts see who waits to
 * be let in; members see who is in the meeting; someone waiting sees only the room and
 * themselves. The same message goes to every host and to every member, so it is written once
 * per change, not once per person.
 */
export type Audience = 'host' | 'member';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function person(p: Participant) {
  return {
    id: p.id,
    name: p.name,
    role: p.role,
    waiting: p.waiting,
    away: p.awaySince !== null,
    muted: p.mutedText,
  };
}

function roomPart(state: RoomState) {
  const step = state.settings.steps[state.step];
  return {
    type: 'state' as const,
    room: state.settings.name,
    format: state.settings.format,
    statement: state.settings.statement,
    phase: state.phase,
    phaseEndsAt: iso(state.phaseEndsAt),
    step: {
      index: state.step,
      count: state.settings.steps.length,
      title: step?.title ?? '',
      text: step?.text ?? '',
      shares: step?.shares === true,
    },
    steps: state.settings.steps.map((s) => s.title),
    shareMinutes: state.settings.shareMinutes,
    warnSeconds: state.settings.warnSeconds,
    locked: state.locked,
    waitingRoom: state.waitingRoom,
    privateMessages: state.privateMessages,
    roundMode: state.roundMode,
  };
}

export function stateView(state: RoomState, audience: Audience) {
  return {
    ...roomPart(state),
    participants: state.participants.filter((p) => audience === 'host' || !p.waiting).map(person),
    queue: [...state.queue],
    speaker: state.speaker,
    shareEndsAt: iso(state.shareEndsAt),
  };
}

/** Someone in the waiting room: the room, its statement, and themselves. */
export function waitingView(state: RoomState, participantId: string) {
  const me = participantOf(state, participantId);
  return {
    ...roomPart(state),
    participants: me ? [person(me)] : [],
    queue: [],
    speaker: null,
    shareEndsAt: null,
  };
}

/** Which message a participant gets: null when they are not in the room. */
export function audienceOf(state: RoomState, participantId: string): Audience | 'waiting' | null {
  const p = participantOf(state, participantId);
  if (!p) return null;
  if (p.waiting) return 'waiting';
  return p.role === 'member' ? 'member' : 'host';
}
