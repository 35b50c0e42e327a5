import * as vscode from 'vscode';
import {
  describeConnection,
  passwordKey,
  type DatabaseConnection,
} from '../../core/database/databaseConnection';
import {
  discoverConnectionUrls,
  discoveryGlob,
  type DiscoveredConnection,
} from '../../core/database/discoverConnectionUrls';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import type { DatabaseServices } from './databaseServices';
import { readDatabaseSettings, writeConnections } from './databaseSettings';

const maxFiles = 500;
const maxBytes = 512 * 1024;

/** Every connection URL in the workspace's alembic.ini, .env and settings files. */
async function findInWorkspace(token: vscode.CancellationToken): Promise<DiscoveredConnection[]> {
  const files = await vscode.workspace.findFiles(
    discoveryGlob,
    '{**/node_modules/**,**/.venv/**,**/venv/**,**/site-packages/**,**/.git/**}',
    maxFiles,
    token,
  );
  const found: DiscoveredConnection[] = [];
  for (const file of files.sort((a, b) => a.fsPath.localeCompare(b.fsPath))) {
    if (token.isCancellationRequested) throw new CancelledError('discovery cancelled');
    const bytes = await vscode.workspace.fs.readFile(file);
    if (bytes.byteLength > maxBytes) continue;
    const relative = vscode.workspace.asRelativePath(file, false);
    found.push(...discoverConnectionUrls(relative, new TextDecoder().decode(bytes)));
  }
  return found;
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${name} ${n}`;
  taken.add(candidate);
  return candidate;
}

/**
 * Offers the connection URLs found in the workspace as new connections. Settings get the name
 * and where to connect; a password in the URL goes to SecretStorage, never to settings.
 * `{ all: true }` (automation) adds every one found without asking. Resolves with the names added.
 */
export async function discoverConnections(
  services: DatabaseServices,
  options: unknown,
): Promise<string[]> {
  const all =
    typeof options === 'object' && options !== null && (options as { all?: unknown }).all === true;
  const found = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Looking for database URLs in the workspace…'),
      cancellable: true,
    },
    (_progress, token) => findInWorkspace(token),
  );
  const settings = readDatabaseSettings();
  const known = new Set(settings.connections.map((c) => JSON.stringify({ ...c, name: '' })));
  const fresh = found.filter((d) => !known.has(JSON.stringify({ ...d.connection, name: '' })));
  if (fresh.length === 0) {
    throw new UserError(
      found.length === 0
        ? vscode.l10n.t(
            'No database URL was found in alembic.ini, .env or settings files of the workspace. Add a connection by hand (OpenPypi: Add Database Connection).',
          )
        : vscode.l10n.t('Every database URL found in the workspace is a connection already.'),
    );
  }
  let chosen = fresh;
  if (!all) {
    const picked = await vscode.window.showQuickPick(
      fresh.map((discovered) => ({
        label: discovered.connection.name,
        description: describeConnection(discovered.connection),
        detail: vscode.l10n.t(
          '{0} in {1}, line {2}{3}',
          discovered.source,
          discovered.file,
          discovered.line,
          discovered.password === undefined
            ? ''
            : vscode.l10n.t(' · its password goes to SecretStorage'),
        ),
        picked: true,
        discovered,
      })),
      { canPickMany: true, placeHolder: vscode.l10n.t('Add which connections?') },
    );
    if (!picked || picked.length === 0) throw new CancelledError('nothing picked');
    chosen = picked.map((p) => p.discovered);
  }
  const taken = new Set(settings.connections.map((c) => c.name));
  const added: DatabaseConnection[] = [];
  for (const discovered of chosen) {
    const connection = {
      ...discovered.connection,
      name: uniqueName(discovered.connection.name, taken),
    };
    if (discovered.password !== undefined) {
      await services.secrets.store(passwordKey(connection.name), discovered.password);
    }
    added.push(connection);
  }
  await writeConnections([...settings.connections, ...added]);
  services.section.refresh();
  services.log.info(`Database: added ${added.length} connection(s) found in the workspace`);
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Added {0} database connection(s). Passwords found in files are kept in SecretStorage, not in settings.',
      added.length,
    ),
  );
  return added.map((c) => c.name);
}
