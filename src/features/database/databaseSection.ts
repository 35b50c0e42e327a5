import * as vscode from 'vscode';
import type { DatabaseConnection } from '../../core/database/databaseConnection';
import { describeError } from '../../core/logging/describeError';
import type { ProviderSection } from '../providers/providerSection';
import type { ConnectionSessions } from './connectionSessions';
import type { DatabaseSettings } from './databaseSettings';
import { toDatabaseTreeItem } from './databaseTreeItem';
import { databaseNodeId, type DatabaseNode } from './databaseTreeModel';

/**
 * The Database section of the Providers view. Each level loads when it is expanded (connecting
 * on the first expansion of a connection) and is kept until a refresh; a failure shows as a row
 * with the reason in place of that level's children.
 */
export class DatabaseSection implements ProviderSection<DatabaseNode>, vscode.Disposable {
  readonly providerId = 'database' as const;
  private readonly changed = new vscode.EventEmitter<DatabaseNode | undefined>();
  readonly onDidChange = this.changed.event;
  private readonly children = new WeakMap<DatabaseNode, Promise<DatabaseNode[]>>();
  private connectionNodes = new Map<string, DatabaseNode & { kind: 'connection' }>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly sessions: ConnectionSessions,
    private settings: () => DatabaseSettings,
  ) {
    this.subscription = sessions.onDidChangeStatus((name) => {
      const node = this.connectionNodes.get(name);
      this.changed.fire(node);
    });
  }

  rootItem(): vscode.TreeItem {
    const { connections, problems } = this.settings();
    const item = new vscode.TreeItem('Database', vscode.TreeItemCollapsibleState.Expanded);
    item.id = 'provider:database:section';
    item.description =
      connections.length === 0
        ? vscode.l10n.t('not configured')
        : vscode.l10n.t('{0} connection(s)', connections.length);
    const errors = connections.filter((c) => this.sessions.status(c.name).kind === 'error').length;
    item.iconPath =
      connections.length === 0
        ? new vscode.ThemeIcon('circle-large-outline')
        : errors > 0 || problems.length > 0
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
          : new vscode.ThemeIcon('database');
    item.tooltip = vscode.l10n.t(
      'PostgreSQL and SQLite connections: schemas, tables and columns, Run SQL, Alembic migrations.',
    );
    item.contextValue = 'openpypi.database.root';
    return item;
  }

  getTreeItem(node: DatabaseNode): vscode.TreeItem {
    return toDatabaseTreeItem(node, (name) => this.sessions.status(name));
  }

  getParent(node: DatabaseNode): DatabaseNode | undefined {
    return node.kind === 'connection' ? undefined : node.parent;
  }

  getChildren(node?: DatabaseNode): Promise<DatabaseNode[]> | DatabaseNode[] {
    if (!node) return this.rootChildren();
    let children = this.children.get(node);
    if (!children) {
      children = this.load(node);
      this.children.set(node, children);
    }
    return children;
  }

  /** The connection node of a name (for reveal and for commands given a name). */
  connectionNode(name: string): DatabaseNode | undefined {
    return this.connectionNodes.get(name);
  }

  /** Forgets what was loaded below a node (a connection: reconnects on the next expansion). */
  refresh(node?: DatabaseNode): void {
    if (!node) {
      this.connectionNodes = new Map();
      this.changed.fire(undefined);
      return;
    }
    this.children.delete(node);
    this.changed.fire(node);
  }

  private rootChildren(): DatabaseNode[] {
    const { connections, problems } = this.settings();
    const nodes: DatabaseNode[] = [];
    const next = new Map<string, DatabaseNode & { kind: 'connection' }>();
    for (const connection of connections) {
      const known = this.connectionNodes.get(connection.name);
      const node =
        known && JSON.stringify(known.connection) === JSON.stringify(connection)
          ? known
          : { kind: 'connection' as const, connection };
      next.set(connection.name, node);
      nodes.push(node);
    }
    this.connectionNodes = next;
    problems.forEach((problem, index) => {
      nodes.push({ kind: 'message', id: `problem:${index}`, label: problem, tone: 'warning' });
    });
    if (connections.length === 0) {
      nodes.push(
        {
          kind: 'message',
          id: 'add',
          label: vscode.l10n.t('Add a connection…'),
          tone: 'action',
          command: {
            command: 'openpypi.database.addConnection',
            title: vscode.l10n.t('Add Connection'),
          },
        },
        {
          kind: 'message',
          id: 'discover',
          label: vscode.l10n.t('Find connections in the workspace…'),
          tone: 'action',
          command: {
            command: 'openpypi.database.discoverConnections',
            title: vscode.l10n.t('Find Connections'),
          },
        },
      );
    }
    return nodes;
  }

  private async load(node: DatabaseNode): Promise<DatabaseNode[]> {
    if (node.kind === 'column' || node.kind === 'message') return [];
    const connection: DatabaseConnection = node.connection;
    try {
      const session = await this.sessions.session(connection);
      switch (node.kind) {
        case 'connection': {
          const schemas = await session.schemas();
          return schemas.length === 0
            ? [this.empty(node, vscode.l10n.t('No schemas'))]
            : schemas.map((schema) => ({
                kind: 'schema',
                connection,
                schema: schema.name,
                parent: node,
              }));
        }
        case 'schema': {
          const tables = await session.tables(node.schema);
          return tables.length === 0
            ? [this.empty(node, vscode.l10n.t('No tables or views'))]
            : tables.map((table) => ({ kind: 'table', connection, table, parent: node }));
        }
        case 'table': {
          const columns = await session.columns(node.table.schema, node.table.name);
          return columns.map((column) => ({
            kind: 'column',
            connection,
            table: node.table,
            column,
            parent: node,
          }));
        }
      }
    } catch (error) {
      // Kept until a refresh (Refresh, Test Connection), so a redraw does not reconnect.
      return [
        {
          kind: 'message',
          id: `${databaseNodeId(node)}:error`,
          label: describeError(error),
          tone: 'error',
          parent: node,
        },
      ];
    }
  }

  private empty(parent: DatabaseNode, label: string): DatabaseNode {
    return { kind: 'message', id: `${databaseNodeId(parent)}:empty`, label, tone: 'empty', parent };
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
