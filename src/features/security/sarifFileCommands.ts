import path from 'node:path';
import * as vscode from 'vscode';
import { isUserError, UserError } from '../../core/errors/userError';
import { writeSarifLog } from '../../core/sarif/writeSarifLog';
import type { DiagnosticsPreparation } from './diagnosticsPreparation';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import type { ScanController } from './scanController';

function asUris(arg: unknown): vscode.Uri[] | undefined {
  if (arg instanceof vscode.Uri) return [arg];
  if (Array.isArray(arg) && arg.every((item) => item instanceof vscode.Uri)) return arg;
  return undefined;
}

function folderFor(uri: vscode.Uri): vscode.WorkspaceFolder {
  const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) {
    throw new UserError(
      vscode.l10n.t(
        'Open a folder first: imported findings are shown relative to a workspace folder.',
      ),
    );
  }
  return folder;
}

/**
 * Import SARIF File(s): with a Uri or Uri[] argument it imports those files without a dialog,
 * so other extensions and keybindings can call it. Works in untrusted workspaces: nothing runs.
 * Resolves with the number of results imported, after the diagnostics are published.
 */
export async function importSarifFiles(
  controller: ScanController,
  publisher: DiagnosticsPublisher,
  arg?: unknown,
  second?: unknown,
): Promise<number> {
  // The explorer context menu passes (clicked, selected[]).
  const files =
    asUris(second) ??
    asUris(arg) ??
    (await vscode.window.showOpenDialog({
      canSelectMany: true,
      openLabel: vscode.l10n.t('Import'),
      filters: { [vscode.l10n.t('SARIF logs')]: ['sarif', 'json'] },
    }));
  if (files === undefined || files.length === 0) return 0;
  let count = 0;
  const failures: string[] = [];
  let defects = 0;
  const preparations: DiagnosticsPreparation[] = [];
  try {
    for (const file of files) {
      try {
        const folder = folderFor(file);
        // Each chunk's diagnostics are made while the worker reads the next one.
        const preparation = publisher.prepare(folder.uri.fsPath);
        preparations.push(preparation);
        count += await controller.importFiles(folder, [file], (findings) => {
          preparation.add(findings);
        });
      } catch (error) {
        // One bad file does not lose the others.
        if (!isUserError(error)) defects += 1;
        failures.push(
          `${path.basename(file.fsPath)}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    await publisher.whenPublished();
  } finally {
    for (const preparation of preparations) preparation.dispose();
  }
  if (failures.length > 0) {
    // A file that is not a SARIF log is the user's to fix: a warning, not an error.
    const message = vscode.l10n.t('OpenPypi could not import {0}', failures.join('; '));
    void (defects > 0 ? vscode.window.showErrorMessage : vscode.window.showWarningMessage)(message);
  }
  return count;
}

/**
 * The folder whose findings Export SARIF writes: the one holding the target file, the only one,
 * or the one the user picks.
 */
async function exportFolder(
  target: vscode.Uri | undefined,
): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    throw new UserError(vscode.l10n.t('Open a folder first: there are no findings to export.'));
  }
  const holding = target === undefined ? undefined : vscode.workspace.getWorkspaceFolder(target);
  if (holding !== undefined) return holding;
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({
    placeHolder: vscode.l10n.t('Export the findings of which folder?'),
    ignoreFocusOut: true,
  });
}

/**
 * Export SARIF: the merged log of one folder's findings (scans and imports) to a file. In a
 * multi-root workspace each folder is exported on its own: the folder holding the target, or
 * the one picked.
 */
export async function exportSarif(
  controller: ScanController,
  target?: vscode.Uri,
): Promise<string | undefined> {
  const folder = await exportFolder(target);
  if (folder === undefined) return undefined;
  const destination =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(folder.uri, 'openpypi.sarif'),
      filters: { [vscode.l10n.t('SARIF logs')]: ['sarif'] },
    }));
  if (destination === undefined) return undefined;
  const log = await controller.mergedLog(folder.uri.fsPath);
  return writeSarifLog(destination.fsPath, log);
}
