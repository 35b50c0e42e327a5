/**
 * A request that cannot be carried out as asked (no folder open, no file to scan, no finding
 * selected). Its message says what is missing and what to do; it is shown as a warning and
 * logged as information, because nothing failed.
 */
export class UserError extends Error {
  /** The brand `isUserError` reads: it survives the bundle boundary, unlike the class. */
  readonly userError = true;

  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * The other error classes whose errors are the user's to fix, by name (a lazily loaded runtime
 * throws its own copies of these classes), each with what makes one of its errors a user error.
 * The classes not named here are defects or flow control: ScannerOutputError (a tool's output
 * OpenPypi cannot read), BackRequested (the generator's Back button), CancelledError (quiet).
 */
const userErrorClasses: Readonly<Record<string, (error: Error) => boolean>> = {
  // No key or token yet: the user signs in.
  NotConfiguredError: () => true,
  // No OS keyring: the user starts one or configures VS Code's password store.
  SecretStorageUnavailableError: () => true,
  // A GitHub, AI or Docker service that refused or could not be reached: the user signs in
  // again, checks a name or a setting, or waits (rate limit, service down); nothing here failed.
  GithubRequestError: () => true,
  AiRequestError: () => true,
  EngineError: () => true,
  // The user's database: its address, credentials, file or SQL. Only 'other' is unexplained.
  DatabaseError: (error) => (error as { reason?: unknown }).reason !== 'other',
  // The user's files: a manifest, a SARIF log or a project template that cannot be read.
  ManifestParseError: () => true,
  SarifImportError: () => true,
  TemplateError: () => true,
  // A tool the user configures: not found, too slow or too talkative for the settings' limits.
  ExecutableNotFoundError: () => true,
  ProcessTimeoutError: () => true,
  OutputLimitError: () => true,
  // A command line the CLI cannot act on.
  CliUsageError: () => true,
};

/**
 * True for an error that is the user's to fix rather than a defect: a UserError (or subclass)
 * from this bundle or a lazily loaded runtime, recognised by its brand or name since each bundle
 * has its own copy of the class, or an error of one of the classes above.
 */
export function isUserError(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  if (error.name === 'UserError' || (error as { userError?: unknown }).userError === true) {
    return true;
  }
  const isUsers = Object.hasOwn(userErrorClasses, error.name)
    ? userErrorClasses[error.name]
    : undefined;
  return isUsers?.(error) ?? false;
}
