import { keyedHash, newToken, tokenHash } from '../../adapters/auth/secrets.ts';
import type { StoredUser } from '../../adapters/db/repositories/user.repository.ts';
import type { Actor } from '../../domain/account/permissions.ts';
import { AppError } from '../../domain/errors.ts';
import { type AccountDeps, SESSION_DAYS, later } from './account-deps.ts';
import { actorOf, checkPassword } from './account.service.ts';

/** Wrong passwords allowed in the window, per account and per address. */
export const THROTTLE = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

/** Verified against when there is no such account, so both take the same time. */
let dummyHash: Promise<string> | undefined;

async function addressKey(deps: AccountDeps, address: string): Promise<string> {
  // Addresses are kept only as a keyed hash, and only while they are being throttled.
  const secret = await deps.store.settings.getOrSet('address-key', newToken());
  return `address:${keyedHash(secret, address)}`;
}

async function throttled(deps: AccountDeps, keys: readonly string[]): Promise<void> {
  const now = deps.clock.now();
  const since = later(now, -THROTTLE.windowMinutes * 60_000);
  const [account, address] = await Promise.all(
    keys.map((k) => deps.store.signInFailures.count(k, since)),
  );
  if ((account ?? 0) >= THROTTLE.perAccount || (address ?? 0) >= THROTTLE.perAddress) {
    throw new AppError(
      'rate_limited',
      `too many wrong sign-ins: wait ${THROTTLE.windowMinutes} minutes and try again, or reset your password`,
    );
  }
}

async function failed(deps: AccountDeps, keys: readonly string[], error: AppError): Promise<never> {
  const now = deps.clock.now();
  const since = later(now, -THROTTLE.windowMinutes * 60_000);
  for (const key of keys) await deps.store.signInFailures.add(key, now.toISOString(), since);
  throw error;
}

export interface SignIn {
  readonly email: string;
  readonly password: string;
  readonly totp?: string;
  /** The caller's network address: only counted (as a keyed hash), never stored as it is. */
  readonly address: string;
}

/**
 * Signs someone in, answering a new session's token (always a new one: a session fixed before
 * sign-in is never carried over). Wrong passwords are counted per account and per address.
 */
export async function signIn(
  deps: AccountDeps,
  request: SignIn,
): Promise<{ token: string; user: StoredUser }> {
  const email = request.email.trim().toLowerCase();
  const keys = [`account:${email}`, await addressKey(deps, request.address)];
  await throttled(deps, keys);
  const user = await deps.store.users.byEmail(email);
  dummyHash ??= deps.hasher.hash(newToken());
  const matches = await deps.hasher.verify(
    user?.passwordHash ?? (await dummyHash),
    request.password,
  );
  if (!user?.passwordHash || !matches) {
    return failed(
      deps,
      keys,
      new AppError(
        'unauthenticated',
        'that e-mail address and password do not match: check them, or reset your password',
        { field: 'password' },
      ),
    );
  }
  if (user.totpSecret) {
    if (!request.totp) {
      throw new AppError('unauthenticated', 'enter the 6-digit code from your authenticator app', {
        field: 'totp',
      });
    }
    if (!deps.totp.verify(user.totpSecret, request.totp, deps.clock.now().getTime())) {
      return failed(
        deps,
        keys,
        new AppError(
          'unauthenticated',
          'that code is not right: enter the code your app shows now',
          {
            field: 'totp',
          },
        ),
      );
    }
  }
  await deps.store.signInFailures.clear(keys[0] ?? '');
  return { token: await newSession(deps, user.id), user };
}

async function newSession(deps: AccountDeps, userId: number): Promise<string> {
  const token = newToken();
  const now = deps.clock.now();
  await deps.store.sessions.removeExpired(now.toISOString());
  await deps.store.sessions.add({
    idHash: tokenHash(token),
    userId,
    at: now.toISOString(),
    expiresAt: later(now, SESSION_DAYS * 24 * 3_600_000),
  });
  return token;
}

/** Who a session's token belongs to, or null (no such session, or it expired). */
export async function sessionActor(
  deps: Pick<AccountDeps, 'store' | 'clock'>,
  token: string,
): Promise<Actor | null> {
  const userId = await deps.store.sessions.userOf(tokenHash(token), deps.clock.now().toISOString());
  const user = userId === null ? null : await deps.store.users.byId(userId);
  return user ? actorOf(user) : null;
}

export async function signOut(deps: Pick<AccountDeps, 'store'>, token: string): Promise<void> {
  await deps.store.sessions.remove(tokenHash(token));
}

/** Ends every session of the person, on every device. */
export async function signOutEverywhere(
  deps: Pick<AccountDeps, 'store'>,
  userId: number,
): Promise<number> {
  return deps.store.sessions.removeAllOf(userId);
}

/**
 * Changes a password, given the current one. Every session ends (whoever knew the old password
 * is signed out); the answer is a new session for this browser.
 */
export async function changePassword(
  deps: AccountDeps,
  userId: number,
  change: { current: string; next: string },
): Promise<string> {
  const user = await deps.store.users.byId(userId);
  if (!user?.passwordHash || !(await deps.hasher.verify(user.passwordHash, change.current))) {
    throw new AppError('invalid_input', 'current_password: that is not your current password', {
      field: 'current_password',
    });
  }
  checkPassword(change.next, user.email);
  await deps.store.users.setPassword(
    userId,
    await deps.hasher.hash(change.next),
    deps.clock.now().toISOString(),
  );
  await deps.store.sessions.removeAllOf(userId);
  return newSession(deps, userId);
}

/** A new second-factor secret and its otpauth:// address, not yet switched on. */
export function totpSetup(deps: AccountDeps, email: string): { secret: string; uri: string } {
  const secret = deps.totp.newSecret();
  return { secret, uri: deps.totp.uri(secret, email) };
}

/** Switches the second factor on, once the person shows a code from it works. */
export async function enableTotp(
  deps: AccountDeps,
  userId: number,
  secret: string,
  code: string,
): Promise<void> {
  if (
    !/^[A-Z2-7]{16,64}$/.test(secret) ||
    !deps.totp.verify(secret, code, deps.clock.now().getTime())
  ) {
    throw new AppError(
      'invalid_input',
      'code: that code does not match: enter the code your app shows now',
      {
        field: 'code',
      },
    );
  }
  await deps.store.users.setTotpSecret(userId, secret);
}

/** Switches it off again, given the password. */
export async function disableTotp(
  deps: AccountDeps,
  userId: number,
  password: string,
): Promise<void> {
  const user = await deps.store.users.byId(userId);
  if (!user?.passwordHash || !(await deps.hasher.verify(user.passwordHash, password))) {
    throw new AppError('invalid_input', 'password: that is not your password', {
      field: 'password',
    });
  }
  await deps.store.users.setTotpSecret(userId, null);
}
