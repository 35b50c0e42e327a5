import * as vscode from 'vscode';
import { PromptBuilder } from '../../core/ai/promptBuilder';
import { askAi } from './askAi';
import type { AiCommandOptions, AiServices } from './aiServices';
import { findingFromArgument, promptPath } from './findingFromArgument';
import { StreamingDocument } from './streamingDocument';

export interface ExplanationResult {
  readonly text: string;
  readonly document: string;
}

/** Explain Finding: the model's explanation streams into a Markdown editor beside the code. */
export async function explainFinding(
  services: AiServices,
  arg: unknown,
  second: unknown,
  options: AiCommandOptions,
): Promise<ExplanationResult | undefined> {
  const resolved = findingFromArgument(arg, second);
  if (!resolved) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Put the cursor on a security finding (a squiggle), or run this from the Security Findings view.',
      ),
    );
    return undefined;
  }
  const { finding, uri } = resolved;
  const fileText = uri ? (await vscode.workspace.openTextDocument(uri)).getText() : undefined;
  const relative = uri ? promptPath(uri) : finding.file;
  const messages = new PromptBuilder(services.redactor).explainFinding(
    { ...finding, ...(relative === undefined ? {} : { file: relative }) },
    fileText,
  );
  const title = `${finding.ruleId ?? 'Finding'}${relative ? ` — ${relative}${finding.line ? `:${finding.line}` : ''}` : ''}`;
  const output = await StreamingDocument.open(
    'markdown',
    services.redactor.redact(`# ${title}\n\n> ${finding.message}\n\n`),
  );
  const answer = await askAi(
    services,
    { purpose: 'explain-finding', messages, maxOutputTokens: 1200 },
    vscode.l10n.t('Explaining {0}', finding.ruleId ?? vscode.l10n.t('the finding')),
    {
      ...options,
      onDelta: (text) => {
        output.append(text);
      },
    },
  ).finally(() => output.close());
  return { text: answer.text, document: output.document.uri.toString() };
}
