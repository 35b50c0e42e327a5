import * as vscode from 'vscode';

/** Whether a file or folder is at the Uri (through VS Code's file system, so remote too). */
export async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
