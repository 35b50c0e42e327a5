/** Thrown when the user or a signal cancels work. It is quiet: it is logged at debug level and never shown as a failure. */
export class CancelledError extends Error {
  constructor(message = 'Cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

export function isCancelled(error: unknown): boolean {
  return (
    error instanceof CancelledError ||
    (error instanceof Error && (error.name === 'AbortError' || error.name === 'Canceled'))
  );
}
