import * as vscode from 'vscode';
import type { Logger } from '../../core/logging/logger';
import { createRedactingLogger } from '../../core/logging/redactingLogger';
import type { Redactor } from '../../core/redaction/redactor';

/** The extension's one log: a LogOutputChannel named "OpenPypi", every line redacted. */
export interface ExtensionLog extends Logger {
  show(): void;
  /** The same redaction the log applies, for text shown to the user in a message. */
  redact(text: string): string;
}

export function createOutputChannelLogger(redactor: Redactor): ExtensionLog & { dispose(): void } {
  const channel = vscode.window.createOutputChannel('OpenPypi', { log: true });
  const logger = createRedactingLogger(
    {
      error: (line) => {
        channel.error(line);
      },
      warn: (line) => {
        channel.warn(line);
      },
      info: (line) => {
        channel.info(line);
      },
      debug: (line) => {
        channel.debug(line);
      },
    },
    redactor,
  );
  return {
    ...logger,
    show: () => {
      channel.show(true);
    },
    redact: (text) => redactor.redact(text),
    dispose: () => {
      channel.dispose();
    },
  };
}
