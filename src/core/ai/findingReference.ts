/** A security finding as the AI commands receive it: from a diagnostic or a findings-tree node. */
export interface FindingReference {
  readonly message: string;
  readonly ruleId?: string;
  /** Workspace-relative or absolute path; only its relative form goes into a prompt. */
  readonly file?: string;
  /** 1-based. */
  readonly line?: number;
  /** The tool that reported it, e.g. "Bandit". */
  readonly source?: string;
}
