import * as vscode from 'vscode';
import type { Logger } from '../../core/logging/logger';
import type { ProviderId } from '../../core/providers/providerId';
import { offerActions } from './offerActions';

/**
 * A token or key the service refused is the user's to fix: a warning saying why nothing was
 * stored that offers Sign In again, logged with its button (offerActions).
 */
export async function offerSignInAgain(
  log: Logger,
  message: string,
  provider: ProviderId,
): Promise<void> {
  const again = vscode.l10n.t('Sign In');
  if ((await offerActions(log, 'warning', message, again)) === again) {
    await vscode.commands.executeCommand('openpypi.providers.signIn', provider);
  }
}
