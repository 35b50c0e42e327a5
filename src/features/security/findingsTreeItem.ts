import * as vscode from 'vscode';
import { folderUri } from './folderUri';
import type { Finding } from '../../core/findings/finding';
import type { FindingsNode } from '../../core/findings/findingsTreeModel';
import { contextValueOf } from '../../core/findings/findingsTreeModel';
import type { ToolState } from '../../core/findings/toolState';
import { toRange } from './resultDiagnostic';

const severityLabels = {
  high: () => vscode.l10n.t('High'),
  medium: () => vscode.l10n.t('Medium'),
  low: () => vscode.l10n.t('Low'),
} as const;

const severityIcons = {
  high: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  medium: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  low: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
} as const;

function toolStateLabel(state: ToolState): string {
  switch (state.status) {
    case 'running':
      return vscode.l10n.t('{0} — scanning…', state.tool);
    case 'not-installed':
      return vscode.l10n.t('{0} — not installed', state.tool);
    case 'failed':
      return vscode.l10n.t('{0} — failed', state.tool);
    case 'timed-out':
      return vscode.l10n.t('{0} — timed out', state.tool);
    case 'cancelled':
      return vscode.l10n.t('{0} — cancelled', state.tool);
  }
}

function toolStateIcon(state: ToolState): vscode.ThemeIcon {
  return state.status === 'running'
    ? new vscode.ThemeIcon('loading~spin')
    : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
}

function findingLocationText(finding: Finding): string {
  const location = finding.location;
  if (location.kind === 'workspace') {
    return location.range === undefined
      ? location.relativePath
      : `${location.relativePath}:${location.range.startLine}`;
  }
  return location.kind === 'external' ? vscode.l10n.t('external: {0}', location.uri) : '';
}

function findingItem(folder: string, finding: Finding): vscode.TreeItem {
  const tools = finding.seenBy.length > 0 ? finding.seenBy.join(', ') : finding.tool;
  const item = new vscode.TreeItem(
    `${finding.ruleId} ${finding.message.split('\n')[0] ?? ''}`,
    vscode.TreeItemCollapsibleState.None,
  );
  item.description = `${findingLocationText(finding)} · ${tools}`;
  // Plain text: the message comes from a tool and is never rendered as Markdown here.
  item.tooltip = [finding.message, finding.ruleTitle, findingLocationText(finding), tools]
    .filter((part) => part !== undefined && part !== '')
    .join('\n');
  item.iconPath = severityIcons[finding.severity];
  if (finding.location.kind === 'workspace') {
    const uri = vscode.Uri.joinPath(folderUri(folder), finding.location.relativePath);
    const options: vscode.TextDocumentShowOptions = {
      selection: toRange(finding.location.range),
      preserveFocus: false,
    };
    item.command = {
      command: 'vscode.open',
      title: vscode.l10n.t('Open'),
      arguments: [uri, options],
    };
    item.resourceUri = undefined;
  }
  return item;
}

/** Maps a node of the typed model to what the tree shows. */
export function toTreeItem(node: FindingsNode): vscode.TreeItem {
  let item: vscode.TreeItem;
  switch (node.kind) {
    case 'folder': {
      const uri = folderUri(node.folder);
      item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.count);
      item.iconPath = vscode.ThemeIcon.Folder;
      break;
    }
    case 'tool':
      item = new vscode.TreeItem(toolStateLabel(node.state), vscode.TreeItemCollapsibleState.None);
      item.description = node.state.message;
      item.tooltip = [node.state.message, node.state.installHint].filter(Boolean).join('\n');
      item.iconPath = toolStateIcon(node.state);
      break;
    case 'group': {
      const group = node.group;
      const label =
        group.kind === 'severity'
          ? severityLabels[group.key as keyof typeof severityLabels]()
          : group.key;
      item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(group.findings.length);
      if (group.kind === 'severity') {
        item.iconPath = severityIcons[group.key as keyof typeof severityIcons];
      } else if (group.kind === 'file' && group.key !== 'external' && group.key !== 'no location') {
        item.resourceUri = vscode.Uri.joinPath(folderUri(node.folder), group.key);
        item.iconPath = vscode.ThemeIcon.File;
      } else {
        item.iconPath = new vscode.ThemeIcon('tools');
      }
      break;
    }
    case 'finding':
      item = findingItem(node.folder, node.finding);
      break;
  }
  item.contextValue = contextValueOf(node);
  return item;
}
