import type { PasswordHasher } from '../../adapters/auth/password-hasher.ts';
import type { Totp } from '../../adapters/auth/totp.ts';
import type { Clock } from '../../adapters/clock.ts';
import type { Store } from '../../adapters/db/database.ts';
import type { Mailer } from '../../adapters/mail/mailer.ts';

/** What account services work with. */
export interface AccountDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly hasher: PasswordHasher;
  readonly totp: Totp;
  /** Null when no SMTP server is configured: links are then only shown, never mailed. */
  readonly mailer: Mailer | null;
  /** Where people reach this directory, for links: PUBLIC_URL, or this server's own address. */
  readonly baseUrl: string;
}

export const HOUR = 3_600_000;
export const SESSION_DAYS = 30;
/** How long links stay good: a first password or an invitation a week, a reset an hour. */
export const LINK_TTL: Readonly<Record<LinkPurpose, number>> = {
  'set-password': 7 * 24 * HOUR,
  reset: HOUR,
};
export type LinkPurpose = 'set-password' | 'reset';

export const later = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();
