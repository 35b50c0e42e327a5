import type { ProviderNode, ProviderSnapshot } from './providerTreeModel';

/** The root nodes, one per provider, in the order given. */
export function buildProviderRoots(snapshots: readonly ProviderSnapshot[]): ProviderNode[] {
  return snapshots.map((snapshot): ProviderNode => {
    switch (snapshot.kind) {
      case 'built':
        return {
          kind: 'provider',
          id: snapshot.id,
          label: snapshot.label,
          status: snapshot.status,
          capabilities: snapshot.capabilities,
          details: snapshot.details,
        };
      case 'failed':
        return {
          kind: 'unavailable',
          id: snapshot.id,
          label: snapshot.label,
          reason: snapshot.reason,
        };
      case 'planned':
        return {
          kind: 'planned',
          id: snapshot.id,
          label: snapshot.label,
          plannedFeatures: snapshot.plannedFeatures,
        };
    }
  });
}

/** The children of a node: a provider's details, a detail's sub-details, nothing otherwise. */
export function buildProviderChildren(node: ProviderNode): ProviderNode[] {
  switch (node.kind) {
    case 'provider':
      return node.details.map((detail) => ({ kind: 'detail', providerId: node.id, detail }));
    case 'detail':
      return (node.detail.children ?? []).map((detail) => ({
        kind: 'detail',
        providerId: node.providerId,
        detail,
      }));
    case 'unavailable':
    case 'planned':
      return [];
  }
}

/** The one-line description beside a provider's name. */
export function describeProviderNode(node: ProviderNode): string {
  switch (node.kind) {
    case 'provider':
      switch (node.status.kind) {
        case 'connected':
          return `${node.status.who} · ${node.status.detail}`;
        case 'not-configured':
          return 'not configured';
        case 'error':
          return node.status.reason;
      }
      break;
    case 'unavailable':
      return node.reason;
    case 'planned':
      return 'not available yet';
    case 'detail':
      return node.detail.description ?? '';
  }
}
