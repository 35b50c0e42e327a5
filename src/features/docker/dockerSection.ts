import * as vscode from 'vscode';
import { formatCounts, severityOf } from '../../core/docker/imageScanSummary';
import { quarantineReason } from '../../core/docker/quarantineLabels';
import { plainText } from '../../core/text/plainText';
import { RedrawnSection, type ProviderSection } from '../providers/providerSection';
import type { DockerEngineWatch } from './dockerEngineWatch';
import {
  formatAge,
  formatBytes,
  imageLabel,
  sortContainers,
  sortImages,
  type DockerNode,
} from './dockerNodes';
import type { ImageScanResults } from './imageScanResults';

const MAX_FINDING_ROWS = 200;

/** The Docker provider's rows in the Providers view: engine state, images, containers. */
export class DockerSection
  extends RedrawnSection<DockerNode>
  implements ProviderSection<DockerNode>, vscode.Disposable
{
  readonly providerId = 'docker' as const;

  constructor(
    private readonly watch: DockerEngineWatch,
    private readonly scans: ImageScanResults,
  ) {
    super(watch.onDidChange);
  }

  rootItem(): vscode.TreeItem {
    const state = this.watch.state;
    const item = new vscode.TreeItem('Docker', vscode.TreeItemCollapsibleState.Expanded);
    item.id = 'openpypi.docker';
    if (state.kind === 'connected') {
      item.description = vscode.l10n.t(
        'Engine {0} · {1}/{2}',
        state.version.version,
        state.version.os,
        state.version.arch,
      );
      item.tooltip = `${state.display}\n${state.version.operatingSystem ?? ''}`.trim();
      item.iconPath = new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
      item.contextValue = 'openpypi.docker.engine connected';
    } else if (state.kind === 'down') {
      item.description = state.message;
      item.tooltip = state.message;
      item.iconPath = new vscode.ThemeIcon(
        'warning',
        new vscode.ThemeColor('problemsWarningIcon.foreground'),
      );
      item.contextValue = 'openpypi.docker.engine down retry';
    } else {
      item.description = vscode.l10n.t('connecting…');
      item.iconPath = new vscode.ThemeIcon('loading~spin');
      item.contextValue = 'openpypi.docker.engine';
    }
    return item;
  }

  async getChildren(element?: DockerNode): Promise<DockerNode[]> {
    if (element === undefined) {
      const state =
        this.watch.state.kind === 'unknown' ? await this.watch.refresh() : this.watch.state;
      if (state.kind === 'down') {
        return [
          { kind: 'message', text: state.message },
          { kind: 'message', text: vscode.l10n.t('Retry'), retry: true },
        ];
      }
      return [
        { kind: 'group', group: 'images' },
        { kind: 'group', group: 'containers' },
      ];
    }
    const state = this.watch.state;
    if (state.kind !== 'connected') return [];
    if (element.kind === 'group' && element.group === 'images') {
      return sortImages(state.images).map((image) => ({ kind: 'image', image }));
    }
    if (element.kind === 'group' && element.group === 'containers') {
      return sortContainers(state.containers).map((container) => ({
        kind: 'container',
        container,
      }));
    }
    if (element.kind === 'image') {
      const scan = this.scans.get(element.image.id);
      if (scan === undefined) return [];
      return (scan.run.results ?? []).slice(0, MAX_FINDING_ROWS).map((result) => ({
        kind: 'finding',
        imageId: element.image.id,
        result,
        severity: severityOf(scan.run, result),
      }));
    }
    return [];
  }

  getTreeItem(node: DockerNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const state = this.watch.state;
        const count =
          state.kind !== 'connected'
            ? 0
            : node.group === 'images'
              ? state.images.length
              : state.containers.length;
        const item = new vscode.TreeItem(
          node.group === 'images' ? vscode.l10n.t('Images') : vscode.l10n.t('Containers'),
          vscode.TreeItemCollapsibleState.Expanded,
        );
        item.id = `openpypi.docker.${node.group}`;
        item.description = String(count);
        item.contextValue = `openpypi.docker.group.${node.group}`;
        return item;
      }
      case 'image':
        return this.imageItem(node);
      case 'container':
        return this.containerItem(node);
      case 'finding': {
        const item = new vscode.TreeItem(
          plainText(node.result.ruleId ?? 'result', 200),
          vscode.TreeItemCollapsibleState.None,
        );
        item.description = `${node.severity} · ${plainText(node.result.message.text ?? '', 200)}`;
        item.tooltip = plainText(node.result.message.text ?? '', 2000);
        item.contextValue = 'openpypi.docker.finding';
        item.iconPath = new vscode.ThemeIcon(
          node.severity === 'CRITICAL' || node.severity === 'HIGH' ? 'error' : 'warning',
        );
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        if (node.retry === true) {
          item.iconPath = new vscode.ThemeIcon('refresh');
          item.command = { command: 'openpypi.docker.refresh', title: vscode.l10n.t('Retry') };
          item.contextValue = 'openpypi.docker.retry';
        } else {
          item.iconPath = new vscode.ThemeIcon('info');
          item.contextValue = 'openpypi.docker.message';
        }
        return item;
      }
    }
  }

  private imageItem(node: Extract<DockerNode, { kind: 'image' }>): vscode.TreeItem {
    const image = node.image;
    const scan = this.scans.get(image.id);
    const reason = quarantineReason(image.labels);
    const item = new vscode.TreeItem(
      imageLabel(image),
      scan === undefined || (scan.run.results ?? []).length === 0
        ? vscode.TreeItemCollapsibleState.None
        : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = `openpypi.docker.image.${image.id}.${image.tags.join(',')}`;
    const parts = [formatBytes(image.sizeBytes), formatAge(image.created, Date.now())];
    if (scan !== undefined) parts.push(formatCounts(scan.counts));
    if (reason !== undefined) parts.unshift(vscode.l10n.t('⛔ quarantined'));
    item.description = parts.join(' · ');
    item.tooltip = [
      image.tags.join('\n') || image.id,
      image.id,
      ...(reason === undefined ? [] : [vscode.l10n.t('Quarantined: {0}', reason)]),
    ].join('\n');
    item.iconPath =
      reason === undefined
        ? new vscode.ThemeIcon('package')
        : new vscode.ThemeIcon('shield', new vscode.ThemeColor('errorForeground'));
    item.contextValue = `openpypi.docker.image ${reason === undefined ? 'runnable quarantinable' : 'quarantined'} scannable removable`;
    return item;
  }

  private containerItem(node: Extract<DockerNode, { kind: 'container' }>): vscode.TreeItem {
    const c = node.container;
    const item = new vscode.TreeItem(c.name, vscode.TreeItemCollapsibleState.None);
    item.id = `openpypi.docker.container.${c.id}`;
    const health = c.health === undefined ? '' : ` (${c.health})`;
    item.description = `${c.image} · ${c.state}${health}`;
    item.tooltip = `${c.name}\n${c.image}\n${c.status}`;
    const running = c.state === 'running' || c.state === 'restarting' || c.state === 'paused';
    item.iconPath = new vscode.ThemeIcon(
      running ? (c.health === 'unhealthy' ? 'vm-outline' : 'vm-running') : 'vm',
      c.health === 'unhealthy' ? new vscode.ThemeColor('errorForeground') : undefined,
    );
    item.contextValue = `openpypi.docker.container ${running ? 'running' : 'stopped'} removable`;
    return item;
  }
}
