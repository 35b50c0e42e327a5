import type { Logger } from '../core/logging/logger';
import type { Redactor } from '../core/redaction/redactor';

/** What a CLI command works with: its streams, logger, folder and environment. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly logger: Logger;
  readonly redactor: Redactor;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly signal?: AbortSignal;
}
