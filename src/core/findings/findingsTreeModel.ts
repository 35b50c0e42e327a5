import type { Finding } from './finding';
import type { FindingFilter, FindingGroup, GroupBy } from './findingGroups';
import { groupFindings } from './findingGroups';
import type { FindingsEntry } from './findingsStore';
import type { ToolState } from './toolState';

/** One node of the Security Findings view: a typed model, mapped to TreeItems by the glue. */
export type FindingsNode =
  | {
      readonly kind: 'folder';
      readonly folder: string;
      readonly children: readonly FindingsNode[];
      readonly count: number;
    }
  | { readonly kind: 'tool'; readonly state: ToolState }
  | { readonly kind: 'group'; readonly folder: string; readonly group: FindingGroup }
  | { readonly kind: 'finding'; readonly folder: string; readonly finding: Finding };

export interface FindingsTreeInput {
  readonly entries: readonly FindingsEntry[];
  readonly tools: readonly ToolState[];
  /** Every workspace folder, so that a folder with a tool problem and no findings still shows. */
  readonly folders: readonly string[];
  readonly groupBy: GroupBy;
  readonly filter: FindingFilter;
}

function folderNodes(
  folder: string,
  input: FindingsTreeInput,
): { nodes: FindingsNode[]; count: number } {
  const findings = input.entries.filter((e) => e.folder === folder).flatMap((e) => e.findings);
  const tools: FindingsNode[] = input.tools
    .filter((t) => t.folder === folder)
    .map((state) => ({ kind: 'tool', state }));
  const groups = groupFindings(findings, input.groupBy, input.filter);
  const count = groups.reduce((sum, g) => sum + g.findings.length, 0);
  return {
    nodes: [...tools, ...groups.map((group): FindingsNode => ({ kind: 'group', folder, group }))],
    count,
  };
}

/**
 * The roots of the view: tool problems first (never an empty tree when a tool failed), then
 * the groups. With several workspace folders each folder is its own root.
 */
export function buildFindingsTree(input: FindingsTreeInput): FindingsNode[] {
  const folders = [
    ...new Set([
      ...input.folders,
      ...input.entries.map((e) => e.folder),
      ...input.tools.map((t) => t.folder),
    ]),
  ];
  if (folders.length <= 1) {
    const [only] = folders;
    return only === undefined ? [] : folderNodes(only, input).nodes;
  }
  return folders.flatMap((folder): FindingsNode[] => {
    const { nodes, count } = folderNodes(folder, input);
    return nodes.length === 0 ? [] : [{ kind: 'folder', folder, children: nodes, count }];
  });
}

export function childrenOf(node: FindingsNode): readonly FindingsNode[] {
  switch (node.kind) {
    case 'folder':
      return node.children;
    case 'group':
      return node.group.findings.map((finding) => ({
        kind: 'finding',
        folder: node.folder,
        finding,
      }));
    case 'tool':
    case 'finding':
      return [];
  }
}

/** The contextValue of a node: what its menus may offer, computed from what the node allows. */
export function contextValueOf(node: FindingsNode): string {
  switch (node.kind) {
    case 'folder':
      return 'openpypi.folder';
    case 'group':
      return `openpypi.group.${node.group.kind}`;
    case 'tool': {
      const actions = ['tool', node.state.status];
      if (node.state.status === 'not-installed' && node.state.installHint !== undefined)
        actions.push('installable');
      return `openpypi.${actions.join('.')}`;
    }
    case 'finding': {
      const f = node.finding;
      const actions = ['finding'];
      if (f.helpUri !== undefined) actions.push('hasDocs');
      if (f.location.kind === 'external') actions.push('external');
      if (f.fixVersions.length > 0 && f.packageName !== undefined) actions.push('upgradable');
      return `openpypi.${actions.join('.')}`;
    }
  }
}
