import * as vscode from 'vscode';
import type { FindingFilter, GroupBy } from '../../core/findings/findingGroups';
import { countBySeverity, noFilter } from '../../core/findings/findingGroups';
import type { Finding } from '../../core/findings/finding';
import type { FindingsStore } from '../../core/findings/findingsStore';
import type { FindingsNode } from '../../core/findings/findingsTreeModel';
import { buildFindingsTree, childrenOf } from '../../core/findings/findingsTreeModel';
import type { ToolState } from '../../core/findings/toolState';
import { toTreeItem } from './findingsTreeItem';

const groupByKey = 'openpypi.findings.groupBy';
const filterKey = 'openpypi.findings.filter';

/**
 * The Security Findings view over the findings store. Grouping and filter are remembered per
 * workspace. Tool problems (missing, failed, timed out) are nodes of their own.
 */
export class FindingsTreeProvider
  implements vscode.TreeDataProvider<FindingsNode>, vscode.Disposable
{
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };
  private tools: ToolState[] = [];
  /** Built when the view asks for it, not on every change: a hidden view costs nothing. */
  private roots: FindingsNode[] | undefined;
  private visibleCount = 0;

  constructor(
    private readonly store: FindingsStore,
    private readonly state: vscode.Memento,
  ) {
    this.subscription = store.onDidChange(() => {
      this.rebuild();
    });
    this.rebuild();
  }

  get groupBy(): GroupBy {
    return this.state.get<GroupBy>(groupByKey, 'severity');
  }

  get filter(): FindingFilter {
    return { ...noFilter, ...this.state.get<Partial<FindingFilter>>(filterKey, {}) };
  }

  /** Findings shown at or above the filter, for the view's badge. */
  get count(): number {
    return this.visibleCount;
  }

  async setGroupBy(groupBy: GroupBy): Promise<void> {
    await this.state.update(groupByKey, groupBy);
    this.rebuild();
  }

  async setFilter(filter: FindingFilter): Promise<void> {
    await this.state.update(filterKey, filter);
    this.rebuild();
  }

  /** Replaces what is shown about the tools of one folder (running, missing, failed...). */
  setToolStates(folder: string, states: readonly ToolState[]): void {
    this.tools = [...this.tools.filter((t) => t.folder !== folder), ...states];
    this.rebuild();
  }

  setToolState(state: ToolState | { folder: string; tool: string; status: 'ok' }): void {
    this.tools = this.tools.filter((t) => !(t.folder === state.folder && t.tool === state.tool));
    if (state.status !== 'ok') this.tools.push(state);
    this.rebuild();
  }

  clearToolStates(): void {
    this.tools = [];
    this.rebuild();
  }

  getTreeItem(node: FindingsNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  getChildren(node?: FindingsNode): FindingsNode[] {
    if (node !== undefined) return [...childrenOf(node)];
    if (this.roots === undefined) {
      const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
      this.roots = buildFindingsTree({
        entries: this.store.all(),
        tools: this.tools,
        folders: folders.length > 1 ? folders : [],
        groupBy: this.groupBy,
        filter: this.filter,
      });
    }
    return this.roots;
  }

  private rebuild(): void {
    this.roots = undefined;
    this.visibleCount = countBySeverityTotal(this.store.findings(), this.filter);
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function countBySeverityTotal(findings: readonly Finding[], filter: FindingFilter): number {
  const counts = countBySeverity(findings, filter);
  return counts.high + counts.medium + counts.low;
}
