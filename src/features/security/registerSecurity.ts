import * as vscode from 'vscode';
import type { AuditRecorder } from '../../core/audit/auditEvent';
import { FindingsStore } from '../../core/findings/findingsStore';
import type { Redactor } from '../../core/redaction/redactor';
import type { CommandHandlers } from '../commands/commandIds';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { trackFileLifecycle } from './fileLifecycle';
import { openRuleDocs, suppressFinding } from './findingCommands';
import { FindingsTreeProvider } from './findingsTreeProvider';
import { chooseFilter, chooseGrouping, setBaseline } from './findingsViewCommands';
import { activePythonEnvironment } from './pythonEnvironment';
import { exportSarif, importSarifFiles } from './sarifFileCommands';
import { SarifFileWatcher } from './sarifFileWatcher';
import { scanFile, scanWorkspace } from './scanCommands';
import { ScanController, type ScanRequest, type ScanSummary } from './scanController';
import { ScanOnSave } from './scanOnSave';
import { findingDocumentSelector, SecurityCodeActions } from './securityCodeActions';
import { SecurityStatusBar } from './securityStatusBar';
import { configureToolPath, installTool } from './toolCommands';

export type SecurityCommandId =
  | 'openpypi.security.scanWorkspace'
  | 'openpypi.security.scanFile'
  | 'openpypi.security.importSarif'
  | 'openpypi.security.exportSarif'
  | 'openpypi.security.clearResults'
  | 'openpypi.security.setBaseline'
  | 'openpypi.security.groupBy'
  | 'openpypi.security.filter'
  | 'openpypi.security.installTool'
  | 'openpypi.security.configureToolPath'
  | 'openpypi.security.openRuleDocs'
  | 'openpypi.security.suppress'
  | 'openpypi.security.showLog';

export interface SecurityFeature {
  readonly commands: Pick<CommandHandlers, SecurityCommandId>;
  readonly store: FindingsStore;
  /**
   * Scans some files of a folder with the given tools through the scan engine (findings,
   * diagnostics, tree) and resolves once the diagnostics are published. Other features (Check
   * Deployment's Trivy config results) call it; it spawns, so callers check workspace trust.
   */
  scanFiles(request: ScanRequest): Promise<ScanSummary>;
}

/**
 * Security findings in the editor: the findings view, diagnostics, status bar, quick fixes,
 * scan on save and the SARIF watcher. Nothing here spawns a process at activation.
 */
export function registerSecurity(
  context: vscode.ExtensionContext,
  log: ExtensionLog,
  redactor: Redactor,
  audit: AuditRecorder,
): SecurityFeature {
  const store = new FindingsStore();
  const tree = new FindingsTreeProvider(store, context.workspaceState);
  const view = vscode.window.createTreeView('openpypi.findings', {
    treeDataProvider: tree,
    canSelectMany: false,
  });
  const publisher = new DiagnosticsPublisher(store);
  const statusBar = new SecurityStatusBar(store);
  const pythonEnvironment = (folder: vscode.Uri) => activePythonEnvironment(folder, log);
  const controller = new ScanController(
    store,
    tree,
    log,
    redactor,
    pythonEnvironment,
    context.asAbsolutePath('dist/findingsImportWorker.js'),
    audit,
  );
  const updateBadge = (): void => {
    view.badge =
      tree.count === 0
        ? undefined
        : { value: tree.count, tooltip: vscode.l10n.t('{0} security findings', tree.count) };
  };
  context.subscriptions.push(
    tree,
    view,
    publisher,
    statusBar,
    tree.onDidChangeTreeData(updateBadge),
    vscode.languages.registerCodeActionsProvider(
      findingDocumentSelector,
      new SecurityCodeActions(publisher),
      SecurityCodeActions.metadata,
    ),
    new ScanOnSave(controller, log),
    new SarifFileWatcher(controller, log),
    trackFileLifecycle(store),
  );
  const deps = { controller, publisher, statusBar };
  return {
    store,
    scanFiles: async (request) => {
      const summary = await controller.scan(request);
      await publisher.whenPublished();
      return summary;
    },
    commands: {
      'openpypi.security.scanWorkspace': () => scanWorkspace(deps),
      'openpypi.security.scanFile': (uri?: unknown) =>
        scanFile(deps, uri instanceof vscode.Uri ? uri : undefined),
      'openpypi.security.importSarif': (arg?: unknown, selected?: unknown) =>
        importSarifFiles(controller, publisher, arg, selected),
      'openpypi.security.exportSarif': (target?: unknown) =>
        exportSarif(controller, target instanceof vscode.Uri ? target : undefined),
      'openpypi.security.clearResults': async () => {
        controller.clear();
        await publisher.whenPublished();
      },
      'openpypi.security.setBaseline': () => setBaseline(controller),
      'openpypi.security.groupBy': (groupBy?: unknown) => chooseGrouping(tree, groupBy),
      'openpypi.security.filter': (filter?: unknown) => chooseFilter(tree, filter),
      'openpypi.security.installTool': (tool?: unknown) => installTool(tool, pythonEnvironment),
      'openpypi.security.configureToolPath': (tool?: unknown) => configureToolPath(tool),
      'openpypi.security.openRuleDocs': (finding?: unknown) => openRuleDocs(finding),
      'openpypi.security.suppress': (finding?: unknown, reason?: unknown) =>
        suppressFinding(controller, finding, reason),
      'openpypi.security.showLog': () => {
        log.show();
      },
    },
  };
}
