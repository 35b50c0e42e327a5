import * as vscode from 'vscode';
import { commandQuickFix } from '../commands/commandQuickFix';
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
        return [
          commandQuickFix(
            vscode.l10n.t('Explain {0} with AI', label),
            diagnostic,
            'openpypi.ai.explainFinding',
            [diagnostic, document.uri],
          ),
          commandQuickFix(
            vscode.l10n.t('Fix {0} with AI (preview the diff first)…', label),
            diagnostic,
            'openpypi.ai.fixWithAi',
            [diagnostic, document.uri],
          ),
        ];
      });
  }
}
