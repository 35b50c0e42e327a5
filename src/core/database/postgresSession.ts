import pg from 'pg';
import { CancelledError } from '../errors/cancelledError';
import { describeConnection, type DatabaseConnection } from './databaseConnection';
import type { ColumnInfo, ForeignKeyTarget, SchemaInfo, TableInfo } from './databaseSchema';
import type { DatabaseSession, QueryOptions } from './databaseSession';
import { connectionError, statementError } from './postgresErrors';
import { cellText, type QueryResult } from './queryResult';
import { isReadOnlyStatement } from './sqlStatements';

type PostgresConnection = Extract<DatabaseConnection, { kind: 'postgresql' }>;

/** Every value as the server's text: what the table and CSV show, no lossy JS conversion. */
const textTypes = { getTypeParser: () => (value: string) => value };

const connectTimeoutMs = 10_000;

function sslOption(mode: PostgresConnection['sslMode']): pg.ClientConfig['ssl'] {
  switch (mode) {
    case 'disable':
      return false;
    case 'prefer':
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-ca':
      return { rejectUnauthorized: true, checkServerIdentity: () => undefined };
    case 'verify-full':
      return { rejectUnauthorized: true };
  }
}

function clientConfig(
  connection: PostgresConnection,
  password: string | undefined,
  ssl: pg.ClientConfig['ssl'],
): pg.ClientConfig {
  return {
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    ...(password === undefined ? {} : { password }),
    ssl,
    connectionTimeoutMillis: connectTimeoutMs,
    application_name: 'OpenPypi',
    types: textTypes,
  };
}

async function connectClient(config: pg.ClientConfig, where: string): Promise<pg.Client> {
  const client = new pg.Client(config);
  // An error after connecting (the server going away) must not crash the extension host.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), { where });
  }
}

/** Statements a cursor can hold: their rows are fetched up to the limit, not all of them. */
function cursorable(statement: string): boolean {
  const code = statement.replace(/^(\s*(--[^\n]*\n|\/\*[\s\S]*?\*\/))*/, '');
  return /^\s*(select|with|values|table)\b/i.test(code) && isReadOnlyStatement(statement);
}

const cursorPrefix = 'DECLARE openpypi_cursor NO SCROLL CURSOR FOR ';

/** Opens a session to a PostgreSQL server with `pg` (pure JavaScript). */
export async function openPostgres(
  connection: PostgresConnection,
  password: string | undefined,
): Promise<DatabaseSession> {
  const where = describeConnection(connection);
  let config = clientConfig(connection, password, sslOption(connection.sslMode));
  let client: pg.Client;
  try {
    client = await connectClient(config, where);
  } catch (error) {
    // "prefer": SSL when the server offers it, plain otherwise (pg has no such mode itself).
    if (connection.sslMode === 'prefer' && /does not support SSL/i.test(String(error))) {
      config = clientConfig(connection, password, false);
      try {
        client = await connectClient(config, where);
      } catch (plainError) {
        throw connectionError(plainError, where);
      }
    } else {
      throw connectionError(error, where);
    }
  }
  try {
    const version = await client.query<{ server_version: string }>('SHOW server_version');
    const serverVersion = `PostgreSQL ${(version.rows[0]?.server_version ?? '?').split(' ')[0] ?? '?'}`;
    return new PostgresSession(client, config, serverVersion);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectionError(error, where);
  }
}

class PostgresSession implements DatabaseSession {
  constructor(
    private readonly client: pg.Client,
    private readonly config: pg.ClientConfig,
    readonly serverVersion: string,
  ) {}

  async schemas(): Promise<SchemaInfo[]> {
    const result = await this.client.query<{ nspname: string }>(
      `SELECT nspname FROM pg_namespace
        WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
          AND has_schema_privilege(oid, 'USAGE')
        ORDER BY nspname = 'public' DESC, nspname`,
    );
    return result.rows.map((row) => ({ name: row.nspname }));
  }

  async tables(schema: string): Promise<TableInfo[]> {
    const result = await this.client.query<{
      relname: string;
      relkind: string;
      estimate: string | null;
    }>(
      `SELECT c.relname, c.relkind,
              CASE WHEN c.relkind IN ('v') THEN NULL
                   WHEN c.reltuples >= 0 THEN c.reltuples::bigint
                   ELSE s.n_live_tup END AS estimate
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_stat_all_tables s ON s.relid = c.oid
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        ORDER BY c.relname`,
      [schema],
    );
    return result.rows.map((row) => ({
      schema,
      name: row.relname,
      type: row.relkind === 'v' || row.relkind === 'm' ? 'view' : 'table',
      ...(row.estimate === null ? {} : { rowEstimate: Number(row.estimate) }),
    }));
  }

  async columns(schema: string, table: string): Promise<ColumnInfo[]> {
    const result = await this.client.query<{
      attname: string;
      data_type: string;
      nullable: string;
      default_value: string | null;
      primary_key: string;
      foreign_key: string | null;
    }>(
      `SELECT a.attname,
              format_type(a.atttypid, a.atttypmod) AS data_type,
              (NOT a.attnotnull) AS nullable,
              pg_get_expr(d.adbin, d.adrelid) AS default_value,
              EXISTS (SELECT 1 FROM pg_constraint p
                       WHERE p.conrelid = c.oid AND p.contype = 'p' AND a.attnum = ANY (p.conkey)) AS primary_key,
              (SELECT json_build_object('schema', fn.nspname, 'table', fc.relname, 'column', fa.attname)::text
                 FROM pg_constraint f
                 JOIN pg_class fc ON fc.oid = f.confrelid
                 JOIN pg_namespace fn ON fn.oid = fc.relnamespace
                 JOIN pg_attribute fa ON fa.attrelid = f.confrelid
                                     AND fa.attnum = f.confkey[array_position(f.conkey, a.attnum)]
                WHERE f.conrelid = c.oid AND f.contype = 'f' AND a.attnum = ANY (f.conkey)
                LIMIT 1) AS foreign_key
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid
         LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum`,
      [schema, table],
    );
    return result.rows.map((row) => {
      const foreignKey =
        row.foreign_key === null ? undefined : (JSON.parse(row.foreign_key) as ForeignKeyTarget);
      return {
        name: row.attname,
        dataType: row.data_type,
        nullable: row.nullable === 't' || row.nullable === 'true',
        primaryKey: row.primary_key === 't' || row.primary_key === 'true',
        ...(foreignKey ? { foreignKey } : {}),
        ...(row.default_value === null ? {} : { defaultValue: row.default_value }),
      };
    });
  }

  async run(statements: readonly string[], options: QueryOptions): Promise<QueryResult[]> {
    const results: QueryResult[] = [];
    // Inside the user's own transaction the statements run as written, without a cursor's own.
    let ownTransaction = false;
    for (const [index, statement] of statements.entries()) {
      if (options.signal?.aborted === true) throw new CancelledError('The SQL run was cancelled');
      if (/^\s*(begin|start\s+transaction)\b/i.test(statement)) ownTransaction = true;
      results.push(await this.runOne(statement, index, options, !ownTransaction));
      if (/^\s*(commit|rollback|end|abort)\b/i.test(statement)) ownTransaction = false;
    }
    return results;
  }

  private async runOne(
    statement: string,
    index: number,
    options: QueryOptions,
    cursorAllowed: boolean,
  ): Promise<QueryResult> {
    const stopCancel = this.cancelOnAbort(options.signal);
    const useCursor = cursorAllowed && cursorable(statement);
    try {
      if (useCursor) {
        await this.client.query('BEGIN READ ONLY');
        try {
          await this.client.query(`${cursorPrefix}${statement}`);
          const fetched = await this.client.query({
            text: `FETCH FORWARD ${options.rowLimit + 1} FROM openpypi_cursor`,
            rowMode: 'array',
          });
          await this.client.query('CLOSE openpypi_cursor');
          await this.client.query('COMMIT');
          const rows = (fetched.rows as unknown[][]).map((row) => row.map(cellText));
          return {
            statement,
            columns: fetched.fields.map((field) => field.name),
            rows: rows.slice(0, options.rowLimit),
            truncated: rows.length > options.rowLimit,
            command: 'SELECT',
          };
        } catch (error) {
          await this.client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }
      const result = await this.client.query({ text: statement, rowMode: 'array' });
      const last = Array.isArray(result) ? (result[result.length - 1] as pg.QueryResult) : result;
      const rows = (last.rows as unknown[][]).map((row) => row.map(cellText));
      return {
        statement,
        columns: last.fields.map((field) => field.name),
        rows: rows.slice(0, options.rowLimit),
        truncated: rows.length > options.rowLimit,
        ...(last.rowCount === null ? {} : { rowCount: last.rowCount }),
        command: last.command,
      };
    } catch (error) {
      if (options.signal?.aborted === true || (error as { code?: string }).code === '57014') {
        throw new CancelledError('The SQL run was cancelled');
      }
      throw statementError(error, statement, index, useCursor ? cursorPrefix.length : 0);
    } finally {
      stopCancel();
    }
  }

  /** On abort, asks the server (from a second connection) to cancel the running statement. */
  private cancelOnAbort(signal: AbortSignal | undefined): () => void {
    if (!signal) return () => undefined;
    const onAbort = (): void => {
      const pid = (this.client as unknown as { processID?: number }).processID;
      if (pid === undefined) return;
      void (async () => {
        const canceller = new pg.Client(this.config);
        canceller.on('error', () => undefined);
        try {
          await canceller.connect();
          await canceller.query('SELECT pg_cancel_backend($1)', [pid]);
        } catch {
          await this.client.end().catch(() => undefined);
        } finally {
          await canceller.end().catch(() => undefined);
        }
      })();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    return () => {
      signal.removeEventListener('abort', onAbort);
    };
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
