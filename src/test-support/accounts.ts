import type { Store } from '../adapters/db/database.ts';
import type { Actor, Membership } from '../domain/account/permissions.ts';
import { testClock } from './databases.ts';

/** A service body made for a test: a tree is made of these, each under its parent. */
export async function serviceBody(
  store: Store,
  name: string,
  parentId: number | null = null,
): Promise<number> {
  const at = store.dialect.codec.toTimestamp(testClock.now().toISOString());
  return store.serviceBodies.insertOne({
    source_id: null,
    key: null,
    parent_id: parentId,
    fellowship_id: 'aa',
    name,
    kind: 'other',
    email: null,
    phone: null,
    website: null,
    logo: null,
    service_area: null,
    created_at: at,
    updated_at: at,
  });
}

/** A person with an account and these roles, as the permission checks see them. */
export async function person(
  store: Store,
  email: string,
  roles: { isAdmin?: boolean; memberships?: readonly Membership[] } = {},
): Promise<Actor> {
  const userId = await store.users.create({
    email,
    isAdmin: roles.isAdmin ?? false,
    at: testClock.now().toISOString(),
  });
  for (const m of roles.memberships ?? []) {
    await store.users.setMembership(userId, m.serviceBodyId, m.role);
  }
  return { userId, email, isAdmin: roles.isAdmin ?? false, memberships: roles.memberships ?? [] };
}
