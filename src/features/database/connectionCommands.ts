import * as vscode from 'vscode';
import { parseConnectionSettings } from '../../core/database/connectionSettings';
import {
  describeConnection,
  passwordKey,
  sslModes,
  type DatabaseConnection,
} from '../../core/database/databaseConnection';
import { describeError } from '../../core/logging/describeError';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import { connectionFromArgument } from './connectionArgument';
import type { DatabaseServices } from './databaseServices';
import { readDatabaseSettings, writeConnections } from './databaseSettings';

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new CancelledError('input cancelled');
  return value;
}

/** Options for automation and tests, in place of the prompts. */
interface AddOptions {
  readonly password?: string;
}

function addOptions(value: unknown): AddOptions {
  if (typeof value !== 'object' || value === null) return {};
  const password = (value as { password?: unknown }).password;
  return typeof password === 'string' ? { password } : {};
}

async function promptConnection(
  existing: readonly string[],
): Promise<{ entry: Record<string, unknown>; password?: string }> {
  const kind = required(
    await vscode.window.showQuickPick(
      [
        {
          label: 'PostgreSQL',
          description: vscode.l10n.t('host, port, database, user; password in SecretStorage'),
          engine: 'postgresql',
        },
        { label: 'SQLite', description: vscode.l10n.t('a database file'), engine: 'sqlite' },
      ],
      { placeHolder: vscode.l10n.t('Which kind of database?') },
    ),
  ).engine;
  const name = required(
    await vscode.window.showInputBox({
      prompt: vscode.l10n.t('A name for the connection'),
      validateInput: (value) =>
        value.trim() === ''
          ? vscode.l10n.t('Enter a name.')
          : existing.includes(value.trim())
            ? vscode.l10n.t('A connection named "{0}" exists already.', value.trim())
            : undefined,
    }),
  ).trim();
  if (kind === 'sqlite') {
    const files = required(
      await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: vscode.l10n.t('Use This Database'),
        filters: { SQLite: ['db', 'sqlite', 'sqlite3'], [vscode.l10n.t('All files')]: ['*'] },
      }),
    );
    const file = required(files[0]);
    const folder = vscode.workspace.getWorkspaceFolder(file);
    return {
      entry: {
        name,
        kind,
        file: folder ? vscode.workspace.asRelativePath(file, false) : file.fsPath,
      },
    };
  }
  const host = required(
    await vscode.window.showInputBox({ prompt: vscode.l10n.t('Host'), value: 'localhost' }),
  );
  const port = required(
    await vscode.window.showInputBox({
      prompt: vscode.l10n.t('Port'),
      value: '5432',
      validateInput: (value) =>
        /^\d{1,5}$/.test(value) ? undefined : vscode.l10n.t('Enter a port number.'),
    }),
  );
  const database = required(
    await vscode.window.showInputBox({ prompt: vscode.l10n.t('Database name') }),
  );
  const user = required(await vscode.window.showInputBox({ prompt: vscode.l10n.t('User') }));
  const sslMode = required(
    await vscode.window.showQuickPick([...sslModes], {
      placeHolder: vscode.l10n.t('SSL mode (prefer: SSL when the server offers it)'),
    }),
  );
  const password = await vscode.window.showInputBox({
    prompt: vscode.l10n.t(
      'Password for {0} (kept in VS Code SecretStorage; leave empty for none)',
      user,
    ),
    password: true,
    ignoreFocusOut: true,
  });
  return {
    entry: { name, kind, host, port: Number(port), database, user, sslMode },
    ...(password === undefined || password === '' ? {} : { password }),
  };
}

/**
 * Adds a connection: from an object (automation) or through prompts. The settings get the name
 * and where to connect; a password goes to SecretStorage only. Resolves with the name.
 */
export async function addConnection(
  services: DatabaseServices,
  arg: unknown,
  options: unknown,
): Promise<string> {
  const settings = readDatabaseSettings();
  const existing = settings.connections.map((c) => c.name);
  const given =
    typeof arg === 'object' && arg !== null && !('kind' in arg && arg.kind === 'section-root');
  const { entry, password } = given
    ? { entry: arg as Record<string, unknown>, password: addOptions(options).password }
    : await promptConnection(existing);
  const { connections, problems } = parseConnectionSettings([entry]);
  const connection = connections[0];
  if (!connection) {
    throw new UserError(vscode.l10n.t('The connection cannot be added: {0}', problems.join(' ')));
  }
  if (existing.includes(connection.name)) {
    throw new UserError(vscode.l10n.t('A connection named "{0}" exists already.', connection.name));
  }
  if (password !== undefined) await services.secrets.store(passwordKey(connection.name), password);
  await writeConnections([...settings.connections, connection]);
  services.log.info(
    `Database: added connection ${connection.name} (${describeConnection(connection)})`,
  );
  services.section.refresh();
  return connection.name;
}

/** Removes a connection from settings and its password from SecretStorage, after confirmation. */
export async function removeConnection(
  services: DatabaseServices,
  arg: unknown,
  options: unknown,
): Promise<boolean> {
  const connection = await connectionFromArgument(arg, vscode.l10n.t('Remove which connection?'));
  const confirmed =
    typeof options === 'object' &&
    options !== null &&
    (options as { confirm?: unknown }).confirm === true;
  if (!confirmed) {
    const remove = vscode.l10n.t('Remove');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Remove the database connection "{0}" and its stored password?',
        connection.name,
      ),
      { modal: true },
      remove,
    );
    if (answer !== remove) return false;
  }
  await services.sessions.close(connection.name);
  await services.secrets.delete(passwordKey(connection.name));
  await writeConnections(
    readDatabaseSettings().connections.filter((c) => c.name !== connection.name),
  );
  services.section.refresh();
  return true;
}

/** Stores a connection's password in SecretStorage (from the argument or a password box). */
export async function setPassword(
  services: DatabaseServices,
  arg: unknown,
  value: unknown,
): Promise<boolean> {
  const connection = await connectionFromArgument(
    arg,
    vscode.l10n.t('Set the password of which connection?'),
  );
  if (connection.kind === 'sqlite') {
    throw new UserError(
      vscode.l10n.t('"{0}" is a SQLite file: it has no password.', connection.name),
    );
  }
  const password =
    typeof value === 'string'
      ? value
      : await vscode.window.showInputBox({
          prompt: vscode.l10n.t('Password for {0}', describeConnection(connection)),
          password: true,
          ignoreFocusOut: true,
        });
  if (password === undefined) return false;
  await services.secrets.store(passwordKey(connection.name), password);
  await services.sessions.close(connection.name);
  const node = services.section.connectionNode(connection.name);
  services.section.refresh(node);
  return true;
}

export interface ConnectionTest {
  readonly ok: boolean;
  readonly serverVersion?: string;
  readonly reason?: string;
}

/** Connects afresh and says how it went; the tree node shows the same status. */
export async function testConnection(
  services: DatabaseServices,
  arg: unknown,
): Promise<ConnectionTest> {
  const connection = await connectionFromArgument(arg, vscode.l10n.t('Test which connection?'));
  await services.sessions.close(connection.name);
  services.section.refresh(services.section.connectionNode(connection.name));
  const result = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Connecting to {0}…', connection.name),
    },
    async (): Promise<ConnectionTest> => {
      try {
        const session = await services.sessions.session(connection);
        return { ok: true, serverVersion: session.serverVersion };
      } catch (error) {
        return { ok: false, reason: services.log.redact(describeError(error)) };
      }
    },
  );
  if (result.ok) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('{0}: connected to {1}.', connection.name, result.serverVersion ?? ''),
    );
  } else {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0}: {1}', connection.name, result.reason ?? ''),
    );
  }
  return result;
}

/** For messages: a connection and where it points. */
export function connectionLabel(connection: DatabaseConnection): string {
  return `${connection.name} (${describeConnection(connection)})`;
}
