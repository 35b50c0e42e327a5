import * as vscode from 'vscode';
import { PromptBuilder } from '../../core/ai/promptBuilder';
import { extractCodeBlock } from '../../core/ai/responseParsing';
import { askAi } from './askAi';
import type { AiCommandOptions, AiServices } from './aiServices';
import { promptPath } from './findingFromArgument';
import { StreamingDocument } from './streamingDocument';

/** Generate Tests: pytest tests for the selection (or the file) stream into a new editor. */
export async function generateTests(
  services: AiServices,
  arg: unknown,
  options: AiCommandOptions,
): Promise<{ text: string; document: string } | undefined> {
  const editor = vscode.window.activeTextEditor;
  const uri = arg instanceof vscode.Uri ? arg : editor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Open a Python file to generate tests for it.'),
    );
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const selection =
    editor?.document.uri.toString() === uri.toString() && !editor.selection.isEmpty
      ? editor.document.getText(editor.selection)
      : undefined;
  const code = selection ?? document.getText();
  const relative = promptPath(uri);
  const messages = new PromptBuilder(services.redactor).generateTests(code, relative);
  const output = await StreamingDocument.open(
    'python',
    `# pytest tests for ${relative}, written by an AI model: review them before use.\n`,
  );
  const answer = await askAi(
    services,
    { purpose: 'generate-tests', messages, maxOutputTokens: 3000 },
    vscode.l10n.t('Generating tests for {0}', relative),
    {
      ...options,
      onDelta: (text) => {
        output.append(text);
      },
    },
  ).finally(() => output.close());
  const tests = extractCodeBlock(answer.text, 'python');
  if (tests !== undefined) {
    await output.replaceAll(
      `# pytest tests for ${relative}, written by an AI model: review them before use.\n${tests}\n`,
    );
  }
  return { text: output.document.getText(), document: output.document.uri.toString() };
}
