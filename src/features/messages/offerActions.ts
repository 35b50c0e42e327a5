import * as vscode from 'vscode';
import type { Logger } from '../../core/logging/logger';

/**
 * A message with action buttons that is also written to the log with its buttons, so what the
 * user was offered is on record (and readable by tests, which cannot see notifications).
 * Resolves with the button chosen, or undefined when the message was dismissed.
 */
export async function offerActions(
  log: Logger,
  kind: 'warning' | 'information',
  message: string,
  ...actions: string[]
): Promise<string | undefined> {
  log.info(`Offered: ${message} [${actions.join('] [')}]`);
  return kind === 'warning'
    ? vscode.window.showWarningMessage(message, ...actions)
    : vscode.window.showInformationMessage(message, ...actions);
}
