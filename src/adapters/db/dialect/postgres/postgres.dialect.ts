import { type CompiledQuery, type CreateTableBuilder, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { AppError } from '../../../../domain/errors.ts';
import { readInWorker } from '../bulk-reader.ts';
import type { DatabaseDialect, ValueCodec } from '../dialect.ts';
import { postgresBulkReader } from './postgres-bulk-reader.ts';

const codec: ValueCodec = {
  toBoolean: (value) => value,
  fromBoolean: (value) => value === true,
  // pg sends the text and PostgreSQL casts it to jsonb; reads come back parsed, or as the text
  // from the bulk reader (every json column holds an array or an object, never a bare string).
  toJson: (value) => JSON.stringify(value),
  fromJson: <T>(value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as T,
  toTimestamp: (iso) => iso,
  fromTimestamp: (value) =>
    value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString(),
};

/** host:port/database from a connection URL, without user or password. */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL ${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

export function postgresUnavailable(url: string, error: unknown): AppError {
  const e = error as { code?: string; message?: string };
  const reason =
    e.code === 'ECONNREFUSED'
      ? 'connection refused'
      : e.code === '3D000'
        ? 'no such database'
        : e.code === '28P01' || e.code === '28000'
          ? 'authentication failed'
          : (e.message ?? String(error));
  return new AppError(
    'database_unavailable',
    `cannot reach ${describePostgresUrl(url)} (${reason}): start PostgreSQL or check DATABASE_URL`,
    { field: 'DATABASE_URL' },
  );
}

/** For deployments that outgrow one machine: several processes share one PostgreSQL. */
export function postgresDialect(url: string, poolSize = 10): DatabaseDialect {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const dialect: DatabaseDialect = {
    name: 'postgres',
    description: describePostgresUrl(url),
    kysely: new PostgresDialect({ pool }),
    maxParameters: 65_000,
    columnTypes: {
      boolean: 'boolean',
      json: 'jsonb',
      timestamp: 'timestamptz',
      real: sql`double precision`,
    },
    addIdColumn: <T extends string>(table: CreateTableBuilder<T, never>) =>
      table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity()),
    codec,
    selectArrays: async (query) => {
      const result = await pool.query<unknown[]>({
        text: query.sql,
        values: [...query.parameters],
        rowMode: 'array',
      });
      return result.rows;
    },
    readInWorker: (query: CompiledQuery, batchSize: number) =>
      readInWorker(postgresBulkReader(url, query, batchSize)),
    ping: async () => {
      try {
        const client = await pool.connect();
        client.release();
      } catch (error) {
        throw postgresUnavailable(url, error);
      }
    },
  };
  return dialect;
}
