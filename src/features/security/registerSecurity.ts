import type { Run } from 'sarif';
import * as vscode from 'vscode';
import type { AuditRecorder } from '../../core/audit/auditEvent';
import type { FindingFilter, GroupBy } from '../../core/findings/findingGroups';
import { FindingsStore } from '../../core/findings/findingsStore';
import { FindingsImportWorkers } from '../../core/findings/findingsImportWorkers';
import type { Redactor } from '../../core/redaction/redactor';
import type { CommandHandlers } from '../commands/commandIds';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { trackFileLifecycle } from './fileLifecycle';
import { toTreeItem } from './findingsTreeItem';
import { FindingsTreeProvider } from './findingsTreeProvider';
import { activePythonEnvironment } from './pythonEnvironment';
import { exportSarif, importSarifFiles } from './sarifFileCommands';
import { SarifFileWatcher } from './sarifFileWatcher';
import { ScanController, type ScanRequest, type ScanSummary } from './scanController';
import { ScanOnSave } from './scanOnSave';
import type * as SecurityCommands from './securityCommandsRuntime';
import { findingDocumentSelector, SecurityCodeActions } from './securityCodeActions';
import { SecurityStatusBar } from './securityStatusBar';

let commandsModule: typeof SecurityCommands | undefined;

/** The commands' code, loaded on first use (dist/security-commands-runtime.js in the build). */
function load(): typeof SecurityCommands {
  // A lazy require: the build turns it into a require of dist/security-commands-runtime.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  commandsModule ??= require('./securityCommandsRuntime') as typeof SecurityCommands;
  return commandsModule;
}

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

/** What the Security Findings view shows now, for tests and other extensions. */
export interface FindingsViewState {
  readonly groupBy: GroupBy;
  readonly filter: FindingFilter;
  /** The number on the view's badge; undefined when it shows none. */
  readonly badge: number | undefined;
  /** The top-level rows, each "label · description". */
  readonly rows: readonly string[];
}

export interface SecurityFeature {
  readonly commands: Pick<CommandHandlers, SecurityCommandId>;
  readonly store: FindingsStore;
  /**
   * Scans some files of a folder with the given tools through the scan engine (findings,
   * diagnostics, tree) and resolves once the diagnostics are published. Other features (Check
   * Deployment's Trivy config results) call it; it spawns, so callers check workspace trust.
   */
  scanFiles(request: ScanRequest): Promise<ScanSummary>;
  /**
   * The view's state; with `reopened`, of a view built afresh from the workspace state (as after
   * a reload of the window: grouping and filter come back, tool states do not).
   */
  findingsView(options?: { readonly reopened?: boolean }): FindingsViewState;
  /** Resolves when no scan on save is waiting or running. */
  whenScansOnSaveIdle(): Promise<void>;
  /** Shows SARIF runs made elsewhere (the Docker image scan) in a folder, as one source. */
  publishRuns(folder: string, source: string, runs: Run[]): Promise<void>;
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
  const importWorkers = new FindingsImportWorkers(
    context.asAbsolutePath('dist/findingsImportWorker.js'),
  );
  context.subscriptions.push(importWorkers);
  const controller = new ScanController(
    store,
    tree,
    log,
    redactor,
    pythonEnvironment,
    importWorkers,
    audit,
  );
  const updateBadge = (): void => {
    view.badge = badgeOf(tree);
  };
  const scanOnSave = new ScanOnSave(controller, log);
  const findingsView = (options?: { readonly reopened?: boolean }): FindingsViewState => {
    const shown =
      options?.reopened === true ? new FindingsTreeProvider(store, context.workspaceState) : tree;
    try {
      return {
        groupBy: shown.groupBy,
        filter: shown.filter,
        badge: (shown === tree ? view.badge : badgeOf(shown))?.value,
        rows: shown.getChildren().map((node) => rowText(toTreeItem(node))),
      };
    } finally {
      if (shown !== tree) shown.dispose();
    }
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
    scanOnSave,
    trackFileLifecycle(store),
  );
  // The *.sarif watch starts on the first tick after activate() returns: it only sets up a
  // recursive watch in the main process, whose events arrive later still, so no change is lost.
  const startWatch = setTimeout(() => {
    context.subscriptions.push(new SarifFileWatcher(controller, log));
  }, 0);
  context.subscriptions.push(
    new vscode.Disposable(() => {
      clearTimeout(startWatch);
    }),
  );
  const deps = { controller, publisher, statusBar };
  return {
    store,
    scanFiles: async (request) => {
      const summary = await controller.scan(request);
      await publisher.whenPublished();
      return summary;
    },
    findingsView,
    whenScansOnSaveIdle: () => scanOnSave.whenIdle(),
    publishRuns: (folder, source, runs) => controller.publishRuns(folder, source, runs),
    commands: {
      'openpypi.security.scanWorkspace': () => load().scanWorkspace(deps),
      'openpypi.security.scanFile': (uri?: unknown) =>
        load().scanFile(deps, uri instanceof vscode.Uri ? uri : undefined),
      'openpypi.security.importSarif': (arg?: unknown, selected?: unknown) =>
        importSarifFiles(controller, publisher, arg, selected),
      'openpypi.security.exportSarif': (target?: unknown) =>
        exportSarif(controller, target instanceof vscode.Uri ? target : undefined),
      'openpypi.security.clearResults': async () => {
        controller.clear();
        await publisher.whenPublished();
      },
      'openpypi.security.setBaseline': () => load().setBaseline(controller),
      'openpypi.security.groupBy': (groupBy?: unknown) => load().chooseGrouping(tree, groupBy),
      'openpypi.security.filter': (filter?: unknown) => load().chooseFilter(tree, filter),
      'openpypi.security.installTool': (tool?: unknown) =>
        load().installTool(tool, pythonEnvironment),
      'openpypi.security.configureToolPath': (tool?: unknown) => load().configureToolPath(tool),
      'openpypi.security.openRuleDocs': (finding?: unknown) => load().openRuleDocs(finding),
      'openpypi.security.suppress': (finding?: unknown, reason?: unknown) =>
        load().suppressFinding(controller, finding, reason),
      'openpypi.security.showLog': () => {
        log.show();
      },
    },
  };
}

/** The view's badge: the number of findings at or above the filter, none when zero. */
function badgeOf(tree: FindingsTreeProvider): vscode.ViewBadge | undefined {
  return tree.count === 0
    ? undefined
    : { value: tree.count, tooltip: vscode.l10n.t('{0} security findings', tree.count) };
}

function rowText(item: vscode.TreeItem): string {
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const name = label === '' && item.resourceUri ? item.resourceUri.path : label;
  return typeof item.description === 'string' && item.description !== ''
    ? `${name} · ${item.description}`
    : name;
}
