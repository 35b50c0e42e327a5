import path from 'node:path';
import * as vscode from 'vscode';
import { isCancelled } from '../../core/errors/cancelledError';
import type { Logger } from '../../core/logging/logger';
import { toolsForFile } from '../../core/scanTargets/toolsForFile';
import type { ScanController } from './scanController';
import { readSecurityConfig } from './securityConfig';

const debounceMs = 400;

interface FileState {
  timer: NodeJS.Timeout | undefined;
  running: Promise<void> | undefined;
  again: boolean;
}

/**
 * Scans a saved file alone with the tools of `openpypi.security.scanOnSave` (Bandit by
 * default), debounced, never more than one run per file at a time: a save during a run
 * schedules one more run after it.
 */
export class ScanOnSave implements vscode.Disposable {
  private readonly files = new Map<string, FileState>();
  private readonly subscription: vscode.Disposable;
  private readonly idle = new Set<() => void>();

  constructor(
    private readonly controller: ScanController,
    private readonly log: Logger,
  ) {
    this.subscription = vscode.workspace.onDidSaveTextDocument((document) => {
      this.schedule(document.uri);
    });
  }

  /** Resolves when no save-triggered scan is waiting or running (for tests and callers). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  private isIdle(): boolean {
    return [...this.files.values()].every((s) => s.timer === undefined && s.running === undefined);
  }

  private schedule(uri: vscode.Uri): void {
    if (!vscode.workspace.isTrusted || uri.scheme !== 'file') return;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder === undefined) return;
    const relative = path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/');
    const tools = toolsForFile(relative, readSecurityConfig(folder.uri).scanOnSave);
    if (tools.length === 0) return;
    const key = uri.toString();
    const state = this.files.get(key) ?? { timer: undefined, running: undefined, again: false };
    this.files.set(key, state);
    if (state.timer !== undefined) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      if (state.running !== undefined) {
        state.again = true;
        return;
      }
      state.running = this.run(folder, relative, tools, state);
    }, debounceMs);
  }

  private async run(
    folder: vscode.WorkspaceFolder,
    relative: string,
    tools: ReturnType<typeof toolsForFile>,
    state: FileState,
  ): Promise<void> {
    try {
      await this.controller.scan({ folder, tools, files: [relative] });
    } catch (error) {
      if (!isCancelled(error)) this.log.error(`Scan on save of ${relative} failed`, error);
    }
    state.running = undefined;
    if (state.again) {
      state.again = false;
      state.running = this.run(folder, relative, tools, state);
      return;
    }
    if (this.isIdle()) {
      for (const resolve of this.idle) resolve();
      this.idle.clear();
    }
  }

  dispose(): void {
    for (const state of this.files.values())
      if (state.timer !== undefined) clearTimeout(state.timer);
    this.subscription.dispose();
  }
}
