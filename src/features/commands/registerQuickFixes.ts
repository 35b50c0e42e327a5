import * as vscode from 'vscode';

/**
 * Registers a provider of QuickFixes only: for each diagnostic under the light bulb, the fixes
 * `fixesFor` builds (none for a diagnostic it does not handle).
 */
export function registerQuickFixes(
  selector: vscode.DocumentSelector,
  fixesFor: (diagnostic: vscode.Diagnostic, document: vscode.TextDocument) => vscode.CodeAction[],
): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    selector,
    {
      provideCodeActions: (document, _range, context) =>
        context.diagnostics.flatMap((diagnostic) => fixesFor(diagnostic, document)),
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}
