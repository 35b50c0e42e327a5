import * as vscode from 'vscode';
import { CancelledError } from '../../core/errors/cancelledError';

/**
 * Nothing is spawned in an untrusted workspace. Scan commands call this first: it explains why
 * and offers to manage trust, then stops the command quietly at once (it does not wait for the
 * person to answer the message).
 */
export function requireTrustedWorkspace(): void {
  if (vscode.workspace.isTrusted) return;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window
    .showWarningMessage(
      vscode.l10n.t(
        'OpenPypi runs no scanner in an untrusted workspace: a scanner configured by this folder could run code. Importing and viewing SARIF logs still works.',
      ),
      manage,
    )
    .then((choice) =>
      choice === manage ? vscode.commands.executeCommand('workbench.trust.manage') : undefined,
    );
  throw new CancelledError('workspace not trusted');
}
