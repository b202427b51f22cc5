import { z } from 'zod';
import {
  groupColumns,
  groupFromRow,
  locationColumns,
  locationFromRow,
} from '../../adapters/db/listing-rows.ts';
import type { HistoryEntry } from '../../adapters/db/repositories/history.repository.ts';
import type { Repositories } from '../../adapters/db/repositories/repositories.ts';
import { zoneAt } from '../../adapters/geo/timezone-lookup.ts';
import { AppError } from '../../domain/errors.ts';
import type { GroupDetails } from '../../domain/group/group.ts';
import { type FieldChange, fieldChanges, undoing } from '../../domain/history/field-changes.ts';
import type { LocationDetails } from '../../domain/location/location.ts';
import { isValidTimeZone } from '../../domain/schedule/time-zone.ts';
import { serviceBodyKinds } from '../../domain/service-body/service-body.ts';
import {
  type EditingContext,
  actorLabel,
  bodyParents,
  requirePermission,
} from './editing-context.ts';

/**
 * Places, groups and service bodies, edited as themselves: a place's new address is every
 * meeting's there, a group's website every meeting's of the group. Nothing is deleted while
 * something still uses it, and every change is recorded field by field.
 */

const text = (max: number) => z.string().trim().max(max).nullable().optional();

export const groupFieldsSchema = z.object({
  name: z
    .string({ error: 'give the group a name' })
    .trim()
    .min(1, 'give the group a name')
    .max(200)
    .optional(),
  notes: text(5000),
  website: text(500),
  email: text(254),
  phone: text(50),
  venmo: text(100),
  paypal: text(100),
  square: text(100),
  homegroup_online: text(500),
  contacts: z
    .array(
      z.object({
        name: text(200),
        email: text(254),
        phone: text(50),
        public: z.boolean({ error: 'say whether the contact is public (true) or private (false)' }),
      }),
    )
    .max(10)
    .optional(),
  service_body_id: z.number().int().positive().nullable().optional(),
});
export type GroupFields = z.infer<typeof groupFieldsSchema>;

export const locationFieldsSchema = z.object({
  name: text(200),
  formatted_address: text(300),
  street: text(200),
  city: text(100),
  state: text(100),
  postal_code: text(20),
  country: text(100),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  approximate: z.boolean().optional(),
  regions: z.array(z.string().trim().min(1).max(100)).max(5).optional(),
  notes: text(2000),
  timezone: z
    .string()
    .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/London')
    .optional(),
  service_body_id: z.number().int().positive().nullable().optional(),
});
export type LocationFields = z.infer<typeof locationFieldsSchema>;

export const serviceBodyFieldsSchema = z.object({
  name: z.string().trim().min(1, 'give the service body a name').max(200).optional(),
  kind: z
    .enum(serviceBodyKinds, { error: `must be one of ${serviceBodyKinds.join(', ')}` })
    .optional(),
  parent_id: z.number().int().positive().nullable().optional(),
  fellowship: z.string().trim().min(1).max(40).optional(),
  email: text(254),
  phone: text(50),
  website: text(500),
  service_area: text(300),
});
export type ServiceBodyFields = z.infer<typeof serviceBodyFieldsSchema>;

type Kind = 'group' | 'location' | 'service_body';

/** Fields read through their schema, or one AppError naming the first bad field. */
function parsed<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || 'body';
  throw new AppError('invalid_input', `${field}: ${issue?.message ?? 'is not valid'}`, { field });
}
const what: Record<Kind, string> = {
  group: 'group',
  location: 'place',
  service_body: 'service body',
};

function notFound(kind: Kind, id: number): AppError {
  return new AppError('not_found', `there is no ${what[kind]} ${id}`);
}

// ---- how each kind reads, and which body answers for it ------------------------------------

function groupView(
  row: NonNullable<Awaited<ReturnType<Repositories['groups']['byId']>>>,
  repos: Repositories,
) {
  const g = groupFromRow(row, undefined, repos.codec);
  return {
    name: g.name,
    notes: g.notes,
    website: g.website,
    email: g.email,
    phone: g.phone,
    venmo: g.venmo,
    paypal: g.paypal,
    square: g.square,
    homegroup_online: g.homegroupOnline,
    contacts: g.contacts.map((c) => ({
      name: c.name,
      email: c.email,
      phone: c.phone,
      public: c.public,
    })),
    service_body_id: row.service_body_id,
  };
}

function locationView(
  row: NonNullable<Awaited<ReturnType<Repositories['locations']['byId']>>>,
  repos: Repositories,
) {
  const l = locationFromRow(row, repos.codec);
  return {
    name: l.name,
    formatted_address: l.formattedAddress,
    street: l.street,
    city: l.city,
    state: l.state,
    postal_code: l.postalCode,
    country: l.country,
    latitude: l.latitude,
    longitude: l.longitude,
    approximate: l.approximate,
    regions: l.regions,
    notes: l.notes,
    timezone: row.timezone,
    service_body_id: row.service_body_id,
  };
}

function bodyView(row: NonNullable<Awaited<ReturnType<Repositories['serviceBodies']['byId']>>>) {
  return {
    name: row.name,
    kind: row.kind,
    parent_id: row.parent_id,
    fellowship: row.fellowship_id,
    email: row.email,
    phone: row.phone,
    website: row.website,
    service_area: row.service_area,
  };
}

/**
 * The body answering for a place or group: its own, else the one body all its meetings share
 * (null: none, or several, so only an administrator may change what they all use).
 */
async function sharedBody(
  repos: Repositories,
  own: number | null,
  meetings: readonly { serviceBodyId: number | null; groupId: number | null }[],
) {
  if (own !== null) return own;
  const bodies = new Set<number | null>();
  for (const m of meetings) {
    bodies.add(
      m.serviceBodyId ??
        (m.groupId === null
          ? null
          : ((await repos.groups.byId(m.groupId))?.service_body_id ?? null)),
    );
  }
  const [only] = bodies;
  return bodies.size === 1 ? (only ?? null) : null;
}

async function usersOf(repos: Repositories, kind: Kind, id: number) {
  if (kind === 'group') return repos.meetings.where({ groupId: id });
  if (kind === 'location') return repos.meetings.where({ locationId: id });
  return repos.meetings.where({ serviceBodyIds: [id] });
}

/** A place, group or body as it stands, the body answering for it, and the meetings using it. */
export async function loadShared(repos: Repositories, kind: Kind, id: number) {
  switch (kind) {
    case 'group': {
      const row = await repos.groups.byId(id);
      if (!row) throw notFound(kind, id);
      const meetings = await usersOf(repos, kind, id);
      return {
        view: groupView(row, repos),
        body: await sharedBody(repos, row.service_body_id, meetings),
        meetings,
        sourceId: row.source_id,
      };
    }
    case 'location': {
      const row = await repos.locations.byId(id);
      if (!row) throw notFound(kind, id);
      const meetings = await usersOf(repos, kind, id);
      return {
        view: locationView(row, repos),
        body: await sharedBody(repos, row.service_body_id, meetings),
        meetings,
        sourceId: row.source_id,
      };
    }
    case 'service_body': {
      const row = await repos.serviceBodies.byId(id);
      if (!row) throw notFound(kind, id);
      // A body is managed from the body above it (a top body, by administrators).
      return {
        view: bodyView(row),
        body: row.parent_id,
        meetings: await usersOf(repos, kind, id),
        sourceId: row.source_id,
      };
    }
  }
}

const permissionFor = (kind: Kind) => (kind === 'service_body' ? 'manage_bodies' : 'edit_listings');

/** A place, group or service body as volunteers see it (private contacts included). */
export async function sharedForEditing(ctx: EditingContext, kind: Kind, id: number) {
  const loaded = await loadShared(ctx.store, kind, id);
  requirePermission(
    ctx.actor,
    'read_private',
    { bodyId: kind === 'service_body' ? id : loaded.body, what: `${what[kind]} ${id}` },
    await bodyParents(ctx.store),
  );
  return {
    id,
    ...loaded.view,
    meetings: loaded.meetings.map((m) => ({ slug: m.slug, name: m.name })),
  };
}

// ---- writing ---------------------------------------------------------------------------------

async function record(
  repos: Repositories,
  ctx: EditingContext,
  entry: {
    kind: Kind;
    id: number;
    label: string;
    action: HistoryEntry['action'];
    body: number | null;
    changes: FieldChange[];
    now: string;
  },
) {
  if (entry.changes.length === 0) return;
  await repos.history.add({
    entity: entry.kind,
    entityId: entry.id,
    label: entry.label,
    action: entry.action,
    userId: ctx.actor.userId,
    actor: actorLabel(ctx.actor),
    serviceBodyId: entry.body,
    changes: entry.changes,
    at: entry.now,
  });
}

function groupDetails(fields: ReturnType<typeof groupView>): GroupDetails {
  return {
    name: fields.name,
    implicit: false,
    notes: fields.notes,
    website: fields.website,
    email: fields.email,
    phone: fields.phone,
    venmo: fields.venmo,
    paypal: fields.paypal,
    square: fields.square,
    homegroupOnline: fields.homegroup_online,
    contacts: fields.contacts.map((c) => ({
      name: c.name ?? null,
      email: c.email ?? null,
      phone: c.phone ?? null,
      public: c.public,
    })),
    district: null,
    lastContact: null,
  };
}

function locationDetails(fields: ReturnType<typeof locationView>): LocationDetails {
  return {
    name: fields.name,
    formattedAddress: fields.formatted_address,
    street: fields.street,
    city: fields.city,
    state: fields.state,
    postalCode: fields.postal_code,
    country: fields.country,
    latitude: fields.latitude,
    longitude: fields.longitude,
    approximate: fields.approximate,
    regions: fields.regions,
    notes: fields.notes,
  };
}

/** What a history entry calls a place, group or body: its name, else its address. */
function labelOf(view: Readonly<Record<string, unknown>>, id: number): string {
  for (const value of [view.name, view.formatted_address])
    if (typeof value === 'string' && value) return value;
  return String(id);
}

/** Patch values over the current ones; null clears a field (the schema has said what may). */
function merged<T extends Record<string, unknown>>(
  current: T,
  patch: Readonly<Record<string, unknown>>,
): T {
  const out: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) out[k] = v;
  return out as T;
}

async function checkBodyTarget(
  ctx: EditingContext,
  repos: Repositories,
  bodyId: number | null | undefined,
  permission: 'edit_listings' | 'manage_bodies',
) {
  if (bodyId === undefined) return;
  if (bodyId !== null && !(await repos.serviceBodies.byId(bodyId)))
    throw notFound('service_body', bodyId);
  requirePermission(
    ctx.actor,
    permission,
    { bodyId: bodyId, what: 'the service body it would belong to' },
    await bodyParents(repos),
  );
}

interface SharedWrite<F> {
  readonly id: number | null;
  readonly fields: F;
  readonly now: string;
  readonly sourceId: number | null;
}

async function writeGroup(
  repos: Repositories,
  write: SharedWrite<ReturnType<typeof groupView>>,
): Promise<number> {
  const { id, fields, now, sourceId } = write;
  const columns = {
    ...groupColumns(groupDetails(fields), repos.codec),
    service_body_id: fields.service_body_id,
    updated_at: repos.codec.toTimestamp(now),
  };
  if (id !== null) {
    await repos.groups.update(id, columns);
    return id;
  }
  return repos.groups.insertOne({
    ...columns,
    source_id: sourceId,
    key: `volunteer:${now}:${fields.name}`,
    created_at: repos.codec.toTimestamp(now),
  });
}

async function writeLocation(
  repos: Repositories,
  write: SharedWrite<ReturnType<typeof locationView>>,
): Promise<number> {
  const { id, fields, now, sourceId } = write;
  const columns = {
    ...locationColumns(locationDetails(fields), fields.timezone, repos.codec),
    service_body_id: fields.service_body_id,
    updated_at: repos.codec.toTimestamp(now),
  };
  if (id !== null) {
    await repos.locations.update(id, columns);
    return id;
  }
  return repos.locations.insertOne({
    ...columns,
    source_id: sourceId,
    key: `volunteer:${now}:${fields.name ?? fields.formatted_address ?? ''}`,
    created_at: repos.codec.toTimestamp(now),
  });
}

/** The zone of a place: from its point when it has one, else as given, else the default. */
function zoneFor(
  fields: { latitude: number | null; longitude: number | null; timezone: string },
  fallback: string,
): string {
  if (fields.latitude !== null && fields.longitude !== null)
    return zoneAt(fields.latitude, fields.longitude) ?? fields.timezone ?? fallback;
  return fields.timezone || fallback;
}

/** Changes a place, group or service body; a place's new zone is its meetings' too. */
export async function updateShared(
  ctx: EditingContext,
  target: { readonly kind: Kind; readonly id: number },
  patch: Readonly<Record<string, unknown>>,
  options: { action?: 'update' | 'revert' } = {},
) {
  const { kind, id } = target;
  const now = ctx.clock.now().toISOString();
  return ctx.store.transaction(async (repos) => {
    const loaded = await loadShared(repos, kind, id);
    const parents = await bodyParents(repos);
    requirePermission(
      ctx.actor,
      permissionFor(kind),
      { bodyId: loaded.body, what: `${what[kind]} ${id}` },
      parents,
    );
    let after: Record<string, unknown>;
    switch (kind) {
      case 'group': {
        const p = parsed(groupFieldsSchema.strict(), patch);
        await checkBodyTarget(ctx, repos, p.service_body_id, 'edit_listings');
        const next = merged(loaded.view as ReturnType<typeof groupView>, p);
        await writeGroup(repos, { id, fields: next, now, sourceId: loaded.sourceId });
        after = next;
        break;
      }
      case 'location': {
        const p = parsed(locationFieldsSchema.strict(), patch);
        await checkBodyTarget(ctx, repos, p.service_body_id, 'edit_listings');
        const current = loaded.view as ReturnType<typeof locationView>;
        const moved = 'latitude' in p || 'longitude' in p;
        const next = merged(current, p);
        if (moved && !('timezone' in p)) next.timezone = zoneFor(next, ctx.defaultTimezone);
        await writeLocation(repos, { id, fields: next, now, sourceId: loaded.sourceId });
        if (next.timezone !== current.timezone) {
          for (const m of loaded.meetings)
            await repos.meetings.update(m.id, {
              timezone: next.timezone,
              updated_at: repos.codec.toTimestamp(now),
            });
        }
        after = next;
        break;
      }
      case 'service_body': {
        const p = parsed(serviceBodyFieldsSchema.strict(), patch);
        if (p.parent_id !== undefined) {
          await checkBodyTarget(ctx, repos, p.parent_id, 'manage_bodies');
          if (
            p.parent_id !== null &&
            (p.parent_id === id || ancestorsInclude(parents, p.parent_id, id))
          ) {
            throw new AppError('invalid_input', 'parent_id: a body cannot be beneath itself', {
              field: 'parent_id',
            });
          }
        }
        const next = merged(loaded.view as ReturnType<typeof bodyView>, p);
        await repos.serviceBodies.update(id, {
          name: next.name,
          kind: next.kind,
          parent_id: next.parent_id,
          fellowship_id: next.fellowship,
          email: next.email,
          phone: next.phone,
          website: next.website,
          service_area: next.service_area,
          updated_at: repos.codec.toTimestamp(now),
        });
        after = next;
        break;
      }
    }
    const changes = fieldChanges(loaded.view, after);
    await record(repos, ctx, {
      kind,
      id,
      label: labelOf(after, id),
      action: options.action ?? 'update',
      body: kind === 'service_body' ? id : loaded.body,
      changes,
      now,
    });
    for (const m of loaded.meetings) await repos.changes.record('meeting', m.id, now);
    return { id, ...after };
  });
}

function ancestorsInclude(
  parents: ReadonlyMap<number, number | null>,
  start: number,
  target: number,
): boolean {
  const seen = new Set<number>();
  for (let b: number | null | undefined = start; b != null && !seen.has(b); b = parents.get(b)) {
    if (b === target) return true;
    seen.add(b);
  }
  return false;
}

/** Adds a place, group or service body. */
export async function createShared(
  ctx: EditingContext,
  kind: Kind,
  fields: Readonly<Record<string, unknown>>,
) {
  const now = ctx.clock.now().toISOString();
  return ctx.store.transaction(async (repos) => {
    let id: number;
    let view: Record<string, unknown>;
    let body: number | null;
    switch (kind) {
      case 'group': {
        const p = parsed(groupFieldsSchema.strict(), fields);
        if (!p.name)
          throw new AppError('invalid_input', 'name: give the group a name', { field: 'name' });
        body = p.service_body_id ?? null;
        await checkBodyTarget(ctx, repos, body, 'edit_listings');
        requirePermission(
          ctx.actor,
          'edit_listings',
          { bodyId: body, what: 'a group of this service body' },
          await bodyParents(repos),
        );
        view = merged(
          {
            name: p.name,
            notes: null,
            website: null,
            email: null,
            phone: null,
            venmo: null,
            paypal: null,
            square: null,
            homegroup_online: null,
            contacts: [],
            service_body_id: body,
          },
          p,
        );
        id = await writeGroup(repos, {
          id: null,
          fields: view as ReturnType<typeof groupView>,
          now,
          sourceId: null,
        });
        break;
      }
      case 'location': {
        const p = parsed(locationFieldsSchema.strict(), fields);
        if (!p.name && !p.formatted_address) {
          throw new AppError(
            'invalid_input',
            'formatted_address: give the place an address or a name',
            { field: 'formatted_address' },
          );
        }
        body = p.service_body_id ?? null;
        await checkBodyTarget(ctx, repos, body, 'edit_listings');
        requirePermission(
          ctx.actor,
          'edit_listings',
          { bodyId: body, what: 'a place of this service body' },
          await bodyParents(repos),
        );
        const next = merged(
          {
            name: null,
            formatted_address: null,
            street: null,
            city: null,
            state: null,
            postal_code: null,
            country: null,
            latitude: null,
            longitude: null,
            approximate: false,
            regions: [] as string[],
            notes: null,
            timezone: ctx.defaultTimezone,
            service_body_id: body,
          },
          p,
        );
        if (!p.timezone) next.timezone = zoneFor(next, ctx.defaultTimezone);
        view = next;
        id = await writeLocation(repos, { id: null, fields: next, now, sourceId: null });
        break;
      }
      case 'service_body': {
        const p = parsed(serviceBodyFieldsSchema.strict(), fields);
        if (!p.name)
          throw new AppError('invalid_input', 'name: give the service body a name', {
            field: 'name',
          });
        const parent = p.parent_id ?? null;
        await checkBodyTarget(ctx, repos, parent, 'manage_bodies');
        requirePermission(
          ctx.actor,
          'manage_bodies',
          { bodyId: parent, what: 'a service body beneath this one' },
          await bodyParents(repos),
        );
        body = parent;
        const at = repos.codec.toTimestamp(now);
        view = merged(
          {
            name: p.name,
            kind: 'other',
            parent_id: parent,
            fellowship: 'aa',
            email: null,
            phone: null,
            website: null,
            service_area: null,
          },
          p,
        );
        const v = view as ReturnType<typeof bodyView>;
        id = await repos.serviceBodies.insertOne({
          source_id: null,
          key: null,
          parent_id: v.parent_id,
          fellowship_id: v.fellowship,
          name: v.name,
          kind: v.kind,
          email: v.email,
          phone: v.phone,
          website: v.website,
          logo: null,
          service_area: v.service_area,
          created_at: at,
          updated_at: at,
        });
        break;
      }
    }
    await record(repos, ctx, {
      kind,
      id,
      label: labelOf(view, id),
      action: 'create',
      body,
      changes: fieldChanges({}, view),
      now,
    });
    return { id, ...view };
  });
}

/** Deletes a place, group or service body, refusing (and saying what uses it) while anything does. */
export async function deleteShared(
  ctx: EditingContext,
  kind: Kind,
  id: number,
  options: { action?: 'delete' | 'revert' } = {},
) {
  const now = ctx.clock.now().toISOString();
  await ctx.store.transaction(async (repos) => {
    const loaded = await loadShared(repos, kind, id);
    requirePermission(
      ctx.actor,
      permissionFor(kind),
      { bodyId: loaded.body, what: `${what[kind]} ${id}` },
      await bodyParents(repos),
    );
    if (loaded.meetings.length > 0) {
      const names = loaded.meetings
        .slice(0, 5)
        .map((m) => m.slug)
        .join(', ');
      const more = loaded.meetings.length > 5 ? ` and ${loaded.meetings.length - 5} more` : '';
      throw new AppError(
        'conflict',
        `${what[kind]} ${id} still has ${loaded.meetings.length} meeting${loaded.meetings.length === 1 ? '' : 's'} (${names}${more}): move or delete them first`,
      );
    }
    const repo =
      kind === 'group' ? repos.groups : kind === 'location' ? repos.locations : repos.serviceBodies;
    if (await repo.inUse(id)) {
      throw new AppError(
        'conflict',
        kind === 'service_body'
          ? `service body ${id} still has groups, places, bodies beneath it, volunteers or change requests: move them first`
          : `${what[kind]} ${id} is still in use: move what uses it first`,
      );
    }
    await record(repos, ctx, {
      kind,
      id,
      label: labelOf(loaded.view, id),
      action: options.action ?? 'delete',
      body: kind === 'service_body' ? loaded.body : loaded.body,
      changes: fieldChanges(loaded.view, {}),
      now,
    });
    await repo.delete(id);
  });
}

/** Undoes a recorded change to a place, group or service body (see revertChange). */
export async function revertPlaceOrGroup(ctx: EditingContext, entry: HistoryEntry): Promise<void> {
  const kind = entry.entity as Kind;
  const previous = undoing(entry.changes);
  const gone = entry.changes.length > 0 && entry.changes.every((c) => c.after === null);
  const made = entry.changes.length > 0 && entry.changes.every((c) => c.before === null);
  if (entry.action === 'delete' || (entry.action === 'revert' && gone)) {
    await createShared(
      ctx,
      kind,
      Object.fromEntries(Object.entries(previous).filter(([, v]) => v !== null)),
    );
  } else if (entry.action === 'create' || (entry.action === 'revert' && made)) {
    await deleteShared(ctx, kind, entry.entityId, { action: 'revert' });
  } else {
    await updateShared(ctx, { kind, id: entry.entityId }, previous, { action: 'revert' });
  }
}
