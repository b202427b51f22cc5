import { type Command, Option } from 'commander';
import type { FeedFormat } from '../../../formats/feed-format.ts';
import { feedFormats } from '../../../formats/feed-format.ts';
import { exportDirectory } from '../../../services/export.service.ts';
import { type CliContext, withStore } from '../cli-context.ts';
import { writeOutput } from './output.ts';

interface ExportFlags {
  format: FeedFormat;
  out?: string;
  includePrivateContacts?: boolean;
}

export function registerExportCommand(program: Command, context: () => CliContext): void {
  program
    .command('export')
    .description(
      'write the published directory as a Meeting Guide feed or a 12 Step Meeting List CSV',
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices([...feedFormats])
        .default('meeting-guide'),
    )
    .option('--out <file>', 'write to a file instead of standard output')
    .option(
      '--include-private-contacts',
      'include contacts not marked public (for a trusted copy only)',
    )
    .action(async (flags: ExportFlags) => {
      const ctx = context();
      const text = await withStore(ctx, (store) =>
        exportDirectory(store, flags.format, {
          includePrivateContacts: flags.includePrivateContacts === true,
          publicBaseUrl: ctx.config.publicUrl,
        }),
      );
      await writeOutput(ctx, text, flags.out);
    });
}
