import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';

export interface AuditRecord {
  readonly type: string;
  readonly [field: string]: unknown;
}

/** The audit log's records, oldest first (the file comes from "Show Audit Log"). */
export async function auditRecords(): Promise<AuditRecord[]> {
  const file = await vscode.commands.executeCommand<string>('openpypi.audit.showLog');
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AuditRecord);
}
