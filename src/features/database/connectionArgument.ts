import * as vscode from 'vscode';
import type { DatabaseConnection } from '../../core/database/databaseConnection';
import { describeConnection } from '../../core/database/databaseConnection';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import { readDatabaseSettings } from './databaseSettings';
import type { DatabaseNode } from './databaseTreeModel';

/** The section object inside a Providers-view node, or the argument itself. */
export function unwrapNode(arg: unknown): unknown {
  if (
    typeof arg === 'object' &&
    arg !== null &&
    (arg as { kind?: unknown }).kind === 'section-node'
  ) {
    return (arg as { element: unknown }).element;
  }
  return arg;
}

/** The tree node a command was invoked on, if any. */
export function databaseNode(arg: unknown): DatabaseNode | undefined {
  const node = unwrapNode(arg);
  if (typeof node === 'object' && node !== null && 'kind' in node) {
    const kind = node.kind;
    if (kind === 'connection' || kind === 'schema' || kind === 'table' || kind === 'column') {
      return node as DatabaseNode;
    }
  }
  return undefined;
}

/**
 * The connection a command is about: a tree node (any level), a connection name, or — when
 * absent — the only connection, or the person's pick.
 */
export async function connectionFromArgument(
  arg: unknown,
  placeHolder: string,
): Promise<DatabaseConnection> {
  const node = databaseNode(arg);
  if (node && node.kind !== 'message') return node.connection;
  const { connections } = readDatabaseSettings();
  const name =
    typeof arg === 'string'
      ? arg
      : typeof arg === 'object' &&
          arg !== null &&
          typeof (arg as { connection?: unknown }).connection === 'string'
        ? (arg as { connection: string }).connection
        : undefined;
  if (name !== undefined) {
    const found = connections.find((c) => c.name === name);
    if (!found) {
      throw new UserError(
        vscode.l10n.t(
          'There is no database connection named "{0}". Add it first (OpenPypi: Add Database Connection).',
          name,
        ),
      );
    }
    return found;
  }
  if (connections.length === 0) {
    throw new UserError(
      vscode.l10n.t(
        'No database connection is configured. Add one (OpenPypi: Add Database Connection) or find them in the workspace (OpenPypi: Find Database Connections).',
      ),
    );
  }
  if (connections.length === 1 && connections[0]) return connections[0];
  const picked = await vscode.window.showQuickPick(
    connections.map((connection) => ({
      label: connection.name,
      description: describeConnection(connection),
      connection,
    })),
    { placeHolder, matchOnDescription: true },
  );
  if (!picked) throw new CancelledError('no connection picked');
  return picked.connection;
}
