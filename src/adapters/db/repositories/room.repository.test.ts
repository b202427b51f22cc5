import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatSteps } from '../../../domain/room/room-format.ts';
import { createMeeting, deleteMeeting } from '../../../services/editing/meeting-edit.service.ts';
import { person } from '../../../test-support/accounts.ts';
import {
  type TestDatabase,
  createTestDatabase,
  databaseKinds,
  testClock,
} from '../../../test-support/databases.ts';
import type { StoredRoom } from './room.repository.ts';

const kinds = await databaseKinds();

const room = (overrides: Partial<StoredRoom> = {}): StoredRoom => ({
  id: 'r'.repeat(22),
  settings: {
    name: 'Tuesday Hope',
    format: 'twelve-step',
    steps: formatSteps['twelve-step'],
    statement: 'What is said here stays here.',
    shareMinutes: 3,
    warnSeconds: 30,
    fellowshipMinutes: 0,
    passcodeRequired: true,
  },
  hostKeyHash: 'host-key-hash',
  passcodeHash: '$argon2id$…',
  waitingRoom: true,
  privateMessages: false,
  meetingId: null,
  createdBy: null,
  ...overrides,
});

describe.each(kinds)('rooms on %s', (kind) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await db.destroy();
  });

  it('keeps how a room is set up, and changes it', async () => {
    const at = testClock.now().toISOString();
    await db.store.rooms.add(room(), at);
    expect(await db.store.rooms.byId('r'.repeat(22))).toEqual(room());
    expect(await db.store.rooms.byId('x'.repeat(22))).toBeNull();
    const changed = room({
      waitingRoom: false,
      privateMessages: true,
      passcodeHash: null,
      hostKeyHash: 'new',
    });
    await db.store.rooms.update({
      ...changed,
      settings: { ...changed.settings, name: 'Renamed', passcodeRequired: false },
    });
    expect(await db.store.rooms.byId('r'.repeat(22))).toMatchObject({
      waitingRoom: false,
      privateMessages: true,
      passcodeHash: null,
      hostKeyHash: 'new',
      settings: { name: 'Renamed', passcodeRequired: false, shareMinutes: 3 },
    });
    await db.store.rooms.remove('r'.repeat(22));
    expect(await db.store.rooms.byId('r'.repeat(22))).toBeNull();
  });

  it('finds a meeting’s room, and outlives the meeting without it', async () => {
    const admin = await person(db.store, 'admin@example.org', { isAdmin: true });
    const ctx = { store: db.store, clock: testClock, actor: admin, defaultTimezone: 'UTC' };
    const meeting = await createMeeting(ctx, {
      fields: {
        name: 'Online Hope',
        day: 2,
        time: '19:00',
        conference_url: 'https://zoom.us/j/123456789',
      },
    });
    await db.store.rooms.add(
      room({ meetingId: meeting.meetingId, createdBy: admin.userId }),
      testClock.now().toISOString(),
    );
    expect((await db.store.rooms.byMeeting(meeting.meetingId))?.id).toBe('r'.repeat(22));
    await deleteMeeting(ctx, meeting.slug);
    expect(await db.store.rooms.byId('r'.repeat(22))).toMatchObject({ meetingId: null });
  });
});
