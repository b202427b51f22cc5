import {
  type Actor,
  type MemberRole,
  memberRoles,
  scopeOf,
} from '../../domain/account/permissions.ts';
import { AppError } from '../../domain/errors.ts';
import { bodyParents, requirePermission } from '../editing/editing-context.ts';
import type { AccountDeps } from './account-deps.ts';
import { checkEmail, createAccount } from './account.service.ts';

function checkRole(role: string): MemberRole {
  if (!(memberRoles as readonly string[]).includes(role)) {
    throw new AppError('invalid_input', `role: must be one of ${memberRoles.join(', ')}`, {
      field: 'role',
    });
  }
  return role as MemberRole;
}

async function checkBody(deps: AccountDeps, actor: Actor, bodyId: number): Promise<void> {
  if (!(await deps.store.serviceBodies.byId(bodyId))) {
    throw new AppError('not_found', `there is no service body ${bodyId}`, {
      field: 'service_body_id',
    });
  }
  requirePermission(
    actor,
    'manage_volunteers',
    { bodyId: bodyId, what: `service body ${bodyId}` },
    await bodyParents(deps.store),
  );
}

/**
 * Invites a volunteer to a role on a body: an account with a one-time link to set a password
 * (good for a week), mailed to them when mail is set up and answered either way, so the
 * person inviting can pass it on. Someone with an account already is given the role.
 */
export async function inviteVolunteer(
  deps: AccountDeps,
  actor: Actor,
  invitation: { email: string; serviceBodyId: number; role: string },
): Promise<{ email: string; link: string | null; mailed: boolean }> {
  const email = checkEmail(invitation.email);
  const role = checkRole(invitation.role);
  await checkBody(deps, actor, invitation.serviceBodyId);
  const existing = await deps.store.users.byEmail(email);
  if (existing) {
    await deps.store.users.setMembership(existing.id, invitation.serviceBodyId, role);
    return { email, link: null, mailed: false };
  }
  const { link } = await createAccount(deps, {
    email,
    isAdmin: false,
    role: { serviceBodyId: invitation.serviceBodyId, role },
  });
  const body = await deps.store.serviceBodies.byId(invitation.serviceBodyId);
  if (deps.mailer) {
    await deps.mailer.send({
      to: email,
      subject: `You are invited to keep the meeting listings of ${body?.name ?? 'a service body'}`,
      text: `${actor.email} has invited you to help keep the meeting listings of ${body?.name ?? 'a service body'} on Greendoor (as ${role.replace('_', ' ')}).\n\nSet your password within 7 days with this link (it works once):\n\n${link}\n\nIf you did not expect this, ignore this message.`,
    });
  }
  return { email, link, mailed: deps.mailer !== null };
}

export async function setVolunteerRole(
  deps: AccountDeps,
  actor: Actor,
  grant: { userId: number; bodyId: number; role: string },
) {
  const { userId, bodyId, role } = grant;
  const checked = checkRole(role);
  await checkBody(deps, actor, bodyId);
  if (!(await deps.store.users.byId(userId)))
    throw new AppError('not_found', `there is no account ${userId}`);
  await deps.store.users.setMembership(userId, bodyId, checked);
}

export async function removeVolunteerRole(
  deps: AccountDeps,
  actor: Actor,
  userId: number,
  bodyId: number,
) {
  await checkBody(deps, actor, bodyId);
  await deps.store.users.removeMembership(userId, bodyId);
}

/** The volunteers the person manages: everyone, for an administrator. */
export async function volunteersFor(deps: AccountDeps, actor: Actor) {
  const scope = scopeOf(actor, 'manage_volunteers', await bodyParents(deps.store));
  const users =
    scope === 'all' ? await deps.store.users.all() : await deps.store.users.onBodies([...scope]);
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    is_admin: u.isAdmin,
    password_set: u.passwordHash !== null,
    roles: u.memberships
      .filter((m) => scope === 'all' || scope.has(m.serviceBodyId))
      .map((m) => ({ service_body_id: m.serviceBodyId, role: m.role })),
  }));
}
