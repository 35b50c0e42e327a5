import path from 'node:path';
import * as vscode from 'vscode';
import { changingActions, type AlembicAction } from '../../core/database/alembicCommand';
import { sqlAlchemyUrl } from '../../core/database/connectionUrl';
import { passwordKey } from '../../core/database/databaseConnection';
import { resolveSqliteFile } from '../../core/database/openSession';
import { alembicFailure, runAlembic } from '../../core/database/runAlembic';
import { CancelledError, isCancelled } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import { findExecutable } from '../../core/process/findExecutable';
import { activePythonEnvironment } from '../security/pythonEnvironment';
import { connectionFromArgument } from './connectionArgument';
import type { DatabaseServices } from './databaseServices';
import { readDatabaseSettings } from './databaseSettings';
import { withCancellableProgress } from '../progress/withCancellableProgress';

/** Options for automation and tests, in place of the prompts. */
interface AlembicOptions {
  readonly connection?: string;
  readonly iniFile?: string;
  readonly message?: string;
  readonly confirm?: boolean;
}

function alembicOptions(value: unknown): AlembicOptions {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  return {
    ...(typeof v.connection === 'string' ? { connection: v.connection } : {}),
    ...(typeof v.iniFile === 'string' ? { iniFile: v.iniFile } : {}),
    ...(typeof v.message === 'string' ? { message: v.message } : {}),
    ...(typeof v.confirm === 'boolean' ? { confirm: v.confirm } : {}),
  };
}

export interface AlembicCommandOutcome {
  readonly exitCode: number;
  readonly output: string;
}

/** Alembic runs the project's code: never in an untrusted workspace. */
function requireTrust(): void {
  if (vscode.workspace.isTrusted) return;
  void vscode.window.showWarningMessage(
    vscode.l10n.t(
      'OpenPypi runs no Alembic command in an untrusted workspace: its env.py and migrations are code from this folder. Trust the workspace first.',
    ),
  );
  throw new CancelledError('workspace not trusted');
}

async function iniFile(options: AlembicOptions): Promise<vscode.Uri> {
  if (options.iniFile !== undefined) return vscode.Uri.file(options.iniFile);
  const found = await vscode.workspace.findFiles(
    '**/alembic.ini',
    '{**/node_modules/**,**/.venv/**,**/venv/**}',
    20,
  );
  if (found.length === 0) {
    throw new UserError(
      vscode.l10n.t(
        'There is no alembic.ini in the workspace. Add Alembic first (OpenPypi: Add Alembic to Project).',
      ),
    );
  }
  if (found.length === 1 && found[0]) return found[0];
  const picked = await vscode.window.showQuickPick(
    found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { placeHolder: vscode.l10n.t('Which Alembic project?') },
  );
  if (!picked) throw new CancelledError('no alembic.ini picked');
  return picked.uri;
}

/** The project's Python: the setting, then the Python extension's environment, then PATH. */
async function projectPython(services: DatabaseServices, folder: vscode.Uri): Promise<string> {
  const configured = readDatabaseSettings().pythonPath;
  if (configured !== '') {
    const found = await findExecutable({ name: 'python', explicitPath: configured });
    if (found) return found;
  }
  const environment = await activePythonEnvironment(folder, services.log);
  const python =
    (await findExecutable({
      name: 'python',
      ...(environment ? { pythonEnvironment: environment } : {}),
    })) ?? (await findExecutable({ name: 'python3' }));
  if (!python) {
    throw new UserError(
      vscode.l10n.t(
        "No Python was found for Alembic. Select the project's environment with the Python extension, or set openpypi.database.pythonPath.",
      ),
    );
  }
  return python;
}

let output: vscode.OutputChannel | undefined;

function alembicOutput(): vscode.OutputChannel {
  output ??= vscode.window.createOutputChannel('OpenPypi: Alembic');
  return output;
}

const titles: Record<AlembicAction, string> = {
  current: 'alembic current',
  history: 'alembic history',
  upgrade: 'alembic upgrade head',
  downgrade: 'alembic downgrade -1',
  revision: 'alembic revision --autogenerate',
};

/**
 * One Alembic action for the workspace's project, with its Python and the chosen connection.
 * The URL (with the password) reaches Alembic through the environment only; the output is
 * streamed, redacted, to the "OpenPypi: Alembic" channel. Downgrade asks first.
 */
export async function alembicCommand(
  services: DatabaseServices,
  action: AlembicAction,
  arg: unknown,
  rawOptions: unknown,
): Promise<AlembicCommandOutcome | undefined> {
  requireTrust();
  const options = alembicOptions(rawOptions);
  const ini = await iniFile(options);
  const connection = await connectionFromArgument(
    options.connection ?? arg,
    vscode.l10n.t('Run Alembic against which connection?'),
  );
  if (action === 'downgrade' && options.confirm !== true) {
    if (options.confirm === false) return undefined;
    const downgrade = vscode.l10n.t('Downgrade');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Downgrade "{0}" by one revision?', connection.name),
      {
        modal: true,
        detail: vscode.l10n.t(
          "The previous revision's downgrade() runs: it may drop tables or columns and their data.",
        ),
      },
      downgrade,
    );
    if (answer !== downgrade) return undefined;
  }
  let message: string | undefined;
  if (action === 'revision') {
    message =
      options.message ??
      (await vscode.window.showInputBox({
        prompt: vscode.l10n.t('A message for the new revision'),
        placeHolder: vscode.l10n.t('add products table'),
        validateInput: (value) =>
          value.trim() === '' ? vscode.l10n.t('Enter a message.') : undefined,
      }));
    if (message === undefined) throw new CancelledError('no revision message');
  }
  const folder = vscode.Uri.file(path.dirname(ini.fsPath));
  const python = await projectPython(services, folder);
  const password =
    connection.kind === 'postgresql'
      ? await services.secrets.get(passwordKey(connection.name))
      : undefined;
  if (password !== undefined) services.redactor.addSecret(encodeURIComponent(password));
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(ini)?.uri.fsPath;
  const url = sqlAlchemyUrl(connection, password, (file) =>
    resolveSqliteFile(file, workspaceFolder),
  );
  services.redactor.addSecret(url);

  const channel = alembicOutput();
  channel.show(true);
  channel.appendLine(
    `$ ${titles[action]}${message ? ` -m ${JSON.stringify(message)}` : ''}   (${connection.name}, ${python})`,
  );
  let outcome: 'completed' | 'failed' | 'cancelled' = 'failed';
  try {
    const result = await withCancellableProgress(
      vscode.l10n.t('{0} on {1}…', titles[action], connection.name),
      (signal) =>
        runAlembic({
          python,
          projectFolder: folder.fsPath,
          iniFile: ini.fsPath,
          action,
          ...(message === undefined ? {} : { message }),
          databaseUrl: url,
          logger: services.log,
          signal,
          onOutput: (text) => {
            channel.append(services.redactor.redact(text));
          },
        }),
    );
    const redacted = services.redactor.redact(result.output);
    channel.appendLine(`[exit code ${result.exitCode}]`);
    if (result.exitCode !== 0) {
      throw new UserError(
        vscode.l10n.t(
          '{0} failed on {1}: {2}',
          titles[action],
          connection.name,
          services.redactor.redact(alembicFailure(result.output)),
        ),
      );
    }
    outcome = 'completed';
    if (action !== 'current' && action !== 'history') {
      services.section.refresh(services.section.connectionNode(connection.name));
    }
    return { exitCode: result.exitCode, output: redacted };
  } catch (error) {
    if (isCancelled(error)) {
      outcome = 'cancelled';
      channel.appendLine('[cancelled]');
    }
    throw error;
  } finally {
    if (action === 'upgrade' || action === 'downgrade') {
      if (changingActions.has(action)) {
        await services.audit.record({
          type: 'database.migration',
          connection: connection.name,
          action,
          outcome,
        });
      }
    }
  }
}

export function disposeAlembicOutput(): void {
  output?.dispose();
  output = undefined;
}
