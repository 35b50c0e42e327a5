import { sslModes, type DatabaseConnection, type SslMode } from './databaseConnection';

/** A connection read from a URL, with the password kept apart (it never goes to settings). */
export interface ParsedConnectionUrl {
  readonly connection: DatabaseConnection;
  readonly password?: string;
}

const postgresSchemes = /^(postgres|postgresql)(\+[a-z0-9_]+)?$/i;
const sqliteSchemes = /^sqlite(\+[a-z0-9_]+)?$/i;

/**
 * Parses a libpq or SQLAlchemy URL (`postgresql+psycopg2://user:pw@host:5432/db?sslmode=require`,
 * `sqlite:///relative.db`, `sqlite:////abs/path.db`). Undefined when it is not one of those or
 * still holds a placeholder such as `${DB_HOST}` or `%(here)s`.
 */
export function parseConnectionUrl(url: string, name: string): ParsedConnectionUrl | undefined {
  const trimmed = url.trim();
  const scheme = /^([a-z0-9+]+):\/\//i.exec(trimmed)?.[1];
  if (!scheme || /[{}]|%\(/.test(trimmed)) return undefined;
  if (sqliteSchemes.test(scheme)) {
    // sqlite:///relative.db → relative.db; sqlite:////abs.db → /abs.db; sqlite:// → in memory.
    const rest = trimmed.slice(scheme.length + 3);
    const file = rest.startsWith('/') ? rest.slice(1) : rest;
    const path = decodeURIComponent(file.split('?')[0] ?? '');
    if (path === '' || path === ':memory:') return undefined;
    return { connection: { name, kind: 'sqlite', file: path } };
  }
  if (!postgresSchemes.test(scheme)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(`postgresql://${trimmed.slice(scheme.length + 3)}`);
  } catch {
    return undefined;
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  const user = decodeURIComponent(parsed.username);
  if (database === '' || user === '') return undefined;
  const mode = parsed.searchParams.get('sslmode') ?? 'prefer';
  const password = parsed.password === '' ? undefined : decodeURIComponent(parsed.password);
  return {
    connection: {
      name,
      kind: 'postgresql',
      host: parsed.hostname === '' ? 'localhost' : parsed.hostname.replace(/^\[|\]$/g, ''),
      port: parsed.port === '' ? 5432 : Number(parsed.port),
      database,
      user,
      sslMode: (sslModes as readonly string[]).includes(mode) ? (mode as SslMode) : 'prefer',
    },
    ...(password === undefined ? {} : { password }),
  };
}

/**
 * The SQLAlchemy URL of a connection, with its password, for Alembic. It is handed to the child
 * process through its environment only; `sqliteBase` resolves a relative SQLite file.
 */
export function sqlAlchemyUrl(
  connection: DatabaseConnection,
  password: string | undefined,
  resolveFile: (file: string) => string = (file) => file,
): string {
  if (connection.kind === 'sqlite') {
    return `sqlite:///${resolveFile(connection.file)}`;
  }
  const credentials =
    encodeURIComponent(connection.user) +
    (password === undefined ? '' : `:${encodeURIComponent(password)}`);
  const host = connection.host.includes(':') ? `[${connection.host}]` : connection.host;
  const query = connection.sslMode === 'prefer' ? '' : `?sslmode=${connection.sslMode}`;
  return `postgresql://${credentials}@${host}:${connection.port}/${encodeURIComponent(connection.database)}${query}`;
}
