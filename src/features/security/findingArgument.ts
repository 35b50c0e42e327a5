import * as vscode from 'vscode';
import type { Finding } from '../../core/findings/finding';
import type { FindingsNode } from '../../core/findings/findingsTreeModel';
import type { ToolState } from '../../core/findings/toolState';
import { ResultDiagnostic } from './resultDiagnostic';

/** A finding and the workspace folder it belongs to, from a command's argument. */
export interface FindingTarget {
  readonly folder: string;
  readonly finding: Finding;
}

function isNode(value: unknown): value is FindingsNode {
  return typeof value === 'object' && value !== null && 'kind' in value;
}

/** Accepts a findings-tree node or a diagnostic of ours. */
export function findingFromArgument(arg: unknown): FindingTarget | undefined {
  if (isNode(arg) && arg.kind === 'finding') return { folder: arg.folder, finding: arg.finding };
  if (arg instanceof ResultDiagnostic) {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const folder = uri === undefined ? undefined : vscode.workspace.getWorkspaceFolder(uri);
    if (folder !== undefined) return { folder: folder.uri.fsPath, finding: arg.finding };
  }
  if (typeof arg === 'object' && arg !== null && 'folder' in arg && 'finding' in arg) {
    return arg as FindingTarget;
  }
  return undefined;
}

/** Accepts a tool node of the findings tree or a tool id such as `bandit`. */
export function toolFromArgument(arg: unknown): ToolState | { tool: string } | undefined {
  if (isNode(arg) && arg.kind === 'tool') return arg.state;
  if (typeof arg === 'string' && arg !== '') return { tool: arg };
  return undefined;
}
