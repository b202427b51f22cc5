import type { StoredRoom } from '../../adapters/db/repositories/room.repository.ts';
import type { RoomEvent } from '../../adapters/rooms/room-hub.ts';
import type { FloodLimits } from '../../domain/room/flood-limit.ts';
import type { Participant, RoomErrorCode, RoomState } from '../../domain/room/room-state.ts';
import { stateView, waitingView } from '../../domain/room/room-view.ts';
import { type RoomSession, frame } from './room-session.ts';

const closeMessages: Record<string, { code: RoomErrorCode; message: string }> = {
  removed: { code: 'removed', message: 'The host has asked you to leave this meeting.' },
  blocked: { code: 'removed', message: 'The host has asked you to leave this meeting.' },
  denied: { code: 'denied', message: 'The host did not let you in to this meeting.' },
  left: { code: 'removed', message: 'You have left the meeting.' },
};

/**
 * A room as one process serves it: the connections it holds, the latest state it has heard,
 * and the delivery of every event to those connections. A state change is written out once per
 * audience (hosts, members) and sent only to whoever's view changed; changes that come faster
 * than they can be sent are coalesced, the latest winning.
 */
export class LocalRoom {
  state: RoomState | null = null;
  /** When the last connection left (the process forgets the room a while after). */
  idleSince: number | null = null;
  lastTouch = 0;
  private readonly sessions = new Set<RoomSession>();
  private readonly byParticipant = new Map<string, RoomSession>();
  /** Flood buckets per participant, not per connection: coming back does not refill them. */
  private readonly limits = new Map<string, FloodLimits>();
  private flushing = false;
  private lastMember: { state: RoomState; text: string; frame: Buffer } | null = null;
  private lastHost: { state: RoomState; text: string; frame: Buffer } | null = null;
  /** Resolves once the room's events reach this process (before anyone here joins). */
  readonly ready: Promise<void>;
  private stopListening: (() => void) | null = null;

  constructor(
    public stored: StoredRoom,
    subscribe: (listener: (event: RoomEvent) => void) => Promise<() => void>,
    private readonly now: () => number,
  ) {
    this.ready = subscribe((event) => this.hear(event)).then((stop) => {
      this.stopListening = stop;
    });
  }

  unsubscribe(): void {
    void this.ready.then(
      () => this.stopListening?.(),
      () => undefined,
    );
  }

  get size(): number {
    return this.sessions.size;
  }

  /** The participant's limits (the joining connection's own, for one who is new here). */
  limitsOf(participantId: string, fresh: FloodLimits): FloodLimits {
    const kept = this.limits.get(participantId);
    if (kept) return kept;
    this.limits.set(participantId, fresh);
    return fresh;
  }

  attach(session: RoomSession): void {
    this.sessions.add(session);
    this.idleSince = null;
  }

  detach(session: RoomSession): void {
    this.sessions.delete(session);
    if (
      session.participantId !== null &&
      this.byParticipant.get(session.participantId) === session
    ) {
      this.byParticipant.delete(session.participantId);
    }
    if (this.sessions.size === 0) this.idleSince = this.now();
  }

  /** A session's participant is in: it hears the room from now on, starting with its state. */
  joined(session: RoomSession, state: RoomState): void {
    const earlier =
      session.participantId === null ? undefined : this.byParticipant.get(session.participantId);
    if (session.participantId !== null) this.byParticipant.set(session.participantId, session);
    if (earlier && earlier !== session)
      earlier.kick('replaced', 'You joined from somewhere else; this window has left the meeting.');
    this.noteState(state);
    this.deliverState(session, this.state ?? state);
  }

  private noteState(state: RoomState): boolean {
    if (this.state !== null && state.rev <= this.state.rev) return false;
    this.state = state;
    return true;
  }

  private hear(event: RoomEvent): void {
    switch (event.kind) {
      case 'state':
        if (this.noteState(event.state)) this.scheduleFlush();
        return;
      case 'chat':
        return this.deliverChat(event);
      case 'reaction':
        return this.deliverToMembers(
          frame({ type: 'reaction', from: event.from, reaction: event.reaction }),
        );
      case 'close': {
        const told = closeMessages[event.reason] ?? closeMessages.removed!;
        this.byParticipant.get(event.participantId)?.kick(told.code, told.message);
        return;
      }
      case 'ended':
        for (const session of [...this.sessions]) session.ended();
        return;
    }
  }

  private scheduleFlush(): void {
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => {
      this.flushing = false;
      this.flush();
    });
  }

  /** The latest state, to every session whose view of it changed. */
  private flush(): void {
    const state = this.state;
    if (!state) return;
    const byId = new Map(state.participants.map((p) => [p.id, p]));
    for (const session of this.byParticipant.values())
      this.deliverState(session, state, byId.get(session.participantId ?? ''));
  }

  private deliverState(session: RoomSession, state: RoomState, p?: Participant): void {
    const me = p ?? state.participants.find((x) => x.id === session.participantId);
    if (!me) {
      // Not in a later state than the one they joined in: they are gone (swept, or the room restarted).
      if (state.rev > session.joinedRev)
        session.kick('removed', 'You are no longer in this meeting: join again.');
      return;
    }
    if (me.connection !== session.connectionId) {
      if (me.connection !== null)
        session.kick(
          'replaced',
          'You joined from somewhere else; this window has left the meeting.',
        );
      return;
    }
    const data = me.waiting
      ? frame(waitingView(state, me.id))
      : this.viewFrame(state, me.role === 'member' ? 'member' : 'host');
    if (data === session.lastState || (me.waiting && session.lastState?.equals(data))) return;
    session.lastState = data;
    session.send(data);
  }

  /**
   * One frame per audience per state, written once however many are in the room, and the same
   * frame object when the view did not change (so a session already told is not told again).
   */
  private viewFrame(state: RoomState, audience: 'host' | 'member'): Buffer {
    const last = audience === 'host' ? this.lastHost : this.lastMember;
    if (last && last.state === state) return last.frame;
    const text = JSON.stringify(stateView(state, audience));
    const made = {
      state,
      text,
      frame: last && last.text === text ? last.frame : Buffer.from(text),
    };
    if (audience === 'host') this.lastHost = made;
    else this.lastMember = made;
    return made.frame;
  }

  private inRoom(session: RoomSession): boolean {
    const id = session.participantId;
    if (id === null || !this.state) return false;
    const p = this.state.participants.find((x) => x.id === id);
    return p !== undefined && !p.waiting;
  }

  private deliverToMembers(data: Buffer): void {
    const state = this.state;
    if (!state) return;
    const admitted = new Set(state.participants.filter((p) => !p.waiting).map((p) => p.id));
    for (const [id, session] of this.byParticipant) if (admitted.has(id)) session.send(data);
  }

  private deliverChat(event: Extract<RoomEvent, { kind: 'chat' }>): void {
    const data = frame({
      type: 'chat',
      from: event.from,
      name: event.fromName,
      text: event.text,
      lane: event.lane,
      ...(event.to ? { to: event.to } : {}),
      at: new Date(event.at).toISOString(),
    });
    if (event.to === null) return this.deliverToMembers(data);
    for (const id of [event.from, event.to]) {
      const session = this.byParticipant.get(id);
      if (session && this.inRoom(session)) session.send(data);
    }
  }
}
