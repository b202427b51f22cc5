import type { Clock } from '../adapters/clock.ts';
import type { Store } from '../adapters/db/database.ts';
import type { SourceSummary } from '../adapters/db/repositories/source.repository.ts';
import { AppError } from '../domain/errors.ts';

/** Every source, with its meeting count and last import. */
export function listSources(store: Store): Promise<SourceSummary[]> {
  return store.sources.list();
}

/**
 * Removes a source and everything it brought, in one transaction, and tells in-memory copies
 * of the directory. Answers how many meetings went.
 */
export function removeSource(store: Store, name: string, clock: Clock): Promise<number> {
  return store.transaction(async (repos) => {
    const source = await repos.sources.findByName(name);
    if (!source) {
      throw new AppError('not_found', `no source named "${name}": see \`greendoor sources list\``, {
        field: 'name',
      });
    }
    const removed = await repos.sources.remove(source.id);
    await repos.changes.record('source', source.id, clock.now().toISOString());
    return removed;
  });
}
