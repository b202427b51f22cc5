import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { CompiledQuery } from 'kysely';

/**
 * The worker's code, run as a script (`eval`): it opens its own read-only connection and steps
 * through the query's rows, each turned into JSON text by SQLite itself (json_array over the
 * query's own columns: one string a row instead of a JS value a column, several times faster),
 * and answers each request for a batch with the batch as one JSON array's text (one string
 * crosses threads faster than a structured clone of many small arrays). An empty batch ends it.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const columns = db.prepare(workerData.sql).columns().map((c) => '"' + c.name.replace(/"/g, '""') + '"');
const rows = db
  .prepare('select json_array(' + columns.join(', ') + ') from (' + workerData.sql + ')')
  .pluck(true)
  .iterate(...workerData.parameters);
parentPort.on('message', () => {
  const batch = [];
  for (let i = 0; i < workerData.batchSize; i++) {
    const next = rows.next();
    if (next.done) break;
    batch.push(next.value);
  }
  parentPort.postMessage('[' + batch.join(',') + ']');
  if (batch.length < workerData.batchSize) db.close();
});
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Reads a SELECT's rows as arrays in a worker thread, a batch ahead of the caller: reading the
 * whole directory at start overlaps with building the search index from it.
 */
export async function* readInWorker(
  file: string,
  query: CompiledQuery,
  batchSize: number,
): AsyncGenerator<unknown[][]> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    // It holds a batch at a time: a small heap keeps the process's memory down.
    resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 },
    workerData: { driver, file, sql: query.sql, parameters: [...query.parameters], batchSize },
  });
  let settle: { resolve: (text: string) => void; reject: (error: Error) => void } | null = null;
  let failure: Error | null = null;
  worker.on('message', (text: string) => settle?.resolve(text));
  worker.on('error', (error: Error) => {
    failure = error;
    settle?.reject(error);
  });
  const request = () =>
    new Promise<string>((resolve, reject) => {
      if (failure) {
        reject(failure);
        return;
      }
      settle = { resolve, reject };
      worker.postMessage('next');
    });
  try {
    let pending = request();
    for (;;) {
      const batch = JSON.parse(await pending) as unknown[][];
      const more = batch.length === batchSize;
      // Ask for the next batch before working on this one.
      if (more) pending = request();
      if (batch.length > 0) yield batch;
      if (!more) return;
    }
  } finally {
    await worker.terminate();
  }
}
