import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { DiagnosticsPreparation, type PreparedFile } from './diagnosticsPreparation';
import { folderUri } from './folderUri';
import type { Finding } from '../../core/findings/finding';
import { uniqueFindings } from '../../core/findings/findingGroups';
import type { FindingsStore } from '../../core/findings/findingsStore';
import type { ResultDiagnostic } from './resultDiagnostic';
import { shownAsDiagnostic, toDiagnostic } from './resultDiagnostic';

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
   * Whether the current slice has run for long enough. The clock is read on every `every`-th
   * call only, for loops whose steps are tiny. Synchronous: awaiting a check on each of 100,000
   * steps cost a promise and a microtask turn each.
   */
  due(every = 1): boolean {
    this.calls += 1;
    return this.calls % every === 0 && performance.now() - this.sliceStart >= sliceMs;
  }

  /** Lets the event loop run, and starts a new slice. */
  async pause(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
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
  private pending: Promise<void> = Promise.resolve();
  /** Diagnostics made ahead of their publication, one per import under way (prepare). */
  private readonly preparations = new Set<DiagnosticsPreparation>();

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

  /**
   * Lets an import make the diagnostics of its findings before they enter the store (each chunk
   * while the worker reads the next one), so that their publication only has to send them.
   * `folder` is the findings' folder key. Dispose of it once the import is published.
   */
  prepare(folder: string): DiagnosticsPreparation {
    const preparation = new DiagnosticsPreparation(folder, () => {
      this.preparations.delete(preparation);
    });
    this.preparations.add(preparation);
    return preparation;
  }

  /** Resolves when the diagnostics equal the store (after the latest change). */
  whenPublished(): Promise<void> {
    return this.pending;
  }

  private async publish(): Promise<void> {
    const generation = ++this.generation;
    const prepared = [...this.preparations];
    const diagnosticOf = (finding: Finding, file: PendingFile): ResultDiagnostic | undefined => {
      for (const preparation of prepared) {
        const diagnostic = preparation.diagnosticOf(finding);
        if (diagnostic !== undefined) return diagnostic;
      }
      return toDiagnostic(finding, file.resolve);
    };
    const slicer = new TimeSlicer();
    const byFile = new Map<string, PendingFile | PreparedFile>();
    for (const [folder, findings] of findingsByFolder(this.store)) {
      // A folder showing one import and nothing else: its files were grouped as they came.
      const ready = firstDefined(prepared, (preparation) => preparation.filesFor(folder, findings));
      if (ready !== undefined) {
        for (const file of ready) byFile.set(file.key, file);
        continue;
      }
      const root = folderUri(folder);
      const files = new Map<string, PendingFile>();
      const resolve = (relativePath: string): vscode.Uri => fileOf(relativePath).uri;
      const fileOf = (relativePath: string): PendingFile => {
        let file = files.get(relativePath);
        if (file === undefined) {
          const uri = vscode.Uri.joinPath(root, relativePath);
          file = { uri, key: uri.toString(), findings: [], resolve };
          files.set(relativePath, file);
        }
        return file;
      };
      // Correlated results of several tools (one vulnerability) become one diagnostic.
      for (const finding of uniqueFindings(findings)) {
        if (slicer.due(64)) {
          await slicer.pause();
          if (generation !== this.generation) return;
        }
        if (!shownAsDiagnostic(finding)) continue;
        const file = fileOf(finding.location.relativePath);
        if (file.findings.length === 0) byFile.set(file.key, file);
        file.findings.push(finding);
      }
    }
    if (generation !== this.generation) return;
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
      // A file that shows these very findings already is not sent again.
      if (showsAlready(this.published.get(key), file.findings)) continue;
      if (inCall > 0 && inCall + file.findings.length > diagnosticsPerCall) {
        send();
        if (slicer.due()) {
          await slicer.pause();
          if (generation !== this.generation) return;
        }
      }
      let diagnostics: ResultDiagnostic[];
      if ('diagnostics' in file) {
        diagnostics = file.diagnostics;
      } else {
        diagnostics = [];
        for (const finding of file.findings) {
          const diagnostic = diagnosticOf(finding, file);
          if (diagnostic !== undefined) diagnostics.push(diagnostic);
        }
      }
      call.push([file.uri, diagnostics]);
      sent.push([key, diagnostics]);
      inCall += diagnostics.length;
    }
    send();
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

/** A file's findings, gathered before its diagnostics are made. */
interface PendingFile {
  readonly uri: vscode.Uri;
  readonly key: string;
  readonly findings: Finding[];
  readonly resolve: (relativePath: string) => vscode.Uri;
}

/** Each folder's findings in store order; a folder with one source keeps that source's array. */
function findingsByFolder(store: FindingsStore): Map<string, readonly Finding[]> {
  const sources = new Map<string, (readonly Finding[])[]>();
  for (const entry of store.all()) {
    const lists = sources.get(entry.folder) ?? [];
    lists.push(entry.findings);
    sources.set(entry.folder, lists);
  }
  const byFolder = new Map<string, readonly Finding[]>();
  for (const [folder, lists] of sources) {
    // One copy of all of a folder's findings, not one per source added to it.
    byFolder.set(folder, lists.length === 1 ? (lists[0] ?? []) : lists.flat());
  }
  return byFolder;
}

function firstDefined<T, R>(items: Iterable<T>, map: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const mapped = map(item);
    if (mapped !== undefined) return mapped;
  }
  return undefined;
}

/** Whether the diagnostics a file shows were made from exactly these findings, in this order. */
function showsAlready(
  published: readonly ResultDiagnostic[] | undefined,
  findings: readonly Finding[],
): boolean {
  return (
    published?.length === findings.length &&
    published.every((diagnostic, index) => diagnostic.finding === findings[index])
  );
}
