import * as vscode from 'vscode';
import { providerNodeContextValue } from './providerNodeActions';
import { describeProviderNode } from './providerTreeBuilder';
import type { ProviderNode } from './providerTreeModel';

function statusIcon(node: ProviderNode): vscode.ThemeIcon {
  switch (node.kind) {
    case 'provider':
      switch (node.status.kind) {
        case 'connected':
          return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
        case 'not-configured':
          return new vscode.ThemeIcon('circle-large-outline');
        case 'error':
          return new vscode.ThemeIcon(
            'warning',
            new vscode.ThemeColor('problemsWarningIcon.foreground'),
          );
      }
      break;
    case 'unavailable':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'planned':
      return new vscode.ThemeIcon('circle-slash');
    case 'detail':
      return new vscode.ThemeIcon(node.detail.icon ?? 'dash');
  }
}

function tooltip(node: ProviderNode): vscode.MarkdownString {
  const text = new vscode.MarkdownString(undefined, true);
  switch (node.kind) {
    case 'provider':
      text.appendMarkdown(`**${node.label}**\n\n`);
      switch (node.status.kind) {
        case 'connected':
          text.appendMarkdown(`$(pass) Connected: ${node.status.who} at ${node.status.detail}`);
          break;
        case 'not-configured':
          text.appendMarkdown(`$(circle-large-outline) Not configured. ${node.status.hint}`);
          break;
        case 'error':
          text.appendMarkdown(`$(warning) ${node.status.reason}`);
          break;
      }
      break;
    case 'unavailable':
      text.appendMarkdown(`**${node.label}** could not start: ${node.reason}`);
      break;
    case 'planned':
      text.appendMarkdown(
        `**${node.label}** — arrives in a later version. ${node.plannedFeatures}`,
      );
      break;
    case 'detail':
      text.appendMarkdown(
        node.detail.tooltip ?? `${node.detail.label} ${node.detail.description ?? ''}`,
      );
      break;
  }
  text.supportHtml = false;
  return text;
}

/** The one mapper from the typed model to what VS Code draws. */
export function toProviderTreeItem(node: ProviderNode): vscode.TreeItem {
  const label = node.kind === 'detail' ? node.detail.label : node.label;
  const hasChildren =
    (node.kind === 'provider' && node.details.length > 0) ||
    (node.kind === 'detail' && (node.detail.children?.length ?? 0) > 0);
  const item = new vscode.TreeItem(
    label,
    !hasChildren
      ? vscode.TreeItemCollapsibleState.None
      : node.kind === 'provider'
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed,
  );
  // The status is part of a provider's id: a node that gains children when it connects is a
  // new item to VS Code, so it opens expanded instead of keeping its old collapsed state.
  item.id =
    node.kind === 'detail'
      ? `detail:${node.providerId}:${node.detail.id}`
      : `provider:${node.id}:${node.kind === 'provider' ? node.status.kind : node.kind}`;
  item.description = describeProviderNode(node);
  item.iconPath = statusIcon(node);
  item.tooltip = tooltip(node);
  item.contextValue = providerNodeContextValue(node);
  return item;
}
