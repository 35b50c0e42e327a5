import type { ColumnInfo, SchemaInfo, TableInfo } from './databaseSchema';
import type { QueryResult } from './queryResult';

export interface QueryOptions {
  /** At most this many rows per statement are kept; the result says when there were more. */
  readonly rowLimit: number;
  readonly signal?: AbortSignal;
}

/**
 * An open connection to one database, whatever the engine. The runtime bundle (pg, sql.js)
 * implements it; the glue and the core use only this.
 */
export interface DatabaseSession {
  /** "PostgreSQL 15.18", "SQLite 3.49.1". */
  readonly serverVersion: string;
  schemas(): Promise<SchemaInfo[]>;
  tables(schema: string): Promise<TableInfo[]>;
  columns(schema: string, table: string): Promise<ColumnInfo[]>;
  /** Runs the statements in order; stops at the first error (which names the statement). */
  run(statements: readonly string[], options: QueryOptions): Promise<QueryResult[]>;
  close(): Promise<void>;
}
