/**
 * A request that cannot be carried out as asked (no folder open, no file to scan, no finding
 * selected). Its message says what is missing and what to do; it is shown as a warning and
 * logged as information, because nothing failed.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * True for a UserError from this bundle or from a lazily loaded runtime (which has its own copy
 * of the class, so `instanceof` alone would miss it).
 */
export function isUserError(error: unknown): error is UserError {
  return error instanceof Error && error.name === 'UserError';
}
