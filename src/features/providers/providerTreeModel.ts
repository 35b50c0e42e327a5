import type { ProviderCapability, ProviderDetail } from '../../core/providers/provider';
import type { ProviderId } from '../../core/providers/providerId';
import type { ProviderStatus } from '../../core/providers/providerStatus';

/**
 * The Providers view as data: one variant per kind of node. Built by a pure function, mapped
 * to TreeItems in one place; no vscode import here, so it is unit-tested in plain Node.
 */
export type ProviderNode =
  | {
      readonly kind: 'provider';
      readonly id: ProviderId;
      readonly label: string;
      readonly status: ProviderStatus;
      readonly capabilities: readonly ProviderCapability[];
      readonly details: readonly ProviderDetail[];
    }
  | {
      /** The provider could not be built (e.g. a bad setting); the reason is shown. */
      readonly kind: 'unavailable';
      readonly id: ProviderId;
      readonly label: string;
      readonly reason: string;
    }
  | {
      /** Completed by a later version; listed so the view matches the product, nothing faked. */
      readonly kind: 'planned';
      readonly id: ProviderId;
      readonly label: string;
      readonly plannedFeatures: string;
    }
  | {
      readonly kind: 'detail';
      readonly providerId: ProviderId;
      readonly detail: ProviderDetail;
    };

/** What the builder needs to know about one provider at the moment the view asks. */
export type ProviderSnapshot =
  | {
      readonly kind: 'built';
      readonly id: ProviderId;
      readonly label: string;
      readonly status: ProviderStatus;
      readonly capabilities: readonly ProviderCapability[];
      readonly details: readonly ProviderDetail[];
    }
  | {
      readonly kind: 'failed';
      readonly id: ProviderId;
      readonly label: string;
      readonly reason: string;
    }
  | {
      readonly kind: 'planned';
      readonly id: ProviderId;
      readonly label: string;
      readonly plannedFeatures: string;
    };
