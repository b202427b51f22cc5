import { Secret, TOTP } from 'otpauth';

/** Time-based one-time passwords (RFC 6238: 6 digits, 30 s), as authenticator apps make them. */
function totpFor(secret: string, label = 'Greendoor'): TOTP {
  return new TOTP({ issuer: 'Greendoor', label, secret: Secret.fromBase32(secret) });
}

export const totp = {
  newSecret: (): string => new Secret({ size: 20 }).base32,
  /** The otpauth:// address an authenticator app reads (usually from a QR code). */
  uri: (secret: string, email: string): string => totpFor(secret, email).toString(),
  /** Whether the code is right now, or one step either side (a slow phone, a clock a little off). */
  verify: (secret: string, code: string, now: number): boolean =>
    /^\d{6}$/.test(code) &&
    totpFor(secret).validate({ token: code, timestamp: now, window: 1 }) !== null,
  /** The code at an instant: for tests, and for nothing else. */
  codeAt: (secret: string, now: number): string => totpFor(secret).generate({ timestamp: now }),
};

export type Totp = typeof totp;
