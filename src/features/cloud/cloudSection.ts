import os from 'node:os';
import * as vscode from 'vscode';
import { readAwsProfiles } from '../../core/cloud/inventory/awsProfiles';
import { readCliAccount } from '../../core/cloud/inventory/cloudCliAccounts';
import { kubeconfigPaths, readKubeconfigs } from '../../core/cloud/inventory/kubeconfigFiles';
import type { Logger } from '../../core/logging/logger';
import type { ProviderSection } from '../providers/providerSection';
import type { CloudInventory } from './cloudInventory';
import type { CloudKeys } from './cloudKeys';
import {
  cloudGroupChildren,
  cloudGroups,
  cloudNodeContextValue,
  describeAccount,
  describeCloudRoot,
  type CloudGroup,
  type CloudNode,
} from './cloudTreeModel';

/**
 * The Cloud row of the Providers view: kube contexts, AWS profiles, the gcloud and az accounts
 * and the names of stored keys. Files are read each time the view asks (they are small and may
 * change behind our back); the CLIs run only when their group is expanded, and only in a
 * trusted workspace.
 */
export class CloudSection implements ProviderSection<CloudNode> {
  readonly providerId = 'cloud' as const;
  readonly onDidChange: vscode.Event<CloudNode | undefined>;
  private inventory: Promise<CloudInventory> | undefined;

  constructor(
    private readonly keys: CloudKeys,
    private readonly log: Logger,
    /** Owned by the registration, which hands the section to the view before this loads. */
    private readonly changed: vscode.EventEmitter<CloudNode | undefined>,
  ) {
    this.onDidChange = changed.event;
  }

  /** Reads everything again and redraws the section. */
  refresh(): void {
    this.inventory = undefined;
    this.changed.fire(undefined);
  }

  /** The inventory as the view shows it now (read once per redraw). */
  current(): Promise<CloudInventory> {
    this.inventory ??= this.read();
    return this.inventory;
  }

  /**
   * The section's rows as the view draws them (labels and descriptions, two levels deep):
   * what Refresh resolves with, so a test reads the same TreeItems a person sees.
   */
  async snapshot(): Promise<CloudRow> {
    const root = await this.rootItem();
    const rows: CloudRow[] = [];
    for (const group of await this.getChildren()) {
      const children = await this.getChildren(group);
      rows.push({
        ...rowOf(this.getTreeItem(group)),
        children: children.map((child) => rowOf(this.getTreeItem(child))),
      });
    }
    return { ...rowOf(root), children: rows };
  }

  async rootItem(): Promise<vscode.TreeItem> {
    // The root is asked first on every redraw: start from fresh files.
    this.inventory = undefined;
    const inventory = await this.current();
    const item = new vscode.TreeItem('Cloud', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = 'provider:cloud:section';
    item.description = describeCloudRoot(inventory);
    const problems = inventory.kube.problems.length > 0;
    item.iconPath = problems
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : new vscode.ThemeIcon(inventory.kube.contexts.length > 0 ? 'cloud' : 'circle-large-outline');
    item.tooltip = plainTooltip(
      vscode.l10n.t(
        'Cloud: what this machine already has. OpenPypi stores no cloud keys; the CLIs keep their own sign-in. Kubeconfig: {0}',
        inventory.kubeconfigFiles.join(', '),
      ),
    );
    item.contextValue = 'openpypi.cloud.root';
    return item;
  }

  async getChildren(element?: CloudNode): Promise<CloudNode[]> {
    const inventory = await this.current();
    if (element === undefined) return cloudGroups(inventory);
    if (element.kind !== 'group') return [];
    if (element.group === 'gcloud' || element.group === 'az') {
      if (!vscode.workspace.isTrusted)
        return cloudGroupChildren(element.group, inventory, 'untrusted');
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.homedir();
      const account = await readCliAccount(element.group, {
        cwd: folder,
        env: process.env,
        logger: this.log,
      });
      return cloudGroupChildren(element.group, inventory, account);
    }
    return cloudGroupChildren(element.group, inventory);
  }

  getTreeItem(node: CloudNode): vscode.TreeItem {
    const item = new vscode.TreeItem(label(node), vscode.TreeItemCollapsibleState.None);
    item.contextValue = cloudNodeContextValue(node);
    switch (node.kind) {
      case 'group':
        item.collapsibleState =
          node.group === 'kubernetes'
            ? vscode.TreeItemCollapsibleState.Expanded
            : vscode.TreeItemCollapsibleState.Collapsed;
        item.id = `cloud:group:${node.group}`;
        item.description = node.description;
        item.iconPath = new vscode.ThemeIcon(groupIcons[node.group]);
        break;
      case 'context':
        item.id = `cloud:context:${node.context.name}`;
        item.description = [
          node.current ? vscode.l10n.t('current') : undefined,
          node.context.cluster,
          node.context.namespace === undefined ? undefined : `ns ${node.context.namespace}`,
        ]
          .filter((part) => part !== undefined && part !== '')
          .join(' · ');
        item.iconPath = new vscode.ThemeIcon(node.current ? 'pass-filled' : 'server-environment');
        item.tooltip = plainTooltip(
          `${node.context.name}\ncluster: ${node.context.cluster}\nuser: ${node.context.user}\nnamespace: ${node.context.namespace ?? 'default'}\nfrom ${node.context.file}`,
        );
        break;
      case 'kubeconfig-problem':
        item.description = node.problem.message;
        item.iconPath = new vscode.ThemeIcon(
          'error',
          new vscode.ThemeColor('problemsErrorIcon.foreground'),
        );
        item.tooltip = plainTooltip(
          `${node.problem.file}${node.problem.line === undefined ? '' : `:${node.problem.line}`}: ${node.problem.message}`,
        );
        item.command = {
          title: vscode.l10n.t('Open'),
          command: 'vscode.open',
          arguments: [
            vscode.Uri.file(node.problem.file),
            node.problem.line === undefined
              ? undefined
              : { selection: new vscode.Range(node.problem.line - 1, 0, node.problem.line - 1, 0) },
          ],
        };
        break;
      case 'profile':
        item.description = [
          node.active ? vscode.l10n.t('active') : undefined,
          node.profile.inConfig ? 'config' : undefined,
          node.profile.inCredentials ? 'credentials' : undefined,
        ]
          .filter((part) => part !== undefined)
          .join(' · ');
        item.iconPath = new vscode.ThemeIcon(node.active ? 'pass-filled' : 'account');
        break;
      case 'account': {
        const text = describeAccount(node.account);
        item.description = text.description;
        item.iconPath = new vscode.ThemeIcon(
          node.account !== 'untrusted' && node.account.state === 'active'
            ? 'account'
            : 'circle-slash',
        );
        break;
      }
      case 'key':
        item.description = vscode.l10n.t('in SecretStorage');
        item.iconPath = new vscode.ThemeIcon('key');
        break;
      case 'empty':
        item.iconPath = new vscode.ThemeIcon('info');
        break;
    }
    return item;
  }

  private async read(): Promise<CloudInventory> {
    const home = os.homedir();
    const files = kubeconfigPaths(process.env, home);
    const [kube, aws] = await Promise.all([
      readKubeconfigs(files),
      readAwsProfiles(process.env, home),
    ]);
    for (const problem of kube.problems) {
      this.log.warn(
        `Kubeconfig ${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.message}`,
      );
    }
    return { kube, kubeconfigFiles: files, aws, storedKeys: this.keys.names() };
  }
}

const groupIcons: Readonly<Record<CloudGroup, string>> = {
  kubernetes: 'server-environment',
  aws: 'cloud',
  gcloud: 'cloud',
  az: 'azure',
  keys: 'key',
};

/** A drawn row, as plain data. */
export interface CloudRow {
  readonly label: string;
  readonly description: string;
  readonly children?: readonly CloudRow[];
}

function rowOf(item: vscode.TreeItem): CloudRow {
  const text = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  return { label: text, description: typeof item.description === 'string' ? item.description : '' };
}

function label(node: CloudNode): string {
  switch (node.kind) {
    case 'group':
      return node.label;
    case 'context':
      return node.context.name;
    case 'kubeconfig-problem':
      return node.problem.file.split(/[\\/]/).pop() ?? node.problem.file;
    case 'profile':
      return node.profile.name;
    case 'account':
      return describeAccount(node.account).label;
    case 'key':
      return node.name;
    case 'empty':
      return node.message;
  }
}

function plainTooltip(text: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  markdown.appendText(text);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  return markdown;
}
