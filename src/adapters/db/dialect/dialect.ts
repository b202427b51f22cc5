import type {
  ColumnDataType,
  CompiledQuery,
  CreateTableBuilder,
  Dialect,
  Expression,
} from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/**
 * What differs between the databases Greendoor runs on, and nothing else. Repositories and
 * migrations stay neutral and ask the dialect for column types, limits and value codecs.
 */
export interface DatabaseDialect {
  readonly name: DialectName;
  /** A short description for logs: a file path or host/database, never a password. */
  readonly description: string;
  readonly kysely: Dialect;
  /** The most bind parameters one statement may carry. */
  readonly maxParameters: number;
  readonly columnTypes: {
    readonly boolean: ColumnDataType;
    readonly json: ColumnDataType;
    readonly timestamp: ColumnDataType;
    readonly real: ColumnDataType | Expression<unknown>;
  };
  /** Adds an auto-generated integer primary key named `id`. */
  addIdColumn<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
  readonly codec: ValueCodec;
  /**
   * Inserts rows with one prepared statement run per row, answering their ids in order, where
   * that beats multi-row INSERTs (an in-process database). Absent: use Kysely's multi-row
   * inserts. Rows must all have the same columns, with values already encoded.
   */
  readonly insertRows?: (table: string, rows: readonly Record<string, unknown>[]) => number[];
  /**
   * Runs a compiled SELECT and answers its rows as arrays, in the order of its columns: several
   * times faster than rows as objects when reading the whole directory (better-sqlite3 builds
   * an object a column at a time).
   */
  selectArrays(query: CompiledQuery): Promise<unknown[][]>;
  /**
   * The same as batches of `batchSize` read in another thread with its own connection, where
   * the database allows it (a SQLite file, PostgreSQL): for reading the whole directory while
   * the caller works on what came. Absent (an in-memory SQLite): page through with selectArrays.
   */
  readonly readInWorker?: (query: CompiledQuery, batchSize: number) => AsyncIterable<unknown[][]>;
  /** Checks the database can be reached, turning driver errors into advice. */
  ping(): Promise<void>;
}

export interface ValueCodec {
  toBoolean(value: boolean): boolean | number;
  fromBoolean(value: unknown): boolean;
  toJson(value: unknown): string;
  fromJson<T>(value: unknown): T;
  /** ISO-8601 UTC in, ISO-8601 UTC ("...Z") out. */
  toTimestamp(iso: string): string;
  fromTimestamp(value: unknown): string;
}
