import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { toolFromArgument } from './findingArgument';
import type { ScannerId } from './securityConfig';
import { scannerIds, toolPathSetting } from './securityConfig';
import { requireTrustedWorkspace } from './workspaceTrustGate';
import type { PythonEnvironmentLookup } from './scanController';
import path from 'node:path';

/** The pip package of each scanner that pip can install (Trivy is not a Python package). */
const pipPackage: Partial<Record<ScannerId, string>> = {
  bandit: 'bandit',
  'pip-audit': 'pip-audit',
  safety: 'safety',
};

function scannerOf(arg: unknown): ScannerId {
  const tool = toolFromArgument(arg)?.tool.toLowerCase();
  const id = scannerIds.find((s) => s === tool);
  if (id === undefined) {
    throw new UserError(vscode.l10n.t('Name a scanner: one of {0}.', scannerIds.join(', ')));
  }
  return id;
}

/**
 * Install Tool with pip in the active environment, as a task the user watches in the terminal
 * panel (a process with an argument list: no shell). Resolves when pip has finished.
 */
export async function installTool(
  arg: unknown,
  pythonEnvironment: PythonEnvironmentLookup,
): Promise<number | undefined> {
  requireTrustedWorkspace();
  const tool = scannerOf(arg);
  const pkg = pipPackage[tool];
  if (pkg === undefined) {
    const docs = vscode.l10n.t('Open Install Guide');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t(
        '{0} is not installed with pip. Install it from its releases, then set openpypi.trivy.path if it is not on PATH.',
        tool,
      ),
      docs,
    );
    if (choice === docs) {
      await vscode.env.openExternal(
        vscode.Uri.parse('https://trivy.dev/latest/getting-started/installation/'),
      );
    }
    return undefined;
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  const environment = folder === undefined ? undefined : await pythonEnvironment(folder.uri);
  const python =
    environment === undefined
      ? process.platform === 'win32'
        ? 'python'
        : 'python3'
      : path.join(
          environment,
          process.platform === 'win32' ? 'python.exe' : path.join('bin', 'python'),
        );
  const task = new vscode.Task(
    { type: 'openpypi', tool },
    folder ?? vscode.TaskScope.Workspace,
    vscode.l10n.t('Install {0}', pkg),
    'OpenPypi',
    new vscode.ProcessExecution(python, ['-m', 'pip', 'install', pkg]),
  );
  const execution = await vscode.tasks.executeTask(task);
  return new Promise<number | undefined>((resolve) => {
    const subscription = vscode.tasks.onDidEndTaskProcess((event) => {
      if (event.execution === execution) {
        subscription.dispose();
        resolve(event.exitCode);
      }
    });
  });
}

/** Configure Tool Path: opens the machine-scoped setting of the scanner's executable. */
export async function configureToolPath(arg: unknown): Promise<void> {
  const tool = scannerOf(arg);
  await vscode.commands.executeCommand('workbench.action.openSettings', toolPathSetting[tool]);
}
