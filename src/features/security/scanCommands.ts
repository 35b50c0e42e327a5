import path from 'node:path';
import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { CancelledError } from '../../core/errors/cancelledError';
import { toolsForFile } from '../../core/scanTargets/toolsForFile';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import type { ScanController, ScanSummary } from './scanController';
import { readSecurityConfig } from './securityConfig';
import type { SecurityStatusBar } from './securityStatusBar';
import { requireTrustedWorkspace } from './workspaceTrustGate';
import { withCancellableProgress } from '../progress/withCancellableProgress';

export interface ScanCommandDeps {
  readonly controller: ScanController;
  readonly publisher: DiagnosticsPublisher;
  readonly statusBar: SecurityStatusBar;
}

function requireFolders(): readonly vscode.WorkspaceFolder[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    throw new UserError(
      vscode.l10n.t('Open a folder with a Python project first: there is nothing to scan.'),
    );
  }
  return folders;
}

/** Runs `work` with a cancellable notification and the view's progress bar. */
async function withScanProgress<T>(
  title: string,
  deps: ScanCommandDeps,
  work: (signal: AbortSignal, report: (message: string) => void) => Promise<T>,
): Promise<T> {
  const done = deps.statusBar.scanning();
  try {
    return await vscode.window.withProgress({ location: { viewId: 'openpypi.findings' } }, () =>
      withCancellableProgress(title, (signal, progress) =>
        work(signal, (message) => {
          progress.report({ message });
        }),
      ),
    );
  } finally {
    done();
  }
}

function describeSummary(summaries: readonly ScanSummary[]): string {
  const problems = summaries.flatMap((s) => s.outcomes.filter((o) => o.status !== 'ok'));
  const results = summaries.reduce((sum, s) => sum + s.resultCount, 0);
  const base = vscode.l10n.t('OpenPypi: scan finished with {0} results.', results);
  if (problems.length === 0) return base;
  return `${base} ${vscode.l10n.t('Not run: {0}.', problems.map((p) => `${p.tool} (${p.status})`).join(', '))}`;
}

/** Scan Workspace: every folder, every enabled tool. Resolves after the diagnostics are published. */
export async function scanWorkspace(deps: ScanCommandDeps): Promise<ScanSummary[]> {
  requireTrustedWorkspace();
  const folders = requireFolders();
  const summaries = await withScanProgress(
    vscode.l10n.t('OpenPypi: scanning'),
    deps,
    async (signal, report) => {
      const out: ScanSummary[] = [];
      for (const folder of folders) {
        if (signal.aborted) throw new CancelledError();
        const tools = readSecurityConfig(folder.uri).tools;
        report(vscode.l10n.t('{0}: {1}', folder.name, tools.join(', ')));
        out.push(await deps.controller.scan({ folder, tools, signal, onProgress: report }));
      }
      return out;
    },
  );
  await deps.publisher.whenPublished();
  void vscode.window.showInformationMessage(describeSummary(summaries));
  return summaries;
}

/** Scan Current File (or the given file) with the tools that apply to its kind. */
export async function scanFile(
  deps: ScanCommandDeps,
  uri?: vscode.Uri,
): Promise<ScanSummary | undefined> {
  requireTrustedWorkspace();
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (target === undefined) {
    throw new UserError(vscode.l10n.t('Open the file to scan in an editor first.'));
  }
  const folder = vscode.workspace.getWorkspaceFolder(target);
  if (folder === undefined || target.scheme !== 'file') {
    throw new UserError(
      vscode.l10n.t(
        '{0} is not in a workspace folder on disk; only those files can be scanned.',
        target.toString(true),
      ),
    );
  }
  const relative = path.relative(folder.uri.fsPath, target.fsPath).split(path.sep).join('/');
  const tools = toolsForFile(relative, readSecurityConfig(folder.uri).tools);
  if (tools.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('OpenPypi: none of the enabled scanners reads {0}.', relative),
    );
    return undefined;
  }
  const summary = await withScanProgress(
    vscode.l10n.t('OpenPypi: scanning {0}', relative),
    deps,
    (signal, report) =>
      deps.controller.scan({ folder, tools, files: [relative], signal, onProgress: report }),
  );
  await deps.publisher.whenPublished();
  return summary;
}
