import * as vscode from 'vscode';

/**
 * An untitled editor that text streams into as the model answers. Appends are batched and
 * applied in order, so a fast stream never reorders or drops a piece.
 */
export class StreamingDocument {
  private pending = '';
  private chain: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;

  private constructor(readonly document: vscode.TextDocument) {}

  static async open(language: string, header: string): Promise<StreamingDocument> {
    const document = await vscode.workspace.openTextDocument({ language, content: header });
    await vscode.window.showTextDocument(document, {
      viewColumn: vscode.ViewColumn.Beside,
      preview: false,
      preserveFocus: true,
    });
    return new StreamingDocument(document);
  }

  append(text: string): void {
    this.pending += text;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, 50);
  }

  /** Applies everything appended so far; resolves when the editor holds it. */
  async close(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.flush();
    await this.chain;
  }

  /** Replaces the whole text (e.g. the answer without its Markdown fence). */
  async replaceAll(text: string): Promise<void> {
    await this.close();
    const edit = new vscode.WorkspaceEdit();
    const end = this.document.positionAt(this.document.getText().length);
    edit.replace(this.document.uri, new vscode.Range(new vscode.Position(0, 0), end), text);
    await vscode.workspace.applyEdit(edit);
  }

  private flush(): void {
    const text = this.pending;
    this.pending = '';
    if (text === '') return;
    this.chain = this.chain.then(async () => {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(
        this.document.uri,
        this.document.positionAt(this.document.getText().length),
        text,
      );
      await vscode.workspace.applyEdit(edit);
    });
  }
}
