import * as path from 'node:path';
import * as vscode from 'vscode';
import { PromptBuilder } from '../../core/ai/promptBuilder';
import { extractCodeBlock } from '../../core/ai/responseParsing';
import { askAi } from './askAi';
import type { AiCommandOptions, AiServices } from './aiServices';
import { findingFromArgument, promptPath } from './findingFromArgument';
import type { FixProposals } from './fixProposals';

export interface FixResult {
  readonly applied: boolean;
  readonly reason: 'applied' | 'discarded' | 'no-change' | 'file-changed';
}

/**
 * Fix with AI: the model proposes the corrected file; the change is shown as a diff and
 * applied as one WorkspaceEdit only when the user accepts it. Nothing is written otherwise.
 */
export async function fixWithAi(
  services: AiServices,
  proposals: FixProposals,
  arg: unknown,
  second: unknown,
  options: AiCommandOptions,
): Promise<FixResult | undefined> {
  const resolved = findingFromArgument(arg, second);
  if (!resolved?.uri) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Fix with AI needs a finding in a file: put the cursor on its squiggle, or run it from the Security Findings view.',
      ),
    );
    return undefined;
  }
  const { finding, uri } = resolved;
  const document = await vscode.workspace.openTextDocument(uri);
  const original = document.getText();
  const version = document.version;
  const relative = promptPath(uri);
  const messages = new PromptBuilder(services.redactor).fixFinding(
    { ...finding, file: relative },
    original,
  );
  const answer = await askAi(
    services,
    {
      purpose: 'fix-finding',
      messages,
      maxOutputTokens: Math.min(16_384, Math.ceil(original.length / 2) + 1024),
    },
    vscode.l10n.t('Fixing {0}', finding.ruleId ?? vscode.l10n.t('the finding')),
    options,
  );
  let proposed = extractCodeBlock(answer.text, 'python');
  if (proposed !== undefined && original.endsWith('\n') && !proposed.endsWith('\n')) {
    proposed += '\n';
  }
  if (proposed === undefined || proposed === original) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The AI proposed no change to {0}.', relative),
    );
    return { applied: false, reason: 'no-change' };
  }
  const proposalUri = proposals.add(uri, proposed);
  try {
    await vscode.commands.executeCommand(
      'vscode.diff',
      uri,
      proposalUri,
      vscode.l10n.t('{0} ↔ AI fix (not applied)', path.basename(uri.fsPath)),
      { preview: true },
    );
    const apply = vscode.l10n.t('Apply Fix');
    const decision =
      options.decision ??
      ((await vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Apply the AI fix for {0} to {1}?',
          finding.ruleId ?? finding.message,
          relative,
        ),
        {
          modal: true,
          detail: vscode.l10n.t('Review the diff first. Nothing changes unless you apply it.'),
        },
        apply,
      )) === apply
        ? 'apply'
        : 'discard');
    if (decision === 'discard') {
      await services.audit.record({ type: 'ai.fix.rejected', file: relative });
      return { applied: false, reason: 'discarded' };
    }
    if (document.version !== version) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          '{0} changed while the AI was answering, so the fix was not applied. Run Fix with AI again.',
          relative,
        ),
      );
      return { applied: false, reason: 'file-changed' };
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      uri,
      new vscode.Range(new vscode.Position(0, 0), document.positionAt(original.length)),
      proposed,
    );
    if (!(await vscode.workspace.applyEdit(edit))) {
      throw new Error(`VS Code refused the edit to ${relative}; nothing was changed.`);
    }
    await services.audit.record({ type: 'ai.fix.applied', file: relative });
    return { applied: true, reason: 'applied' };
  } finally {
    proposals.remove(proposalUri);
  }
}
