import * as vscode from 'vscode';
import type { AuditLog } from '../../core/audit/auditLog';

/** Show Audit Log: opens the JSON-lines file read-only in an editor. */
export async function showAuditLog(audit: AuditLog): Promise<string | undefined> {
  const text = await audit.read();
  if (text === '') {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'The audit log is empty: no token was stored or removed and no AI request was made yet.',
      ),
    );
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(audit.file));
  await vscode.window.showTextDocument(document, { preview: true });
  return audit.file;
}
