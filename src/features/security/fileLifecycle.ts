import path from 'node:path';
import * as vscode from 'vscode';
import type { FindingsStore } from '../../core/findings/findingsStore';

function locate(uri: vscode.Uri): { folder: string; relative: string } | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder === undefined) return undefined;
  return {
    folder: folder.uri.fsPath,
    relative: path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/'),
  };
}

/**
 * Deleting or renaming a file drops its findings: they describe the file under its old path,
 * and the next scan of the renamed file reports it afresh.
 */
export function trackFileLifecycle(store: FindingsStore): vscode.Disposable {
  const drop = (uri: vscode.Uri): void => {
    const where = locate(uri);
    if (where !== undefined) store.removeFile(where.folder, where.relative);
  };
  return vscode.Disposable.from(
    vscode.workspace.onDidDeleteFiles((event) => {
      event.files.forEach(drop);
    }),
    vscode.workspace.onDidRenameFiles((event) => {
      for (const { oldUri } of event.files) drop(oldUri);
    }),
  );
}
