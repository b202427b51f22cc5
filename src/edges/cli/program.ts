import { Command, CommanderError } from 'commander';
import { configDescriptions, configVariables } from '../../config/config.ts';
import { type CliContext, createCliContext } from './cli-context.ts';
import { describeCliError } from './cli-errors.ts';
import { registerExportCommand } from './commands/export.command.ts';
import { registerFellowshipsCommand } from './commands/fellowships.command.ts';
import { registerGenerateCommand } from './commands/generate.command.ts';
import { registerImportCommands } from './commands/import.command.ts';
import { registerMigrateCommand } from './commands/migrate.command.ts';
import { registerRoomsCommand } from './commands/rooms.command.ts';
import { registerServeCommand } from './commands/serve.command.ts';
import { registerSourcesCommand } from './commands/sources.command.ts';
import { registerTypesCommand } from './commands/types.command.ts';
import { registerUsersCommand } from './commands/users.command.ts';

const environmentHelp = `
Configuration (environment variables, read the same way by every command):
${configVariables.map((v) => `  ${v.padEnd(17)} ${configDescriptions[v]}`).join('\n')}
`;

/** The `greendoor` program. The context is made on first use, so --help needs no configuration. */
export function createProgram(
  context: () => CliContext,
  stderr: NodeJS.WritableStream = process.stderr,
): Command {
  const program = new Command('greendoor')
    .configureOutput({ writeErr: (text) => stderr.write(text) })
    .description('Greendoor: find mutual aid meetings, keep listings, meet online.')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', environmentHelp)
    .exitOverride();
  let made: CliContext | undefined;
  const lazy = () => (made ??= context());
  registerServeCommand(program, lazy);
  registerImportCommands(program, lazy);
  registerExportCommand(program, lazy);
  registerGenerateCommand(program, lazy);
  registerSourcesCommand(program, lazy);
  registerFellowshipsCommand(program, lazy);
  registerTypesCommand(program, lazy);
  registerMigrateCommand(program, lazy);
  registerUsersCommand(program, lazy);
  registerRoomsCommand(program, lazy);
  return program;
}

/** Runs the CLI with `argv` (as process.argv: node, script, ...args); answers the exit status. */
export async function runCli(
  argv: readonly string[],
  io: { context?: () => CliContext; stderr?: NodeJS.WritableStream } = {},
): Promise<number> {
  const stderr = io.stderr ?? process.stderr;
  const program = createProgram(io.context ?? (() => createCliContext()), stderr);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help asked for).
      return error.exitCode === 0 ? 0 : 1;
    }
    const { line, exitCode } = describeCliError(error);
    stderr.write(`${line}\n`);
    return exitCode;
  }
}
