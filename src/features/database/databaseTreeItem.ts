import * as vscode from 'vscode';
import { describeConnection } from '../../core/database/databaseConnection';
import type { ConnectionStatus } from './connectionSessions';
import {
  databaseNodeId,
  describeColumn,
  describeTable,
  type DatabaseNode,
} from './databaseTreeModel';

function plainTooltip(lines: readonly string[]): vscode.MarkdownString {
  // Server and tool text is shown as text: escaped, no command links, no HTML.
  const tooltip = new vscode.MarkdownString(undefined, false);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  lines.forEach((line, index) => {
    if (index > 0) tooltip.appendMarkdown('\n\n');
    tooltip.appendText(line);
  });
  return tooltip;
}

function connectionIcon(status: ConnectionStatus): vscode.ThemeIcon {
  switch (status.kind) {
    case 'connected':
      return new vscode.ThemeIcon('database', new vscode.ThemeColor('testing.iconPassed'));
    case 'error':
      return new vscode.ThemeIcon(
        'warning',
        new vscode.ThemeColor('problemsWarningIcon.foreground'),
      );
    case 'unknown':
      return new vscode.ThemeIcon('database');
  }
}

/** The one mapper from a Database node to what VS Code draws. */
export function toDatabaseTreeItem(
  node: DatabaseNode,
  status: (name: string) => ConnectionStatus,
): vscode.TreeItem {
  const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
  let item: vscode.TreeItem;
  switch (node.kind) {
    case 'connection': {
      const state = status(node.connection.name);
      const where = describeConnection(node.connection);
      item = new vscode.TreeItem(node.connection.name, collapsed);
      item.description =
        state.kind === 'connected'
          ? `${state.serverVersion} · ${where}`
          : state.kind === 'error'
            ? state.reason
            : where;
      item.iconPath = connectionIcon(state);
      item.tooltip = plainTooltip([
        `${node.connection.name} (${node.connection.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`,
        where,
        state.kind === 'connected'
          ? `Connected: ${state.serverVersion}`
          : state.kind === 'error'
            ? `Error: ${state.reason}`
            : 'Not connected yet: expand to connect.',
      ]);
      item.contextValue = `openpypi.database.connection.${node.connection.kind}${state.kind === 'error' ? '.error' : ''}`;
      break;
    }
    case 'schema':
      item = new vscode.TreeItem(node.schema, collapsed);
      item.iconPath = new vscode.ThemeIcon('symbol-namespace');
      item.contextValue = 'openpypi.database.schema';
      break;
    case 'table':
      item = new vscode.TreeItem(node.table.name, collapsed);
      item.description = describeTable(node.table);
      item.iconPath = new vscode.ThemeIcon(node.table.type === 'view' ? 'eye' : 'table');
      item.contextValue = `openpypi.database.${node.table.type}`;
      break;
    case 'column':
      item = new vscode.TreeItem(node.column.name, vscode.TreeItemCollapsibleState.None);
      item.description = describeColumn(node.column);
      item.iconPath = new vscode.ThemeIcon(
        node.column.primaryKey ? 'key' : node.column.foreignKey ? 'references' : 'symbol-field',
      );
      item.tooltip = plainTooltip([
        `${node.table.name}.${node.column.name}`,
        describeColumn(node.column),
        ...(node.column.defaultValue === undefined ? [] : [`default ${node.column.defaultValue}`]),
      ]);
      item.contextValue = 'openpypi.database.column';
      break;
    case 'message':
      item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon(
        node.tone === 'error'
          ? 'error'
          : node.tone === 'warning'
            ? 'warning'
            : node.tone === 'action'
              ? 'add'
              : 'info',
        node.tone === 'error' ? new vscode.ThemeColor('problemsErrorIcon.foreground') : undefined,
      );
      item.tooltip = plainTooltip([node.label]);
      if (node.command) item.command = { ...node.command, arguments: [] };
      item.contextValue = `openpypi.database.message.${node.tone}`;
      break;
  }
  item.id = databaseNodeId(node);
  return item;
}
