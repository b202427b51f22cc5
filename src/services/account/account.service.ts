import { newToken, tokenHash } from '../../adapters/auth/secrets.ts';
import type { StoredUser } from '../../adapters/db/repositories/user.repository.ts';
import type { Actor, MemberRole } from '../../domain/account/permissions.ts';
import { AppError } from '../../domain/errors.ts';
import { type AccountDeps, LINK_TTL, type LinkPurpose, later } from './account-deps.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(email: string): string {
  const clean = email.trim().toLowerCase();
  if (!EMAIL.test(clean) || clean.length > 254) {
    throw new AppError('invalid_input', 'email: give an e-mail address such as name@example.org', {
      field: 'email',
    });
  }
  return clean;
}

/** At least 10 characters and not the e-mail address: long beats clever. */
export function checkPassword(password: string, email: string): void {
  if (password.length < 10) {
    throw new AppError(
      'invalid_input',
      'password: use at least 10 characters (a few unrelated words is a good password)',
      { field: 'password' },
    );
  }
  if (password.length > 200) {
    throw new AppError('invalid_input', 'password: use at most 200 characters', {
      field: 'password',
    });
  }
  if (password.trim().toLowerCase() === email.toLowerCase()) {
    throw new AppError(
      'invalid_input',
      'password: do not use your e-mail address as your password',
      {
        field: 'password',
      },
    );
  }
}

export function actorOf(user: StoredUser): Actor {
  return {
    userId: user.id,
    email: user.email,
    isAdmin: user.isAdmin,
    memberships: user.memberships,
  };
}

/** A one-time link for the person: to set their first password, or to reset it. */
export async function oneTimeLink(
  deps: AccountDeps,
  userId: number,
  purpose: LinkPurpose,
): Promise<string> {
  const token = newToken();
  const now = deps.clock.now();
  await deps.store.sessions.addToken({
    hash: tokenHash(token),
    userId,
    purpose,
    at: now.toISOString(),
    expiresAt: later(now, LINK_TTL[purpose]),
  });
  return `${deps.baseUrl.replace(/\/$/, '')}/admin/password#token=${token}`;
}

/**
 * An account for someone (the first administrator, from the command line; a volunteer, from an
 * invitation), without a password: they set one from the link answered here.
 */
export async function createAccount(
  deps: AccountDeps,
  account: { email: string; isAdmin: boolean; role?: { serviceBodyId: number; role: MemberRole } },
): Promise<{ userId: number; link: string }> {
  const email = checkEmail(account.email);
  if (await deps.store.users.byEmail(email)) {
    throw new AppError('conflict', `there is already an account for ${email}`, { field: 'email' });
  }
  const userId = await deps.store.users.create({
    email,
    isAdmin: account.isAdmin,
    at: deps.clock.now().toISOString(),
  });
  if (account.role)
    await deps.store.users.setMembership(userId, account.role.serviceBodyId, account.role.role);
  return { userId, link: await oneTimeLink(deps, userId, 'set-password') };
}

/**
 * Sets a password (the first, or after a reset) from a one-time link. Every session the person
 * had ends: whoever knew the old password is signed out.
 */
export async function setPasswordFromLink(
  deps: AccountDeps,
  token: string,
  password: string,
): Promise<StoredUser> {
  const now = deps.clock.now().toISOString();
  const expired = () =>
    new AppError(
      'invalid_input',
      'this link has expired or was used already: ask for a new one (an administrator can send one, or use "forgot password")',
      { field: 'token' },
    );
  const purposes = ['set-password', 'reset'];
  const hash = tokenHash(token);
  // The password is checked before the link is used, so a password refused keeps the link good.
  const holder = await deps.store.sessions.tokenUser(hash, purposes, now);
  const user = holder === null ? null : await deps.store.users.byId(holder);
  if (!user) throw expired();
  checkPassword(password, user.email);
  const hashed = await deps.hasher.hash(password);
  if ((await deps.store.sessions.takeToken(hash, purposes, now)) !== user.id) throw expired();
  await deps.store.users.setPassword(user.id, hashed, now);
  await deps.store.sessions.removeAllOf(user.id);
  return user;
}

/** Sets a password directly (the command line's --password-stdin, for automation). */
export async function setPassword(
  deps: AccountDeps,
  userId: number,
  password: string,
): Promise<void> {
  const user = await deps.store.users.byId(userId);
  if (!user) throw new AppError('not_found', `there is no account ${userId}`);
  checkPassword(password, user.email);
  await deps.store.users.setPassword(
    userId,
    await deps.hasher.hash(password),
    deps.clock.now().toISOString(),
  );
  await deps.store.sessions.removeAllOf(userId);
}

/**
 * "Forgot password": mails a reset link if there is such an account and mail is set up. It
 * answers the same either way, so nobody can learn who has an account.
 */
export async function requestPasswordReset(deps: AccountDeps, email: string): Promise<void> {
  const user = await deps.store.users.byEmail(email.trim().toLowerCase());
  if (!user || !deps.mailer) return;
  const link = await oneTimeLink(deps, user.id, 'reset');
  await deps.mailer.send({
    to: user.email,
    subject: 'Reset your Greendoor password',
    text: `Someone asked to reset the password of your Greendoor account. If it was you, set a new password here within the hour:\n\n${link}\n\nIf it was not you, ignore this message: nothing has changed.`,
  });
}
