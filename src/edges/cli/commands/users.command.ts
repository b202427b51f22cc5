import { type Command, Option } from 'commander';
import { passwordHasher } from '../../../adapters/auth/password-hasher.ts';
import { totp } from '../../../adapters/auth/totp.ts';
import { memberRoles } from '../../../domain/account/permissions.ts';
import { AppError } from '../../../domain/errors.ts';
import type { AccountDeps } from '../../../services/account/account-deps.ts';
import {
  createAccount,
  oneTimeLink,
  setPassword,
} from '../../../services/account/account.service.ts';
import { type CliContext, siteUrl as baseUrl, withStore } from '../cli-context.ts';

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  // One trailing line break, as `echo` or a file leaves, is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function registerUsersCommand(
  program: Command,
  context: () => CliContext,
  stdin: NodeJS.ReadableStream = process.stdin,
): void {
  const users = program
    .command('users')
    .description('accounts of the volunteers who keep the listings');

  users
    .command('create')
    .description('create an account and print a one-time link to set its password')
    .requiredOption('--email <email>', 'the person’s e-mail address')
    .addOption(
      new Option('--role <role>', 'admin (the whole server), or a role on --service-body')
        .choices(['admin', ...memberRoles])
        .makeOptionMandatory(),
    )
    .option(
      '--service-body <id>',
      'the service body the role is on (for body_admin, editor, observer)',
    )
    .option('--password-stdin', 'set the password from standard input instead (for automation)')
    .action(
      async (options: {
        email: string;
        role: string;
        serviceBody?: string;
        passwordStdin?: boolean;
      }) => {
        const ctx = context();
        const password = options.passwordStdin ? await readStdin(stdin) : null;
        await withStore(ctx, async (store) => {
          const deps: AccountDeps = {
            store,
            clock: ctx.clock,
            hasher: passwordHasher,
            totp,
            mailer: null,
            baseUrl: baseUrl(ctx.config),
          };
          const isAdmin = options.role === 'admin';
          const bodyId = options.serviceBody === undefined ? null : Number(options.serviceBody);
          if (!isAdmin && (bodyId === null || !Number.isSafeInteger(bodyId))) {
            throw new AppError(
              'invalid_input',
              `--role ${options.role} needs --service-body <id>`,
              {
                field: 'service-body',
              },
            );
          }
          if (bodyId !== null && !(await store.serviceBodies.byId(bodyId))) {
            throw new AppError('not_found', `there is no service body ${bodyId}`, {
              field: 'service-body',
            });
          }
          const role =
            isAdmin || bodyId === null
              ? undefined
              : { serviceBodyId: bodyId, role: options.role as (typeof memberRoles)[number] };
          const { userId, link } = await createAccount(deps, {
            email: options.email,
            isAdmin,
            ...(role ? { role } : {}),
          });
          if (password !== null) {
            await setPassword(deps, userId, password);
            ctx.stdout.write(
              `Created ${options.email.toLowerCase()} (${options.role}) with the password given.\n`,
            );
            return;
          }
          ctx.stdout.write(
            `Created ${options.email.toLowerCase()} (${options.role}). Open this link within 7 days to set the password (it works once):\n${link}\n`,
          );
        });
      },
    );

  users
    .command('link')
    .description(
      'print a new one-time link to set an account’s password (a forgotten password without mail)',
    )
    .requiredOption('--email <email>', 'the account’s e-mail address')
    .action(async (options: { email: string }) => {
      const ctx = context();
      await withStore(ctx, async (store) => {
        const user = await store.users.byEmail(options.email);
        if (!user)
          throw new AppError('not_found', `there is no account for ${options.email}`, {
            field: 'email',
          });
        const deps = {
          store,
          clock: ctx.clock,
          hasher: passwordHasher,
          totp,
          mailer: null,
          baseUrl: baseUrl(ctx.config),
        };
        ctx.stdout.write(`${await oneTimeLink(deps, user.id, 'set-password')}\n`);
      });
    });

  users
    .command('list', { isDefault: true })
    .description('every account and its roles')
    .action(async () => {
      const ctx = context();
      await withStore(ctx, async (store) => {
        const all = await store.users.all();
        if (all.length === 0) {
          ctx.stdout.write(
            'No accounts yet: create the first with `greendoor users create --email E --role admin`.\n',
          );
          return;
        }
        for (const u of all) {
          const roles = [
            u.isAdmin ? 'admin' : null,
            ...u.memberships.map((m) => `${m.role}@${m.serviceBodyId}`),
          ]
            .filter(Boolean)
            .join(', ');
          ctx.stdout.write(
            `${u.email}\t${roles || 'no role'}\t${u.passwordHash ? 'password set' : 'no password yet'}\n`,
          );
        }
      });
    });
}
