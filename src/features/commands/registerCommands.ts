import * as vscode from 'vscode';
import { describeError } from '../../core/logging/describeError';
import { isCancelled } from '../../core/errors/cancelledError';
import { isUserError } from '../../core/errors/userError';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import type { CommandHandlers, CommandId } from './commandIds';
import { showUserError } from './showUserError';

/**
 * Registers every command from one typed map. Each handler is wrapped once: a cancellation is
 * quiet, an error that is the user's to fix (isUserError) is logged as information and shown as
 * a warning with its remedy (showUserError), any other failure is logged in full and shown as a
 * short error message with "Show Log".
 * The command resolves with the handler's result, or undefined when it failed.
 */
export function registerCommands(
  handlers: CommandHandlers,
  log: ExtensionLog,
): vscode.Disposable[] {
  return (Object.entries(handlers) as [CommandId, (...args: unknown[]) => unknown][]).map(
    ([id, handler]) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (error) {
          if (isCancelled(error)) {
            log.debug(`${id} cancelled`);
            return undefined;
          }
          if (isUserError(error)) {
            log.info(`${id}: ${error.message}`);
            void showUserError(error, log);
            return undefined;
          }
          log.error(`${id} failed`, error);
          void showFailure(log.redact(describeError(error)), log);
          return undefined;
        }
      }),
  );
}

async function showFailure(message: string, log: ExtensionLog): Promise<void> {
  const showLog = vscode.l10n.t('Show Log');
  const choice = await vscode.window.showErrorMessage(
    vscode.l10n.t('OpenPypi: {0}', message),
    showLog,
  );
  if (choice === showLog) {
    log.show();
  }
}
