import * as vscode from 'vscode';
import type { CommandHandlers } from '../commands/commandIds';
import { AiCodeActions } from './aiCodeActions';
import { aiCommandOptions, type AiServices } from './aiServices';
import { explainFinding } from './explainFinding';
import { FixProposals, fixProposalScheme } from './fixProposals';
import { fixWithAi } from './fixWithAi';
import { generateTests } from './generateTests';
import { reviewFile } from './reviewFile';

export type AiCommandId =
  | 'openpypi.ai.explainFinding'
  | 'openpypi.ai.fixWithAi'
  | 'openpypi.ai.generateTests'
  | 'openpypi.ai.reviewFile';

/** The AI commands, their light-bulb actions, the fix preview documents and AI diagnostics. */
export function registerAi(
  context: vscode.ExtensionContext,
  services: AiServices,
): Pick<CommandHandlers, AiCommandId> {
  const proposals = new FixProposals();
  const diagnostics = vscode.languages.createDiagnosticCollection('openpypi-ai');
  context.subscriptions.push(
    proposals,
    diagnostics,
    vscode.workspace.registerTextDocumentContentProvider(fixProposalScheme, proposals),
    vscode.languages.registerCodeActionsProvider({ language: 'python' }, new AiCodeActions(), {
      providedCodeActionKinds: AiCodeActions.kinds,
    }),
  );
  return {
    'openpypi.ai.explainFinding': (finding, uri, options) =>
      explainFinding(services, finding, uri, aiCommandOptions(options)),
    'openpypi.ai.fixWithAi': (finding, uri, options) =>
      fixWithAi(services, proposals, finding, uri, aiCommandOptions(options)),
    'openpypi.ai.generateTests': (uri, options) =>
      generateTests(services, uri, aiCommandOptions(options)),
    'openpypi.ai.reviewFile': (uri, options) =>
      reviewFile(services, diagnostics, uri, aiCommandOptions(options)),
  };
}
