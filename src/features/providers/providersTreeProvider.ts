import * as vscode from 'vscode';
import { describeError } from '../../core/logging/describeError';
import { plannedProviders } from '../../core/providers/plannedProviders';
import { providerIds, type ProviderId } from '../../core/providers/providerId';
import type { ProviderRegistry } from '../../core/providers/providerRegistry';
import { buildProviderChildren, buildProviderRoots } from './providerTreeBuilder';
import { toProviderTreeItem } from './providerTreeItem';
import type { ProviderNode, ProviderSnapshot } from './providerTreeModel';

const labels: Readonly<Record<ProviderId, string>> = {
  ai: 'AI',
  github: 'GitHub',
  docker: 'Docker',
  cloud: 'Cloud',
  database: 'Database',
};

/**
 * The Providers view: one root per provider. A provider is built (its SDK loaded) the first
 * time the view shows it, never at activation; a provider that fails to build shows why.
 */
export class ProvidersTreeProvider implements vscode.TreeDataProvider<ProviderNode> {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly registry: ProviderRegistry) {
    this.subscription = registry.onDidChange(() => {
      this.refresh();
    });
  }

  getTreeItem(node: ProviderNode): vscode.TreeItem {
    return toProviderTreeItem(node);
  }

  async getChildren(node?: ProviderNode): Promise<ProviderNode[]> {
    if (node) {
      return buildProviderChildren(node);
    }
    const snapshots = await Promise.all(providerIds.map((id) => this.snapshot(id)));
    return buildProviderRoots(snapshots.filter((s): s is ProviderSnapshot => s !== undefined));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private async snapshot(id: ProviderId): Promise<ProviderSnapshot | undefined> {
    if (this.registry.has(id)) {
      try {
        const provider = await this.registry.get(id);
        return {
          kind: 'built',
          id,
          label: provider.label,
          status: provider.status,
          capabilities: provider.capabilities,
          details: provider.details(),
        };
      } catch (error) {
        return { kind: 'failed', id, label: labels[id], reason: describeError(error) };
      }
    }
    const planned = plannedProviders.find((p) => p.id === id);
    return planned
      ? { kind: 'planned', id, label: planned.label, plannedFeatures: planned.plannedFeatures }
      : undefined;
  }
}
