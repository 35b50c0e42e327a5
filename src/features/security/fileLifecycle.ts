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

/** Deleting a file drops its findings; renaming it moves them to the new path. */
export function trackFileLifecycle(store: FindingsStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.workspace.onDidDeleteFiles((event) => {
      for (const uri of event.files) {
        const where = locate(uri);
        if (where !== undefined) store.removeFile(where.folder, where.relative);
      }
    }),
    vscode.workspace.onDidRenameFiles((event) => {
      for (const { oldUri, newUri } of event.files) {
        const from = locate(oldUri);
        const to = locate(newUri);
        if (from === undefined) continue;
        if (to?.folder === from.folder) store.renameFile(from.folder, from.relative, to.relative);
        else store.removeFile(from.folder, from.relative);
      }
    }),
  );
}
