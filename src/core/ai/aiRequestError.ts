import { isRetryableStatus, parseRetryAfter, type FailureClass } from './retryPolicy';

export type AiErrorKind =
  | 'invalid-key'
  | 'permission-denied'
  | 'model-not-found'
  | 'rate-limited'
  | 'server-error'
  | 'bad-request'
  | 'unreachable'
  | 'timeout';

/** A failed AI request, with a message a person can act on. */
export class AiRequestError extends Error {
  constructor(
    readonly kind: AiErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'AiRequestError';
  }
}

/** The shape of an HTTP failure as the openai SDK reports it (APIError), read structurally. */
interface HttpFailure {
  readonly status?: number;
  readonly headers?: { get(name: string): string | null } | undefined;
  readonly message?: string;
  readonly name?: string;
}

function asHttpFailure(error: unknown): HttpFailure | undefined {
  return typeof error === 'object' && error !== null ? error : undefined;
}

/** The server's own error text, without the SDK's "401 " status prefix. */
function serverMessage(failure: HttpFailure): string {
  return (failure.message ?? '')
    .replace(/^\d{3}\s+/, '')
    .trim()
    .replace(/\.+$/, '');
}

function retryAfterOf(failure: HttpFailure): number | undefined {
  const headers = failure.headers;
  return headers && typeof headers.get === 'function'
    ? parseRetryAfter((name) => headers.get(name))
    : undefined;
}

/** Whether the retry loop should try again, and after how long the server asked for. */
export function classifyFailure(error: unknown): FailureClass {
  const failure = asHttpFailure(error);
  if (!failure) {
    return { retryable: false };
  }
  if (failure.status === undefined) {
    // No HTTP answer at all: a dropped or refused connection, or the SDK's timeout.
    const retryable =
      failure.name === 'APIConnectionError' || failure.name === 'APIConnectionTimeoutError';
    return { retryable };
  }
  const retryAfterMs = retryAfterOf(failure);
  return retryAfterMs === undefined
    ? { retryable: isRetryableStatus(failure.status) }
    : { retryable: isRetryableStatus(failure.status), retryAfterMs };
}

/** Turns whatever the SDK threw into an AiRequestError that says what to do. */
export function describeAiFailure(error: unknown, host: string, model: string): AiRequestError {
  if (error instanceof AiRequestError) {
    return error;
  }
  const failure = asHttpFailure(error) ?? {};
  const status = failure.status;
  const detail = serverMessage(failure);
  switch (status) {
    case 401:
      return new AiRequestError(
        'invalid-key',
        `Invalid key: ${host} rejected the API key (401). Sign in to the AI provider again with a valid key.`,
        status,
      );
    case 403:
      return new AiRequestError(
        'permission-denied',
        `Permission denied by ${host} (403): ${detail || 'the key may not access this model or project'}.`,
        status,
      );
    case 404:
      return new AiRequestError(
        'model-not-found',
        `Model not found: "${model}" is not available at ${host}. Choose another model in the setting openpypi.ai.model.`,
        status,
      );
    case 429: {
      const retryAfterMs = retryAfterOf(failure);
      const wait =
        retryAfterMs === undefined
          ? 'later'
          : `in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s`;
      return new AiRequestError(
        'rate-limited',
        `Rate limited by ${host}, retry ${wait}${detail ? ` (${detail})` : ''}.`,
        status,
        retryAfterMs,
      );
    }
    case undefined:
      if (failure.name === 'APIConnectionTimeoutError') {
        return new AiRequestError('timeout', `${host} did not answer in time.`);
      }
      return new AiRequestError(
        'unreachable',
        `Cannot reach ${host}: ${detail || 'connection failed'}. Check the setting openpypi.ai.baseUrl and your network.`,
      );
    default:
      if (status >= 500) {
        return new AiRequestError(
          'server-error',
          `The AI service at ${host} failed (${status})${detail ? `: ${detail}` : ''}. Try again later.`,
          status,
        );
      }
      return new AiRequestError(
        'bad-request',
        `${host} refused the request (${status})${detail ? `: ${detail}` : ''}.`,
        status,
      );
  }
}
