import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has defaults that start the app on SQLite at ./data/greendoor.db, port 3000', () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: './data/greendoor.db',
      port: 3000,
      host: '127.0.0.1',
      defaultTimezone: 'UTC',
      publicUrl: null,
      demoData: 'auto',
      mapTileUrl: null,
      mapAttribution: null,
      smtpUrl: null,
      mailFrom: 'Greendoor <no-reply@localhost>',
      redisUrl: null,
      trustProxy: false,
      logLevel: 'info',
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      PORT: '8080',
      HOST: '0.0.0.0',
      DEFAULT_TIMEZONE: 'Europe/London',
      PUBLIC_URL: 'https://meetings.example.org',
      DEMO_DATA: 'off',
      SMTP_URL: 'smtps://user:secret@mail.example.org:465',
      MAIL_FROM: 'Greendoor <meetings@example.org>',
      REDIS_URL: 'redis://127.0.0.1:6379',
      TRUST_PROXY: 'on',
      LOG_LEVEL: 'warn',
    });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.port).toBe(8080);
    expect(config.smtpUrl).toBe('smtps://user:secret@mail.example.org:465');
    expect(config.trustProxy).toBe(true);
    expect(config.defaultTimezone).toBe('Europe/London');
    expect(config.demoData).toBe('off');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 1 to 65535 (got "70000")'],
    [
      { DEFAULT_TIMEZONE: 'Mars/Base' },
      'DEFAULT_TIMEZONE must be an IANA time zone such as America/Chicago (got "Mars/Base")',
    ],
    [
      { PUBLIC_URL: 'ftp://x' },
      'PUBLIC_URL must be an http(s) URL such as https://meetings.example.org (got "ftp://x")',
    ],
    [{ DEMO_DATA: 'yes' }, 'DEMO_DATA must be auto or off (got "yes")'],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ],
  ])('refuses %j with one line saying what to set', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });
});
