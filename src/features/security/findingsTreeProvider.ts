import * as vscode from 'vscode';

/**
 * The Security Findings view. Empty until a scan or an import publishes results, so the view's
 * welcome content shows what it is for.
 */
export class FindingsTreeProvider implements vscode.TreeDataProvider<vscode.TreeItem> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  getChildren(): vscode.TreeItem[] {
    return [];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
