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
