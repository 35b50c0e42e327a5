import type { Run } from 'sarif';
import { primaryWorkspaceLocation } from '../../core/sarif/resultFacts';

/**
 * The SARIF runs behind what the editor shows, per workspace folder and source (a tool id or
 * `import:<file>`). A rescan of a tool replaces its runs; a scan of one file replaces only that
 * file's results in the tool's runs. The merged log, the export and the baseline are built
 * from here.
 */
export class FolderRuns {
  private readonly runs = new Map<string, Map<string, Run[]>>();
  /** Imported logs are kept as their files and read again when a merged log is needed. */
  private readonly imports = new Map<string, Map<string, string>>();

  sources(folder: string): Map<string, Run[]> {
    let sources = this.runs.get(folder);
    if (sources === undefined) {
      sources = new Map();
      this.runs.set(folder, sources);
    }
    return sources;
  }

  folders(): string[] {
    return [...new Set([...this.runs.keys(), ...this.imports.keys()])];
  }

  recordImport(folder: string, source: string, file: string): void {
    let sources = this.imports.get(folder);
    if (sources === undefined) {
      sources = new Map();
      this.imports.set(folder, sources);
    }
    sources.set(source, file);
  }

  /** The files imported into a folder, by source. */
  importedFiles(folder: string): ReadonlyMap<string, string> {
    return this.imports.get(folder) ?? new Map<string, string>();
  }

  /** Every run of the folder's scans. */
  all(folder: string): Run[] {
    return [...(this.runs.get(folder)?.values() ?? [])].flat();
  }

  replace(folder: string, source: string, runs: Run[]): void {
    this.sources(folder).set(source, runs);
  }

  /** Keeps the source's results on other files and adds the new runs for `files`. */
  replaceFiles(folder: string, source: string, files: readonly string[], runs: Run[]): void {
    const only = new Set(files);
    const kept = (this.sources(folder).get(source) ?? []).map((run) => ({
      ...run,
      results: (run.results ?? []).filter((result) => {
        const location = primaryWorkspaceLocation(result);
        return location === undefined || !only.has(location.path);
      }),
    }));
    this.sources(folder).set(source, [...kept, ...runs]);
  }

  clear(): void {
    this.runs.clear();
    this.imports.clear();
  }
}

/**
 * Sources that a scan never replaces: imported files, and alerts downloaded from GitHub code
 * scanning (`github:code-scanning`, replaced only by the next download).
 */
export function isImportSource(source: string): boolean {
  return source.startsWith('import:') || source.startsWith('github:');
}
