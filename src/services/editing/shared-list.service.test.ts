import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/account/permissions.ts';
import { person, serviceBody } from '../../test-support/accounts.ts';
import {
  type TestDatabase,
  createTestDatabase,
  databaseKinds,
  testClock,
} from '../../test-support/databases.ts';
import { bulkEdit } from './bulk-edit.service.ts';
import type { EditingContext } from './editing-context.ts';
import { createMeeting } from './meeting-edit.service.ts';
import { createShared } from './shared-edit.service.ts';
import { editableGroups, editablePlaces } from './shared-list.service.ts';

/**
 * The lists of places and groups a volunteer keeps, and moving meetings to one: a place or group
 * is in a volunteer's reach by its own body, else by the one body all its meetings share, the
 * same rule that lets them edit it.
 */

const kinds = await databaseKinds();

describe.each(kinds)('places and groups a volunteer keeps, on %s', (kind) => {
  let db: TestDatabase;
  let admin: Actor;
  let editor: Actor;
  let a1: number;
  let b: number;
  const as = (actor: Actor): EditingContext => ({
    store: db.store,
    clock: testClock,
    actor,
    defaultTimezone: 'UTC',
  });
  const meeting = async (name: string, body: number, fields: Record<string, unknown>) =>
    createMeeting(as(admin), {
      fields: { name, day: 2, time: '19:00', timezone: 'Europe/London', ...fields },
      serviceBodyId: body,
    });
  const placeOf = async (slug: string) =>
    (await db.store.listings.load({ slug }))[0]?.locationId ?? -1;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const a = await serviceBody(db.store, 'Area A');
    a1 = await serviceBody(db.store, 'District A1', a);
    b = await serviceBody(db.store, 'Area B');
    admin = await person(db.store, 'admin@example.org', { isAdmin: true });
    editor = await person(db.store, 'editor@example.org', {
      memberships: [{ serviceBodyId: a, role: 'editor' }],
    });
    await meeting('Church Hall Tuesday', a1, {
      address: '1 Church Street',
      city: 'Lewes',
      group: 'Hope Group',
    });
    // An imported place names no body: its meetings' one body answers for it.
    await meeting('Library Step Study', a1, { address: '5 Library Lane', city: 'Ringmer' });
    await db.store.locations.update(await placeOf('library-step-study'), {
      service_body_id: null,
    });
    // A meeting with a group's details but no group name: its own implicit group.
    await meeting('Quiet Corner', a1, { venmo: '@quiet-corner' });
    await meeting('Weald Hall', b, { address: '2 High Street', city: 'Uckfield', group: 'Weald' });
    // A place two bodies' meetings share: only an administrator answers for it.
    await meeting('Shared Market Hall', a1, { address: '9 Market Square', city: 'Hailsham' });
    await meeting('Shared Market Hall B', b, { address: '9 Market Square', city: 'Hailsham' });
    const shared = await placeOf('shared-market-hall');
    await db.store.meetings.update(
      (await db.store.listings.load({ slug: 'shared-market-hall-b' }))[0]?.meetingId ?? -1,
      { location_id: shared },
    );
    await db.store.locations.update(shared, { service_body_id: null });
  });
  afterAll(async () => {
    await db.destroy();
  });

  const names = (items: readonly { name: string | null; formatted_address?: string | null }[]) =>
    items.map((i) => i.name ?? i.formatted_address);

  it('lists the places in the volunteer’s reach, each with its body and meeting count', async () => {
    const page = await editablePlaces(as(editor));
    expect(page).toMatchObject({ total: 2 });
    expect(page.locations).toEqual([
      {
        id: expect.any(Number),
        name: null,
        formatted_address: '1 Church Street, Lewes',
        service_body_id: a1,
        meetings: 1,
      },
      {
        id: await placeOf('library-step-study'),
        name: null,
        formatted_address: '5 Library Lane, Ringmer',
        // Its own body is none: its one meeting's body answers.
        service_body_id: a1,
        meetings: 1,
      },
    ]);
  });

  it('gives an administrator every place, a shared one answering to no one body', async () => {
    const page = await editablePlaces(as(admin));
    expect(names(page.locations)).toEqual([
      '1 Church Street, Lewes',
      '2 High Street, Uckfield',
      '5 Library Lane, Ringmer',
      '9 Market Square, Hailsham',
    ]);
    expect(page.locations[3]).toMatchObject({ service_body_id: null, meetings: 2 });
  });

  it('lists named groups only (a meeting’s own details are the meeting’s)', async () => {
    const quiet = (await db.store.listings.load({ slug: 'quiet-corner' }))[0];
    expect(quiet?.groupId).not.toBeNull();
    expect((await editableGroups(as(editor))).groups).toEqual([
      { id: expect.any(Number), name: 'Hope Group', service_body_id: a1, meetings: 1 },
    ]);
    expect(names((await editableGroups(as(admin))).groups)).toEqual(['Hope Group', 'Weald']);
  });

  it('finds by name or address, whatever the case, a page at a time', async () => {
    expect(names((await editablePlaces(as(admin), { text: 'MARKET' })).locations)).toEqual([
      '9 Market Square, Hailsham',
    ]);
    expect(names((await editablePlaces(as(admin), { text: '100%_' })).locations)).toEqual([]);
    const second = await editablePlaces(as(admin), { limit: 2, offset: 2 });
    expect(second.total).toBe(4);
    expect(names(second.locations)).toEqual([
      '5 Library Lane, Ringmer',
      '9 Market Square, Hailsham',
    ]);
  });

  it('moves meetings to a place the volunteer keeps: its zone comes too, the history says what changed', async () => {
    const place = await createShared(as(editor), 'location', {
      name: 'Friends Meeting House',
      formatted_address: '10 Broadway, New York',
      latitude: 40.7128,
      longitude: -74.006,
      service_body_id: a1,
    });
    const before = await placeOf('library-step-study');
    const answer = await bulkEdit(as(editor), {
      slugs: ['library-step-study'],
      action: 'move_to_location',
      locationId: place.id,
    });
    expect(answer.results).toEqual([{ slug: 'library-step-study', ok: true }]);
    const [moved] = await db.store.listings.load({ slug: 'library-step-study' });
    expect(moved?.locationId).toBe(place.id);
    expect(moved?.listing.timezone).toBe('America/New_York');
    expect(moved?.listing.location?.name).toBe('Friends Meeting House');
    // The place it left has no meeting now, so it is gone.
    expect(await db.store.locations.byId(before)).toBeNull();
    const [entry] = await db.store.history.list({
      entity: 'meeting',
      entityId: moved?.meetingId ?? -1,
    });
    expect(entry?.changes).toEqual(
      expect.arrayContaining([
        { field: 'location', before: null, after: 'Friends Meeting House' },
        {
          field: 'formatted_address',
          before: '5 Library Lane, Ringmer',
          after: '10 Broadway, New York',
        },
        { field: 'timezone', before: 'Europe/London', after: 'America/New_York' },
      ]),
    );
  });

  it('keeps a meeting’s zone when the place it moves to is not on the map', async () => {
    const place = await createShared(as(editor), 'location', {
      name: 'Annexe',
      formatted_address: 'Back of the church, Lewes',
      service_body_id: a1,
    });
    await bulkEdit(as(editor), {
      slugs: ['church-hall-tuesday'],
      action: 'move_to_location',
      locationId: place.id,
    });
    const [moved] = await db.store.listings.load({ slug: 'church-hall-tuesday' });
    expect(moved?.locationId).toBe(place.id);
    expect(moved?.listing.timezone).toBe('Europe/London');
    // A place added as itself stays when its last meeting moves on (until it is deleted).
    await bulkEdit(as(editor), {
      slugs: ['church-hall-tuesday'],
      action: 'move_to_location',
      locationId: await placeOf('library-step-study'),
    });
    expect(await db.store.locations.byId(place.id)).not.toBeNull();
  });

  it('refuses to move a meeting into another meeting’s own details', async () => {
    const quiet = (await db.store.listings.load({ slug: 'quiet-corner' }))[0];
    const answer = await bulkEdit(as(admin), {
      slugs: ['church-hall-tuesday'],
      action: 'move_to_group',
      groupId: quiet?.groupId ?? -1,
    });
    expect(answer.results[0]).toMatchObject({
      ok: false,
      message: expect.stringContaining('one meeting’s own details') as unknown,
    });
  });

  it('refuses to move a meeting to another body’s place, or to no place, saying why', async () => {
    const weald = await placeOf('weald-hall');
    const answer = await bulkEdit(as(editor), {
      slugs: ['church-hall-tuesday'],
      action: 'move_to_location',
      locationId: weald,
    });
    expect(answer.results).toEqual([
      { slug: 'church-hall-tuesday', ok: false, message: expect.stringContaining('2 High Street') },
    ]);
    const missing = await bulkEdit(as(editor), {
      slugs: ['church-hall-tuesday'],
      action: 'move_to_location',
      locationId: 999_999,
    });
    expect(missing.results[0]?.message).toMatch(/no place 999999/);
    await expect(
      bulkEdit(as(editor), { slugs: ['church-hall-tuesday'], action: 'move_to_location' }),
    ).resolves.toEqual({
      results: [
        {
          slug: 'church-hall-tuesday',
          ok: false,
          message: 'location_id: say which place to move the meetings to',
        },
      ],
    });
  });
});
