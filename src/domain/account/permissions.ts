/**
 * Who may do what, following the service structure. A server administrator may do anything.
 * Everyone else holds roles on service bodies, and a role on a body covers every body beneath
 * it. Pure: the tree and the person's roles are given.
 */

export const memberRoles = ['body_admin', 'editor', 'observer'] as const;
export type MemberRole = (typeof memberRoles)[number];

export const permissions = [
  /** See private contact fields and everything volunteers see of a listing. */
  'read_private',
  /** Create, edit, unpublish and delete meetings, groups and locations; revert their history. */
  'edit_listings',
  /** Approve and reject change requests. */
  'review_requests',
  /** Invite volunteers and give them roles. */
  'manage_volunteers',
  /** Create, edit and delete service bodies beneath one's own. */
  'manage_bodies',
] as const;
export type Permission = (typeof permissions)[number];

/** What each role may do, on its bodies and every body beneath them. */
export const roleGrants: Readonly<Record<MemberRole, readonly Permission[]>> = {
  body_admin: [
    'read_private',
    'edit_listings',
    'review_requests',
    'manage_volunteers',
    'manage_bodies',
  ],
  editor: ['read_private', 'edit_listings', 'review_requests'],
  observer: ['read_private'],
};

export interface Membership {
  readonly serviceBodyId: number;
  readonly role: MemberRole;
}

/** A signed-in person, as permission checks see them. */
export interface Actor {
  readonly userId: number;
  readonly email: string;
  readonly isAdmin: boolean;
  readonly memberships: readonly Membership[];
}

/** The service-body tree: each body's parent (null at the top). */
export type BodyParents = ReadonlyMap<number, number | null>;

/** The body and its ancestors, nearest first (a cycle is cut where it closes). */
export function ancestorsOf(bodyId: number, parents: BodyParents): number[] {
  const chain: number[] = [];
  const seen = new Set<number>();
  for (
    let id: number | null | undefined = bodyId;
    id != null && !seen.has(id);
    id = parents.get(id)
  ) {
    seen.add(id);
    chain.push(id);
  }
  return chain;
}

/** Every body at or beneath `bodyId`. */
export function bodiesWithin(bodyId: number, parents: BodyParents): Set<number> {
  const within = new Set<number>();
  for (const id of parents.keys()) if (ancestorsOf(id, parents).includes(bodyId)) within.add(id);
  within.add(bodyId);
  return within;
}

/** Whether the person may do this somewhere (what a route checks before it knows the resource). */
export function mayAnywhere(actor: Actor, permission: Permission): boolean {
  return actor.isAdmin || actor.memberships.some((m) => roleGrants[m.role].includes(permission));
}

/**
 * Whether the person may do this to something of `bodyId` (null: something no body answers
 * for, which only administrators may touch).
 */
export function may(
  actor: Actor,
  permission: Permission,
  bodyId: number | null,
  parents: BodyParents,
): boolean {
  if (actor.isAdmin) return true;
  if (bodyId === null) return false;
  const chain = ancestorsOf(bodyId, parents);
  return actor.memberships.some(
    (m) => roleGrants[m.role].includes(permission) && chain.includes(m.serviceBodyId),
  );
}

/**
 * The bodies on which the person may do this (their bodies and everything beneath), or 'all'
 * for an administrator: what lists of meetings, requests and history are filtered by.
 */
export function scopeOf(
  actor: Actor,
  permission: Permission,
  parents: BodyParents,
): 'all' | Set<number> {
  if (actor.isAdmin) return 'all';
  const scope = new Set<number>();
  for (const m of actor.memberships) {
    if (!roleGrants[m.role].includes(permission)) continue;
    for (const id of bodiesWithin(m.serviceBodyId, parents)) scope.add(id);
  }
  return scope;
}
