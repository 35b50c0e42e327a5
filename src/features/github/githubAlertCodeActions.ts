import * as vscode from 'vscode';
import { commandQuickFix } from '../commands/commandQuickFix';

/** The light bulb on a GitHub code scanning diagnostic: dismiss it on GitHub with a reason. */
export function githubAlertQuickFixes(diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  if (diagnostic.source !== 'GitHub code scanning' || !/alert #\d+\]/.test(diagnostic.message)) {
    return [];
  }
  return [
    commandQuickFix(
      vscode.l10n.t('Dismiss GitHub code scanning alert…'),
      diagnostic,
      'openpypi.github.dismissAlert',
      [diagnostic],
    ),
  ];
}
