import { isProviderId, type ProviderId } from '../../core/providers/providerId';

/**
 * The provider a command is about: a Providers-view node, a provider id such as 'ai', or
 * nothing (then the only provider that can sign in, the AI provider).
 */
export function providerFromArgument(arg: unknown): ProviderId | undefined {
  if (arg === undefined) return 'ai';
  if (isProviderId(arg)) return arg;
  if (typeof arg === 'object' && arg !== null) {
    const record = arg as { id?: unknown; providerId?: unknown };
    if (isProviderId(record.id)) return record.id;
    if (isProviderId(record.providerId)) return record.providerId;
  }
  return undefined;
}

/** Options sign-in accepts from automation and tests in place of the input box. */
export interface SignInOptions {
  /** The key, instead of asking for it in a password box. */
  readonly apiKey?: string;
  /** When the service cannot be reached: store the key unchecked (true) or not (false). */
  readonly storeAnyway?: boolean;
}

export function signInOptions(value: unknown): SignInOptions {
  if (typeof value !== 'object' || value === null) return {};
  const record = value as Record<string, unknown>;
  return {
    ...(typeof record.apiKey === 'string' ? { apiKey: record.apiKey } : {}),
    ...(typeof record.storeAnyway === 'boolean' ? { storeAnyway: record.storeAnyway } : {}),
  };
}
