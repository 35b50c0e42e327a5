import type * as vscode from 'vscode';
import type { DatabaseNode } from './databaseTreeModel';
import type { DatabaseSection } from './databaseSection';

/** A row of the Database section as a person reads it: label, description and the rows below. */
export interface TreeRow {
  readonly label: string;
  readonly description?: string;
  readonly children?: readonly TreeRow[];
}

function labelOf(item: vscode.TreeItem): string {
  const label = item.label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

/**
 * Walks the section through the same getChildren/getTreeItem VS Code calls, expanding only the
 * rows whose label is in `expand` (connection, schema and table names), as a person would.
 */
export async function treeSnapshot(
  section: DatabaseSection,
  expand: readonly string[],
): Promise<TreeRow[]> {
  const walk = async (node?: DatabaseNode): Promise<TreeRow[]> => {
    const children = await section.getChildren(node);
    return Promise.all(
      children.map(async (child) => {
        const item = section.getTreeItem(child);
        const label = labelOf(item);
        const description = typeof item.description === 'string' ? item.description : undefined;
        const open = child.kind !== 'message' && child.kind !== 'column' && expand.includes(label);
        return {
          label,
          ...(description === undefined ? {} : { description }),
          ...(open ? { children: await walk(child) } : {}),
        };
      }),
    );
  };
  return walk();
}
