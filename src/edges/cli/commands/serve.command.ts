import type { Command } from 'commander';
import { buildServer } from '../../http/server.ts';
import { DEMO_SOURCE, loadDemoIfEmpty } from '../../../services/demo.service.ts';
import type { CliContext } from '../cli-context.ts';

export function registerServeCommand(program: Command, context: () => CliContext): void {
  program
    .command('serve')
    .description('run the web app and API (what `npm start` runs)')
    .action(async () => {
      const ctx = context();
      const store = await ctx.openStore();
      const app = buildServer({ store, config: ctx.config });
      app.log.info(`database: ${store.dialect.description}`);
      if (ctx.config.demoData === 'auto') {
        const demo = await loadDemoIfEmpty(store, ctx.clock);
        if (demo) {
          app.log.warn(
            `the database was empty, so it now holds the DEMO dataset: ${demo.created} synthetic meetings that do not exist (source "${DEMO_SOURCE}"). Remove them with \`greendoor sources remove ${DEMO_SOURCE}\`; set DEMO_DATA=off to never load them.`,
          );
        }
      }
      const shutdown = (signal: string) => {
        app.log.info(`${signal}: shutting down`);
        void app
          .close()
          .then(() => store.close())
          .finally(() => process.exit(0));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      await app.listen({ port: ctx.config.port, host: ctx.config.host });
    });
}
