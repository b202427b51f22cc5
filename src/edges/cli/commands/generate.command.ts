import { type Command, InvalidArgumentError } from 'commander';
import { generateMeetings } from '../../../services/generate/generate.service.ts';
import type { CliContext } from '../cli-context.ts';
import { writeOutput } from './output.ts';

function positiveInteger(name: string, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from 0 to ${max}`);
    }
    return n;
  };
}

export function registerGenerateCommand(program: Command, context: () => CliContext): void {
  program
    .command('generate')
    .description(
      'write a Meeting Guide feed of synthetic meetings at real towns (for demos and benchmarks)',
    )
    .requiredOption('--meetings <n>', 'how many meetings', positiveInteger('--meetings', 5_000_000))
    .option(
      '--seed <s>',
      'the same seed gives the same feed',
      positiveInteger('--seed', 2 ** 31 - 1),
      1,
    )
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (flags: { meetings: number; seed: number; out?: string }) => {
      const meetings = await generateMeetings({ meetings: flags.meetings, seed: flags.seed });
      await writeOutput(context(), `${JSON.stringify(meetings)}\n`, flags.out);
    });
}
