import * as vscode from 'vscode';
import { describeError } from '../../core/logging/describeError';
import { plannedProviders } from '../../core/providers/plannedProviders';
import { providerIds, type ProviderId } from '../../core/providers/providerId';
import type { ProviderRegistry } from '../../core/providers/providerRegistry';
import { buildProviderChildren, buildProviderRoots } from './providerTreeBuilder';
import { toProviderTreeItem } from './providerTreeItem';
import type { ProviderNode, ProviderSnapshot } from './providerTreeModel';
import type { ProviderSection, SectionNode } from './providerSection';

const labels: Readonly<Record<ProviderId, string>> = {
  ai: 'AI',
  github: 'GitHub',
  docker: 'Docker',
  cloud: 'Cloud',
  database: 'Database',
};

export type ProvidersViewNode = ProviderNode | SectionNode;

function isSectionNode(node: ProvidersViewNode): node is SectionNode {
  return node.kind === 'section-root' || node.kind === 'section-node';
}

/**
 * The Providers view: one root per provider. A provider with a section (see providerSection.ts)
 * draws its own rows; the others come from the registry, built (their SDK loaded) the first
 * time the view shows them, never at activation; one that fails to build shows why.
 */
export class ProvidersTreeProvider implements vscode.TreeDataProvider<ProvidersViewNode> {
  private readonly changed = new vscode.EventEmitter<ProvidersViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };
  private readonly sections = new Map<ProviderId, ProviderSection>();
  private readonly roots = new Map<ProviderId, SectionNode>();
  /** One wrapper per section object, so a change event names the node VS Code already has. */
  private readonly wrappers = new WeakMap<object, SectionNode>();

  constructor(private readonly registry: ProviderRegistry) {
    this.subscription = registry.onDidChange(() => {
      this.refresh();
    });
  }

  addSection(section: ProviderSection): vscode.Disposable {
    this.sections.set(section.providerId, section);
    const listener = section.onDidChange((element) => {
      if (this.sections.get(section.providerId) !== section) return;
      const node = element ? this.wrappers.get(element) : undefined;
      // A change to the section as a whole redraws its row; the root list stays the same.
      this.changed.fire(node ?? this.rootOf(section.providerId));
    });
    this.refresh();
    return new vscode.Disposable(() => {
      listener.dispose();
      if (this.sections.get(section.providerId) === section) {
        this.sections.delete(section.providerId);
        this.refresh();
      }
    });
  }

  getTreeItem(node: ProvidersViewNode): vscode.TreeItem | Thenable<vscode.TreeItem> {
    if (!isSectionNode(node)) {
      return toProviderTreeItem(node);
    }
    const section = this.sections.get(node.providerId);
    if (!section) {
      return new vscode.TreeItem(labels[node.providerId]);
    }
    return node.kind === 'section-root' ? section.rootItem() : section.getTreeItem(node.element);
  }

  async getChildren(node?: ProvidersViewNode): Promise<ProvidersViewNode[]> {
    if (!node) {
      const roots = await Promise.all(providerIds.map((id) => this.root(id)));
      return roots.filter((root): root is ProvidersViewNode => root !== undefined);
    }
    if (!isSectionNode(node)) {
      return buildProviderChildren(node);
    }
    const section = this.sections.get(node.providerId);
    if (!section) return [];
    const children =
      (await section.getChildren(node.kind === 'section-node' ? node.element : undefined)) ?? [];
    return children.map((element) => this.wrap(node.providerId, element));
  }

  async getParent(node: ProvidersViewNode): Promise<ProvidersViewNode | undefined> {
    if (node.kind !== 'section-node') return undefined;
    const section = this.sections.get(node.providerId);
    const parent = section?.getParent ? await section.getParent(node.element) : undefined;
    return parent ? this.wrap(node.providerId, parent) : this.rootOf(node.providerId);
  }

  /** The view's node for one of a section's objects (for reveal). */
  nodeFor(providerId: ProviderId, element: object): ProvidersViewNode {
    return this.wrap(providerId, element);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private wrap(providerId: ProviderId, element: object): SectionNode {
    let node = this.wrappers.get(element);
    if (!node) {
      node = { kind: 'section-node', providerId, element };
      this.wrappers.set(element, node);
    }
    return node;
  }

  private rootOf(providerId: ProviderId): SectionNode {
    let root = this.roots.get(providerId);
    if (!root) {
      root = { kind: 'section-root', providerId };
      this.roots.set(providerId, root);
    }
    return root;
  }

  private async root(id: ProviderId): Promise<ProvidersViewNode | undefined> {
    if (this.sections.has(id)) {
      return this.rootOf(id);
    }
    const snapshot = await this.snapshot(id);
    return snapshot ? buildProviderRoots([snapshot])[0] : undefined;
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
