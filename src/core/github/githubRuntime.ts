/**
 * The GitHub runtime: everything that pulls in Octokit (with its retry and throttling plugins),
 * libsodium and the YAML writer. The build emits this module as dist/github-runtime.js and the GitHub feature
 * loads it with a lazy require on first use (see githubRuntimeLoader.ts), so neither activation nor
 * the Providers view loads an SDK until GitHub is actually used.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import sodium from 'libsodium-wrappers';

// The generators write YAML with the `yaml` package (a quarter of a megabyte): loaded with
// the runtime, not at activation.
export { dependabotConfig } from './dependabotConfig';
export { mergeDependabotConfig } from './mergeDependabotConfig';
export { securityWorkflow } from './securityWorkflow';
// The REST client is only ever built around an Octokit: it loads with it, not at activation.
export { GithubClient } from './githubClient';

export interface OctokitOptions {
  /** The REST API base URL: https://api.github.com, a GHES /api/v3 URL or a test server. */
  readonly baseUrl: string;
  readonly token: string;
  readonly userAgent: string;
  /** Wait before the first 5xx retry (plugin-retry squares the retry count on top). */
  readonly retryBaseMs?: number;
  /** A rate-limit wait longer than this is not retried; the caller reports the reset time. */
  readonly maxRateLimitWaitSeconds?: number;
  readonly log?: (message: string) => void;
}

const RetryingOctokit = Octokit.plugin(retry, throttling);

export type GithubOctokit = InstanceType<typeof RetryingOctokit>;

/**
 * An Octokit that retries 5xx answers (3 times, growing waits) and waits out a short primary
 * or secondary rate limit once; a long one fails at once with GitHub's answer (its
 * x-ratelimit-reset or retry-after), which the client turns into a clear message.
 */
export function createOctokit(options: OctokitOptions): GithubOctokit {
  const maxWait = options.maxRateLimitWaitSeconds ?? 10;
  const onLimit = (
    retryAfter: number,
    _request: unknown,
    _octokit: unknown,
    retryCount: number,
  ) => {
    options.log?.(`GitHub rate limit: retry after ${retryAfter} s (attempt ${retryCount + 1})`);
    return retryCount === 0 && retryAfter <= maxWait;
  };
  return new RetryingOctokit({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    userAgent: options.userAgent,
    retry: {
      retries: 3,
      ...(options.retryBaseMs === undefined ? {} : { retryAfterBaseValue: options.retryBaseMs }),
    },
    throttle: {
      onRateLimit: onLimit,
      onSecondaryRateLimit: onLimit,
    },
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) => options.log?.(message),
      error: (message: string) => options.log?.(message),
    },
  });
}

/**
 * Encrypts a secret value for the repository's public key the way GitHub requires: a libsodium
 * sealed box (X25519 + XSalsa20-Poly1305), base64 in and out.
 */
export async function sealSecret(publicKeyBase64: string, value: string): Promise<string> {
  await sodium.ready;
  const key = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL);
  const sealed = sodium.crypto_box_seal(sodium.from_string(value), key);
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}
