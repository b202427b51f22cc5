import { type Clock, systemClock } from '../../adapters/clock.ts';
import { type Store, openStore } from '../../adapters/db/database.ts';
import { type Config, loadConfig } from '../../config/config.ts';
import { prepareDirectory } from '../../services/directory.service.ts';

/** What every command runs with: the one configuration, the clock, and the database on demand. */
export interface CliContext {
  readonly config: Config;
  readonly clock: Clock;
  /** Opens (and migrates) the configured database; the caller closes it. */
  openStore(url?: string): Promise<Store>;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export function createCliContext(
  env: Record<string, string | undefined> = process.env,
): CliContext {
  const config = loadConfig(env);
  return {
    config,
    clock: systemClock,
    async openStore(url = config.databaseUrl) {
      const store = await openStore(url);
      await prepareDirectory(store, systemClock);
      return store;
    },
    stdout: process.stdout,
    stderr: process.stderr,
  };
}

/** Runs `work` with the configured database open, closing it however `work` ends. */
export async function withStore<T>(
  context: CliContext,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await context.openStore();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Where a person opens a link: PUBLIC_URL, else this machine's server. */
export function siteUrl(config: Config): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  return `http://${host}:${config.port}`;
}
