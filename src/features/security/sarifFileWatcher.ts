import path from 'node:path';
import * as vscode from 'vscode';
import type { Logger } from '../../core/logging/logger';
import type { ScanController } from './scanController';
import { readSecurityConfig } from './securityConfig';

/**
 * With `openpypi.security.watchSarifFiles` on, a `*.sarif` file that another tool writes or
 * rewrites in the workspace is imported again. OpenPypi's own report and baseline are ignored.
 */
export class SarifFileWatcher implements vscode.Disposable {
  private readonly watcher = vscode.workspace.createFileSystemWatcher(
    '**/*.sarif',
    false,
    false,
    true,
  );
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly controller: ScanController,
    private readonly log: Logger,
  ) {
    this.watcher.onDidCreate((uri) => {
      this.changed(uri);
    });
    this.watcher.onDidChange((uri) => {
      this.changed(uri);
    });
  }

  private changed(uri: vscode.Uri): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder === undefined) return;
    const config = readSecurityConfig(folder.uri);
    if (!config.watchSarifFiles) return;
    const own = [
      path.resolve(folder.uri.fsPath, config.reportFile),
      path.resolve(folder.uri.fsPath, '.openpypi'),
    ];
    if (own.some((p) => uri.fsPath === p || uri.fsPath.startsWith(p + path.sep))) return;
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.controller.importFiles(folder, [uri]).catch((error: unknown) => {
          this.log.error(`Reloading ${uri.fsPath} failed`, error);
        });
      }, 300),
    );
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.watcher.dispose();
  }
}
