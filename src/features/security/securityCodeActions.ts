import * as vscode from 'vscode';
import type { Finding } from '../../core/findings/finding';
import { commandQuickFix } from '../commands/commandQuickFix';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import { securityRuntime } from './securityRuntimeLoader';

/** The file kinds that carry findings; the provider is registered for these only. */
export const findingDocumentSelector: vscode.DocumentSelector = [
  { language: 'python', scheme: 'file' },
  { pattern: '**/requirements*.txt', scheme: 'file' },
  { pattern: '**/{pyproject.toml,poetry.lock,Pipfile,Pipfile.lock,uv.lock}', scheme: 'file' },
  { pattern: '**/{Dockerfile,Dockerfile.*,*.dockerfile,*.Dockerfile}', scheme: 'file' },
  { language: 'dockerfile', scheme: 'file' },
  { language: 'yaml', scheme: 'file' },
  { pattern: '**/*.tf', scheme: 'file' },
];

/**
 * Quick fixes for OpenPypi's own diagnostics: open the rule's documentation, suppress with the
 * tool's own mechanism, upgrade a vulnerable dependency on its manifest line, and (when the AI
 * provider is there) explain or fix with AI.
 */
export class SecurityCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(private readonly publisher: DiagnosticsPublisher) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    for (const diagnostic of context.diagnostics) {
      const finding = this.publisher.findingFor(document.uri, diagnostic);
      if (finding === undefined || folder === undefined) continue;
      const target = { folder: folder.uri.fsPath, finding };
      const upgrade = upgradeAction(document, diagnostic, finding);
      if (upgrade !== undefined) actions.push(upgrade);
      if (finding.helpUri !== undefined) {
        actions.push(
          commandQuickFix(
            vscode.l10n.t('Open documentation for {0}', finding.ruleId),
            diagnostic,
            'openpypi.security.openRuleDocs',
            [target],
          ),
        );
      }
      actions.push(
        commandQuickFix(
          vscode.l10n.t('Suppress {0} ({1})…', finding.ruleId, finding.tool),
          diagnostic,
          'openpypi.security.suppress',
          [target],
        ),
      );
    }
    return actions;
  }
}

function upgradeAction(
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
  finding: Finding,
): vscode.CodeAction | undefined {
  if (finding.packageName === undefined || finding.fixVersions.length === 0) return undefined;
  const { lowestFixVersion, upgradeRequirementLine } = securityRuntime();
  const version = lowestFixVersion(finding.fixVersions, finding.packageVersion);
  if (version === undefined) return undefined;
  const lineNumber = diagnostic.range.start.line;
  if (lineNumber >= document.lineCount) return undefined;
  const line = document.lineAt(lineNumber);
  const outcome = upgradeRequirementLine(
    document.uri.path,
    line.text,
    finding.packageName,
    version,
  );
  if (outcome.kind !== 'upgraded') return undefined;
  const action = new vscode.CodeAction(
    vscode.l10n.t('Upgrade {0} to {1}', finding.packageName, version),
    vscode.CodeActionKind.QuickFix,
  );
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(
    document.uri,
    new vscode.Range(lineNumber, outcome.start, lineNumber, outcome.end),
    outcome.replacement,
  );
  return action;
}
