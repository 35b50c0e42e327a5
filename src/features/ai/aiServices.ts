import type { AiProvider } from '../../core/ai/aiProvider';
import type { AuditRecorder } from '../../core/audit/auditEvent';
import type { ProviderStatus } from '../../core/providers/providerStatus';
import type { Redactor } from '../../core/redaction/redactor';
import type { ExtensionLog } from '../logging/outputChannelLogger';

/** What the AI commands need from the rest of the extension. */
export interface AiServices {
  readonly log: ExtensionLog;
  readonly redactor: Redactor;
  readonly audit: AuditRecorder;
  /** The AI provider, built on first use. */
  aiProvider(): Promise<AiProvider>;
  /** Redraws the Providers view (usage, spend or status changed after a request). */
  providersChanged(): void;
  /** Runs the sign-in flow for the AI provider; undefined when the user gave up. */
  signIn(): Promise<ProviderStatus | undefined>;
}

/** Options the AI commands accept from automation and tests in place of a dialog. */
export interface AiCommandOptions {
  /** Answer to "this request may cost more than your limit, send anyway?". */
  readonly confirmCost?: boolean;
  /** Fix with AI only: answer to "apply this fix?". Absent: the user is asked. */
  readonly decision?: 'apply' | 'discard';
}

export function aiCommandOptions(value: unknown): AiCommandOptions {
  if (typeof value !== 'object' || value === null) return {};
  const record = value as Record<string, unknown>;
  return {
    ...(typeof record.confirmCost === 'boolean' ? { confirmCost: record.confirmCost } : {}),
    ...(record.decision === 'apply' || record.decision === 'discard'
      ? { decision: record.decision }
      : {}),
  };
}
