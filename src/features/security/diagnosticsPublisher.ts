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

function listOf<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (list === undefined) {
    list = [];
    map.set(key, list);
  }
  return list;
}

/** Whether a file's new diagnostics are the ones already published (in any order). */
function sameDiagnostics(
  published: readonly ResultDiagnostic[] | undefined,
  next: readonly ResultDiagnostic[],
): boolean {
  if (published?.length !== next.length) return false;
  const before = new Set(published);
  return next.every((diagnostic) => before.has(diagnostic));
}

/** Files' diagnostics grouped into calls of at most `diagnosticsPerCall` (a bigger file alone). */
function* inCalls<T>(files: readonly [vscode.Uri, T[]][]): Generator<[vscode.Uri, T[]][]> {
  let call: [vscode.Uri, T[]][] = [];
  let inCall = 0;
  for (const file of files) {
    if (inCall > 0 && inCall + file[1].length > diagnosticsPerCall) {
      yield call;
      call = [];
      inCall = 0;
    }
    call.push(file);
    inCall += file[1].length;
  }
  if (call.length > 0) yield call;
}

/** Shows the findings of an import while they arrive, before the store has them. */
export interface StreamedImport {
  /** Publishes, for each file these findings are on, the file's diagnostics with them. */
  add(findings: readonly Finding[]): void;
  /** The import failed or was cancelled: the diagnostics go back to what the store holds. */
  abort(): void;
}

/**
 * Keeps the one DiagnosticCollection equal to the findings store: inline squiggles and the
 * Problems panel, for open and closed files alike. Large updates are published in slices so
 * the extension host never blocks for long, and only files whose diagnostics changed are sent.
 * An import can publish its findings while they arrive (`stream`).
 */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('openpypi');
  private readonly subscription: { dispose(): void };
  private generation = 0;
  /** What was last published, per URI string: the collection may hand back copies. */
  private readonly published = new Map<string, ResultDiagnostic[]>();
  /**
   * The diagnostic made for each finding shown or being streamed (findings do not change; a
   * changed one is a new object). Each publication keeps only what it used: a Map, because a
   * WeakMap of 100,000 findings cost the extension host long garbage-collection pauses.
   */
  private made = new Map<Finding, ResultDiagnostic | null>();
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
    const used = new Map<Finding, ResultDiagnostic | null>();
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
        const diagnostic = this.diagnosticOf(finding, resolve);
        used.set(finding, diagnostic ?? null);
        if (diagnostic === undefined) continue;
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
    this.made = used;
    const stale: vscode.Uri[] = [];
    this.collection.forEach((uri) => {
      if (!byFile.has(uri.toString())) stale.push(uri);
    });
    for (const uri of stale) {
      this.collection.delete(uri);
      this.published.delete(uri.toString());
    }
    const changed: [vscode.Uri, ResultDiagnostic[]][] = [];
    for (const [key, file] of byFile) {
      if (!sameDiagnostics(this.published.get(key), file.diagnostics))
        changed.push([file.uri, file.diagnostics]);
    }
    for (const call of inCalls(changed)) {
      this.send(call);
      if (await slicer.yieldIfDue()) {
        if (generation !== this.generation) return;
      }
    }
  }

  /**
   * Publishes an import's findings as they arrive, each file with what the store already holds
   * on it from other sources; the store gets the findings when the import is done, and the
   * publication that follows then sends only what differs. Correlated findings (several tools,
   * one vulnerability) are merged across a whole folder, so a folder that has any is published
   * only at the end.
   */
  stream(folder: string, source: string): StreamedImport {
    const root = folderUri(folder);
    const resolve = (relativePath: string): vscode.Uri => vscode.Uri.joinPath(root, relativePath);
    const others = new Map<string, Finding[]>();
    let off = false;
    for (const entry of this.store.all()) {
      if (entry.folder !== folder || entry.source === source) continue;
      for (const finding of entry.findings) {
        if (finding.correlationGuid !== undefined) off = true;
        if (finding.location.kind === 'workspace')
          listOf(others, finding.location.relativePath).push(finding);
      }
    }
    const arrived = new Map<string, Finding[]>();
    return {
      add: (findings) => {
        if (off) return;
        const touched = new Set<string>();
        for (const finding of findings) {
          if (finding.correlationGuid !== undefined) off = true;
          if (finding.location.kind !== 'workspace') continue;
          listOf(arrived, finding.location.relativePath).push(finding);
          touched.add(finding.location.relativePath);
        }
        if (off) return;
        const files: [vscode.Uri, ResultDiagnostic[]][] = [];
        for (const relativePath of touched) {
          const uri = resolve(relativePath);
          const diagnostics: ResultDiagnostic[] = [];
          for (const list of [others.get(relativePath), arrived.get(relativePath)]) {
            for (const finding of list ?? []) {
              if (!matchesFilter(finding, noFilter)) continue;
              const diagnostic = this.diagnosticOf(finding, resolve);
              if (diagnostic !== undefined) diagnostics.push(diagnostic);
            }
          }
          if (diagnostics.length > 0 || this.published.has(uri.toString()))
            files.push([uri, diagnostics]);
        }
        for (const call of inCalls(files)) this.send(call);
      },
      abort: () => {
        this.pending = this.publish();
      },
    };
  }

  private diagnosticOf(
    finding: Finding,
    resolve: (relativePath: string) => vscode.Uri,
  ): ResultDiagnostic | undefined {
    let diagnostic = this.made.get(finding);
    if (diagnostic === undefined) {
      diagnostic = toDiagnostic(finding, resolve) ?? null;
      this.made.set(finding, diagnostic);
    }
    return diagnostic ?? undefined;
  }

  /** Sets some files' diagnostics, and remembers them as published. */
  private send(call: [vscode.Uri, ResultDiagnostic[]][]): void {
    if (call.length === 0) return;
    this.collection.set(call);
    for (const [uri, diagnostics] of call) this.published.set(uri.toString(), diagnostics);
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
