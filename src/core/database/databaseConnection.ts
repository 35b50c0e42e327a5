/** The engines the Database provider talks to. */
export type DatabaseKind = 'postgresql' | 'sqlite';

/** libpq's SSL modes, as `pg` understands them. */
export const sslModes = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof sslModes)[number];

/**
 * One connection as settings hold it: a name and where to connect, never a password (that is
 * in SecretStorage under the connection's name).
 */
export type DatabaseConnection =
  | {
      readonly name: string;
      readonly kind: 'postgresql';
      readonly host: string;
      readonly port: number;
      readonly database: string;
      readonly user: string;
      readonly sslMode: SslMode;
    }
  | {
      readonly name: string;
      readonly kind: 'sqlite';
      /** Absolute, or relative to the first workspace folder. */
      readonly file: string;
    };

/** Where a connection points, for a node's description and messages (no password). */
export function describeConnection(connection: DatabaseConnection): string {
  return connection.kind === 'sqlite'
    ? connection.file
    : `${connection.user}@${connection.host}:${connection.port}/${connection.database}`;
}

/** The SecretStorage key of one connection's password. */
export function passwordKey(connectionName: string): string {
  return `openpypi.database.password.${connectionName}`;
}
