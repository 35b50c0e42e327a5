import * as vscode from 'vscode';

/** The Uri of a findings folder key: a URI string, or an absolute path on disk. */
export function folderUri(folder: string): vscode.Uri {
  return folder.includes('://') ? vscode.Uri.parse(folder, true) : vscode.Uri.file(folder);
}
