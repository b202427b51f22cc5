import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordHasher } from '../../adapters/auth/password-hasher.ts';
import { totp } from '../../adapters/auth/totp.ts';
import { fixedClock } from '../../adapters/clock.ts';
import { person } from '../../test-support/accounts.ts';
import {
  type TestDatabase,
  createTestDatabase,
  databaseKinds,
  testClock,
} from '../../test-support/databases.ts';
import type { AccountDeps } from './account-deps.ts';
import { setPassword } from './account.service.ts';
import {
  THROTTLE,
  enableTotp,
  sessionActor,
  signIn,
  signOutEverywhere,
  totpSetup,
} from './sign-in.service.ts';

const kinds = await databaseKinds();

describe.each(kinds)('signing in on %s', (kind) => {
  let db: TestDatabase;
  let deps: AccountDeps;
  let userId: number;
  const at = (iso: string): AccountDeps => ({ ...deps, clock: fixedClock(iso) });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    deps = {
      store: db.store,
      clock: testClock,
      hasher: passwordHasher,
      totp,
      mailer: null,
      baseUrl: 'http://localhost',
    };
    userId = (await person(db.store, 'sam@example.org')).userId;
    await setPassword(deps, userId, 'sams-password-1');
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('gives a new session each time, which ends when it expires or everywhere', async () => {
    const one = await signIn(deps, {
      email: 'SAM@example.org',
      password: 'sams-password-1',
      address: '192.0.2.1',
    });
    const two = await signIn(deps, {
      email: 'sam@example.org',
      password: 'sams-password-1',
      address: '192.0.2.1',
    });
    expect(one.token).not.toBe(two.token);
    expect((await sessionActor(deps, one.token))?.email).toBe('sam@example.org');
    expect(await sessionActor(at('2027-01-01T00:00:00Z'), one.token)).toBeNull();
    expect(await signOutEverywhere(deps, userId)).toBe(2);
    expect(await sessionActor(deps, two.token)).toBeNull();
  });

  it('throttles wrong passwords per account, then lets the person in after the window', async () => {
    const wrong = (iso: string) =>
      signIn(at(iso), {
        email: 'sam@example.org',
        password: 'wrong-password',
        address: `198.51.100.${Math.floor(Math.random() * 200)}`,
      });
    for (let i = 0; i < THROTTLE.perAccount; i++)
      await expect(wrong('2026-11-23T12:00:00Z')).rejects.toMatchObject({
        code: 'unauthenticated',
      });
    await expect(
      signIn(at('2026-11-23T12:05:00Z'), {
        email: 'sam@example.org',
        password: 'sams-password-1',
        address: '203.0.113.9',
      }),
    ).rejects.toMatchObject({
      code: 'rate_limited',
      message: expect.stringContaining('wait 15 minutes'),
    });
    const later = await signIn(at('2026-11-23T12:16:00Z'), {
      email: 'sam@example.org',
      password: 'sams-password-1',
      address: '203.0.113.9',
    });
    expect(later.user.id).toBe(userId);
  });

  it('throttles an address trying many accounts', async () => {
    for (let i = 0; i < THROTTLE.perAddress; i++) {
      await expect(
        signIn(at('2026-11-24T12:00:00Z'), {
          email: `guess${i}@example.org`,
          password: 'x',
          address: '192.0.2.77',
        }),
      ).rejects.toMatchObject({ code: 'unauthenticated' });
    }
    await expect(
      signIn(at('2026-11-24T12:01:00Z'), {
        email: 'sam@example.org',
        password: 'sams-password-1',
        address: '192.0.2.77',
      }),
    ).rejects.toMatchObject({ code: 'rate_limited' });
    // The address is kept only as a keyed hash.
    const keys = await db.store.db.selectFrom('sign_in_failures').select('key').execute();
    expect(JSON.stringify(keys)).not.toContain('192.0.2.77');
  });

  it('asks for the second factor once it is on, and takes only the right code', async () => {
    const { secret } = totpSetup(deps, 'sam@example.org');
    const now = testClock.now().getTime();
    await expect(enableTotp(deps, userId, secret, '000000')).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await enableTotp(deps, userId, secret, totp.codeAt(secret, now));
    const request = {
      email: 'sam@example.org',
      password: 'sams-password-1',
      address: '192.0.2.200',
    };
    await expect(signIn(deps, request)).rejects.toMatchObject({
      code: 'unauthenticated',
      details: { field: 'totp' },
    });
    await expect(signIn(deps, { ...request, totp: '123456' })).rejects.toMatchObject({
      details: { field: 'totp' },
    });
    const signed = await signIn(deps, { ...request, totp: totp.codeAt(secret, now) });
    expect(signed.user.totpSecret).toBe(secret);
  });
});
