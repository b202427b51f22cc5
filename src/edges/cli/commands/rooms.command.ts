import { type Command, Option } from 'commander';
import { passwordHasher } from '../../../adapters/auth/password-hasher.ts';
import { AppError } from '../../../domain/errors.ts';
import { roomFormats } from '../../../domain/room/room-format.ts';
import { openRoom, roomSetupSchema } from '../../../services/room/room-setup.service.ts';
import { type CliContext, siteUrl, withStore } from '../cli-context.ts';

const wholeNumber = (flag: string) => (value: string) => {
  if (!/^\d{1,4}$/.test(value))
    throw new AppError('invalid_input', `${flag}: give a whole number`, { field: flag });
  return Number(value);
};

export function registerRoomsCommand(program: Command, context: () => CliContext): void {
  const rooms = program
    .command('rooms')
    .description('online meeting rooms (docs/rooms-protocol.md)');

  rooms
    .command('open')
    .description('open a room and print its join link and host key (the key is shown only now)')
    .requiredOption('--name <name>', 'what the room is called, as people joining see it')
    .addOption(
      new Option('--format <format>', 'the steps the meeting follows')
        .choices([...roomFormats])
        .default('open'),
    )
    .option('--passcode <passcode>', 'people joining must give it (at least 4 characters)')
    .option(
      '--share-minutes <minutes>',
      'the share timer (default 5)',
      wholeNumber('--share-minutes'),
    )
    .option(
      '--fellowship-minutes <minutes>',
      'keep a fellowship room open this long after the meeting (up to 30; default none)',
      wholeNumber('--fellowship-minutes'),
    )
    .option(
      '--statement <text>',
      "the group's confidentiality statement, shown to everyone first (default: Greendoor's own)",
    )
    .option('--no-waiting-room', 'let people straight in, without the host admitting them')
    .option('--private-messages', 'allow members to message each other privately (off by default)')
    .option('--json', 'print {"roomId", "joinUrl", "hostKey"} as JSON')
    .action(
      async (options: {
        name: string;
        format: string;
        passcode?: string;
        shareMinutes?: number;
        fellowshipMinutes?: number;
        statement?: string;
        waitingRoom: boolean;
        privateMessages?: boolean;
        json?: boolean;
      }) => {
        const ctx = context();
        const parsed = roomSetupSchema.safeParse({
          name: options.name,
          format: options.format,
          passcode: options.passcode ?? null,
          waiting_room: options.waitingRoom,
          private_messages: options.privateMessages === true,
          ...(options.shareMinutes !== undefined ? { share_minutes: options.shareMinutes } : {}),
          ...(options.fellowshipMinutes !== undefined
            ? { fellowship_minutes: options.fellowshipMinutes }
            : {}),
          ...(options.statement !== undefined ? { statement: options.statement } : {}),
        });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const field = String(issue?.path[0] ?? 'room').replace(/_/g, '-');
          throw new AppError('invalid_input', `--${field}: ${issue?.message ?? 'is not valid'}`, {
            field,
          });
        }
        const opened = await withStore(ctx, (store) =>
          openRoom({ store, clock: ctx.clock, hasher: passwordHasher }, parsed.data, {
            baseUrl: siteUrl(ctx.config),
          }),
        );
        if (options.json) {
          ctx.stdout.write(
            `${JSON.stringify({ roomId: opened.roomId, joinUrl: opened.joinUrl, hostKey: opened.hostKey, hostUrl: opened.hostUrl })}\n`,
          );
          return;
        }
        ctx.stdout.write(
          [
            `Room "${parsed.data.name}" is open.`,
            `  join link (share it with the group):  ${opened.joinUrl}`,
            `  host link (keep it to yourself):      ${opened.hostUrl}`,
            `  host key:                             ${opened.hostKey}`,
            'The host key is shown only now. Whoever has it can chair the meeting.',
            '',
          ].join('\n'),
        );
      },
    );

  rooms
    .command('remove <roomId>')
    .description('remove a room: its link stops working')
    .action(async (roomId: string) => {
      const ctx = context();
      await withStore(ctx, async (store) => {
        if (!(await store.rooms.byId(roomId))) {
          throw new AppError(
            'not_found',
            `there is no room ${roomId}: check the id (the last part of its link)`,
            {
              field: 'roomId',
            },
          );
        }
        await store.rooms.remove(roomId);
      });
      ctx.stdout.write(`Room ${roomId} removed.\n`);
    });
}
