import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type CompiledQuery, type CreateTableBuilder, SqliteDialect } from 'kysely';
import { AppError } from '../../../../domain/errors.ts';
import type { DatabaseDialect, ValueCodec } from '../dialect.ts';
import { readInWorker } from '../bulk-reader.ts';
import { sqliteBulkReader } from './sqlite-bulk-reader.ts';

const codec: ValueCodec = {
  toBoolean: (value) => (value ? 1 : 0),
  fromBoolean: (value) => value === 1 || value === true,
  toJson: (value) => JSON.stringify(value),
  fromJson: <T>(value: unknown) => JSON.parse(String(value)) as T,
  toTimestamp: (iso) => iso,
  fromTimestamp: (value) => String(value),
};

/**
 * The embedded default: one file, WAL journal so readers never wait for the writer. better-sqlite3
 * is synchronous; Kysely wraps it, and one connection serves the whole process.
 */
export function sqliteDialect(file: string): DatabaseDialect {
  let database: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    database = new Database(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
  } catch (error) {
    throw new AppError(
      'database_unavailable',
      `cannot open the SQLite database ${file}: ${(error as Error).message}. Check DATABASE_URL and that its folder is writable.`,
      { field: 'DATABASE_URL' },
    );
  }
  const statements = new Map<string, Database.Statement>();
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  // A cached statement run per row costs about 10 µs; building one multi-row INSERT of
  // thousands of values costs more than running it, and RETURNING more than doubles the cost
  // of a row, so ids come from lastInsertRowid. Same connection, so same transaction.
  const insertRows = (table: string, rows: readonly Record<string, unknown>[]) => {
    const columns = Object.keys(rows[0] ?? {});
    const sql = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`;
    let statement = statements.get(sql);
    if (!statement) {
      statement = database.prepare(sql);
      statements.set(sql, statement);
    }
    const prepared = statement;
    return rows.map((row) => Number(prepared.run(row).lastInsertRowid));
  };
  const arrayStatements = new Map<string, Database.Statement>();
  const selectArrays = (query: CompiledQuery) => {
    let statement = arrayStatements.get(query.sql);
    if (!statement) {
      // Queries with lists of ids differ in length: keep the cache from growing without end.
      if (arrayStatements.size > 200) arrayStatements.clear();
      statement = database.prepare(query.sql).raw(true);
      arrayStatements.set(query.sql, statement);
    }
    return Promise.resolve(statement.all(...query.parameters) as unknown[][]);
  };
  return {
    name: 'sqlite',
    description: `SQLite ${file}`,
    kysely: new SqliteDialect({ database }),
    // SQLite's default limit since 3.32 is 32766.
    maxParameters: 32_000,
    columnTypes: { boolean: 'integer', json: 'text', timestamp: 'text', real: 'real' },
    addIdColumn: <T extends string>(table: CreateTableBuilder<T, never>) =>
      table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
    codec,
    insertRows,
    selectArrays,
    ...(file === ':memory:'
      ? {}
      : {
          readInWorker: (query: CompiledQuery, batchSize: number) =>
            readInWorker(sqliteBulkReader(file, query, batchSize)),
        }),
    ping: () => {
      database.prepare('select 1').get();
      return Promise.resolve();
    },
  };
}
