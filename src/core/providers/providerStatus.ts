/** Where a provider stands. A status is data: the view renders it, nothing throws from it. */
export type ProviderStatus =
  | { readonly kind: 'not-configured'; readonly hint: string }
  | { readonly kind: 'connected'; readonly who: string; readonly detail: string }
  | { readonly kind: 'error'; readonly reason: string };

export const notConfigured = (hint: string): ProviderStatus => ({ kind: 'not-configured', hint });
export const connected = (who: string, detail: string): ProviderStatus => ({
  kind: 'connected',
  who,
  detail,
});
export const failed = (reason: string): ProviderStatus => ({ kind: 'error', reason });
