import * as vscode from 'vscode';

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
      .map((diagnostic) => {
        const action = new vscode.CodeAction(
          vscode.l10n.t('Dismiss GitHub code scanning alert…'),
          vscode.CodeActionKind.QuickFix,
        );
        action.diagnostics = [diagnostic];
        action.command = {
          command: 'openpypi.github.dismissAlert',
          title: action.title,
          arguments: [diagnostic],
        };
        return action;
      });
  }
}
