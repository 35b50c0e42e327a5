import * as vscode from 'vscode';
import type { Finding } from '../../core/findings/finding';
import { folderUri } from './folderUri';
import type { ResultDiagnostic } from './resultDiagnostic';
import { shownAsDiagnostic, toDiagnostic } from './resultDiagnostic';

/** One file's findings and their diagnostics, in the order they are published. */
export interface PreparedFile {
  readonly uri: vscode.Uri;
  /** The URI as a string: how the publisher keys the files it shows. */
  readonly key: string;
  readonly findings: Finding[];
  readonly diagnostics: ResultDiagnostic[];
}

/**
 * The diagnostics of an import's findings, made chunk by chunk while the import worker reads the
 * next chunk (the extension host's main thread only waits for the worker then), so that their
 * publication has little left to do: each finding's diagnostic, and the findings grouped by file
 * in the order they came, which is how the publication groups a folder that holds nothing else.
 */
export class DiagnosticsPreparation implements vscode.Disposable {
  private readonly root: vscode.Uri;
  /** Every finding added, in order, and its diagnostic at the same index (none: not a file). */
  private readonly order: Finding[] = [];
  private readonly diagnostics: (ResultDiagnostic | undefined)[] = [];
  /** The diagnostic of each finding, made from the two lists when first asked for. */
  private made: Map<Finding, ResultDiagnostic> | undefined;
  private readonly files = new Map<string, PreparedFile>();
  private readonly uris = new Map<string, vscode.Uri>();
  /** Whether each finding added is shown as it is: on a file, not filtered, not correlated. */
  private asIs = true;

  /** `folder` is the findings' folder key; `onDispose` is told when the import is published. */
  constructor(
    readonly folder: string,
    private readonly onDispose: () => void,
  ) {
    this.root = folderUri(folder);
  }

  /** Makes the diagnostics of findings about to enter the store. */
  add(findings: readonly Finding[]): void {
    const resolve = (relativePath: string): vscode.Uri => this.uriOf(relativePath);
    for (const finding of findings) {
      this.order.push(finding);
      const diagnostic = toDiagnostic(finding, resolve);
      this.diagnostics.push(diagnostic);
      // Kept up to date once made (a publication asked while the import was under way).
      if (diagnostic !== undefined) this.made?.set(finding, diagnostic);
      // Grouped here only when the publication shows it as it is: a correlated finding is
      // joined there with the others of its vulnerability.
      if (
        diagnostic === undefined ||
        finding.correlationGuid !== undefined ||
        !shownAsDiagnostic(finding)
      ) {
        this.asIs = false;
        continue;
      }
      const relativePath = finding.location.relativePath;
      let file = this.files.get(relativePath);
      if (file === undefined) {
        const uri = this.uriOf(relativePath);
        file = { uri, key: uri.toString(), findings: [], diagnostics: [] };
        this.files.set(relativePath, file);
      }
      file.findings.push(finding);
      file.diagnostics.push(diagnostic);
    }
  }

  /**
   * The diagnostic made for a finding, if this preparation made one. Only a publication that
   * groups the findings itself asks (a folder that shows other findings too), so the map from
   * findings to diagnostics is made then, not for every import.
   */
  diagnosticOf(finding: Finding): ResultDiagnostic | undefined {
    if (this.made === undefined) {
      this.made = new Map();
      for (let index = 0; index < this.order.length; index++) {
        const diagnostic = this.diagnostics[index];
        const made = this.order[index];
        if (diagnostic !== undefined && made !== undefined) this.made.set(made, diagnostic);
      }
    }
    return this.made.get(finding);
  }

  /**
   * The prepared files, when a folder's findings (in the order the publication takes them) are
   * exactly the findings added here, in the same order, each shown as it is: the publication
   * would group them into these very files. Undefined otherwise (another source's findings in
   * the same folder, a filtered or correlated finding): the publication groups them itself.
   */
  filesFor(folder: string, findings: readonly Finding[]): Iterable<PreparedFile> | undefined {
    if (folder !== this.folder || !this.asIs || findings.length !== this.order.length) {
      return undefined;
    }
    for (let index = 0; index < findings.length; index++) {
      if (findings[index] !== this.order[index]) return undefined;
    }
    return this.files.values();
  }

  /** Drops what was made: the import is published, or failed. */
  dispose(): void {
    this.onDispose();
  }

  private uriOf(relativePath: string): vscode.Uri {
    let uri = this.uris.get(relativePath);
    if (uri === undefined) {
      uri = vscode.Uri.joinPath(this.root, relativePath);
      this.uris.set(relativePath, uri);
    }
    return uri;
  }
}
