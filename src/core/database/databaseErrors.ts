/**
 * A connection or statement failure in words a person can act on: what failed, where, and what
 * to do. The runtime throws it; it crosses the bundle boundary, so it is recognised by name.
 */
export class DatabaseError extends Error {
  constructor(
    message: string,
    readonly reason:
      | 'authentication'
      | 'unreachable'
      | 'timeout'
      | 'syntax'
      | 'statement'
      | 'missing-file'
      | 'not-a-database'
      | 'other',
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

export function isDatabaseError(error: unknown): error is DatabaseError {
  return error instanceof Error && error.name === 'DatabaseError' && 'reason' in error;
}
