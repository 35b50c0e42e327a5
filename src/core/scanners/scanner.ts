import type { Run } from 'sarif';
import type { PackageLocator } from '../manifests/manifestIndex';
import type { ToolId } from './toolId';

/** What one run of a tool looks at. */
export interface ScanTarget {
  /** The workspace root (absolute); the tool runs with it as working directory. */
  root: string;
  /** Python manifests present in the workspace, relative posix paths. */
  manifests: readonly string[];
  /** The tool's version, when known: some tools changed their command line between majors. */
  toolVersion?: string;
}

/** What a parser needs besides the tool's stdout. */
export interface ParseContext {
  root: string;
  toolVersion?: string;
  /** Finds the manifest line that declares a package (dependency scanners). */
  locator?: PackageLocator;
  /** The manifests the tool audited, relative posix paths, most relevant first. */
  auditedManifests?: readonly string[];
  /** The container image scanned, when the tool scanned one (Trivy `image`). */
  imageReference?: string;
}

export type ExitCodeMeaning = 'ok' | 'findings' | 'error';

/** A scanner described as data: how to call it and how to read what it prints. */
export interface Scanner {
  id: ToolId;
  displayName: string;
  informationUri: string;
  /** The command that installs the tool, shown when it is missing. */
  installHint: string;
  executableName: string;
  /** Whether the tool's findings are about packages, placed with the manifest finder. */
  readsManifests: boolean;
  /** Arguments to scan the whole workspace, or undefined when there is nothing for this tool to scan. */
  argsForWorkspace(target: ScanTarget): string[] | undefined;
  /** Arguments to scan only these files (relative posix), or undefined when none concern this tool. */
  argsForFiles(target: ScanTarget, files: readonly string[]): string[] | undefined;
  versionArgs: readonly string[];
  parseVersion(output: string): string | undefined;
  exitCodeMeaning(code: number): ExitCodeMeaning;
  /**
   * Turns the tool's stdout into one SARIF run.
   * @throws ScannerOutputError when the output is not what the tool writes; nothing else.
   */
  parse(stdout: string, context: ParseContext): Run;
}
