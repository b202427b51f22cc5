import type { Command } from 'commander';
import { resolvePlace, searchPlaces } from '../../../adapters/geo/places.ts';
import { passwordHasher } from '../../../adapters/auth/password-hasher.ts';
import { totp } from '../../../adapters/auth/totp.ts';
import { zoneAt } from '../../../adapters/geo/timezone-lookup.ts';
import { smtpMailer } from '../../../adapters/mail/mailer.ts';
import { DEMO_SOURCE, loadDemoIfEmpty } from '../../../services/demo.service.ts';
import { FeedCache } from '../../../services/feed.service.ts';
import { openRoomLive } from '../../../services/room/room-live.service.ts';
import { SearchService } from '../../../services/search/search.service.ts';
import { buildServer } from '../../http/server.ts';
import type { CliContext } from '../cli-context.ts';

export function registerServeCommand(program: Command, context: () => CliContext): void {
  program
    .command('serve')
    .description('run the web app and API (what `npm start` runs)')
    .action(async () => {
      const ctx = context();
      const store = await ctx.openStore();
      const demo = ctx.config.demoData === 'auto' ? await loadDemoIfEmpty(store, ctx.clock) : null;
      const started = Date.now();
      const search = await SearchService.open(store);
      const rooms = await openRoomLive({
        store,
        clock: ctx.clock,
        hasher: passwordHasher,
        redisUrl: ctx.config.redisUrl,
      });
      const app = await buildServer({
        store,
        search,
        feeds: new FeedCache(store, ctx.config.publicUrl),
        clock: ctx.clock,
        config: ctx.config,
        places: { resolve: resolvePlace, search: searchPlaces },
        zoneAt,
        accounts: {
          hasher: passwordHasher,
          totp,
          mailer: ctx.config.smtpUrl ? smtpMailer(ctx.config.smtpUrl, ctx.config.mailFrom) : null,
        },
        rooms,
      });
      app.log.info(`database: ${store.dialect.description}`);
      app.log.info(
        ctx.config.redisUrl
          ? `rooms: shared with other processes through Redis at ${new URL(ctx.config.redisUrl).host}`
          : 'rooms: in this process’s memory (set REDIS_URL to share them between processes)',
      );
      for (const warning of rooms.hub.warnings) app.log.warn(warning);
      if (demo) {
        app.log.warn(
          `the database was empty, so it now holds the DEMO dataset: ${demo.created} synthetic meetings that do not exist (source "${DEMO_SOURCE}"). Remove them with \`greendoor sources remove ${DEMO_SOURCE}\`; set DEMO_DATA=off to never load them.`,
        );
      }
      app.log.info(`search index: ${search.size} meetings in ${Date.now() - started} ms`);
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
      search.prepareFor(ctx.clock.now().getTime());
    });
}
