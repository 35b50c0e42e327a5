import * as vscode from 'vscode';
import type { CommandHandlers } from '../commands/commandIds';
import { registerQuickFixes } from '../commands/registerQuickFixes';
import { aiQuickFixes } from './aiCodeActions';
import type * as AiCommands from './aiCommandsRuntime';
import { aiCommandOptions, type AiServices } from './aiServices';
import { FixProposals, fixProposalScheme } from './fixProposals';

let commandsModule: typeof AiCommands | undefined;

/** The commands' code, loaded on first use (dist/ai-commands-runtime.js in the build). */
function load(): typeof AiCommands {
  // A lazy require: the build turns it into a require of dist/ai-commands-runtime.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  commandsModule ??= require('./aiCommandsRuntime') as typeof AiCommands;
  return commandsModule;
}

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
    registerQuickFixes({ language: 'python' }, aiQuickFixes),
  );
  return {
    'openpypi.ai.explainFinding': (finding, uri, options) =>
      load().explainFinding(services, finding, uri, aiCommandOptions(options)),
    'openpypi.ai.fixWithAi': (finding, uri, options) =>
      load().fixWithAi(services, proposals, finding, uri, aiCommandOptions(options)),
    'openpypi.ai.generateTests': (uri, options) =>
      load().generateTests(services, uri, aiCommandOptions(options)),
    'openpypi.ai.reviewFile': (uri, options) =>
      load().reviewFile(services, diagnostics, uri, aiCommandOptions(options)),
  };
}
