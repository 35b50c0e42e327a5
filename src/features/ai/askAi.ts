import * as vscode from 'vscode';
import type { AiAnswer, AiRequest } from '../../core/ai/aiProvider';
import { describeEstimate, exceedsLimit, formatUsd } from '../../core/ai/costFormatting';
import { CancelledError } from '../../core/errors/cancelledError';
import { offerActions } from '../messages/offerActions';
import type { AiCommandOptions, AiServices } from './aiServices';
import { fromRuntime } from './runtimeErrors';
import { withCancellableProgress } from '../progress/withCancellableProgress';

/**
 * The one path of every AI request: make sure the provider is configured (offer Sign In when
 * not), count and price the prompt, ask for confirmation above the max cost, then send it
 * with a cancellable progress notification that reports retries. Streams through `onDelta`.
 */
export async function askAi(
  services: AiServices,
  request: AiRequest,
  title: string,
  options: AiCommandOptions & { onDelta?: (text: string) => void } = {},
): Promise<AiAnswer> {
  let provider = await services.aiProvider();
  if (provider.status.kind === 'not-configured') {
    const signIn = vscode.l10n.t('Sign In');
    const choice = await offerActions(
      services.log,
      'warning',
      vscode.l10n.t(
        '{0} needs the AI provider, which is not configured yet. Sign in with an API key?',
        title,
      ),
      signIn,
    );
    if (choice !== signIn) throw new CancelledError();
    const status = await services.signIn();
    if (!status || status.kind === 'not-configured') throw new CancelledError();
    provider = await services.aiProvider();
  }
  const estimate = await provider.estimate(request);
  const described = describeEstimate(estimate);
  services.log.info(`${title}: ${provider.settings.model}, ${described}`);
  if (exceedsLimit(estimate, provider.settings.maxCostPerRequest)) {
    const send = vscode.l10n.t('Send');
    const confirmed =
      options.confirmCost ??
      (await vscode.window.showWarningMessage(
        vscode.l10n.t(
          'This request may cost up to {0}, above your limit of {1} per request.',
          formatUsd(estimate.maxCostUsd ?? 0),
          formatUsd(provider.settings.maxCostPerRequest),
        ),
        {
          modal: true,
          detail: vscode.l10n.t(
            '{0}. The limit is the setting openpypi.ai.maxCostPerRequest.',
            described,
          ),
        },
        send,
      )) === send;
    if (!confirmed) {
      await provider.declined(request, estimate);
      throw new CancelledError();
    }
  }
  return withCancellableProgress(
    vscode.l10n.t('{0} with {1} ({2})', title, provider.settings.model, described),
    async (signal, progress) => {
      try {
        return await provider.send(request, estimate, {
          signal,
          ...(options.onDelta ? { onDelta: options.onDelta } : {}),
          onRetry: (_attempt, delayMs, error) => {
            progress.report({
              message: vscode.l10n.t(
                '{0} Retrying in {1} s…',
                error.message,
                Math.ceil(delayMs / 1000),
              ),
            });
          },
        });
      } catch (error) {
        throw fromRuntime(error);
      } finally {
        services.providersChanged();
      }
    },
  );
}
