import type { Clock } from '../../adapters/clock.ts';
import type { Store } from '../../adapters/db/database.ts';
import type { StoredListing } from '../../adapters/db/repositories/listing.repository.ts';
import type { Repositories } from '../../adapters/db/repositories/repositories.ts';
import {
  type Actor,
  type BodyParents,
  type Permission,
  may,
} from '../../domain/account/permissions.ts';
import { AppError } from '../../domain/errors.ts';

/** What a volunteer's action runs with: the store, the time, and who is acting. */
export interface EditingContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly actor: Actor;
  /** Zone for a place with neither a zone nor coordinates (DEFAULT_TIMEZONE). */
  readonly defaultTimezone: string;
}

/** The service-body tree, each body's parent. */
export async function bodyParents(repos: Repositories): Promise<BodyParents> {
  const bodies = await repos.serviceBodies.all();
  return new Map(bodies.map((b) => [b.id, b.parent_id]));
}

/** The body that answers for a meeting: its own, else its group's (a district). */
export async function meetingBodyOf(
  repos: Repositories,
  stored: Pick<StoredListing, 'serviceBodyId' | 'groupId'>,
): Promise<number | null> {
  if (stored.serviceBodyId !== null) return stored.serviceBodyId;
  if (stored.groupId === null) return null;
  return (await repos.groups.byId(stored.groupId))?.service_body_id ?? null;
}

const verbs: Record<Permission, string> = {
  read_private: 'see the private details of',
  edit_listings: 'change',
  review_requests: 'handle the change requests of',
  manage_volunteers: 'invite volunteers to',
  manage_bodies: 'change the service bodies of',
};

/**
 * Refuses, saying what and why, unless the person may do this to something of `bodyId`.
 * A meeting of another body is refused even when its slug is guessed right.
 */
export function requirePermission(
  actor: Actor,
  permission: Permission,
  target: { readonly bodyId: number | null; readonly what: string },
  parents: BodyParents,
): void {
  const { bodyId, what } = target;
  if (may(actor, permission, bodyId, parents)) return;
  throw new AppError(
    'forbidden',
    bodyId === null
      ? `only an administrator may ${verbs[permission]} ${what}: no service body answers for it`
      : `you may not ${verbs[permission]} ${what}: it belongs to a service body you have no role on; ask that body's administrator`,
  );
}

export function actorLabel(actor: Actor): string {
  return actor.email;
}
