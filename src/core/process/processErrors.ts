/** The process ran longer than it was allowed to; it and its children were killed. */
export class ProcessTimeoutError extends Error {
  constructor(
    readonly executable: string,
    readonly timeoutMs: number,
  ) {
    super(
      `${executable} did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped. ` +
        'Raise the timeout (setting openpypi.security.timeoutSeconds, or --timeout) if the tool needs longer.',
    );
    this.name = 'ProcessTimeoutError';
  }
}

/** The process wrote more to stdout than the cap allows; it and its children were killed. */
export class OutputLimitError extends Error {
  constructor(
    readonly executable: string,
    readonly maxBytes: number,
  ) {
    super(
      `${executable} wrote more than ${formatBytes(maxBytes)} to its output, the cap, and was stopped. ` +
        'Scan fewer files, or raise the cap (setting openpypi.security.maxOutputMegabytes).',
    );
    this.name = 'OutputLimitError';
  }
}

/** The executable could not be found or could not be started. */
export class ExecutableNotFoundError extends Error {
  constructor(
    readonly executable: string,
    detail: string,
  ) {
    super(`${executable} was not found: ${detail}`);
    this.name = 'ExecutableNotFoundError';
  }
}

function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1 ? `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB` : `${bytes} bytes`;
}
