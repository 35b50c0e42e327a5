import { sslModes, type DatabaseConnection, type SslMode } from './databaseConnection';

/** What came out of the `openpypi.database.connections` setting. */
export interface ConnectionSettings {
  readonly connections: readonly DatabaseConnection[];
  /** One line per entry that was left out, naming it and what was wrong. */
  readonly problems: readonly string[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Reads the setting's array. Entries that cannot be used are skipped with a problem that says
 * what to fix; a name used twice keeps the first entry.
 */
export function parseConnectionSettings(value: unknown): ConnectionSettings {
  const connections: DatabaseConnection[] = [];
  const problems: string[] = [];
  if (value === undefined || value === null) return { connections, problems };
  if (!Array.isArray(value)) {
    return { connections, problems: ['openpypi.database.connections must be an array.'] };
  }
  value.forEach((entry: unknown, index) => {
    const where = `openpypi.database.connections[${index}]`;
    if (typeof entry !== 'object' || entry === null) {
      problems.push(`${where} is not an object.`);
      return;
    }
    const raw = entry as Record<string, unknown>;
    const name = text(raw.name);
    if (!name) {
      problems.push(`${where} has no "name".`);
      return;
    }
    if (connections.some((c) => c.name === name)) {
      problems.push(`${where}: the name "${name}" is used twice; the first entry is kept.`);
      return;
    }
    const kind = text(raw.kind) ?? (text(raw.file) ? 'sqlite' : 'postgresql');
    if (kind === 'sqlite') {
      const file = text(raw.file);
      if (!file) {
        problems.push(`${where} ("${name}") is a SQLite connection without a "file".`);
        return;
      }
      connections.push({ name, kind, file });
      return;
    }
    if (kind !== 'postgresql') {
      problems.push(`${where} ("${name}"): kind "${kind}" is not "postgresql" or "sqlite".`);
      return;
    }
    const port = raw.port === undefined ? 5432 : Number(raw.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      problems.push(`${where} ("${name}"): port ${String(raw.port)} is not a TCP port.`);
      return;
    }
    const sslMode = text(raw.sslMode) ?? 'prefer';
    if (!(sslModes as readonly string[]).includes(sslMode)) {
      problems.push(
        `${where} ("${name}"): sslMode "${sslMode}" is not one of ${sslModes.join(', ')}.`,
      );
      return;
    }
    const database = text(raw.database);
    const user = text(raw.user);
    if (!database || !user) {
      problems.push(`${where} ("${name}") needs "database" and "user".`);
      return;
    }
    connections.push({
      name,
      kind,
      host: text(raw.host) ?? 'localhost',
      port,
      database,
      user,
      sslMode: sslMode as SslMode,
    });
  });
  return { connections, problems };
}

/** The setting's form of a connection (what `update` writes). */
export function toSettingsEntry(connection: DatabaseConnection): Record<string, unknown> {
  return { ...connection };
}
