import * as vscode from 'vscode';
import type { CommandId } from './commandIds';

/**
 * A QuickFix code action that runs one OpenPypi command for one diagnostic: the action's title
 * is also the command's title.
 */
export function commandQuickFix(
  title: string,
  diagnostic: vscode.Diagnostic,
  command: CommandId,
  args: readonly unknown[],
): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.command = { command, title, arguments: [...args] };
  return action;
}
