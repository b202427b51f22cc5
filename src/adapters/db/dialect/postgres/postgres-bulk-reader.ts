import { createRequire } from 'node:module';
import type { CompiledQuery } from 'kysely';
import type { BulkReadWorker } from '../bulk-reader.ts';

/**
 * The worker opens its own connection, learns the query's column names (the query with no rows),
 * and declares a cursor, in a read-only transaction (one snapshot), over the query's rows each
 * turned into JSON text by PostgreSQL itself (json_build_array over the query's own columns: one
 * string a row for the driver to read instead of a value a column; json and jsonb columns as their
 * text, which the codec parses). Each message fetches a batch.
 * The query is wrapped as a subquery with nothing that reorders it, so its ORDER BY holds.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const pg = require(workerData.driver);
const client = new pg.Client({ connectionString: workerData.url });
const { sql, parameters, batchSize } = workerData;
const JSONB = 3802;
const JSON_TYPE = 114;
let done = false;
let next = (async () => {
  await client.connect();
  await client.query('begin isolation level repeatable read read only');
  // JIT compiling the row's JSON cost more than it saved; the cursor's fast-start plan is kept.
  await client.query('set local jit = off');
  const shape = await client.query({ text: 'select * from (' + sql + ') as q limit 0', values: parameters });
  const columns = shape.fields.map((f) => {
    const column = 'q."' + f.name.replace(/"/g, '""') + '"';
    return f.dataTypeID === JSONB || f.dataTypeID === JSON_TYPE ? column + '::text' : column;
  });
  await client.query({
    text: 'declare bulk no scroll cursor for select json_build_array(' + columns.join(', ') + ')::text from (' + sql + ') as q',
    values: parameters,
  });
})();
parentPort.on('message', () => {
  next = next
    .then(async () => {
      if (done) {
        parentPort.postMessage('[]');
        return;
      }
      const result = await client.query({ text: 'fetch ' + batchSize + ' from bulk', rowMode: 'array' });
      parentPort.postMessage('[' + result.rows.map((row) => row[0]).join(',') + ']');
      if (result.rows.length < batchSize) {
        done = true;
        await client.end();
      }
    })
    .catch((error) => parentPort.postMessage({ error: String((error && error.message) || error) }));
});
`;

const driver = createRequire(import.meta.url).resolve('pg');

/** A worker reading a SELECT's rows from PostgreSQL. */
export const postgresBulkReader = (
  url: string,
  query: CompiledQuery,
  batchSize: number,
): BulkReadWorker => ({
  source: SOURCE,
  // The server's pace varies (it shares the cores with the indexing): a few ahead stop the
  // caller waiting (with one, it waited about 1 s in 5).
  ahead: 4,
  data: { driver, url, sql: query.sql, parameters: [...query.parameters], batchSize },
});
