import { randomBytes } from 'node:crypto';
import { keyedHash, newToken, sameSecret, tokenHash } from '../../adapters/auth/secrets.ts';
import {
  type FloodKind,
  type FloodLimits,
  STRIKES_MAX,
  TEXT_MAX,
  cleanText,
  floodRates,
  fullBucket,
  newFloodLimits,
  take,
} from '../../domain/room/flood-limit.ts';
import { type RoomErrorCode, mayChat, participantOf } from '../../domain/room/room-state.ts';
import { arrive, command, departure } from './room-changes.ts';
import { type ClientMessage, closeCodes, errorFrame } from './room-messages.ts';
import type { LocalRoom } from './local-room.ts';
import type { RoomLive } from './room-live.service.ts';

/** A participant's connection, as the WebSocket edge gives it to the service. */
export interface RoomConnection {
  /** One protocol message, as UTF-8 JSON: encoded once for everyone who gets the same. */
  send(frame: Buffer): void;
  close(code: number, reason: string): void;
  /** The network address (for blocking and passcode throttling, kept only as a keyed hash). */
  readonly address: string;
}

export const frame = (message: unknown): Buffer => Buffer.from(JSON.stringify(message));

/**
 * One connection to a room: joining (or coming back), then everything its participant sends,
 * one message after another, within the flood limits. Nothing anyone says is logged or kept.
 */
export class RoomSession {
  readonly connectionId = randomBytes(9).toString('base64url');
  participantId: string | null = null;
  /** The revision of the state the participant joined in (later states without them: gone). */
  joinedRev = 0;
  /** The last state frame sent, so an unchanged one is not sent again. */
  lastState: Buffer | null = null;
  private room: LocalRoom | null = null;
  private closed = false;
  private work: Promise<void> = Promise.resolve();
  /** Until joined, this connection's own; then the participant's, which outlive a reconnect. */
  private limits: FloodLimits = newFloodLimits();
  /** Refused messages on this connection (a new connection starts afresh). */
  private strikes = 0;

  constructor(
    private readonly live: RoomLive,
    readonly roomId: string,
    private readonly connection: RoomConnection,
  ) {}

  /** Messages are handled in the order they came, each after the last is done. */
  receive(message: ClientMessage): void {
    this.work = this.work.then(() => this.handle(message)).catch(() => this.fail());
  }

  /** A message the edge could not read (not JSON, unknown type, missing field). */
  refuse(message: string): void {
    this.error('invalid', message);
  }

  send(data: Buffer): void {
    if (!this.closed) this.connection.send(data);
  }

  error(code: RoomErrorCode, message: string): void {
    this.send(frame(errorFrame(code, message)));
    if (++this.strikes > STRIKES_MAX) {
      this.close(closeCodes.flood, 'too many refused messages');
    }
  }

  /** Told to leave (removed, denied, blocked, or a newer connection took their place). */
  kick(code: RoomErrorCode, message: string): void {
    this.send(frame(errorFrame(code, message)));
    this.close(code === 'replaced' ? closeCodes.replaced : closeCodes.removed, code);
  }

  ended(): void {
    this.send(frame({ type: 'ended' }));
    this.close(closeCodes.ended, 'the meeting has ended');
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.connection.close(code, reason);
  }

  /** The connection closed (however): the participant is away, and may come back. */
  disconnected(): void {
    this.closed = true;
    this.work = this.work
      .then(async () => {
        const room = this.room;
        if (!room) return;
        room.detach(this);
        if (this.participantId !== null) {
          await this.live.hub.update(
            this.roomId,
            departure(this.participantId, this.connectionId, this.live.now()),
          );
        }
      })
      .catch(() => undefined);
  }

  private fail(): void {
    // Never the message or its text: only that something went wrong.
    this.error('invalid', 'Something went wrong with that; please try again.');
  }

  private limited(kind: FloodKind): boolean {
    const now = this.live.now();
    const rate = floodRates[kind];
    const next = take(this.limits.buckets.get(kind) ?? fullBucket(rate, now), rate, now);
    if (next) {
      this.limits.buckets.set(kind, next);
      return false;
    }
    this.error(
      'rate_limited',
      'You are sending messages faster than the room can read them: wait a moment.',
    );
    return true;
  }

  private async handle(message: ClientMessage): Promise<void> {
    if (this.closed) return;
    if (message.type === 'join') return this.join(message);
    const room = this.room;
    if (!room || this.participantId === null)
      return this.error('invalid', 'Join the meeting first.');
    if (message.type === 'chat') return this.chat(room, message);
    if (message.type === 'react') {
      if (this.limited('reaction')) return;
      const state = room.state;
      const me = state ? participantOf(state, this.participantId) : undefined;
      if (!me || me.waiting) return this.error('not_allowed', 'Wait until the host lets you in.');
      return this.live.hub.publish(this.roomId, {
        kind: 'reaction',
        from: me.id,
        reaction: message.reaction,
      });
    }
    if (this.limited('command')) return;
    const done = await this.live.hub.update(
      this.roomId,
      command(room.stored, this.participantId, message, this.live.now()),
    );
    if (!done.ok) this.error(done.code, done.message);
  }

  private async chat(
    room: LocalRoom,
    message: Extract<ClientMessage, { type: 'chat' }>,
  ): Promise<void> {
    const state = room.state;
    const from = this.participantId;
    if (!state || from === null) return;
    const refused = mayChat(state, from, message.to ?? null);
    if (refused) return this.error(refused.code, refused.message);
    if (message.text.length > TEXT_MAX) {
      return this.error(
        'too_long',
        `Messages can be up to ${TEXT_MAX} characters: split it in two.`,
      );
    }
    const text = cleanText(message.text);
    if (text === null) return;
    if (this.limited('chat')) return;
    const me = participantOf(state, from);
    await this.live.hub.publish(this.roomId, {
      kind: 'chat',
      from,
      fromName: me?.name ?? '',
      text,
      to: message.to ?? null,
      lane: message.to ? 'private' : state.speaker === from && !message.side ? 'share' : 'side',
      at: this.live.now(),
    });
  }

  private async join(message: Extract<ClientMessage, { type: 'join' }>): Promise<void> {
    if (this.participantId !== null)
      return this.error('invalid', 'You are already in this meeting.');
    const room = await this.live.room(this.roomId);
    if (!room) {
      this.send(
        frame(
          errorFrame(
            'not_found',
            'There is no meeting at this link: check the link with the group.',
          ),
        ),
      );
      return this.close(closeCodes.notFound, 'no such room');
    }
    const { stored } = room;
    const address = keyedHash(this.live.addressKey, this.connection.address);
    const asHost =
      message.hostKey !== undefined && sameSecret(tokenHash(message.hostKey), stored.hostKeyHash);
    if (message.hostKey !== undefined && !asHost) {
      return this.error(
        'not_allowed',
        'That host key is not this room’s: check the host link you were given.',
      );
    }
    const returning = message.resumeToken ? tokenHash(message.resumeToken) : null;
    let passcodeOk = stored.passcodeHash === null || asHost;
    if (!passcodeOk && message.passcode !== undefined && stored.passcodeHash !== null) {
      if (this.live.passcodeThrottled(stored.id, address)) {
        return this.error(
          'rate_limited',
          'Too many wrong passcodes from here: wait 15 minutes, or ask the group for it.',
        );
      }
      passcodeOk = await this.live.hasher.verify(stored.passcodeHash, message.passcode);
      if (!passcodeOk) this.live.passcodeFailed(stored.id, address);
    }
    const token = message.resumeToken ?? newToken();
    room.attach(this);
    this.room = room;
    const arrived = await this.live.hub.update(
      this.roomId,
      arrive(stored, {
        name: message.name,
        asHost,
        passcodeOk,
        returning,
        resumeHash: tokenHash(token),
        addressHash: address,
        node: this.live.hub.node,
        connection: this.connectionId,
        now: this.live.now(),
      }),
    );
    if (!arrived.ok) {
      room.detach(this);
      this.room = null;
      if (arrived.code === 'passcode' && message.passcode !== undefined) {
        return this.error('passcode', 'That passcode is not right: check it with the group.');
      }
      return this.error(arrived.code, arrived.message);
    }
    this.participantId = arrived.participantId;
    this.limits = room.limitsOf(arrived.participantId, this.limits);
    this.joinedRev = arrived.state.rev;
    const me = participantOf(arrived.state, arrived.participantId);
    this.send(
      frame({
        type: 'welcome',
        participantId: arrived.participantId,
        role: me?.role ?? 'member',
        resumeToken: token,
        resumed: arrived.resumed,
      }),
    );
    room.joined(this, arrived.state);
  }
}
