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
    (error instanceof Error &&
      // By name too: a lazily loaded runtime bundle has its own copy of this class.
      (error.name === 'AbortError' || error.name === 'Canceled' || error.name === 'CancelledError'))
  );
}
