import * as vscode from 'vscode';
import { describeError } from '../../core/logging/describeError';
import type { GithubClient } from '../../core/github/githubClient';
import {
  fullName,
  type RepositoryName,
  type WorkflowRunState,
} from '../../core/github/githubModel';
import { workspaceRepositoryFirst } from '../../core/github/githubRemote';
import { GithubRequestError } from '../../core/github/githubRequestError';
import type { Logger } from '../../core/logging/logger';
import { RedrawnSection, type ProviderSection } from '../providers/providerSection';
import type { GithubAccountService } from './githubAccount';
import { severityOrder, type GithubCategory, type GithubNode } from './githubNodes';
import { githubScopes } from './githubScopes';
import { workspaceRepository } from './workspaceRepository';

const categoryLabels: Record<GithubCategory, string> = {
  'code-scanning': 'Code scanning',
  dependabot: 'Dependabot',
  workflows: 'Workflows',
  releases: 'Releases',
};

const runIcons: Record<WorkflowRunState, [string, string | undefined, string]> = {
  success: ['pass', 'testing.iconPassed', '✓ success'],
  failure: ['error', 'testing.iconFailed', '✗ failure'],
  running: ['sync', undefined, 'running'],
  cancelled: ['circle-slash', undefined, 'cancelled'],
  other: ['circle-outline', undefined, 'finished'],
  none: ['circle-outline', undefined, 'never run'],
};

function plain(text: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  markdown.appendText(text);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  return markdown;
}

function message(
  label: string,
  tooltip: string,
  command?: { readonly id: string; readonly args: unknown[] },
): GithubNode {
  return { kind: 'message', label, tooltip, icon: 'info', ...(command ? { command } : {}) };
}

/**
 * The GitHub rows of the Providers view: the account, its repositories (the workspace's own
 * first, from its git remote), and per repository code scanning alerts by severity, Dependabot
 * alerts, workflows with their last run and releases. Every level loads when it is expanded.
 */
export class GithubSection
  extends RedrawnSection<GithubNode>
  implements ProviderSection<GithubNode>
{
  readonly providerId = 'github' as const;

  constructor(
    private readonly account: GithubAccountService,
    private readonly log: Logger,
  ) {
    super(account.onDidChange);
  }

  refresh(): void {
    this.redraw();
  }

  async rootItem(): Promise<vscode.TreeItem> {
    const status = this.account.status ?? (await this.account.validate().catch(() => undefined));
    const item = new vscode.TreeItem('GitHub');
    item.id = `openpypi.github.${status?.kind ?? 'unknown'}`;
    switch (status?.kind) {
      case 'connected':
        item.description = `${status.who} — ${status.detail}`;
        item.iconPath = new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
        item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
        item.contextValue = 'provider github validate signOut';
        item.tooltip = plain(`GitHub: ${status.who} at ${status.detail}`);
        break;
      case 'error':
        item.description = status.reason;
        item.iconPath = new vscode.ThemeIcon(
          'warning',
          new vscode.ThemeColor('problemsWarningIcon.foreground'),
        );
        item.collapsibleState = vscode.TreeItemCollapsibleState.None;
        item.contextValue = 'provider github retry signIn signOut';
        item.tooltip = plain(status.reason);
        item.command = {
          command: 'openpypi.providers.signIn',
          title: vscode.l10n.t('Sign in again'),
          arguments: ['github'],
        };
        break;
      default:
        item.description = vscode.l10n.t('not signed in');
        item.iconPath = new vscode.ThemeIcon('circle-large-outline');
        item.collapsibleState = vscode.TreeItemCollapsibleState.None;
        item.contextValue = 'provider github signIn';
        item.tooltip = plain(
          vscode.l10n.t(
            'Sign in to see repositories, code scanning and Dependabot alerts, workflows and releases.',
          ),
        );
        item.command = {
          command: 'openpypi.providers.signIn',
          title: vscode.l10n.t('Sign In'),
          arguments: ['github'],
        };
    }
    return item;
  }

  async getChildren(element?: GithubNode): Promise<GithubNode[]> {
    try {
      if (element === undefined) return await this.repositories();
      switch (element.kind) {
        case 'repository':
          element.categories ??= (
            ['code-scanning', 'dependabot', 'workflows', 'releases'] as const
          ).map((category): GithubNode => ({
            kind: 'category',
            repository: element.repository,
            category,
          }));
          return element.categories;
        case 'category':
          if (element.loaded === undefined) {
            element.loaded = await this.load(element.repository, element.category);
            // Redraws the category's row with its count; its children are cached above.
            setTimeout(() => {
              this.redraw(element);
            }, 0);
          }
          return element.loaded.children;
        case 'severity':
          return element.alerts.map((alert): GithubNode => ({
            kind: 'item',
            label: `${alert.ruleId} — ${alert.path ?? '?'}${alert.startLine === undefined ? '' : `:${alert.startLine}`}`,
            description: alert.tool,
            tooltip: `${alert.message}\n${alert.htmlUrl}`,
            icon: 'shield',
            ...(alert.path !== undefined
              ? { open: { path: alert.path, line: alert.startLine ?? 1 } }
              : {}),
          }));
        default:
          return [];
      }
    } catch (error) {
      return [this.failure(error)];
    }
  }

  getTreeItem(node: GithubNode): vscode.TreeItem {
    switch (node.kind) {
      case 'repository': {
        const item = new vscode.TreeItem(
          fullName(node.repository),
          vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.description = node.isWorkspace ? vscode.l10n.t('(this workspace)') : '';
        item.iconPath = new vscode.ThemeIcon('repo');
        item.contextValue = 'githubRepository';
        item.id = `openpypi.github.repo.${fullName(node.repository)}`;
        return item;
      }
      case 'category': {
        const item = new vscode.TreeItem(
          categoryLabels[node.category],
          vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.description = node.loaded?.summary ?? '';
        item.iconPath = new vscode.ThemeIcon(
          node.category === 'code-scanning'
            ? 'shield'
            : node.category === 'dependabot'
              ? 'package'
              : node.category === 'workflows'
                ? 'play-circle'
                : 'tag',
        );
        item.contextValue = `githubCategory ${node.category}`;
        return item;
      }
      case 'severity': {
        const item = new vscode.TreeItem(
          `${node.severity.charAt(0).toUpperCase()}${node.severity.slice(1)}`,
          vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.description = String(node.alerts.length);
        item.iconPath = new vscode.ThemeIcon(
          node.severity === 'critical' || node.severity === 'high' || node.severity === 'error'
            ? 'error'
            : 'warning',
        );
        return item;
      }
      case 'item': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.description = node.description;
        item.tooltip = plain(node.tooltip);
        item.iconPath = new vscode.ThemeIcon(
          node.icon,
          node.color === undefined ? undefined : new vscode.ThemeColor(node.color),
        );
        const folder = vscode.workspace.workspaceFolders?.[0];
        if (node.open !== undefined && folder !== undefined) {
          const line = Math.max(0, node.open.line - 1);
          item.command = {
            command: 'vscode.open',
            title: vscode.l10n.t('Open'),
            arguments: [
              vscode.Uri.joinPath(folder.uri, node.open.path),
              { selection: new vscode.Range(line, 0, line, 0) },
            ],
          };
        }
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.tooltip = plain(node.tooltip);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        if (node.command) {
          item.command = {
            command: node.command.id,
            title: node.label,
            arguments: node.command.args,
          };
        }
        return item;
      }
    }
  }

  private async client(): Promise<GithubClient> {
    return (await this.account.client(githubScopes.read, { interactive: false })).client;
  }

  private async repositories(): Promise<GithubNode[]> {
    const status = this.account.status;
    if (status?.kind !== 'connected') {
      return [
        message(
          vscode.l10n.t('Sign in to GitHub'),
          vscode.l10n.t('Sign in to see your repositories.'),
          {
            id: 'openpypi.providers.signIn',
            args: ['github'],
          },
        ),
      ];
    }
    const client = await this.client();
    const [repositories, workspace] = await Promise.all([
      client.repositories(),
      workspaceRepository(this.log),
    ]);
    const ordered = workspaceRepositoryFirst<RepositoryName>(repositories, workspace);
    const nodes: GithubNode[] = ordered.map(({ repository, isWorkspace }) => ({
      kind: 'repository',
      repository,
      isWorkspace,
    }));
    if (workspace !== undefined && !ordered.some((entry) => entry.isWorkspace)) {
      // The workspace's repository is not among the account's own (an organisation's, say).
      nodes.unshift({ kind: 'repository', repository: workspace, isWorkspace: true });
    }
    if (nodes.length === 0) {
      nodes.push(
        message(
          vscode.l10n.t('No repositories yet: create one from this workspace'),
          vscode.l10n.t(
            'Creates a private repository, pushes the current branch and turns on security settings.',
          ),
          { id: 'openpypi.github.createRepository', args: [] },
        ),
      );
    }
    return nodes;
  }

  private async load(
    repository: RepositoryName,
    category: GithubCategory,
  ): Promise<{ children: GithubNode[]; summary: string }> {
    const client = await this.client();
    switch (category) {
      case 'code-scanning': {
        const alerts = await client.codeScanningAlerts(repository, undefined);
        const children = severityOrder
          .map((severity): GithubNode => ({
            kind: 'severity',
            repository,
            severity,
            alerts: alerts.filter((a) => a.severity === severity),
          }))
          .filter((node) => node.kind === 'severity' && node.alerts.length > 0);
        const high = alerts.filter(
          (a) => a.severity === 'critical' || a.severity === 'high',
        ).length;
        return {
          children: children.length > 0 ? children : [message(vscode.l10n.t('No open alerts'), '')],
          summary: vscode.l10n.t('{0} open ({1} high)', alerts.length, high),
        };
      }
      case 'dependabot': {
        const alerts = await client.dependabotAlerts(repository);
        return {
          children:
            alerts.length > 0
              ? alerts.map((alert): GithubNode => ({
                  kind: 'item',
                  label: `${alert.packageName} — ${alert.severity}`,
                  description: alert.ghsaId,
                  tooltip: `${alert.summary}\n${alert.manifestPath}\n${alert.htmlUrl}`,
                  icon: 'package',
                }))
              : [message(vscode.l10n.t('No open alerts'), '')],
          summary: vscode.l10n.t('{0} open', alerts.length),
        };
      }
      case 'workflows': {
        const workflows = await client.workflows(repository);
        return {
          children:
            workflows.length > 0
              ? workflows.map((workflow): GithubNode => {
                  const [icon, color, text] = runIcons[workflow.lastRun];
                  return {
                    kind: 'item',
                    label: workflow.name,
                    description: text,
                    tooltip: `${workflow.path}\n${workflow.lastRunUrl ?? ''}`,
                    icon,
                    ...(color === undefined ? {} : { color }),
                  };
                })
              : [
                  message(vscode.l10n.t('No workflows: add the security workflow'), '', {
                    id: 'openpypi.github.addSecurityWorkflow',
                    args: [],
                  }),
                ],
          summary: workflows
            .map((w) => `${w.name} ${runIcons[w.lastRun][2].split(' ')[0] ?? ''}`)
            .join('  '),
        };
      }
      case 'releases': {
        const releases = await client.releases(repository);
        return {
          children:
            releases.length > 0
              ? releases.map((release): GithubNode => ({
                  kind: 'item',
                  label: release.tagName,
                  description: `${release.name}${release.draft ? ' · draft' : ''}${release.prerelease ? ' · pre-release' : ''}`,
                  tooltip: release.htmlUrl,
                  icon: 'tag',
                }))
              : [
                  message(vscode.l10n.t('No releases yet'), '', {
                    id: 'openpypi.github.createRelease',
                    args: [repository],
                  }),
                ],
          summary: String(releases.length),
        };
      }
    }
  }

  private failure(error: unknown): GithubNode {
    if (error instanceof GithubRequestError && error.failure.kind === 'unauthorized') {
      this.account.markRevoked();
    }
    const text = error instanceof Error ? error.message : describeError(error);
    this.log.warn(`GitHub view: ${text}`);
    return { kind: 'message', label: text, tooltip: text, icon: 'warning' };
  }
}
