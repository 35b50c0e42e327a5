import type { Redactor } from '../redaction/redactor';
import { describeError } from './describeError';
import type { Logger } from './logger';

/** What a redacting logger writes to once a line is safe. */
export interface LogSink {
  error(line: string): void;
  warn(line: string): void;
  info(line: string): void;
  debug(line: string): void;
}

/** Wraps a sink so that no line reaches it before the redactor has seen it. */
export function createRedactingLogger(sink: LogSink, redactor: Redactor): Logger {
  return {
    error: (message, error) => {
      const detail = error === undefined ? '' : `: ${describeError(error)}`;
      const stack = error instanceof Error && error.stack ? `\n${error.stack}` : '';
      sink.error(redactor.redact(`${message}${detail}${stack}`));
    },
    warn: (message) => {
      sink.warn(redactor.redact(message));
    },
    info: (message) => {
      sink.info(redactor.redact(message));
    },
    debug: (message) => {
      sink.debug(redactor.redact(message));
    },
  };
}
