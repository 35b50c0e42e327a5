import * as vscode from 'vscode';
import { commandQuickFix } from '../commands/commandQuickFix';
import { scannerSources } from './findingFromArgument';

/**
 * The light bulb on a scanner finding: "Explain with AI" and "Fix with AI". Both only open the
 * command; the fix is shown as a diff and applied only after the user accepts it.
 */
export function aiQuickFixes(
  diagnostic: vscode.Diagnostic,
  document: vscode.TextDocument,
): vscode.CodeAction[] {
  if (!scannerSources.test(diagnostic.source ?? '')) return [];
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
}
