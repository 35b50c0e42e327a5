import type { ProviderId } from './providerId';

/**
 * Providers that a later version completes. The view lists them as "not available yet" with
 * what they will add, so the sidebar matches the product picture without faking a feature:
 * they have no sign-in, no validate and no commands until their issue lands.
 */
export interface PlannedProvider {
  readonly id: Exclude<ProviderId, 'ai'>;
  readonly label: string;
  readonly plannedFeatures: string;
}

export const plannedProviders: readonly PlannedProvider[] = [];
