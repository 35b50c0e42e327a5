import type { Logger } from '../core/logging/logger';
import { createRedactingLogger } from '../core/logging/redactingLogger';
import type { Redactor } from '../core/redaction/redactor';

export type Verbosity = 'quiet' | 'normal' | 'verbose';

/** The CLI's logger: redacted lines on stderr, prefixed with their level. */
export function createStderrLogger(
  write: (line: string) => void,
  redactor: Redactor,
  verbosity: Verbosity,
): Logger {
  const show = (minimum: Verbosity): boolean =>
    verbosity === 'verbose' || (verbosity === 'normal' && minimum !== 'verbose');
  return createRedactingLogger(
    {
      error: (line) => {
        write(`openpypi: error: ${line}\n`);
      },
      warn: (line) => {
        if (show('normal')) write(`openpypi: warning: ${line}\n`);
      },
      info: (line) => {
        if (show('verbose')) write(`openpypi: ${line}\n`);
      },
      debug: (line) => {
        if (show('verbose')) write(`openpypi: debug: ${line}\n`);
      },
    },
    redactor,
  );
}
