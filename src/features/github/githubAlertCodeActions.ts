import * as vscode from 'vscode';
import { commandQuickFix } from '../commands/commandQuickFix';

/** The light bulb on a GitHub code scanning diagnostic: dismiss it on GitHub with a reason. */
export class GithubAlertCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(
    _document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    return context.diagnostics
      .filter((d) => d.source === 'GitHub code scanning' && /alert #\d+\]/.test(d.message))
      .map((diagnostic) =>
        commandQuickFix(
          vscode.l10n.t('Dismiss GitHub code scanning alert…'),
          diagnostic,
          'openpypi.github.dismissAlert',
          [diagnostic],
        ),
      );
  }
}
