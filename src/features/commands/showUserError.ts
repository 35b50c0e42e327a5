import * as vscode from 'vscode';
import { userErrorRemedy, type UserErrorRemedy } from '../../core/errors/userErrorRemedy';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import { offerActions } from '../messages/offerActions';

interface Button {
  readonly title: string;
  run(): Thenable<unknown>;
}

function remedyButton(remedy: UserErrorRemedy): Button {
  switch (remedy.kind) {
    case 'sign-in':
      return {
        title: vscode.l10n.t('Sign In'),
        run: () => vscode.commands.executeCommand('openpypi.providers.signIn', remedy.provider),
      };
    case 'configure-runtime-arguments':
      return {
        title: vscode.l10n.t('Configure Runtime Arguments'),
        run: () => vscode.commands.executeCommand('workbench.action.configureRuntimeArguments'),
      };
  }
}

/**
 * A user error as a warning: its message, the button that fixes it (Sign In, Configure Runtime
 * Arguments) when there is one, and "Show Log" for every error class other than the plain
 * UserError, which were error popups with "Show Log" before they were recognised as the user's.
 * The offer is logged with its buttons (offerActions); a plain UserError's warning has none.
 */
export async function showUserError(error: Error, log: ExtensionLog): Promise<void> {
  const message = log.redact(error.message);
  const remedy = userErrorRemedy(error);
  const buttons: Button[] = remedy === undefined ? [] : [remedyButton(remedy)];
  if (error.name !== 'UserError') {
    buttons.push({
      title: vscode.l10n.t('Show Log'),
      run: () => {
        log.show();
        return Promise.resolve();
      },
    });
  }
  if (buttons.length === 0) {
    await vscode.window.showWarningMessage(message);
    return;
  }
  const choice = await offerActions(
    log,
    'warning',
    message,
    ...buttons.map((button) => button.title),
  );
  await buttons.find((button) => button.title === choice)?.run();
}
