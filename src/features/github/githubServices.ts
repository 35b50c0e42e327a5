import type { AuditRecorder } from '../../core/audit/auditEvent';
import type { FindingsStore } from '../../core/findings/findingsStore';
import type { Redactor } from '../../core/redaction/redactor';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import type { GithubAccountService } from './githubAccount';

/** What the GitHub commands need from the rest of the extension. */
export interface GithubServices {
  readonly account: GithubAccountService;
  readonly log: ExtensionLog;
  readonly redactor: Redactor;
  readonly audit: AuditRecorder;
  /** The security feature's findings: GitHub alerts join them as one more source. */
  readonly store: FindingsStore;
  /** Redraws the GitHub rows of the Providers view. */
  refreshView(): void;
}

/** The findings-store source of alerts downloaded from GitHub code scanning. */
export const githubFindingsSource = 'github:code-scanning';

/** Options the commands take from automation and tests in place of dialogs. */
export function commandOptions(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function stringOption(options: Record<string, unknown>, key: string): string | undefined {
  const value = options[key];
  return typeof value === 'string' ? value : undefined;
}
