/** What a tool did in the last scan of a folder, when it is worth showing in the tree. */
export interface ToolState {
  readonly folder: string;
  readonly tool: string;
  readonly status: 'running' | 'not-installed' | 'failed' | 'timed-out' | 'cancelled';
  readonly message: string | undefined;
  /** The command that installs the tool, e.g. `pip install bandit`. */
  readonly installHint: string | undefined;
}
