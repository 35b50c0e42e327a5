import type { DatabaseConnection } from '../../core/database/databaseConnection';
import type { ColumnInfo, TableInfo } from '../../core/database/databaseSchema';

/**
 * The Database section of the Providers view as data: connection → schema → table or view →
 * column, plus message rows (an error in place of a level's children, an action when empty).
 * Every node knows its parent, for reveal.
 */
export type DatabaseNode =
  | { readonly kind: 'connection'; readonly connection: DatabaseConnection }
  | {
      readonly kind: 'schema';
      readonly connection: DatabaseConnection;
      readonly schema: string;
      readonly parent: DatabaseNode;
    }
  | {
      readonly kind: 'table';
      readonly connection: DatabaseConnection;
      readonly table: TableInfo;
      readonly parent: DatabaseNode;
    }
  | {
      readonly kind: 'column';
      readonly connection: DatabaseConnection;
      readonly table: TableInfo;
      readonly column: ColumnInfo;
      readonly parent: DatabaseNode;
    }
  | {
      readonly kind: 'message';
      readonly id: string;
      readonly label: string;
      readonly tone: 'error' | 'warning' | 'action' | 'empty';
      readonly command?: { readonly command: string; readonly title: string };
      readonly parent?: DatabaseNode;
    };

/** "~25 rows", "1 row", "view", "not analysed yet". */
export function describeTable(table: TableInfo): string {
  if (table.type === 'view') return 'view';
  if (table.rowEstimate === undefined || table.rowEstimate < 0) return 'rows not estimated yet';
  return `~${table.rowEstimate.toLocaleString('en-US')} row${table.rowEstimate === 1 ? '' : 's'}`;
}

/** "integer · not null · PK", "integer · FK → customers.id". */
export function describeColumn(column: ColumnInfo): string {
  const parts = [column.dataType, column.nullable ? 'null' : 'not null'];
  if (column.primaryKey) parts.push('PK');
  if (column.foreignKey) {
    parts.push(`FK → ${column.foreignKey.table}.${column.foreignKey.column}`);
  }
  return parts.join(' · ');
}

/** A stable id for a node (VS Code keeps expansion state by it). */
export function databaseNodeId(node: DatabaseNode): string {
  switch (node.kind) {
    case 'connection':
      return `database:${node.connection.name}`;
    case 'schema':
      return `database:${node.connection.name}:${node.schema}`;
    case 'table':
      return `database:${node.connection.name}:${node.table.schema}:${node.table.name}`;
    case 'column':
      return `database:${node.connection.name}:${node.table.schema}:${node.table.name}:${node.column.name}`;
    case 'message':
      return `database:message:${node.id}`;
  }
}
