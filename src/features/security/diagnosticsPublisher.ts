import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { folderUri } from './folderUri';
import type { Finding } from '../../core/findings/finding';
import { matchesFilter, noFilter, uniqueFindings } from '../../core/findings/findingGroups';
import type { FindingsStore } from '../../core/findings/findingsStore';
import type { ResultDiagnostic } from './resultDiagnostic';
import { toDiagnostic } from './resultDiagnostic';

/**
 * At most this many diagnostics go to the collection in one call: VS Code forwards only about
 * 1,100 per call to the Problems panel (`_maxDiagnosticsTotal` of its DiagnosticCollection) and
 * silently drops the rest, and serialising 500 takes the extension host a few milliseconds. A
 * file with more gets a call of its own (VS Code shows 1,000 per file, then "N more").
 */
const diagnosticsPerCall = 500;

/** Lets the event loop run every few milliseconds of a long publication. */
class TimeSlicer {
  private sliceStart = performance.now();
  private calls = 0;

  /**
   * Yields when the current slice has run for long enough; true when it did. The clock is read
   * on every `every`-th call only, for loops whose steps are tiny.
   */
  async yieldIfDue(every = 1): Promise<boolean> {
    this.calls += 1;
    if (this.calls % every !== 0 || performance.now() - this.sliceStart < sliceMs) return false;
    await new Promise((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
    return true;
  }
}

const sliceMs = 20;

/**
 * Keeps the one DiagnosticCollection equal to the findings store: inline squiggles and the
 * Problems panel, for open and closed files alike. Large updates are published in slices so
 * the extension host never blocks for long.
 */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('openpypi');
  private readonly subscription: { dispose(): void };
  private generation = 0;
  /** What the collection holds, per URI string: the collection may hand back copies. */
  private readonly published = new Map<string, ResultDiagnostic[]>();
  /**
   * The diagnostic made for each finding shown, so that a finding keeps its diagnostic from one
   * publication to the next and a file whose findings did not change is not sent again. Rebuilt
   * by each publication from what it used (a Map, not a WeakMap: 100,000 weak entries cost the
   * extension host long garbage collections).
   */
  private diagnostics = new Map<Finding, ResultDiagnostic>();
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly store: FindingsStore) {
    this.subscription = store.onDidChange(() => {
      this.pending = this.publish();
    });
  }

  /**
   * The finding behind a diagnostic shown in a document. Code action contexts carry copies of
   * the diagnostics, so they are matched by range, code and message against what was published.
   */
  findingFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Finding | undefined {
    const published = this.published.get(uri.toString()) ?? [];
    const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    for (const candidate of published) {
      const candidateCode =
        typeof candidate.code === 'object' ? candidate.code.value : candidate.code;
      if (
        candidate.range.isEqual(diagnostic.range) &&
        candidate.message === diagnostic.message &&
        candidateCode === code
      ) {
        return candidate.finding;
      }
    }
    return undefined;
  }

  /** Resolves when the diagnostics equal the store (after the latest change). */
  whenPublished(): Promise<void> {
    return this.pending;
  }

  private async publish(): Promise<void> {
    const generation = ++this.generation;
    const slicer = new TimeSlicer();
    const byFile = new Map<string, { uri: vscode.Uri; diagnostics: ResultDiagnostic[] }>();
    const byFolder = new Map<string, Finding[]>();
    const used = new Map<Finding, ResultDiagnostic>();
    for (const entry of this.store.all()) {
      const list = byFolder.get(entry.folder) ?? [];
      for (const finding of entry.findings) list.push(finding);
      byFolder.set(entry.folder, list);
    }
    for (const [folder, findings] of byFolder) {
      const root = folderUri(folder);
      const files = new Map<string, { uri: vscode.Uri; key: string }>();
      const resolve = (relativePath: string): vscode.Uri => fileOf(relativePath).uri;
      const fileOf = (relativePath: string): { uri: vscode.Uri; key: string } => {
        let file = files.get(relativePath);
        if (file === undefined) {
          const uri = vscode.Uri.joinPath(root, relativePath);
          file = { uri, key: uri.toString() };
          files.set(relativePath, file);
        }
        return file;
      };
      // Correlated results of several tools (one vulnerability) become one diagnostic.
      for (const finding of uniqueFindings(findings)) {
        if (await slicer.yieldIfDue(64)) {
          if (generation !== this.generation) return;
        }
        if (finding.location.kind !== 'workspace' || !matchesFilter(finding, noFilter)) continue;
        const diagnostic = this.diagnostics.get(finding) ?? toDiagnostic(finding, resolve);
        if (diagnostic === undefined) continue;
        used.set(finding, diagnostic);
        const { uri, key } = fileOf(finding.location.relativePath);
        let file = byFile.get(key);
        if (file === undefined) {
          file = { uri, diagnostics: [] };
          byFile.set(key, file);
        }
        file.diagnostics.push(diagnostic);
      }
    }
    if (generation !== this.generation) return;
    this.diagnostics = used;
    const stale: vscode.Uri[] = [];
    this.collection.forEach((uri) => {
      if (!byFile.has(uri.toString())) stale.push(uri);
    });
    for (const uri of stale) {
      this.collection.delete(uri);
      this.published.delete(uri.toString());
    }
    let call: [vscode.Uri, vscode.Diagnostic[]][] = [];
    let sent: [string, ResultDiagnostic[]][] = [];
    let inCall = 0;
    const send = (): void => {
      if (call.length > 0) this.collection.set(call);
      for (const [key, diagnostics] of sent) this.published.set(key, diagnostics);
      call = [];
      sent = [];
      inCall = 0;
    };
    for (const [key, file] of byFile) {
      // A file whose findings are the ones it shows already is not sent again.
      if (sameDiagnostics(this.published.get(key), file.diagnostics)) continue;
      if (inCall > 0 && inCall + file.diagnostics.length > diagnosticsPerCall) {
        send();
        if (await slicer.yieldIfDue()) {
          if (generation !== this.generation) return;
        }
      }
      call.push([file.uri, file.diagnostics]);
      sent.push([key, file.diagnostics]);
      inCall += file.diagnostics.length;
    }
    send();
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

function sameDiagnostics(
  published: readonly ResultDiagnostic[] | undefined,
  diagnostics: readonly ResultDiagnostic[],
): boolean {
  return (
    published?.length === diagnostics.length &&
    published.every((diagnostic, index) => diagnostic === diagnostics[index])
  );
}
