import type { ProviderId } from './providerId';

/** Thrown when a command needs a provider that has no credentials yet; the glue offers Sign In. */
export class NotConfiguredError extends Error {
  constructor(
    readonly providerId: ProviderId,
    message: string,
  ) {
    super(message);
    this.name = 'NotConfiguredError';
  }
}
