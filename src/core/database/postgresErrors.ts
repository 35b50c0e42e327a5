import { DatabaseError } from './databaseErrors';

interface PgErrorShape {
  code?: string;
  message?: string;
  position?: string;
  hostname?: string;
}

/** Line and column (1-based) of a 1-based character offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset - 1));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/**
 * A connection error from `pg` or the network, in words: which server, what went wrong, what
 * to do. `where` is "user@host:port/database".
 */
export function connectionError(error: unknown, where: string): DatabaseError {
  const e = (error ?? {}) as PgErrorShape;
  const message = e.message ?? String(error);
  switch (e.code) {
    case '28P01':
      return new DatabaseError(
        `The server rejected the password for ${where}. Set the connection's password again (OpenPypi: Set Database Password).`,
        'authentication',
      );
    case '28000':
      return new DatabaseError(
        `The server refused ${where}: ${message}. Check the user name and the server's pg_hba.conf.`,
        'authentication',
      );
    case '3D000':
      return new DatabaseError(
        `The database in ${where} does not exist (${message}). Check the connection's database name.`,
        'other',
      );
    case 'ECONNREFUSED':
      return new DatabaseError(
        `Nothing accepts connections at ${where}: is the server running, and on that host and port?`,
        'unreachable',
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new DatabaseError(
        `The host of ${where} could not be found (${e.code}). Check the connection's host.`,
        'unreachable',
      );
    case 'ECONNRESET':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new DatabaseError(`${where} could not be reached (${e.code}).`, 'unreachable');
    default:
      break;
  }
  if (
    /client password must be a string|password authentication failed|no password/i.test(message)
  ) {
    return new DatabaseError(
      `The server asks for a password for ${where} and none is stored. Set the connection's password (OpenPypi: Set Database Password).`,
      'authentication',
    );
  }
  if (/timeout/i.test(message)) {
    return new DatabaseError(
      `${where} did not answer in time (${message}). Is the host right, and is a firewall in the way?`,
      'timeout',
    );
  }
  return new DatabaseError(`Could not connect to ${where}: ${message}`, 'other');
}

/**
 * A statement error from the server: the message, the statement's number and, for a syntax
 * error, the line and column in that statement. `offset` is how many characters the runtime
 * put before the statement (a cursor declaration).
 */
export function statementError(
  error: unknown,
  statement: string,
  index: number,
  offset = 0,
): DatabaseError {
  const e = (error ?? {}) as PgErrorShape;
  const message = e.message ?? String(error);
  const position = Number(e.position);
  const at =
    Number.isFinite(position) && position - offset > 0
      ? (() => {
          const { line, column } = lineAndColumn(statement, position - offset);
          return ` (line ${line}, column ${column} of the statement)`;
        })()
      : '';
  const first = statement.split('\n')[0] ?? '';
  const quoted = first.length > 60 ? `${first.slice(0, 60)}…` : first;
  return new DatabaseError(
    `Statement ${index + 1} failed${at}: ${message}. Statement: ${quoted}`,
    e.code === '42601' ? 'syntax' : 'statement',
  );
}
