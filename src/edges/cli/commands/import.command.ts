import { existsSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { isPostgresUrl, openStore } from '../../../adapters/db/database.ts';
import { feedFormats } from '../../../formats/feed-format.ts';
import { prepareDirectory } from '../../../services/directory.service.ts';
import { type ImportRequest, importFeed } from '../../../services/import/import.service.ts';
import { type CliContext, withStore } from '../cli-context.ts';
import { formatImportReport } from '../import-report.format.ts';
import { importProgress } from '../progress.ts';

interface ImportFlags {
  source?: string;
  format: ImportRequest['format'];
  timezone?: string;
  fellowship?: string;
  prune?: boolean;
  json?: boolean;
}

function addFeedOptions(command: Command): Command {
  return command
    .option(
      '--source <name>',
      'the source these meetings belong to (default: the file name or host)',
    )
    .addOption(
      new Option('--format <format>', 'input format')
        .choices(['auto', ...feedFormats])
        .default('auto'),
    )
    .option('--timezone <zone>', 'time zone for meetings with neither a zone nor coordinates')
    .option('--fellowship <id>', 'fellowship for meetings that do not name one (default: aa)')
    .option('--json', 'print the full report as JSON');
}

function request(location: string, flags: ImportFlags, dryRun: boolean): ImportRequest {
  return {
    location,
    format: flags.format,
    prune: flags.prune === true,
    dryRun,
    ...(flags.source !== undefined ? { source: flags.source } : {}),
    ...(flags.timezone !== undefined ? { timezone: flags.timezone } : {}),
    ...(flags.fellowship !== undefined ? { fellowship: flags.fellowship } : {}),
  };
}

export function registerImportCommands(program: Command, context: () => CliContext): void {
  addFeedOptions(
    program
      .command('import')
      .description(
        'import a Meeting Guide JSON feed or a 12 Step Meeting List CSV (file or URL) as one source',
      )
      .argument('<file|url>', 'the feed to import')
      .option('--prune', "remove this source's meetings that the feed no longer lists"),
  ).action(async (location: string, flags: ImportFlags) => {
    const ctx = context();
    const progress = importProgress(ctx.stderr);
    const report = await withStore(ctx, (store) =>
      importFeed(request(location, flags, false), {
        store,
        clock: ctx.clock,
        defaultTimezone: ctx.config.defaultTimezone,
        onProgress: (phase, done, total) => progress.update(phase, done, total),
      }),
    ).finally(() => progress.stop());
    ctx.stdout.write(
      flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatImportReport(report),
    );
  });

  addFeedOptions(
    program
      .command('validate')
      .description('check a feed and print the import report without writing anything')
      .argument('<file|url>', 'the feed to check'),
  ).action(async (location: string, flags: ImportFlags) => {
    const ctx = context();
    // Compare with the configured directory when it exists; never create one to check a feed.
    const url =
      isPostgresUrl(ctx.config.databaseUrl) || existsSync(ctx.config.databaseUrl)
        ? ctx.config.databaseUrl
        : ':memory:';
    const store = await openStore(url);
    try {
      await prepareDirectory(store, ctx.clock);
      const report = await importFeed(request(location, flags, true), {
        store,
        clock: ctx.clock,
        defaultTimezone: ctx.config.defaultTimezone,
      });
      ctx.stdout.write(
        flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatImportReport(report),
      );
    } finally {
      await store.close();
    }
  });
}
