import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_PARTICIPANTS,
  type RoomCommand,
  type RoomState,
  apply,
  disconnect,
  join,
  mayChat,
  newRoom,
  nodesGone,
  resume,
  sweep,
} from './room-state.ts';
import { stateView, waitingView } from './room-view.ts';

const T0 = Date.UTC(2026, 11, 1, 19);
const entry = (name: string, extra: Partial<Parameters<typeof join>[1]> = {}) => ({
  name,
  asHost: false,
  passcodeOk: false,
  resumeHash: `resume-${name}`,
  addressHash: `address-${name}`,
  now: T0,
  node: 'n1',
  connection: `c-${name}`,
  ...extra,
});

function joined(state: RoomState, name: string, extra: Partial<Parameters<typeof join>[1]> = {}) {
  const result = join(state, entry(name, extra));
  if (!result.ok) throw new Error(result.message);
  return result;
}

function must(outcome: ReturnType<typeof apply>): RoomState {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.state;
}

/** A room with a host and three members let in. */
function meeting() {
  let state = newRoom('r1', { name: 'Tuesday Hope', format: 'twelve-step' });
  const host = joined(state, 'Chair', { asHost: true });
  state = host.state;
  const ids: string[] = [];
  for (const name of ['Ana', 'Ben', 'Cal']) {
    const j = joined(state, name);
    ids.push(j.participantId);
    state = must(
      apply(j.state, host.participantId, { type: 'admit', participantId: j.participantId }, T0),
    );
  }
  return { state, host: host.participantId, ids: ids as [string, string, string] };
}

describe('joining', () => {
  it('puts members in the waiting room and the host straight in', () => {
    const room = newRoom('r', { name: 'Room' });
    const host = joined(room, 'Chair', { asHost: true });
    const ana = joined(host.state, 'Ana');
    expect(ana.state.participants.map((p) => [p.name, p.role, p.waiting])).toEqual([
      ['Chair', 'host', false],
      ['Ana', 'member', true],
    ]);
    // Ana sees only the room and herself; the host sees her waiting.
    expect(waitingView(ana.state, ana.participantId).participants.map((p) => p.name)).toEqual([
      'Ana',
    ]);
    expect(stateView(ana.state, 'host').participants.find((p) => p.name === 'Ana')?.waiting).toBe(
      true,
    );
    expect(stateView(ana.state, 'member').participants.map((p) => p.name)).toEqual(['Chair']);
  });

  it('refuses what the room does not allow, saying why', () => {
    const room = newRoom('r', { name: 'Room', passcodeRequired: true });
    expect(join(room, entry(' '))).toMatchObject({ ok: false, code: 'invalid' });
    expect(join(room, entry('Ana'))).toMatchObject({ ok: false, code: 'passcode' });
    expect(join(room, entry('Ana', { passcodeOk: true }))).toMatchObject({ ok: true });
    expect(join({ ...room, locked: true }, entry('Ana', { passcodeOk: true }))).toMatchObject({
      code: 'locked',
    });
    expect(
      join({ ...room, blocked: ['address-Ana'] }, entry('Ana', { passcodeOk: true })),
    ).toMatchObject({ code: 'blocked' });
    let full = room;
    for (let i = 0; i < MAX_PARTICIPANTS; i++)
      full = joined(full, `P${i}`, { passcodeOk: true }).state;
    expect(join(full, entry('One more', { passcodeOk: true }))).toMatchObject({ code: 'full' });
  });

  it('cleans names: one line, no control characters, at most 40 characters', () => {
    const j = joined(newRoom('r', { name: 'Room' }), `  Ana\u202e\n  Smith${'x'.repeat(60)}`);
    expect(j.state.participants[0]?.name).toBe(`Ana Smith${'x'.repeat(31)}`);
  });

  it('gives someone who comes back with their token their own place', () => {
    const { state, host, ids } = meeting();
    let s = must(apply(state, ids[1], { type: 'raise_hand' }, T0));
    s = must(apply(s, ids[0], { type: 'raise_hand' }, T0));
    // An old connection ending does not touch the participant; theirs does.
    expect(disconnect(s, ids[1], 'c-someone-else', T0 + 1000)).toBe(s);
    s = disconnect(s, ids[1], 'c-Ben', T0 + 1000);
    const back = resume(s, 'resume-Ben', 'n2', 'c-Ben-2');
    expect(back).toMatchObject({ ok: true, participantId: ids[1] });
    if (back.ok) expect(back.state.queue).toEqual([ids[1], ids[0]]);
    expect(resume(s, 'resume-nobody', 'n2', 'c-x')).toMatchObject({ ok: false, code: 'resume' });
    if (back.ok) {
      expect(back.state.participants.find((p) => p.id === ids[1])).toMatchObject({
        node: 'n2',
        connection: 'c-Ben-2',
        awaySince: null,
      });
    }
    // A process that is gone: its participants are away.
    expect(
      nodesGone(state, new Set(['n2']), T0).participants.every((p) => p.awaySince === T0),
    ).toBe(true);
    // Away too long, they leave, and their hand with them.
    const swept = sweep(s, T0 + 10 * 60_000, 5 * 60_000);
    if (!swept.ok) throw new Error();
    expect(swept.state.queue).toEqual([ids[0]]);
    expect(swept.state.participants.map((p) => p.id)).toEqual([host, ids[0], ids[2]]);
  });
});

describe('taking turns', () => {
  it('keeps raised hands in order and gives the floor for the share time', () => {
    const { state, host, ids } = meeting();
    let s = state;
    for (const id of [ids[2], ids[0], ids[1]]) s = must(apply(s, id, { type: 'raise_hand' }, T0));
    expect(s.queue).toEqual([ids[2], ids[0], ids[1]]);
    s = must(apply(s, host, { type: 'move_up', participantId: ids[1] }, T0));
    expect(s.queue).toEqual([ids[1], ids[2], ids[0]]);
    s = must(apply(s, host, { type: 'skip' }, T0));
    expect(s.queue).toEqual([ids[2], ids[0], ids[1]]);
    s = must(apply(s, host, { type: 'call_next' }, T0));
    expect(s.speaker).toBe(ids[2]);
    expect(s.shareEndsAt).toBe(T0 + 5 * 60_000);
    expect(s.queue).toEqual([ids[0], ids[1]]);
    s = must(apply(s, ids[0], { type: 'lower_hand' }, T0));
    s = must(apply(s, host, { type: 'end_share' }, T0));
    expect([s.speaker, s.queue]).toEqual([null, [ids[1]]]);
    expect(apply(s, ids[1], { type: 'call_next' }, T0)).toMatchObject({
      ok: false,
      code: 'not_allowed',
    });
  });

  it('offers the floor to each member in turn in round mode, by itself; one may pass', () => {
    const { state, host, ids } = meeting();
    // The round begins at once with the first member (the chair runs it, so is not in it).
    let s = must(apply(state, host, { type: 'round_mode', on: true }, T0));
    expect([s.speaker, s.shareEndsAt]).toEqual([ids[0], T0 + 5 * 60_000]);
    // Passing, or a share ended by the chair, offers the floor to the next in the round.
    s = must(apply(s, ids[0], { type: 'pass' }, T0 + 1000));
    expect([s.speaker, s.shareEndsAt]).toEqual([ids[1], T0 + 1000 + 5 * 60_000]);
    // One who passes before their turn comes is skipped.
    s = must(apply(s, ids[2], { type: 'pass' }, T0));
    s = must(apply(s, host, { type: 'end_share' }, T0));
    expect(s.speaker).toBeNull();
    expect(apply(s, host, { type: 'call_next' }, T0)).toMatchObject({
      ok: false,
      code: 'queue_empty',
    });
    // Round mode again: a new round, from the first member.
    s = must(apply(s, host, { type: 'round_mode', on: true }, T0));
    expect(s.speaker).toBe(ids[0]);
    // The chair may move the round on too.
    s = must(apply(s, host, { type: 'call_next' }, T0));
    expect(s.speaker).toBe(ids[1]);
  });

  it('moves the round on when the one sharing leaves or is removed', () => {
    const { state, host, ids } = meeting();
    let s = must(apply(state, host, { type: 'round_mode', on: true }, T0));
    expect(s.speaker).toBe(ids[0]);
    s = must(apply(s, ids[0], { type: 'leave' }, T0));
    expect(s.speaker).toBe(ids[1]);
    s = must(apply(s, host, { type: 'remove', participantId: ids[1] }, T0));
    expect(s.speaker).toBe(ids[2]);
  });

  it('ends a share without offering the floor when not in round mode', () => {
    const { state, host, ids } = meeting();
    let s = must(apply(state, ids[0], { type: 'raise_hand' }, T0));
    s = must(apply(s, ids[1], { type: 'raise_hand' }, T0));
    s = must(apply(s, host, { type: 'call_next' }, T0));
    s = must(apply(s, ids[0], { type: 'pass' }, T0));
    expect([s.speaker, s.queue]).toEqual([null, [ids[1]]]);
  });

  it('moves through the format’s steps and, at the end, to the fellowship time', () => {
    const { state, host, ids } = meeting();
    let s = state;
    for (let i = 0; i < 10; i++) s = must(apply(s, host, { type: 'next_step' }, T0));
    expect(s.settings.steps[s.step]?.title).toBe('Closing');
    const fellowship = apply(s, host, { type: 'end_meeting' }, T0);
    expect(fellowship).toMatchObject({
      ok: true,
      state: { phase: 'fellowship', phaseEndsAt: T0 + 30 * 60_000 },
    });
    if (!fellowship.ok) throw new Error();
    expect(apply(fellowship.state, ids[0], { type: 'raise_hand' }, T0)).toMatchObject({
      ok: false,
    });
    expect(mayChat(fellowship.state, ids[0], null)).toBeNull();
    expect(sweep(fellowship.state, T0 + 31 * 60_000, 60_000)).toMatchObject({
      ok: true,
      ended: true,
    });
    expect(apply(fellowship.state, host, { type: 'end_meeting' }, T0)).toMatchObject({
      ok: true,
      ended: true,
    });
  });
});

describe('the host’s controls', () => {
  it('removes and blocks, mutes, and keeps private messages off unless allowed', () => {
    const { state, host, ids } = meeting();
    const removed = apply(state, host, { type: 'remove', participantId: ids[2] }, T0);
    expect(removed).toMatchObject({
      ok: true,
      close: [{ participantId: ids[2], reason: 'removed' }],
    });
    const blocked = apply(state, host, { type: 'block', participantId: ids[2] }, T0);
    if (!blocked.ok) throw new Error();
    expect(join(blocked.state, entry('Cal again', { addressHash: 'address-Cal' }))).toMatchObject({
      code: 'blocked',
    });
    let s = must(apply(state, host, { type: 'mute', participantId: ids[0] }, T0));
    expect(mayChat(s, ids[0], null)).toMatchObject({ code: 'muted' });
    expect(mayChat(s, ids[1], ids[2])).toMatchObject({ code: 'private_off' });
    expect(mayChat(s, ids[1], host)).toBeNull();
    s = must(apply(s, host, { type: 'private_messages', on: true }, T0));
    expect(mayChat(s, ids[1], ids[2])).toBeNull();
    expect(apply(s, ids[0], { type: 'remove', participantId: host }, T0)).toMatchObject({
      code: 'not_allowed',
    });
    s = must(apply(s, host, { type: 'make_cohost', participantId: ids[1] }, T0));
    expect(apply(s, ids[1], { type: 'remove', participantId: host }, T0)).toMatchObject({
      code: 'not_allowed',
    });
    expect(apply(s, ids[1], { type: 'lock' }, T0)).toMatchObject({
      ok: true,
      state: { locked: true },
    });
  });
});

// Random meetings: whatever anyone does, the queue holds each present member at most once,
// never someone waiting, never the speaker.
const commandArb: fc.Arbitrary<{ who: number; command: RoomCommand }> = fc.record({
  who: fc.integer({ min: 0, max: 5 }),
  command: fc.oneof(
    ...(
      [
        'raise_hand',
        'lower_hand',
        'pass',
        'call_next',
        'end_share',
        'skip',
        'next_step',
        'lock',
        'unlock',
        'end_meeting',
        'leave',
      ] as const
    ).map((type): fc.Arbitrary<RoomCommand> => fc.constant({ type })),
    fc
      .record({
        type: fc.constantFrom<
          'admit' | 'deny' | 'remove' | 'block' | 'mute' | 'move_up' | 'make_cohost'
        >('admit', 'deny', 'remove', 'block', 'mute', 'move_up', 'make_cohost'),
        n: fc.integer({ min: 1, max: 6 }),
      })
      .map(({ type, n }): RoomCommand => ({ type, participantId: `p${n}` })),
    fc.boolean().map((on): RoomCommand => ({ type: 'round_mode', on })),
  ),
});

describe('any sequence of commands', () => {
  it('keeps the queue and the floor consistent', () => {
    fc.assert(
      fc.property(fc.array(commandArb, { maxLength: 60 }), (commands) => {
        let state = newRoom('r', { name: 'Room', fellowshipMinutes: 0 });
        for (const name of ['Host', 'A', 'B', 'C', 'D', 'E'])
          state = joined(state, name, { asHost: name === 'Host' }).state;
        for (const { who, command } of commands) {
          const outcome = apply(state, `p${who + 1}`, command, T0);
          if (outcome.ok) state = outcome.state;
          const ids = new Set(state.participants.map((p) => p.id));
          expect(new Set(state.queue).size).toBe(state.queue.length);
          for (const id of state.queue) {
            expect(ids.has(id)).toBe(true);
            expect(state.participants.find((p) => p.id === id)?.waiting).toBe(false);
            expect(id).not.toBe(state.speaker);
          }
          if (state.speaker !== null) expect(ids.has(state.speaker)).toBe(true);
          expect(state.step).toBeGreaterThanOrEqual(0);
          expect(state.step).toBeLessThan(state.settings.steps.length);
          if (state.phase === 'ended') break;
        }
      }),
      { numRuns: 300 },
    );
  });
});
