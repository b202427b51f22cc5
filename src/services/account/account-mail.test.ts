import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordHasher } from '../../adapters/auth/password-hasher.ts';
import { totp } from '../../adapters/auth/totp.ts';
import { type Mailer, smtpMailer } from '../../adapters/mail/mailer.ts';
import type { Actor } from '../../domain/account/permissions.ts';
import { person, serviceBody } from '../../test-support/accounts.ts';
import { type TestDatabase, createTestDatabase, testClock } from '../../test-support/databases.ts';
import { createMeeting } from '../editing/meeting-edit.service.ts';
import { rejectChangeRequest } from '../review/change-request-review.service.ts';
import type { AccountDeps } from './account-deps.ts';
import { requestPasswordReset, setPassword, setPasswordFromLink } from './account.service.ts';
import { signIn } from './sign-in.service.ts';
import { inviteVolunteer } from './volunteer.service.ts';

/** Mail through a real SMTP server on 127.0.0.1 (smtp-server), read back as it arrived. */
describe('mail', () => {
  let db: TestDatabase;
  let server: SMTPServer;
  let mailer: Mailer;
  let admin: Actor;
  let area: number;
  const inbox: { to: string; raw: string }[] = [];
  const deps = (): AccountDeps => ({
    store: db.store,
    clock: testClock,
    hasher: passwordHasher,
    totp,
    mailer,
    baseUrl: 'https://meetings.example.org',
  });
  /** The message's text, quoted-printable decoded. */
  const body = (raw: string) =>
    raw
      .split(/\r?\n\r?\n/)
      .slice(1)
      .join('\n\n')
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const headers = (raw: string) => raw.split(/\r?\n\r?\n/)[0] ?? '';
  const linkIn = (raw: string) =>
    /https:\/\/meetings\.example\.org\/admin\/password#token=([\w-]+)/.exec(body(raw))?.[1];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, done) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    mailer = smtpMailer(`smtp://127.0.0.1:${port}`, 'Greendoor <no-reply@example.org>');
    db = await createTestDatabase('sqlite');
    area = await serviceBody(db.store, 'Lewes Area');
    admin = await person(db.store, 'admin@example.org', { isAdmin: true });
  });
  afterAll(async () => {
    await db.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends an invitation whose link sets the volunteer’s password', async () => {
    const sent = await inviteVolunteer(deps(), admin, {
      email: 'Volunteer@Example.org',
      serviceBodyId: area,
      role: 'editor',
    });
    expect(sent).toMatchObject({ email: 'volunteer@example.org', mailed: true });
    const mail = inbox.at(-1);
    expect(mail?.to).toBe('volunteer@example.org');
    expect(mail?.raw).toMatch(
      /Subject: You are invited to keep the meeting listings of Lewes Area/,
    );
    const token = linkIn(mail?.raw ?? '');
    expect(token).toBeDefined();
    expect(sent.link).toContain(token);
    await setPasswordFromLink(deps(), token ?? '', 'volunteer-password-1');
    const { user } = await signIn(deps(), {
      email: 'volunteer@example.org',
      password: 'volunteer-password-1',
      address: '127.0.0.1',
    });
    expect(user.memberships).toEqual([{ serviceBodyId: area, role: 'editor' }]);
  });

  it('resets a password by a link good once, and tells no one whether an account exists', async () => {
    const before = inbox.length;
    await requestPasswordReset(deps(), 'nobody@example.org');
    expect(inbox.length).toBe(before);
    await setPassword(deps(), admin.userId, 'admin-password-1');
    await requestPasswordReset(deps(), 'ADMIN@example.org');
    const token = linkIn(inbox.at(-1)?.raw ?? '');
    // A password refused (too short) leaves the link good for a better one.
    await expect(setPasswordFromLink(deps(), token ?? '', 'short')).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'password' },
    });
    await setPasswordFromLink(deps(), token ?? '', 'admin-password-2');
    await expect(
      setPasswordFromLink(deps(), token ?? '', 'admin-password-3'),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      signIn(deps(), {
        email: 'admin@example.org',
        password: 'admin-password-1',
        address: '10.0.0.1',
      }),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('replies to a change request as plain text, with no header a submitter could add', async () => {
    const editing = {
      store: db.store,
      clock: testClock,
      actor: admin,
      defaultTimezone: 'UTC',
      mailer,
    };
    const created = await createMeeting(editing, {
      fields: {
        name: 'Friday Hope',
        day: 5,
        time: '19:00',
        conference_url: 'https://zoom.us/j/123456789',
      },
      serviceBodyId: area,
    });
    const id = await db.store.changeRequests.add({
      meetingId: created.meetingId,
      meetingSlug: `${created.slug}\r\nBcc: victim@example.org`,
      message: 'It moved',
      changes: {},
      email: 'reporter@example.org',
      at: testClock.now().toISOString(),
      serviceBodyId: area,
    });
    await rejectChangeRequest(editing, id, 'Thank you: it <b>still</b> meets on Fridays.');
    const mail = inbox.at(-1);
    expect(mail?.to).toBe('reporter@example.org');
    expect(headers(mail?.raw ?? '')).not.toMatch(/^Bcc:/im);
    expect(mail?.raw).toMatch(/Content-Type: text\/plain/);
    expect(body(mail?.raw ?? '')).toContain('it <b>still</b> meets on Fridays');
  });
});
