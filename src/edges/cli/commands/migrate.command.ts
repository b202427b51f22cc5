import type { Command } from 'commander';
import { type CliContext, withStore } from '../cli-context.ts';

export function registerMigrateCommand(program: Command, context: () => CliContext): void {
  program
    .command('migrate')
    .description('bring the database schema up to date (serve and import also do this)')
    .action(async () => {
      const ctx = context();
      const description = await withStore(ctx, (store) =>
        Promise.resolve(store.dialect.description),
      );
      ctx.stdout.write(`${description} is up to date.\n`);
    });
}
