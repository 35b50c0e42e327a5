import { CancelledError } from '../errors/cancelledError';

/**
 * How often and how long a failed AI request is retried. Only rate limits (429), timeouts
 * (408) and server errors (5xx) or a dropped connection are retried; a `retry-after` from the
 * server wins over the computed backoff, and a wait longer than `maxRetryAfterMs` is not
 * waited out at all: the caller gets "rate limited, retry in N s" at once.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

/** What the retry loop needs to know about one failure. */
export interface FailureClass {
  readonly retryable: boolean;
  /** The server's own wait, from `retry-after-ms` or `retry-after`. */
  readonly retryAfterMs?: number;
}

export function isRetryableStatus(status: number | undefined): boolean {
  return status === 408 || status === 429 || (status !== undefined && status >= 500);
}

/** Reads `retry-after-ms` (OpenAI), then `retry-after` in seconds or as an HTTP date. */
export function parseRetryAfter(
  header: (name: string) => string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const ms = Number.parseFloat(header('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) {
    return Math.round(ms);
  }
  const value = header('retry-after')?.trim();
  if (!value) {
    return undefined;
  }
  if (/^\d+(\.\d+)?$/.test(value)) {
    return Math.round(Number.parseFloat(value) * 1000);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1), or undefined when the loop
 * must stop. Exponential backoff with full jitter, capped; `retry-after` replaces it.
 */
export function retryDelayMs(
  attempt: number,
  failure: FailureClass,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | undefined {
  if (!failure.retryable || attempt >= policy.maxAttempts) {
    return undefined;
  }
  if (failure.retryAfterMs !== undefined) {
    return failure.retryAfterMs <= policy.maxRetryAfterMs ? failure.retryAfterMs : undefined;
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export interface RetryOptions {
  readonly policy: RetryPolicy;
  readonly classify: (error: unknown) => FailureClass;
  readonly signal?: AbortSignal;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
  readonly random?: () => number;
}

/** Runs `operation` until it succeeds, fails for good, or the signal aborts. */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const sleep = options.sleep ?? abortableSleep;
  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) {
      throw new CancelledError();
    }
    try {
      return await operation(attempt);
    } catch (error) {
      if (options.signal?.aborted) {
        throw new CancelledError();
      }
      const delay = retryDelayMs(attempt, options.classify(error), options.policy, options.random);
      if (delay === undefined) {
        throw error;
      }
      options.onRetry?.(attempt, delay, error);
      await sleep(delay, options.signal);
    }
  }
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new CancelledError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
