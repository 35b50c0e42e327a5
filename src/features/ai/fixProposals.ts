import * as vscode from 'vscode';

export const fixProposalScheme = 'openpypi-ai-fix';

/**
 * Read-only documents holding the AI's proposed file, so the proposal can be shown in a diff
 * before anything touches the real file.
 */
export class FixProposals implements vscode.TextDocumentContentProvider {
  private readonly proposals = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;

  /** A Uri showing `text`, named after the file it proposes to change. */
  add(original: vscode.Uri, text: string): vscode.Uri {
    this.counter++;
    const uri = vscode.Uri.from({
      scheme: fixProposalScheme,
      path: original.path,
      query: `proposal=${this.counter}`,
    });
    this.proposals.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  remove(uri: vscode.Uri): void {
    this.proposals.delete(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.proposals.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
    this.proposals.clear();
  }
}
