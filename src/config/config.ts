import { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import { isValidTimeZone } from '../domain/schedule/time-zone.ts';

/**
 * Every setting Greendoor reads, from the environment, in one place. Read once at start; every
 * command sees the same values. `publicKeys` are safe to show a browser; the rest are not.
 */
const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .default('./data/greendoor.db')
    .describe('postgres:// or postgresql:// for PostgreSQL; anything else is a SQLite file path'),
  PORT: z.coerce
    .number({ error: 'must be a whole number from 1 to 65535' })
    .int('must be a whole number from 1 to 65535')
    .min(1, 'must be a whole number from 1 to 65535')
    .max(65535, 'must be a whole number from 1 to 65535')
    .default(3000),
  HOST: z.string().trim().min(1, 'must not be empty').default('127.0.0.1'),
  DEFAULT_TIMEZONE: z
    .string()
    .trim()
    .default('UTC')
    .refine(isValidTimeZone, 'must be an IANA time zone such as America/Chicago'),
  PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      error: 'must be an http(s) URL such as https://meetings.example.org',
    })
    .optional(),
  DEMO_DATA: z.enum(['auto', 'off'], { error: 'must be auto or off' }).default('auto'),
  MAP_TILE_URL: z
    .string()
    .trim()
    .regex(
      /^https:\/\/.+\{z\}.+\{x\}.+\{y\}/,
      'must be an https tile URL template with {z}, {x} and {y}',
    )
    .optional(),
  MAP_ATTRIBUTION: z.string().trim().max(300).optional(),
  SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      error: 'must be smtp:// or smtps://, such as smtps://user:pass@mail.example.org:465',
    })
    .optional(),
  MAIL_FROM: z
    .string()
    .trim()
    .regex(/^[^\r\n]{3,200}$/, 'must be an address such as "Greendoor <meetings@example.org>"')
    .optional(),
  REDIS_URL: z
    .url({
      protocol: /^rediss?$/,
      error: 'must be redis:// or rediss://, such as redis://127.0.0.1:6379',
    })
    .optional(),
  TRUST_PROXY: z
    .enum(['on', 'off'], {
      error: 'must be on (behind a reverse proxy that sets X-Forwarded-For) or off',
    })
    .default('off'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
});

export type ConfigValues = z.infer<typeof configSchema>;

export interface Config {
  readonly databaseUrl: string;
  readonly port: number;
  readonly host: string;
  readonly defaultTimezone: string;
  readonly publicUrl: string | null;
  readonly demoData: 'auto' | 'off';
  /** Map tiles: none unless an operator sets them, so no page requests another site by default. */
  readonly mapTileUrl: string | null;
  readonly mapAttribution: string | null;
  /** Outgoing mail (invitations, password resets, replies); null: no mail is sent. */
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** Where several processes share online meeting rooms; null: one process, rooms in memory. */
  readonly redisUrl: string | null;
  /** Behind a reverse proxy: take the client's address and scheme from X-Forwarded-*. */
  readonly trustProxy: boolean;
  readonly logLevel: ConfigValues['LOG_LEVEL'];
}

export const configVariables = Object.keys(configSchema.shape) as (keyof ConfigValues)[];

/** The documentation of each variable, for `greendoor --help` and the README. */
export const configDescriptions: Record<keyof ConfigValues, string> = {
  DATABASE_URL:
    'postgres:// or postgresql:// URL for PostgreSQL; anything else is a SQLite file (default ./data/greendoor.db)',
  PORT: 'HTTP port (default 3000)',
  HOST: 'address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)',
  DEFAULT_TIMEZONE: 'zone for meetings with neither a zone nor coordinates (default UTC)',
  PUBLIC_URL: 'the address people reach this directory at, for links in feeds',
  DEMO_DATA: 'auto loads synthetic demo meetings into an empty database on start; off never does',
  MAP_TILE_URL:
    'https tile URL template ({z}/{x}/{y}) for the finder map; unset, the map draws offline outlines only',
  MAP_ATTRIBUTION: 'attribution the tile provider asks for (HTML is escaped)',
  SMTP_URL:
    'smtp:// or smtps:// server for invitations, password resets and replies; unset, no mail is sent',
  MAIL_FROM: 'the From of mail sent (default "Greendoor <no-reply@localhost>")',
  REDIS_URL:
    'redis:// server that several processes share online meeting rooms through (turn its persistence off); unset, one process keeps rooms in memory',
  TRUST_PROXY:
    'on behind a reverse proxy or load balancer (client addresses and https from X-Forwarded-*); off by default',
  LOG_LEVEL: 'fatal, error, warn, info (default), debug, trace or silent',
};

/**
 * Validates the environment. A bad value is one AppError naming the variable and what to set
 * it to; empty strings count as unset.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input = Object.fromEntries(
    configVariables.map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? 'configuration');
    const got = input[key];
    throw new AppError(
      'invalid_config',
      `${key} ${issue?.message ?? 'is invalid'}${got === undefined ? '' : ` (got "${got}")`}`,
      { field: key },
    );
  }
  const v = parsed.data;
  return Object.freeze({
    databaseUrl: v.DATABASE_URL,
    port: v.PORT,
    host: v.HOST,
    defaultTimezone: v.DEFAULT_TIMEZONE,
    publicUrl: v.PUBLIC_URL ?? null,
    demoData: v.DEMO_DATA,
    mapTileUrl: v.MAP_TILE_URL ?? null,
    mapAttribution: v.MAP_ATTRIBUTION ?? null,
    smtpUrl: v.SMTP_URL ?? null,
    mailFrom: v.MAIL_FROM ?? 'Greendoor <no-reply@localhost>',
    redisUrl: v.REDIS_URL ?? null,
    trustProxy: v.TRUST_PROXY === 'on',
    logLevel: v.LOG_LEVEL,
  });
}
