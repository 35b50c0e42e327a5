/** GitHub data as OpenPypi shows it: only the fields the tree and the commands use. */

export interface RepositoryName {
  readonly owner: string;
  readonly name: string;
}

export function fullName(repository: RepositoryName): string {
  return `${repository.owner}/${repository.name}`;
}

/** "owner/name" → RepositoryName, or undefined when it is not of that shape. */
export function parseFullName(text: string): RepositoryName | undefined {
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(text.trim());
  if (!match?.[1] || !match[2] || match[2] === '.' || match[2] === '..') return undefined;
  return { owner: match[1], name: match[2].replace(/\.git$/, '') };
}

export interface GithubAccount {
  readonly login: string;
  /** The classic token's scopes (x-oauth-scopes); undefined for fine-grained tokens and apps. */
  readonly scopes: readonly string[] | undefined;
}

export interface GithubRepository extends RepositoryName {
  readonly private: boolean;
  readonly defaultBranch: string;
  readonly htmlUrl: string;
  readonly cloneUrl: string;
  readonly description: string | undefined;
}

export type AlertSeverity = 'critical' | 'high' | 'medium' | 'low' | 'warning' | 'note' | 'error';

export interface CodeScanningAlert {
  readonly number: number;
  readonly ruleId: string;
  readonly ruleName: string | undefined;
  readonly ruleDescription: string | undefined;
  /** security_severity_level when the rule has one, else its plain severity. */
  readonly severity: AlertSeverity;
  readonly tool: string;
  readonly message: string;
  readonly path: string | undefined;
  readonly startLine: number | undefined;
  readonly endLine: number | undefined;
  readonly startColumn: number | undefined;
  readonly endColumn: number | undefined;
  readonly htmlUrl: string;
  readonly helpUri: string | undefined;
  readonly tags: readonly string[];
}

export interface DependabotAlert {
  readonly number: number;
  readonly packageName: string;
  readonly ecosystem: string;
  readonly severity: string;
  readonly summary: string;
  readonly ghsaId: string;
  readonly manifestPath: string;
  readonly htmlUrl: string;
}

export type WorkflowRunState = 'success' | 'failure' | 'running' | 'cancelled' | 'other' | 'none';

export interface WorkflowSummary {
  readonly id: number;
  readonly name: string;
  readonly path: string;
  readonly lastRun: WorkflowRunState;
  readonly lastRunUrl: string | undefined;
}

export interface ReleaseSummary {
  readonly id: number;
  readonly tagName: string;
  readonly name: string;
  readonly draft: boolean;
  readonly prerelease: boolean;
  readonly htmlUrl: string;
}

export interface SarifUploadStatus {
  readonly status: 'pending' | 'complete' | 'failed';
  readonly errors: readonly string[];
  readonly analysesUrl: string | undefined;
}

export type DismissReason = 'false positive' | "won't fix" | 'used in tests';
