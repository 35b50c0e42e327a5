import * as vscode from 'vscode';
import { scannerSources } from './findingFromArgument';

/**
 * The light bulb on a scanner finding: "Explain with AI" and "Fix with AI". Both only open the
 * command; the fix is shown as a diff and applied only after the user accepts it.
 */
export class AiCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    return context.diagnostics
      .filter((diagnostic) => scannerSources.test(diagnostic.source ?? ''))
      .flatMap((diagnostic) => {
        const label =
          typeof diagnostic.code === 'object'
            ? String(diagnostic.code.value)
            : String(diagnostic.code ?? '');
        const explain = new vscode.CodeAction(
          vscode.l10n.t('Explain {0} with AI', label),
          vscode.CodeActionKind.QuickFix,
        );
        explain.command = {
          command: 'openpypi.ai.explainFinding',
          title: explain.title,
          arguments: [diagnostic, document.uri],
        };
        explain.diagnostics = [diagnostic];
        const fix = new vscode.CodeAction(
          vscode.l10n.t('Fix {0} with AI (preview the diff first)…', label),
          vscode.CodeActionKind.QuickFix,
        );
        fix.command = {
          command: 'openpypi.ai.fixWithAi',
          title: fix.title,
          arguments: [diagnostic, document.uri],
        };
        fix.diagnostics = [diagnostic];
        return [explain, fix];
      });
  }
}
