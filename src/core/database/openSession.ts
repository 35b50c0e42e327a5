import path from 'node:path';
import type { DatabaseConnection } from './databaseConnection';
import type * as DatabaseRuntime from './databaseRuntime';
import type { DatabaseSession } from './databaseSession';

type RuntimeModule = typeof DatabaseRuntime;
let runtime: RuntimeModule | undefined;

/** pg and sql.js, loaded on first use (the build turns this into a require of dist/database-runtime.js). */
function loadRuntime(): RuntimeModule {
  // A lazy require, not import(): see AiProvider's loadRuntime for why.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  runtime ??= require('./databaseRuntime') as RuntimeModule;
  return runtime;
}

export interface OpenSessionOptions {
  /** Where relative SQLite files are resolved from (the first workspace folder). */
  readonly baseFolder?: string;
  /** sql.js's sql-wasm.wasm. */
  readonly wasmPath: string;
}

/** Opens a session for one connection; the password is used for this connection only. */
export function openSession(
  connection: DatabaseConnection,
  password: string | undefined,
  options: OpenSessionOptions,
): Promise<DatabaseSession> {
  const engine = loadRuntime();
  if (connection.kind === 'sqlite') {
    return engine.openSqlite(
      resolveSqliteFile(connection.file, options.baseFolder),
      options.wasmPath,
    );
  }
  return engine.openPostgres(connection, password);
}

/** A SQLite file's absolute path. */
export function resolveSqliteFile(file: string, baseFolder: string | undefined): string {
  return path.isAbsolute(file) || baseFolder === undefined ? file : path.join(baseFolder, file);
}
