import * as vscode from 'vscode';
import type { AiRequest } from '../../core/ai/aiProvider';
import { describeEstimate } from '../../core/ai/costFormatting';
import { PromptBuilder } from '../../core/ai/promptBuilder';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import { ideaFiles } from '../../core/generator/ideaFiles';
import type { GeneratedFile } from '../../core/generator/projectSpec';
import { askAi } from '../ai/askAi';
import type { AiServices } from '../ai/aiServices';

/**
 * "Start from an idea": the AI provider writes the first module and its tests. The cost is
 * estimated and shown first, and nothing is sent until the person confirms (or automation
 * passes confirmCost). The answer only becomes files of the new project.
 */
export async function filesFromIdea(
  ai: AiServices,
  idea: string,
  packageName: string,
  template: string,
  confirmCost: boolean | undefined,
): Promise<GeneratedFile[]> {
  let provider = await ai.aiProvider();
  if (provider.status.kind === 'not-configured') {
    const signIn = vscode.l10n.t('Sign In');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Starting from an idea needs the AI provider. Sign in with an API key?'),
      signIn,
    );
    if (choice !== signIn) throw new CancelledError();
    const status = await ai.signIn();
    if (!status || status.kind === 'not-configured') throw new CancelledError();
    provider = await ai.aiProvider();
  }
  const request: AiRequest = {
    purpose: 'generate-project',
    messages: new PromptBuilder(ai.redactor).projectFromIdea(idea, packageName, template),
    maxOutputTokens: 4000,
  };
  const estimate = await provider.estimate(request);
  const send = vscode.l10n.t('Send');
  const confirmed =
    confirmCost ??
    (await vscode.window.showInformationMessage(
      vscode.l10n.t('Write the first module and its tests with {0}?', provider.settings.model),
      { modal: true, detail: describeEstimate(estimate) },
      send,
    )) === send;
  if (!confirmed) {
    await provider.declined(request, estimate);
    throw new CancelledError();
  }
  const answer = await askAi(ai, request, vscode.l10n.t('Writing the first module'), {
    confirmCost: true,
  });
  const files = ideaFiles(answer.text, packageName);
  if (files === undefined) {
    throw new UserError(
      vscode.l10n.t(
        'The AI answer did not hold a module and its tests (two Python code blocks). Try again, or create the project without an idea.',
      ),
    );
  }
  return files;
}
