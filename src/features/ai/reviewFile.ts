import * as vscode from 'vscode';
import { PromptBuilder } from '../../core/ai/promptBuilder';
import { parseReviewFindings, type ReviewSeverity } from '../../core/ai/responseParsing';
import { askAi } from './askAi';
import type { AiCommandOptions, AiServices } from './aiServices';
import { promptPath } from './findingFromArgument';

export const aiDiagnosticSource = 'OpenPypi AI';

const severities: Readonly<Record<ReviewSeverity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/** Review Current File: the model's findings become diagnostics with source "OpenPypi AI". */
export async function reviewFile(
  services: AiServices,
  diagnostics: vscode.DiagnosticCollection,
  arg: unknown,
  options: AiCommandOptions,
): Promise<{ findings: number } | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file to review it with AI.'));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const relative = promptPath(uri);
  const messages = new PromptBuilder(services.redactor).reviewFile(document.getText(), relative);
  const answer = await askAi(
    services,
    { purpose: 'review-file', messages, maxOutputTokens: 2000 },
    vscode.l10n.t('Reviewing {0}', relative),
    options,
  );
  const findings = parseReviewFindings(answer.text, document.lineCount);
  diagnostics.set(
    uri,
    findings.map((finding) => {
      const line = document.lineAt(finding.line - 1);
      const diagnostic = new vscode.Diagnostic(
        line.range.with(line.range.start.with(undefined, line.firstNonWhitespaceCharacterIndex)),
        finding.message,
        severities[finding.severity],
      );
      diagnostic.source = aiDiagnosticSource;
      if (finding.ruleId) diagnostic.code = finding.ruleId;
      return diagnostic;
    }),
  );
  void vscode.window.showInformationMessage(
    findings.length === 0
      ? vscode.l10n.t('The AI review found nothing in {0}.', relative)
      : vscode.l10n.t(
          'The AI review found {0} possible problems in {1}; see the Problems panel.',
          findings.length,
          relative,
        ),
  );
  return { findings: findings.length };
}
