import type { ProviderNode } from './providerTreeModel';

/** The inline actions a node offers; package.json menus match these words in `viewItem`. */
export type ProviderNodeAction = 'signIn' | 'validate' | 'signOut' | 'retry';

/** What a node allows, from its kind and status alone. */
export function providerNodeActions(node: ProviderNode): ProviderNodeAction[] {
  switch (node.kind) {
    case 'provider':
      switch (node.status.kind) {
        case 'not-configured':
          return ['signIn'];
        case 'connected':
          return ['validate', 'signOut'];
        case 'error':
          // The reason may be a revoked key (sign in again) or a network fault (retry).
          return ['retry', 'signIn', 'signOut'];
      }
      break;
    case 'unavailable':
      return ['retry'];
    case 'planned':
    case 'detail':
      return [];
  }
}

/**
 * The TreeItem contextValue: the node kind, the provider, then each allowed action, separated
 * by spaces, e.g. "provider ai validate signOut". Menus use `viewItem =~ /\bsignOut\b/`.
 */
export function providerNodeContextValue(node: ProviderNode): string {
  const id = node.kind === 'detail' ? node.providerId : node.id;
  return [node.kind, id, ...providerNodeActions(node)].join(' ');
}
