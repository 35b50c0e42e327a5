/** The logging surface the core writes to. The extension backs it with a LogOutputChannel, the CLI with stderr. */
export interface Logger {
  error(message: string, error?: unknown): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

export type LogLevel = 'error' | 'warning' | 'info' | 'debug';

/** A logger that drops everything, for callers that have nothing to say. */
export const silentLogger: Logger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};
