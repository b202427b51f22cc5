import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordHasher } from '../../adapters/auth/password-hasher.ts';
import { systemClock } from '../../adapters/clock.ts';
import {
  type OpenedRoom,
  openRoom,
  roomSetupSchema,
} from '../../services/room/room-setup.service.ts';
import { type TestDatabase, createTestDatabase } from '../../test-support/databases.ts';
import { testServer } from '../../test-support/http.ts';
import { RoomClient, type StateMessage } from '../../test-support/room-client.ts';

let db: TestDatabase;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  db = await createTestDatabase('sqlite');
  app = await testServer(db);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `ws://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await app.close();
  await db.destroy();
});

async function room(setup: Record<string, unknown> = {}): Promise<OpenedRoom & { url: string }> {
  const opened = await openRoom(
    { store: db.store, clock: systemClock, hasher: passwordHasher },
    roomSetupSchema.parse({ name: 'Tuesday Hope', format: 'twelve-step', ...setup }),
    { baseUrl: 'http://127.0.0.1' },
  );
  return { ...opened, url: `${base}/api/v1/rooms/${opened.roomId}/socket` };
}

const waitingIds = (s: StateMessage) => s.participants.filter((p) => p.waiting).map((p) => p.id);

/** A host and members let in from the waiting room. */
async function meeting(names: string[], setup: Record<string, unknown> = {}) {
  const r = await room(setup);
  const host = await RoomClient.join(r.url, { name: 'Chair', hostKey: r.hostKey });
  const members: RoomClient[] = [];
  for (const name of names) {
    const m = await RoomClient.join(r.url, { name });
    await host.state((s) => waitingIds(s).includes(m.participantId!), `${name} waiting`);
    host.send({ type: 'admit', participantId: m.participantId });
    await m.state(
      (s) => s.participants.some((p) => p.id === m.participantId && !p.waiting),
      `${name} admitted`,
    );
    members.push(m);
  }
  return { r, host, members };
}

describe('a meeting through the protocol', () => {
  it('runs: waiting room, queue in order, the floor, chat, remove, end', async () => {
    const { host, members } = await meeting(['Ana', 'Ben', 'Cal']);
    const [ana, ben, cal] = members as [RoomClient, RoomClient, RoomClient];
    expect(host.messages.find((m) => m.type === 'welcome')).toMatchObject({ role: 'host' });
    const opening = host.lastState()!;
    expect(opening.step).toMatchObject({ index: 0, title: 'Opening' });
    expect(String(opening['statement'])).toMatch(/confidential/);

    for (const m of members) {
      m.send({ type: 'raise_hand' });
      await host.state((s) => s.queue.includes(m.participantId!), 'hand raised');
    }
    expect(host.lastState()!.queue).toEqual(members.map((m) => m.participantId));
    host.send({ type: 'call_next' });
    const floor = await cal.state((s) => s.speaker === ana.participantId, 'Ana has the floor');
    expect(Date.parse(floor.shareEndsAt!)).toBeGreaterThan(Date.now() + 4 * 60_000);
    expect(floor.queue).toEqual([ben.participantId, cal.participantId]);

    ana.send({ type: 'chat', text: 'Ana shares about her week' });
    const heard = await cal.wait((m) => m.type === 'chat', 'the share');
    expect(heard).toMatchObject({
      from: ana.participantId,
      name: 'Ana',
      text: 'Ana shares about her week',
      lane: 'share',
    });
    ben.send({ type: 'chat', text: 'thanks Ana' });
    expect(
      await ana.wait((m) => m.type === 'chat' && m['from'] === ben.participantId, 'side chat'),
    ).toMatchObject({ lane: 'side' });
    ben.send({ type: 'react', reaction: 'thanks' });
    expect(await ana.wait((m) => m.type === 'reaction', 'reaction')).toMatchObject({
      from: ben.participantId,
      reaction: 'thanks',
    });

    host.send({ type: 'next_step' });
    expect((await ana.state((s) => s.step.index === 1, 'next step')).step.title).toBe('Readings');

    host.send({ type: 'remove', participantId: cal.participantId });
    expect(await cal.wait((m) => m.type === 'error', 'removal')).toMatchObject({ code: 'removed' });
    expect((await cal.whenClosed())['code']).toBe(4001);
    await host.state((s) => !s.participants.some((p) => p.id === cal.participantId), 'Cal gone');

    host.send({ type: 'end_meeting' });
    await ana.wait((m) => m.type === 'ended', 'ended');
    expect((await ana.whenClosed())['code']).toBe(1000);
    expect((await ben.whenClosed())['code']).toBe(1000);
  });

  it('keeps the waiting room out of the meeting: no names, no chat', async () => {
    const { r, host, members } = await meeting(['Ana']);
    const dee = await RoomClient.join(r.url, { name: 'Dee' });
    const seen = await dee.state(() => true, 'waiting state');
    expect(seen.participants.map((p) => p.name)).toEqual(['Dee']);
    expect(seen.queue).toEqual([]);
    // Members do not see who waits; hosts do.
    await host.state((s) => waitingIds(s).includes(dee.participantId!), 'Dee waits');
    expect(members[0]!.lastState()!.participants.map((p) => p.name)).not.toContain('Dee');
    members[0]!.send({ type: 'chat', text: 'only for the meeting' });
    await host.wait((m) => m.type === 'chat', 'chat');
    dee.send({ type: 'chat', text: 'hello?' });
    expect(await dee.wait((m) => m.type === 'error', 'refusal')).toMatchObject({
      code: 'not_allowed',
    });
    dee.send({ type: 'raise_hand' });
    await dee.next((m) => m.type === 'error', 'refusal');
    expect(dee.messages.some((m) => m.type === 'chat')).toBe(false);
    host.send({ type: 'deny', participantId: dee.participantId });
    expect(
      await dee.wait((m) => m.type === 'error' && m['code'] === 'denied', 'denied'),
    ).toBeTruthy();
    host.send({ type: 'end_meeting' });
  });

  it('lets people straight in when the host turns the waiting room off, and keeps them out when locked', async () => {
    const { r, host } = await meeting([]);
    host.send({ type: 'waiting_room', on: false });
    await host.state((s) => s['waitingRoom'] === false, 'waiting room off');
    const eve = await RoomClient.join(r.url, { name: 'Eve' });
    expect(
      (await eve.state(() => true, 'state')).participants.find((p) => p.id === eve.participantId)
        ?.waiting,
    ).toBe(false);
    host.send({ type: 'lock' });
    await host.state((s) => s['locked'] === true, 'locked');
    await expect(RoomClient.join(r.url, { name: 'Fay' })).rejects.toThrow(/locked/);
    host.send({ type: 'end_meeting' });
  });

  it('asks for the passcode, and the host needs none', async () => {
    const r = await room({ passcode: 'serenity' });
    await expect(RoomClient.join(r.url, { name: 'Ana' })).rejects.toThrow(/"code":"passcode"/);
    await expect(RoomClient.join(r.url, { name: 'Ana', passcode: 'wrong' })).rejects.toThrow(
      /not right/,
    );
    const ana = await RoomClient.join(r.url, { name: 'Ana', passcode: 'serenity' });
    expect(ana.participantId).toMatch(/^p\d+$/);
    const host = await RoomClient.join(r.url, { name: 'Chair', hostKey: r.hostKey });
    await expect(
      RoomClient.join(r.url, { name: 'Guess', hostKey: 'x'.repeat(43) }),
    ).rejects.toThrow(/host key/);
    host.send({ type: 'end_meeting' });
  });

  it('gives someone who drops and comes back their place in the queue', async () => {
    const { r, host, members } = await meeting(['Ana', 'Ben']);
    const [ana, ben] = members as [RoomClient, RoomClient];
    ben.send({ type: 'raise_hand' });
    ana.send({ type: 'raise_hand' });
    await host.state((s) => s.queue.length === 2, 'two hands');
    ben.drop();
    await host.state(
      (s) => s.participants.find((p) => p.id === ben.participantId)?.away === true,
      'Ben away',
    );
    const back = await RoomClient.join(r.url, { name: 'Ben', resumeToken: ben.resumeToken });
    expect(back.participantId).toBe(ben.participantId);
    expect(back.messages.find((m) => m.type === 'welcome')).toMatchObject({ resumed: true });
    const s = await host.state(
      (x) => x.participants.find((p) => p.id === ben.participantId)?.away === false,
      'Ben back',
    );
    expect(s.queue).toEqual([ben.participantId, ana.participantId]);
    // The same person opening a second window: the first one leaves.
    const again = await RoomClient.join(r.url, { name: 'Ben', resumeToken: ben.resumeToken });
    expect(again.participantId).toBe(ben.participantId);
    expect(await back.wait((m) => m.type === 'error', 'replaced')).toMatchObject({
      code: 'replaced',
    });
    expect((await back.whenClosed())['code']).toBe(4002);
    host.send({ type: 'end_meeting' });
  });

  it('ends for good: latecomers hear it ended, the host can start again', async () => {
    const { r, host, members } = await meeting(['Ana']);
    host.send({ type: 'end_meeting' });
    await members[0]!.wait((m) => m.type === 'ended', 'ended');
    await expect(RoomClient.join(r.url, { name: 'Late' })).rejects.toThrow(/"code":"ended"/);
    await expect(
      RoomClient.join(r.url, { name: 'Ana', resumeToken: members[0]!.resumeToken }),
    ).rejects.toThrow(/ended/);
    const again = await RoomClient.join(r.url, { name: 'Chair', hostKey: r.hostKey });
    const fresh = await again.state(() => true, 'fresh state');
    expect(fresh.participants.map((p) => p.name)).toEqual(['Chair']);
    expect(fresh.phase).toBe('open');
    again.send({ type: 'end_meeting' });
  });

  it('keeps the fellowship room open after the meeting when the group wants one', async () => {
    const { host, members } = await meeting(['Ana'], { fellowship_minutes: 30 });
    host.send({ type: 'end_meeting' });
    const tea = await members[0]!.state((s) => s.phase === 'fellowship', 'fellowship');
    expect(Date.parse(String(tea['phaseEndsAt']))).toBeGreaterThan(Date.now() + 29 * 60_000);
    members[0]!.send({ type: 'chat', text: 'cup of tea' });
    await host.wait((m) => m.type === 'chat', 'chat in the fellowship room');
    members[0]!.send({ type: 'raise_hand' });
    expect(await members[0]!.next((m) => m.type === 'error', 'no queue')).toMatchObject({
      code: 'not_allowed',
    });
    host.send({ type: 'end_meeting' });
    await members[0]!.wait((m) => m.type === 'ended', 'ended');
  });
});

describe('safety', () => {
  it('keeps private messages off unless the host turns them on', async () => {
    const { host, members } = await meeting(['Ana', 'Ben']);
    const [ana, ben] = members as [RoomClient, RoomClient];
    ana.send({ type: 'chat', text: 'psst', to: ben.participantId });
    expect(await ana.wait((m) => m.type === 'error', 'refusal')).toMatchObject({
      code: 'private_off',
    });
    // Members may always write to the host.
    ana.send({ type: 'chat', text: 'to the chair', to: host.participantId });
    expect(await host.wait((m) => m.type === 'chat', 'private to host')).toMatchObject({
      lane: 'private',
      to: host.participantId,
    });
    host.send({ type: 'private_messages', on: true });
    await ana.state((s) => s['privateMessages'] === true, 'allowed');
    ana.send({ type: 'chat', text: 'hello Ben', to: ben.participantId });
    await ben.wait((m) => m.type === 'chat' && m['text'] === 'hello Ben', 'private message');
    await ana.wait((m) => m.type === 'chat' && m['text'] === 'hello Ben', 'own copy');
    // Nobody else hears it.
    await new Promise((r) => setTimeout(r, 100));
    expect(host.messages.some((m) => m['text'] === 'hello Ben')).toBe(false);
    host.send({ type: 'end_meeting' });
  });

  it('mutes, blocks, and keeps hosts’ controls for hosts', async () => {
    const { r, host, members } = await meeting(['Ana', 'Ben']);
    const [ana, ben] = members as [RoomClient, RoomClient];
    ana.send({ type: 'remove', participantId: ben.participantId });
    expect(await ana.wait((m) => m.type === 'error', 'refusal')).toMatchObject({
      code: 'not_allowed',
    });
    host.send({ type: 'mute', participantId: ana.participantId });
    await ana.state(
      (s) =>
        s.participants.some(
          (p) => p.id === ana.participantId && (p as { muted?: boolean }).muted === true,
        ),
      'muted',
    );
    ana.send({ type: 'chat', text: 'can anyone hear me' });
    expect(await ana.next((m) => m.type === 'error', 'muted')).toMatchObject({ code: 'muted' });
    host.send({ type: 'make_cohost', participantId: ben.participantId });
    await ben.state(
      (s) => s.participants.some((p) => p.id === ben.participantId && p.role === 'cohost'),
      'cohost',
    );
    ben.send({ type: 'block', participantId: ana.participantId });
    expect(
      await ana.wait((m) => m.type === 'error' && m['code'] === 'removed', 'blocked'),
    ).toBeTruthy();
    // Blocked for this meeting: the same address cannot come back.
    await expect(RoomClient.join(r.url, { name: 'Ana again' })).rejects.toThrow(/"code":"blocked"/);
    host.send({ type: 'end_meeting' });
  });

  it('limits how fast and how much one person can send', async () => {
    const { r, host, members } = await meeting(['Ana']);
    const ana = members[0]!;
    ana.send({ type: 'chat', text: 'x'.repeat(2001) });
    expect(await ana.wait((m) => m.type === 'error', 'too long')).toMatchObject({
      code: 'too_long',
    });
    for (let i = 0; i < 10; i++) ana.send({ type: 'chat', text: `line ${i}` });
    await ana.wait((m) => m.type === 'error' && m['code'] === 'rate_limited', 'rate limited');
    await new Promise((r) => setTimeout(r, 200));
    const delivered = host.messages.filter(
      (m) => m.type === 'chat' && String(m['text']).startsWith('line'),
    );
    expect(delivered.length).toBe(6);
    // The limits are Ana's, not her connection's: coming back (or a second window) refills nothing.
    const again = await RoomClient.join(r.url, { name: 'Ana', resumeToken: ana.resumeToken });
    again.send({ type: 'chat', text: 'line again' });
    expect(await again.wait((m) => m.type === 'error', 'still limited')).toMatchObject({
      code: 'rate_limited',
    });
    host.send({ type: 'end_meeting' });
  });

  it('closes a connection that keeps sending what is refused', async () => {
    const { members, host } = await meeting(['Ana']);
    for (let i = 0; i < 40; i++) members[0]!.sendRaw('not json');
    expect((await members[0]!.whenClosed())['code']).toBe(4008);
    host.send({ type: 'end_meeting' });
  });

  it('answers messages it cannot read by saying what it expects, without echoing them', async () => {
    const r = await room();
    const c = new RoomClient(r.url);
    await c.opened;
    c.send({ type: 'raise_hand' });
    expect(await c.wait((m) => m.type === 'error', 'join first')).toMatchObject({
      code: 'invalid',
      message: 'Join the meeting first.',
    });
    c.send({ type: 'shout', text: 'secret words' });
    const e = await c.next((m) => m.type === 'error', 'unknown type');
    expect(String(e['message'])).toMatch(/"type" must be one of join, chat/);
    expect(String(e['message'])).not.toMatch(/secret/);
    c.send({ type: 'join', name: '   ' });
    expect(await c.next((m) => m.type === 'error', 'no name')).toMatchObject({ code: 'invalid' });
    c.close();
  });

  it('has no room at a link that does not exist, and refuses other sites’ pages', async () => {
    const nowhere = new RoomClient(`${base}/api/v1/rooms/${'A'.repeat(22)}/socket`);
    await nowhere.opened;
    nowhere.send({ type: 'join', name: 'Ana' });
    expect(await nowhere.wait((m) => m.type === 'error', 'no room')).toMatchObject({
      code: 'not_found',
    });
    expect((await nowhere.whenClosed())['code']).toBe(4004);
    const r = await room();
    const elsewhere = new RoomClient(r.url, { origin: 'https://evil.example' });
    expect((await elsewhere.whenClosed())['code']).toBe(4004);
  });
});
