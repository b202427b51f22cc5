import type { Clock } from '../adapters/clock.ts';
import type { Store } from '../adapters/db/database.ts';
import type { StoredFellowship } from '../adapters/db/repositories/fellowship.repository.ts';
import { AppError } from '../domain/errors.ts';
import { type Fellowship, fellowshipSchema } from '../domain/fellowship/fellowship.ts';

export function listFellowships(store: Store): Promise<StoredFellowship[]> {
  return store.fellowships.list();
}

/** Adds a fellowship an operator needs, validated, refusing an id already taken. */
export async function addFellowship(store: Store, input: Fellowship, clock: Clock): Promise<void> {
  const parsed = fellowshipSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'id');
    const what = field === 'id' ? `invalid id "${input.id}"` : `invalid --${field}`;
    throw new AppError('invalid_input', `${what}: ${issue?.message ?? 'see --help'}`, { field });
  }
  if ((await store.fellowships.ids()).has(parsed.data.id)) {
    throw new AppError('conflict', `a fellowship with id "${parsed.data.id}" already exists`, {
      field: 'id',
    });
  }
  await store.fellowships.ensure([parsed.data], false, clock.now().toISOString());
}
