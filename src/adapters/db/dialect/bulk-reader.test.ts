import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type TestDatabase,
  createTestDatabase,
  databaseKinds,
} from '../../../test-support/databases.ts';

const kinds = await databaseKinds();

/** Reads everything a worker read gives, batch by batch. */
async function collect(batches: AsyncIterable<unknown[][]>): Promise<unknown[][][]> {
  const all: unknown[][][] = [];
  for await (const batch of batches) all.push(batch);
  return all;
}

describe.each(kinds)('reading in a worker thread on %s', (kind) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await db.destroy();
  });

  const reader = () => {
    const read = db.store.dialect.readInWorker;
    if (!read) throw new Error(`${kind} files are read in a worker`);
    return read;
  };
  const fellowships = () =>
    db.store.db
      .selectFrom('fellowships')
      .select(['id', 'name', 'builtin'])
      // A parameter, to show they reach the worker's query.
      .where('id', '<>', sql.val('nothing'))
      .orderBy('id')
      .compile();

  it('reads the rows selectArrays reads, in order, in batches of the size asked for', async () => {
    const rows = await db.store.dialect.selectArrays(fellowships());
    expect(rows.length).toBeGreaterThan(6);
    for (const size of [1, 3, rows.length, rows.length + 1]) {
      const batches = await collect(reader()(fellowships(), size));
      // Values as the dialect's codec reads them (SQLite's JSON has no booleans, only 0 and 1).
      const { codec } = db.store.dialect;
      const values = (all: unknown[][]) =>
        all.map(([id, name, builtin]) => [id, name, codec.fromBoolean(builtin)]);
      expect(values(batches.flat())).toEqual(values(rows));
      expect(batches.map((b) => b.length)).toEqual(
        Array.from({ length: Math.ceil(rows.length / size) }, (_, i) =>
          Math.min(size, rows.length - i * size),
        ),
      );
    }
  });

  it('passes on what went wrong instead of waiting for rows that will not come', async () => {
    const bad = sql`select no_such_column from fellowships`.compile(db.store.db);
    await expect(collect(reader()(bad, 10))).rejects.toThrow(/no_such_column/);
  });

  it('stops cleanly when the reader stops early', async () => {
    for await (const batch of reader()(fellowships(), 2)) {
      expect(batch).toHaveLength(2);
      break;
    }
    // The database is still there for the next read.
    expect((await collect(reader()(fellowships(), 100))).flat().length).toBeGreaterThan(6);
  });
});
