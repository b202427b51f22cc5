import {
  type Actor,
  type Permission,
  mayAnywhere,
  scopeOf,
} from '../../domain/account/permissions.ts';
import type { Me, ServiceBody } from './admin-api-types.ts';

/**
 * What the volunteer area offers a person, from their roles (the same rules the server applies:
 * the server decides, this only keeps buttons that would be refused out of the way).
 */
export function actorOf(me: Me): Actor {
  return {
    userId: me.id,
    email: me.email,
    isAdmin: me.is_admin,
    memberships: me.roles.map((r) => ({ serviceBodyId: r.service_body_id, role: r.role })),
  };
}

export function may(me: Me, permission: Permission): boolean {
  return mayAnywhere(actorOf(me), permission);
}

/** The bodies on which the person may do this (their own and those beneath), by name. */
export function bodiesWhere(
  me: Me,
  permission: Permission,
  bodies: readonly ServiceBody[],
): ServiceBody[] {
  const scope = scopeOf(actorOf(me), permission, new Map(bodies.map((b) => [b.id, b.parent_id])));
  return bodies
    .filter((b) => scope === 'all' || scope.has(b.id))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Plain words for each role, for choosing one. */
export const roleLabels = {
  editor: 'Editor: keeps meetings, places and groups, answers change requests',
  observer: 'Observer: sees meetings with their private contacts, changes nothing',
  body_admin: 'Service body admin: all of that, and invites volunteers',
} as const;

export const roleNames = {
  editor: 'Editor',
  observer: 'Observer',
  body_admin: 'Service body admin',
} as const;
