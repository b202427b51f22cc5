import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/account/permissions.ts';
import { person, serviceBody } from '../../test-support/accounts.ts';
import {
  type TestDatabase,
  createTestDatabase,
  databaseKinds,
  testClock,
} from '../../test-support/databases.ts';
import { sharedFeedPath } from '../../test-support/shared-data.ts';
import { importFeed } from '../import/import.service.ts';
import { bulkEdit, editableMeetings } from './bulk-edit.service.ts';
import type { EditingContext } from './editing-context.ts';
import {
  createMeeting,
  deleteMeeting,
  meetingForEditing,
  updateMeeting,
} from './meeting-edit.service.ts';

const kinds = await databaseKinds();
const SLUG = '40-minutes-to-freedom';

describe.each(kinds)('editing meetings on %s', (kind) => {
  let db: TestDatabase;
  let admin: Actor;
  let editor: Actor;
  let outsider: Actor;
  let area: number;
  const as = (actor: Actor): EditingContext => ({
    store: db.store,
    clock: testClock,
    actor,
    defaultTimezone: 'UTC',
  });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await importFeed(
      { location: sharedFeedPath('oc'), source: 'oc', format: 'auto', prune: false },
      { store: db.store, clock: testClock, defaultTimezone: 'UTC' },
    );
    area = await serviceBody(db.store, 'Orange County Area');
    const district = await serviceBody(db.store, 'District 9', area);
    const other = await serviceBody(db.store, 'Elsewhere');
    // The meeting belongs to the district, beneath the area.
    const [stored] = await db.store.listings.load({ slug: SLUG });
    await db.store.meetings.update(stored?.meetingId ?? -1, { service_body_id: district });
    admin = await person(db.store, 'admin@example.org', { isAdmin: true });
    editor = await person(db.store, 'editor@example.org', {
      memberships: [{ serviceBodyId: area, role: 'editor' }],
    });
    outsider = await person(db.store, 'other@example.org', {
      memberships: [{ serviceBodyId: other, role: 'body_admin' }],
    });
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('changes a meeting with the import’s validation, recording who changed what', async () => {
    const before = await meetingForEditing(as(editor), SLUG);
    expect(before.fields.time).toBe('19:30');
    const edited = await updateMeeting(as(editor), SLUG, {
      fields: { time: '07:15', name: 'Forty Minutes' },
    });
    expect(edited.fields).toMatchObject({ time: '07:15', name: 'Forty Minutes' });
    const [stored] = await db.store.listings.load({ slug: SLUG });
    expect(stored?.listing.name).toBe('Forty Minutes');
    const [entry] = await db.store.history.list({
      entity: 'meeting',
      entityId: stored?.meetingId ?? -1,
    });
    expect(entry).toMatchObject({
      action: 'update',
      actor: 'editor@example.org',
      userId: editor.userId,
    });
    expect(entry?.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', before: '40 Minutes to Freedom', after: 'Forty Minutes' },
        { field: 'time', before: '19:30', after: '07:15' },
      ]),
    );
  });

  it('says what to fix, and changes nothing, when a field is wrong', async () => {
    await expect(
      updateMeeting(as(editor), SLUG, { fields: { time: '25:99' } }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'time' },
    });
    await expect(
      updateMeeting(as(editor), SLUG, { fields: { slug: 'mine' } }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'slug' },
    });
    expect((await meetingForEditing(as(admin), SLUG)).fields.time).toBe('07:15');
  });

  it('refuses someone of another body, even with the right slug', async () => {
    await expect(
      updateMeeting(as(outsider), SLUG, { fields: { name: 'Mine now' } }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(meetingForEditing(as(outsider), SLUG)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(deleteMeeting(as(outsider), SLUG)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('moves a meeting to a new address without touching the place others share', async () => {
    // A meeting at a place other meetings share, in the editor's area.
    const all = await db.store.listings.load({});
    const counts = new Map<number, number>();
    for (const m of all)
      if (m.locationId !== null) counts.set(m.locationId, (counts.get(m.locationId) ?? 0) + 1);
    const stored = all.find((m) => m.locationId !== null && (counts.get(m.locationId) ?? 0) > 1);
    if (!stored) throw new Error('the OC feed has shared places');
    await db.store.meetings.update(stored.meetingId, { service_body_id: area });
    await updateMeeting(as(editor), stored.slug, {
      fields: {
        formatted_address: '1 Main St, Irvine, CA 92614, USA',
        latitude: 33.68,
        longitude: -117.82,
        location: 'Hall',
      },
    });
    const [moved] = await db.store.listings.load({ slug: stored.slug });
    expect(moved?.locationId).not.toBe(stored.locationId);
    expect(moved?.listing.location?.formattedAddress).toBe('1 Main St, Irvine, CA 92614, USA');
    expect(moved?.listing.timezone).toBe('America/Los_Angeles');
    const neighbours = await db.store.meetings.where({ locationId: stored.locationId ?? -1 });
    expect(neighbours.length).toBe((counts.get(stored.locationId ?? -1) ?? 0) - 1);
    const [neighbour] = await db.store.listings.load({ slug: neighbours[0]?.slug ?? '' });
    expect(neighbour?.listing.location).toEqual(stored.listing.location);
  });

  it('previews an edit without keeping it', async () => {
    const preview = await updateMeeting(
      as(editor),
      SLUG,
      { fields: { name: 'Preview only' } },
      { dryRun: true },
    );
    expect(preview.fields.name).toBe('Preview only');
    expect((await meetingForEditing(as(editor), SLUG)).fields.name).toBe('Forty Minutes');
  });

  it('adds a meeting to the volunteer’s body, and deletes it', async () => {
    const created = await createMeeting(as(editor), {
      fields: {
        name: 'New Hope',
        day: 3,
        time: '19:00',
        conference_url: 'https://zoom.us/j/123456789',
      },
      serviceBodyId: area,
    });
    expect(created.slug).toBe('new-hope');
    const [stored] = await db.store.listings.load({ slug: 'new-hope' });
    expect(stored?.listing.attendance).toBe('online');
    await expect(
      createMeeting(as(editor), {
        fields: { name: 'Nowhere', day: 1, time: '10:00' },
        serviceBodyId: null,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await deleteMeeting(as(editor), 'new-hope');
    expect(await db.store.listings.load({ slug: 'new-hope' })).toEqual([]);
    const history = await db.store.history.list({ entity: 'meeting', entityId: created.meetingId });
    expect(history.map((h) => h.action)).toEqual(['delete', 'create']);
  });

  it('lists the volunteer’s meetings with their groups, and moves one to another group', async () => {
    const fields = { day: 4, time: '12:00', timezone: 'America/Los_Angeles' };
    await createMeeting(as(editor), {
      fields: { ...fields, name: 'Group Lunch A', group: 'Lunch Bunch' },
      serviceBodyId: area,
    });
    await createMeeting(as(editor), {
      fields: { ...fields, name: 'Group Lunch B' },
      serviceBodyId: area,
    });
    const before = await editableMeetings(as(editor), { text: 'group lunch' });
    const [a, b] = before.meetings;
    expect(a?.group).toEqual({ id: expect.any(Number), name: 'Lunch Bunch' });
    expect(b?.group).toBeNull();
    const answer = await bulkEdit(as(editor), {
      slugs: ['group-lunch-b'],
      action: 'move_to_group',
      groupId: a?.group?.id ?? -1,
    });
    expect(answer.results).toEqual([{ slug: 'group-lunch-b', ok: true }]);
    const after = await editableMeetings(as(editor), { text: 'group lunch' });
    expect(after.meetings.map((m) => m.group?.name)).toEqual(['Lunch Bunch', 'Lunch Bunch']);
  });
});
