import type * as vscode from 'vscode';
import type { DockerNode } from './dockerNodes';
import type { DockerSection } from './dockerSection';

/** A row of the Docker section as a person reads it, with the contextValue its menus use. */
export interface DockerTreeRow {
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly contextValue?: string;
  /** The command a click runs (the Retry row). */
  readonly command?: string;
  readonly children?: readonly DockerTreeRow[];
  /** The node itself, as the view hands it to a command run from the row's menu. */
  readonly node?: unknown;
}

function labelOf(item: vscode.TreeItem): string {
  const label = item.label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

/**
 * The section's root row and the rows below it, through the same rootItem/getChildren/
 * getTreeItem VS Code calls. Groups (Images, Containers) are always expanded; an image's finding
 * rows only when its label is in `expand`.
 */
export async function dockerTreeSnapshot(
  section: DockerSection,
  expand: readonly string[],
): Promise<DockerTreeRow> {
  const row = (item: vscode.TreeItem): DockerTreeRow => {
    const tooltip = typeof item.tooltip === 'string' ? item.tooltip : undefined;
    const description = typeof item.description === 'string' ? item.description : undefined;
    return {
      label: labelOf(item),
      ...(description === undefined ? {} : { description }),
      ...(tooltip === undefined ? {} : { tooltip }),
      ...(item.contextValue === undefined ? {} : { contextValue: item.contextValue }),
      ...(item.command === undefined ? {} : { command: item.command.command }),
    };
  };
  const walk = async (node?: DockerNode): Promise<DockerTreeRow[]> => {
    const children = await section.getChildren(node);
    const rows: DockerTreeRow[] = [];
    for (const child of children) {
      const own = { ...row(section.getTreeItem(child)), node: child };
      const open = child.kind === 'group' || (child.kind === 'image' && expand.includes(own.label));
      rows.push(open ? { ...own, children: await walk(child) } : own);
    }
    return rows;
  };
  const children = await walk();
  return { ...row(section.rootItem()), children };
}
