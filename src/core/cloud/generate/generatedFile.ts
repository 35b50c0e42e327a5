/** One file a generator proposes; the glue turns the set into one WorkspaceEdit. */
export interface GeneratedFile {
  /** Relative posix path inside the workspace folder. */
  readonly path: string;
  readonly content: string;
}
