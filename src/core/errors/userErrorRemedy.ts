import { isProviderId, type ProviderId } from '../providers/providerId';

/** What the user can do about a user error from a button on its warning. */
export type UserErrorRemedy =
  | { readonly kind: 'sign-in'; readonly provider: ProviderId }
  | { readonly kind: 'configure-runtime-arguments' };

/**
 * The remedy a user error's warning offers as a button, read from the error's name and fields
 * (a lazily loaded runtime throws its own copies of the classes): Sign In for a missing key or
 * a token the service refused, the runtime arguments for a missing OS keyring.
 */
export function userErrorRemedy(error: unknown): UserErrorRemedy | undefined {
  if (!(error instanceof Error)) return undefined;
  const fields = error as {
    providerId?: unknown;
    failure?: { kind?: unknown } | undefined;
    kind?: unknown;
  };
  switch (error.name) {
    case 'NotConfiguredError':
      return isProviderId(fields.providerId)
        ? { kind: 'sign-in', provider: fields.providerId }
        : undefined;
    case 'GithubRequestError':
      return fields.failure?.kind === 'unauthorized'
        ? { kind: 'sign-in', provider: 'github' }
        : undefined;
    case 'AiRequestError':
      return fields.kind === 'invalid-key' ? { kind: 'sign-in', provider: 'ai' } : undefined;
    case 'SecretStorageUnavailableError':
      return { kind: 'configure-runtime-arguments' };
    default:
      return undefined;
  }
}
