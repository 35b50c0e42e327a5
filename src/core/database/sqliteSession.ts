import { existsSync, readFileSync } from 'node:fs';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { CancelledError } from '../errors/cancelledError';
import { writeFileAtomicallySync } from '../files/writeFileAtomicallySync';
import { DatabaseError } from './databaseErrors';
import type { ColumnInfo, SchemaInfo, TableInfo } from './databaseSchema';
import type { DatabaseSession, QueryOptions } from './databaseSession';
import { cellText, type QueryResult } from './queryResult';
import { isReadOnlyStatement } from './sqlStatements';

let engine: Promise<SqlJsStatic> | undefined;

function loadEngine(wasmPath: string): Promise<SqlJsStatic> {
  engine ??= initSqlJs({ locateFile: () => wasmPath });
  return engine;
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function sqliteError(error: unknown, statement: string, index: number): DatabaseError {
  const message = error instanceof Error ? error.message : String(error);
  const first = statement.split('\n')[0] ?? '';
  const quoted = first.length > 60 ? `${first.slice(0, 60)}…` : first;
  if (/file is not a database/i.test(message)) {
    return new DatabaseError(`The file is not a SQLite database (${message}).`, 'not-a-database');
  }
  return new DatabaseError(
    `Statement ${index + 1} failed: ${message}. Statement: ${quoted}`,
    /syntax error|incomplete input|unrecognized token/i.test(message) ? 'syntax' : 'statement',
  );
}

/**
 * Opens a SQLite file with sql.js (SQLite compiled to WebAssembly; no native addon). The file is
 * read into memory; after statements that change it, the database is written back through a
 * temporary file and a rename, so a failed write never leaves half a file.
 */
export async function openSqlite(file: string, wasmPath: string): Promise<DatabaseSession> {
  if (!existsSync(file)) {
    throw new DatabaseError(
      `The SQLite file ${file} does not exist. Check the connection's file (relative paths start at the workspace folder).`,
      'missing-file',
    );
  }
  const SQL = await loadEngine(wasmPath);
  const db = new SQL.Database(readFileSync(file));
  try {
    const version = db.exec('SELECT sqlite_version()')[0]?.values[0]?.[0];
    return new SqliteSession(db, file, `SQLite ${String(version)}`);
  } catch (error) {
    db.close();
    throw sqliteError(error, 'SELECT sqlite_version()', 0);
  }
}

class SqliteSession implements DatabaseSession {
  constructor(
    private readonly db: Database,
    private readonly file: string,
    readonly serverVersion: string,
  ) {}

  schemas(): Promise<SchemaInfo[]> {
    const rows = this.db.exec('PRAGMA database_list')[0]?.values ?? [];
    return Promise.resolve(
      rows.map((row) => ({ name: String(row[1]) })).filter((s) => s.name !== 'temp'),
    );
  }

  tables(schema: string): Promise<TableInfo[]> {
    const rows =
      this.db.exec(
        `SELECT name, type FROM ${quoteIdentifier(schema)}.sqlite_master
          WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
          ORDER BY name`,
      )[0]?.values ?? [];
    return Promise.resolve(
      rows.map((row) => {
        const name = String(row[0]);
        const type = row[1] === 'view' ? 'view' : 'table';
        const count =
          type === 'table'
            ? this.db.exec(
                `SELECT count(*) FROM ${quoteIdentifier(schema)}.${quoteIdentifier(name)}`,
              )[0]?.values[0]?.[0]
            : undefined;
        return {
          schema,
          name,
          type,
          ...(typeof count === 'number' ? { rowEstimate: count } : {}),
        };
      }),
    );
  }

  columns(schema: string, table: string): Promise<ColumnInfo[]> {
    const target = `${quoteIdentifier(schema)}.`;
    const info =
      this.db.exec(`PRAGMA ${target}table_info(${quoteIdentifier(table)})`)[0]?.values ?? [];
    const keys =
      this.db.exec(`PRAGMA ${target}foreign_key_list(${quoteIdentifier(table)})`)[0]?.values ?? [];
    return Promise.resolve(
      info.map((row) => {
        const name = String(row[1]);
        const key = keys.find((k) => k[3] === name);
        const pk = Number(row[5]) > 0;
        return {
          name,
          dataType: String(row[2] ?? '') || 'ANY',
          // A PRIMARY KEY column of a rowid table is never NULL, whatever notnull says.
          nullable: Number(row[3]) === 0 && !pk,
          primaryKey: pk,
          ...(key
            ? { foreignKey: { schema, table: String(key[2]), column: String(key[4] ?? 'rowid') } }
            : {}),
          ...(row[4] === null ? {} : { defaultValue: String(row[4]) }),
        };
      }),
    );
  }

  async run(statements: readonly string[], options: QueryOptions): Promise<QueryResult[]> {
    const results: QueryResult[] = [];
    let changed = false;
    try {
      for (const [index, statement] of statements.entries()) {
        if (options.signal?.aborted === true) throw new CancelledError('The SQL run was cancelled');
        results.push(await this.runOne(statement, index, options));
        if (!isReadOnlyStatement(statement)) changed = true;
      }
    } finally {
      if (changed) this.save();
    }
    return results;
  }

  private async runOne(
    statement: string,
    index: number,
    options: QueryOptions,
  ): Promise<QueryResult> {
    let prepared;
    try {
      prepared = this.db.prepare(statement);
    } catch (error) {
      throw sqliteError(error, statement, index);
    }
    try {
      const rows: (string | null)[][] = [];
      let truncated = false;
      while (prepared.step()) {
        if (rows.length >= options.rowLimit) {
          truncated = true;
          break;
        }
        rows.push(prepared.get().map(cellText));
        // Let a cancellation (and the rest of the extension host) in between batches.
        if (rows.length % 2000 === 0) {
          await new Promise((resolve) => setImmediate(resolve));
          if (options.signal?.aborted === true)
            throw new CancelledError('The SQL run was cancelled');
        }
      }
      const columns = prepared.getColumnNames();
      const command = /^\s*([a-z]+)/i.exec(statement)?.[1]?.toUpperCase();
      return {
        statement,
        columns,
        rows,
        truncated,
        ...(columns.length === 0 ? { rowCount: this.db.getRowsModified() } : {}),
        ...(command ? { command } : {}),
      };
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      throw sqliteError(error, statement, index);
    } finally {
      prepared.free();
    }
  }

  private save(): void {
    writeFileAtomicallySync(this.file, this.db.export());
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}
