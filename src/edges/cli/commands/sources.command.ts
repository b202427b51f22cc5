import type { Command } from 'commander';
import { listSources, removeSource } from '../../../services/source.service.ts';
import { type CliContext, withStore } from '../cli-context.ts';

export function registerSourcesCommand(program: Command, context: () => CliContext): void {
  const sources = program
    .command('sources')
    .description('list or remove the sources meetings were imported from');

  sources
    .command('list', { isDefault: true })
    .description('each source with its meeting count and last import')
    .action(async () => {
      const ctx = context();
      const list = await withStore(ctx, (store) => listSources(store));
      if (list.length === 0) {
        ctx.stdout.write('No sources yet: import a feed with `greendoor import <file|url>`.\n');
        return;
      }
      for (const s of list) {
        const last = s.lastImportedAt
          ? `last imported ${s.lastImportedAt.slice(0, 16).replace('T', ' ')} UTC`
          : 'never imported';
        ctx.stdout.write(
          `${s.name}\t${s.meetings} meetings\t${s.fellowshipId ?? '-'}\t${last}\t${s.url ?? ''}\n`,
        );
      }
    });

  sources
    .command('remove')
    .description('remove a source and every meeting, group and location it brought')
    .argument('<name>', 'the source name')
    .action(async (name: string) => {
      const ctx = context();
      const removed = await withStore(ctx, (store) => removeSource(store, name, ctx.clock));
      ctx.stdout.write(`Removed source "${name}" and its ${removed} meetings.\n`);
    });
}
