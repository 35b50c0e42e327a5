/** Every provider OpenPypi knows, in the order the Providers view lists them. */
export const providerIds = ['ai', 'github', 'docker', 'cloud', 'database'] as const;

export type ProviderId = (typeof providerIds)[number];

export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && (providerIds as readonly string[]).includes(value);
}
