import type { ProviderId } from './providerId';
import type { ProviderStatus } from './providerStatus';

/** What a provider can do once configured; the view and the commands read these. */
export type ProviderCapability =
  | 'chat'
  | 'explain-finding'
  | 'fix-code'
  | 'generate-tests'
  | 'review-file'
  | 'code-scanning'
  | 'containers'
  | 'cloud-contexts'
  | 'database-connections';

/**
 * A line under a provider's node in the Providers view (AI: models, usage and spend). Plain
 * data, so the core decides what is shown and the glue only maps it to a TreeItem.
 */
export interface ProviderDetail {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  /** A codicon id, e.g. 'graph' or 'symbol-class'. */
  readonly icon?: string;
  readonly children?: readonly ProviderDetail[];
}

/**
 * The contract every provider meets. Credentials come from an injected SecretStore; a provider
 * never reads settings or the keychain on its own.
 */
export interface Provider {
  readonly id: ProviderId;
  readonly label: string;
  readonly capabilities: readonly ProviderCapability[];
  /** The last known status, without a round trip. */
  readonly status: ProviderStatus;
  /**
   * One real round trip to the service (bounded by a timeout inside), updating `status`.
   * Resolves with the new status; failures are a status of kind 'error', not a rejection,
   * except cancellation through `signal`.
   */
  validate(signal?: AbortSignal): Promise<ProviderStatus>;
  /** Lines shown under the provider's node; empty when there is nothing to show. */
  details(): readonly ProviderDetail[];
  dispose(): void;
}
