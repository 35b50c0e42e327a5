import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Log, Run, Suppression } from 'sarif';
import * as vscode from 'vscode';
import type { AuditRecorder } from '../../core/audit/auditEvent';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import type { Finding } from '../../core/findings/finding';
import type { FindingsStore } from '../../core/findings/findingsStore';
import type { FindingsImportWorkers } from '../../core/findings/findingsImportWorkers';
import type { Logger } from '../../core/logging/logger';
import type { Redactor } from '../../core/redaction/redactor';
import { toolName } from '../../core/sarif/resultFacts';
import { writeSarifLog } from '../../core/sarif/writeSarifLog';
import { FINGERPRINT_KEY } from '../../core/sarif/sarifVocabulary';
import type { runScan, ToolOutcome } from '../../core/scanners/runScan';
import type { FindingsTreeProvider } from './findingsTreeProvider';
import { FolderRuns, isImportSource } from './folderRuns';
import { securityRuntime } from './securityRuntimeLoader';
import type { ScannerId } from './securityConfig';
import { readSecurityConfig } from './securityConfig';

export const baselineFile = '.openpypi/baseline.sarif';

export interface ScanRequest {
  readonly folder: vscode.WorkspaceFolder;
  readonly tools: readonly ScannerId[];
  /** Relative paths: scan only these files and replace only their results. */
  readonly files?: readonly string[];
  readonly signal?: AbortSignal;
  readonly onProgress?: (message: string) => void;
}

export interface ScanSummary {
  readonly folder: string;
  readonly outcomes: readonly ToolOutcome[];
  readonly resultCount: number;
  readonly reportFile: string | undefined;
}

/** The Python environment a scan should use (the Python extension's active one), if known. */
export type PythonEnvironmentLookup = (folder: vscode.Uri) => Promise<string | undefined>;

/**
 * Runs scans and imports and keeps the findings store, the tool states in the tree and the
 * written report in step. One instance for the extension's lifetime.
 */
export class ScanController {
  private readonly runs = new FolderRuns();
  /** Suppressions the user added, by folder and fingerprint, recorded in every log written. */
  private readonly suppressions = new Map<string, Suppression>();

  constructor(
    private readonly store: FindingsStore,
    private readonly tree: FindingsTreeProvider,
    private readonly log: Logger,
    private readonly redactor: Redactor,
    private readonly pythonEnvironment: PythonEnvironmentLookup,
    /** The workers of dist/findingsImportWorker.js of the installed extension. */
    private readonly importWorkers: FindingsImportWorkers,
    /** Scans, imports and suppressions are security events (scan started/finished with counts). */
    private readonly audit: AuditRecorder,
  ) {}

  async scan(request: ScanRequest): Promise<ScanSummary> {
    const folder = request.folder.uri.fsPath;
    const config = readSecurityConfig(request.folder.uri);
    const tools = [...request.tools];
    const target = auditTarget(request.folder, request.files);
    const started = Date.now();
    void this.audit.record({ type: 'scan.started', scanners: tools, target });
    for (const tool of tools) {
      this.tree.setToolState({
        folder,
        tool,
        status: 'running',
        message: undefined,
        installHint: undefined,
      });
    }
    let result: Awaited<ReturnType<typeof runScan>>;
    try {
      result = await securityRuntime().runScan({
        root: folder,
        tools,
        ...(request.files === undefined ? {} : { files: [...request.files] }),
        executables: config.executables,
        pythonEnvironment: await this.pythonEnvironment(request.folder.uri),
        timeoutMs: config.timeoutMs,
        maxOutputBytes: config.maxOutputBytes,
        ...(request.signal === undefined ? {} : { signal: request.signal }),
        logger: this.log,
        redactor: this.redactor,
        onProgress: (tool, state, outcome) => {
          if (state === 'finished' && outcome !== undefined) {
            this.showOutcome(folder, outcome);
            request.onProgress?.(vscode.l10n.t('{0}: {1}', tool, outcome.status));
          }
        },
      });
    } catch (error) {
      for (const tool of tools) this.tree.setToolState({ folder, tool, status: 'ok' });
      void this.audit.record({
        type: 'scan.finished',
        scanners: tools,
        target,
        results: 0,
        errors: tools.length,
        durationMs: Date.now() - started,
        ...(request.signal?.aborted === true ? { cancelled: true } : {}),
      });
      throw error;
    }
    for (const outcome of result.outcomes) this.showOutcome(folder, outcome);
    const resultCount = result.outcomes.reduce((sum, o) => sum + o.resultCount, 0);
    const cancelled = result.outcomes.some((o) => o.status === 'cancelled');
    void this.audit.record({
      type: 'scan.finished',
      scanners: tools,
      target,
      results: resultCount,
      errors: result.outcomes.filter((o) => o.status !== 'ok' && o.status !== 'cancelled').length,
      durationMs: Date.now() - started,
      ...(cancelled ? { cancelled: true } : {}),
    });

    const bySource = new Map<string, Run[]>();
    for (const run of result.runs) {
      const source = toolName(run).toLowerCase();
      bySource.set(source, [...(bySource.get(source) ?? []), run]);
    }
    for (const [source, runs] of bySource) {
      if (request.files === undefined) this.runs.replace(folder, source, runs);
      else this.runs.replaceFiles(folder, source, request.files, runs);
    }
    const merged = await this.mergedLog(folder, true);
    this.publish(folder, merged);
    let reportFile: string | undefined;
    if (request.files === undefined) {
      reportFile = await this.writeReport(request.folder, config.reportFile, merged);
    }
    if (cancelled && request.signal?.aborted === true) throw new CancelledError();
    return { folder, outcomes: result.outcomes, resultCount, reportFile };
  }

  /**
   * Imports SARIF files into a folder's findings; each file is its own source, so importing it
   * again replaces its findings. Parsing happens in a worker thread; `onFindings` sees each
   * chunk of findings as it arrives (before they are in the store).
   */
  async importFiles(
    folder: vscode.WorkspaceFolder,
    files: readonly vscode.Uri[],
    onFindings?: (findings: readonly Finding[]) => void,
  ): Promise<number> {
    const root = folder.uri.fsPath;
    let count = 0;
    for (const file of files) {
      const relative = path.relative(root, file.fsPath).split(path.sep).join('/');
      const source = `import:${relative.startsWith('..') ? file.fsPath : relative}`;
      const imported = await this.importWorkers.import(
        { file: file.fsPath, root },
        undefined,
        onFindings,
      );
      for (const problem of imported.problems.slice(0, 20)) {
        this.log.warn(`${file.fsPath}: ${problem.pointer} ${problem.message}`);
      }
      this.runs.recordImport(root, source, file.fsPath);
      this.store.set({ folder: root, source }, imported.findings);
      count += imported.findings.length;
      void this.audit.record({
        type: 'sarif.imported',
        file: source.slice('import:'.length),
        results: imported.findings.length,
      });
    }
    return count;
  }

  /** The merged, baselined log of what a folder shows now (with `scansOnly`, without imports). */
  async mergedLog(folder: string, scansOnly = false): Promise<Log> {
    const runs = this.runs.all(folder);
    if (!scansOnly) {
      for (const file of this.runs.importedFiles(folder).values()) {
        // The bytes: importSarif parses a large log a slice at a time from them.
        const bytes = await readFile(file);
        runs.push(
          ...securityRuntime().importSarif(bytes, {
            root: folder,
            source: file,
            redactor: this.redactor,
          }).runs,
        );
      }
    }
    const { mergeRuns, applyBaseline } = securityRuntime();
    const merged = mergeRuns(runs, { root: folder });
    const baseline = await this.readBaseline(folder);
    const log = baseline === undefined ? merged : applyBaseline(merged, baseline);
    for (const run of log.runs) {
      for (const result of run.results ?? []) {
        const fingerprint = result.partialFingerprints?.[FINGERPRINT_KEY];
        const suppression =
          fingerprint === undefined
            ? undefined
            : this.suppressions.get(`${folder}\u0000${fingerprint}`);
        if (suppression !== undefined)
          result.suppressions = [...(result.suppressions ?? []), suppression];
      }
    }
    return log;
  }

  /**
   * Records a suppression in the SARIF of a finding (with the user's reason) and hides it. The
   * tool's own suppression (nosec, ignore file) is written by the caller.
   */
  async suppress(
    folder: string,
    finding: { readonly key: string; readonly ruleId: string; readonly file: string },
    suppression: Suppression,
  ): Promise<void> {
    const { key } = finding;
    this.suppressions.set(`${folder}\u0000${key}`, suppression);
    void this.audit.record({
      type: 'suppression.added',
      ruleId: finding.ruleId,
      file: finding.file,
      reason: suppression.justification ?? '',
    });
    this.publish(folder, await this.mergedLog(folder, true));
    for (const entry of this.store.all()) {
      if (entry.folder !== folder || !isImportSource(entry.source)) continue;
      this.store.set(
        entry,
        entry.findings.map((f) => (f.key === key ? { ...f, suppressed: true } : f)),
      );
    }
  }

  folders(): string[] {
    return this.runs.folders();
  }

  /**
   * Shows runs made outside runScan (a container image scan) as their own source of a folder;
   * publishing them again replaces them.
   */
  async publishRuns(folder: string, source: string, runs: Run[]): Promise<void> {
    this.runs.replace(folder, source, runs);
    this.publish(folder, await this.mergedLog(folder, true));
  }

  clear(): void {
    this.runs.clear();
    this.store.clear();
    this.tree.clearToolStates();
  }

  async setBaseline(folder: vscode.WorkspaceFolder): Promise<string> {
    const root = folder.uri.fsPath;
    const log = securityRuntime().mergeRuns(this.runs.all(root), { root });
    const file = await writeSarifLog(path.join(root, baselineFile), log);
    this.publish(root, await this.mergedLog(root, true));
    return file;
  }

  private publish(folder: string, log: Log): void {
    const byTool = securityRuntime().findingsFromLog(log);
    const scanned = new Set<string>();
    for (const [tool, findings] of byTool) {
      const source = tool.toLowerCase();
      scanned.add(source);
      this.store.set({ folder, source }, findings);
    }
    for (const entry of this.store.all()) {
      if (entry.folder === folder && !scanned.has(entry.source) && !isImportSource(entry.source)) {
        this.store.set({ folder, source: entry.source }, []);
      }
    }
  }

  private async readBaseline(folder: string): Promise<Log | undefined> {
    try {
      const text = await readFile(path.join(folder, baselineFile), 'utf8');
      return {
        version: '2.1.0',
        runs: securityRuntime().importSarif(text, { root: folder, source: baselineFile }).runs,
      };
    } catch {
      return undefined;
    }
  }

  private async writeReport(
    folder: vscode.WorkspaceFolder,
    target: string,
    log: Log,
  ): Promise<string> {
    const root = folder.uri.fsPath;
    const file = path.resolve(root, target);
    const relative = path.relative(root, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new UserError(
        vscode.l10n.t(
          'The setting openpypi.security.reportFile ({0}) points outside the workspace folder; give a path inside it.',
          target,
        ),
      );
    }
    return writeSarifLog(file, log);
  }

  private showOutcome(folder: string, outcome: ToolOutcome): void {
    if (outcome.status === 'ok') {
      this.tree.setToolState({ folder, tool: outcome.tool, status: 'ok' });
      return;
    }
    this.tree.setToolState({
      folder,
      tool: outcome.tool,
      status: outcome.status,
      message: outcome.message,
      installHint: outcome.installHint,
    });
  }
}

/** What a scan covered, for the audit log: the folder's name, and the files of a file scan. */
function auditTarget(folder: vscode.WorkspaceFolder, files: readonly string[] | undefined): string {
  return files === undefined ? folder.name : `${folder.name}: ${files.join(', ')}`;
}
