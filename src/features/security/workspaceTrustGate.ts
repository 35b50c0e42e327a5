import * as vscode from 'vscode';
import { CancelledError } from '../../core/errors/cancelledError';

/**
 * Nothing is spawned in an untrusted workspace. Scan commands call this first: it explains why
 * and offers to manage trust, then stops the command quietly.
 */
export async function requireTrustedWorkspace(): Promise<void> {
  if (vscode.workspace.isTrusted) return;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'OpenPypi runs no scanner in an untrusted workspace: a scanner configured by this folder could run code. Importing and viewing SARIF logs still works.',
    ),
    manage,
  );
  if (choice === manage) {
    await vscode.commands.executeCommand('workbench.trust.manage');
  }
  throw new CancelledError('workspace not trusted');
}
