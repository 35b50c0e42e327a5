import { UserError } from '../errors/userError';

/** What OpenPypi knows about a failed GitHub request, from the error's own fields. */
export interface GithubFailure {
  readonly kind:
    'unauthorized' | 'rate-limited' | 'not-found' | 'forbidden' | 'invalid' | 'server' | 'network';
  readonly status: number | undefined;
  readonly message: string;
}

/**
 * A GitHub request that failed in a way the user can act on (sign in again, wait for the rate
 * limit, check the repository name or access). `kind` says which, for the tree and the status.
 */
export class GithubRequestError extends UserError {
  /**
   * A lazily loaded runtime has its own copy of this class: `instanceof` recognises any copy's
   * errors by name and failure, so both bundles tell a GitHub failure apart.
   */
  static override [Symbol.hasInstance](value: unknown): value is GithubRequestError {
    return (
      value instanceof Error &&
      value.name === 'GithubRequestError' &&
      typeof (value as { failure?: unknown }).failure === 'object'
    );
  }

  constructor(readonly failure: GithubFailure) {
    super(failure.message);
    this.name = 'GithubRequestError';
  }
}

interface ErrorShape {
  status?: unknown;
  message?: unknown;
  name?: unknown;
  response?: { headers?: Record<string, unknown>; data?: unknown };
}

function header(error: ErrorShape, name: string): string | undefined {
  const value = error.response?.headers?.[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function githubMessage(error: ErrorShape): string {
  const data = error.response?.data;
  if (typeof data === 'object' && data !== null && 'message' in data) {
    const message = data.message;
    if (typeof message === 'string') return message.slice(0, 300);
  }
  return typeof error.message === 'string' ? error.message.slice(0, 300) : '';
}

function waitText(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * Turns an Octokit error (recognised by its fields: it comes from the runtime bundle) into a
 * message that says what went wrong and what to do. `what` names the request ("list the
 * repositories"), `repository` the owner/name it was about, if any.
 */
export function describeGithubFailure(
  error: unknown,
  what: string,
  repository?: string,
  now: number = Date.now(),
): GithubFailure {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const status = typeof shape.status === 'number' ? shape.status : undefined;
  const said = githubMessage(shape);
  const remaining = header(shape, 'x-ratelimit-remaining');
  const reset = Number(header(shape, 'x-ratelimit-reset'));
  const retryAfter = Number(header(shape, 'retry-after'));
  if (status === 429 || (status === 403 && (remaining === '0' || /rate limit/i.test(said)))) {
    const seconds =
      Number.isFinite(retryAfter) && retryAfter > 0
        ? retryAfter
        : Number.isFinite(reset) && reset > 0
          ? reset - now / 1000
          : undefined;
    const when =
      seconds === undefined
        ? 'Wait a few minutes'
        : `It resets at ${new Date(now + seconds * 1000).toISOString().slice(11, 16)} UTC (in ${waitText(seconds)}); try again then`;
    return {
      kind: 'rate-limited',
      status,
      message: `GitHub's rate limit stopped OpenPypi from trying to ${what}. ${when}.`,
    };
  }
  if (status === 401) {
    return {
      kind: 'unauthorized',
      status,
      message: `GitHub refused the token (it expired or was revoked) when OpenPypi tried to ${what}. Sign in to GitHub again.`,
    };
  }
  if (status === 404) {
    return {
      kind: 'not-found',
      status,
      message: repository
        ? `GitHub answered "not found" when OpenPypi tried to ${what} of ${repository}: the repository does not exist, or it is private and the signed-in account (or the token's scopes) cannot see it. Check the name, or sign in with an account that has access.`
        : `GitHub answered "not found" when OpenPypi tried to ${what}. Check the name and that the signed-in account has access.`,
    };
  }
  if (status === 403) {
    const scopes = header(shape, 'x-accepted-oauth-scopes');
    return {
      kind: 'forbidden',
      status,
      message: `GitHub refused to ${what}${repository ? ` for ${repository}` : ''}: ${said || 'forbidden'}.${scopes ? ` It needs a token with the scope(s) ${scopes}.` : ''}`,
    };
  }
  if (status === 422 || status === 400) {
    return {
      kind: 'invalid',
      status,
      message: `GitHub rejected the request to ${what}${repository ? ` for ${repository}` : ''}: ${said || 'invalid request'}.`,
    };
  }
  if (status !== undefined && status >= 500) {
    return {
      kind: 'server',
      status,
      message: `GitHub had a server error (${status}) when OpenPypi tried to ${what}, also after 3 retries. Try again later.`,
    };
  }
  return {
    kind: 'network',
    status,
    message: `OpenPypi could not reach GitHub to ${what}: ${said || 'no answer'}. Check the network and the setting openpypi.github.apiUrl.`,
  };
}

export function isCancellation(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'AbortError' ||
      error.name === 'CancelledError' ||
      /aborted/i.test(error.message))
  );
}
