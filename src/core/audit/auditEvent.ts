import type { ProviderId } from '../providers/providerId';

/**
 * The security events OpenPypi records. Values are counts, names and ids: never a token, never
 * prompt text. Other features add their events here as they land.
 */
export type AuditEvent =
  | { readonly type: 'token.stored'; readonly provider: ProviderId; readonly validated: boolean }
  | { readonly type: 'token.removed'; readonly provider: ProviderId }
  | {
      readonly type: 'ai.request';
      readonly purpose:
        'explain-finding' | 'fix-finding' | 'generate-tests' | 'review-file' | 'generate-project';
      readonly model: string;
      readonly host: string;
      readonly promptTokens: number;
      readonly completionTokens?: number;
      readonly estimatedCostUsd?: number;
      readonly costUsd?: number;
      readonly outcome: 'completed' | 'cancelled' | 'failed' | 'declined';
    }
  | { readonly type: 'ai.fix.applied' | 'ai.fix.rejected'; readonly file: string }
  | { readonly type: 'scan.started'; readonly scanners: readonly string[]; readonly target: string }
  | {
      readonly type: 'scan.finished';
      readonly scanners: readonly string[];
      readonly target: string;
      readonly results: number;
      /** Tools that were missing, failed or timed out. */
      readonly errors: number;
      readonly durationMs: number;
      readonly cancelled?: boolean;
    }
  | { readonly type: 'sarif.imported'; readonly file: string; readonly results: number }
  | {
      readonly type: 'suppression.added';
      readonly ruleId: string;
      readonly file: string;
      readonly reason: string;
    }
  | { readonly type: 'image.quarantined' | 'image.released'; readonly image: string }
  | { readonly type: 'sarif.uploaded'; readonly repository: string; readonly results: number }
  | {
      /** SQL other than SELECT/EXPLAIN/SHOW, run after confirmation: kinds, never the text. */
      readonly type: 'database.statements';
      readonly connection: string;
      readonly kinds: readonly string[];
      readonly statements: number;
      readonly outcome: 'completed' | 'failed' | 'cancelled';
    }
  | {
      readonly type: 'database.migration';
      readonly connection: string;
      readonly action: 'upgrade' | 'downgrade';
      readonly outcome: 'completed' | 'failed' | 'cancelled';
    }
  | {
      readonly type: 'cloud.deploy';
      readonly context: string;
      readonly namespace: string;
      readonly files: readonly string[];
      readonly outcome: 'applied' | 'failed' | 'cancelled' | 'declined';
      readonly exitCode?: number;
      /** The last lines kubectl printed (redacted by the audit log like everything else). */
      readonly output?: string;
    }
  | { readonly type: 'cloud.key.stored' | 'cloud.key.removed'; readonly name: string };

/** What other features call to record an event; they never see the file. */
export interface AuditRecorder {
  record(event: AuditEvent): Promise<void>;
}

/** For callers (the CLI, tests) that keep no audit trail. */
export const noAudit: AuditRecorder = { record: () => Promise.resolve() };
