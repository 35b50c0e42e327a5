import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FindingReference } from '../../core/ai/findingReference';

/** A finding to explain or fix, and the file it is in when it has one. */
export interface ResolvedFinding {
  readonly finding: FindingReference;
  readonly uri?: vscode.Uri;
}

/** Scanner diagnostics OpenPypi offers AI actions for (by their `source`). */
export const scannerSources = /bandit|pip-audit|safety|trivy|semgrep|openpypi/i;

function codeOf(code: vscode.Diagnostic['code']): string | undefined {
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function fromDiagnostic(
  diagnostic: vscode.Diagnostic,
  uri: vscode.Uri | undefined,
): ResolvedFinding {
  const ruleId = codeOf(diagnostic.code);
  return {
    finding: {
      message: diagnostic.message,
      line: diagnostic.range.start.line + 1,
      ...(ruleId ? { ruleId } : {}),
      ...(diagnostic.source ? { source: diagnostic.source } : {}),
    },
    ...(uri ? { uri } : {}),
  };
}

function resolveFile(file: string, folder?: string): vscode.Uri | undefined {
  if (path.isAbsolute(file)) return vscode.Uri.file(file);
  const base = folder ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return base === undefined ? undefined : vscode.Uri.file(path.join(base, file));
}

interface FindingLike {
  message?: unknown;
  ruleId?: unknown;
  tool?: unknown;
  location?: { kind?: unknown; relativePath?: unknown; range?: { startLine?: unknown } };
}

/** A findings-tree node ({ kind: 'finding', folder, finding }) or { folder, finding }. */
function fromFindingsNode(value: {
  folder?: unknown;
  finding?: FindingLike;
}): ResolvedFinding | undefined {
  const finding = value.finding;
  if (!finding || typeof finding.message !== 'string') return undefined;
  const location = finding.location;
  const relativePath =
    location?.kind === 'workspace' && typeof location.relativePath === 'string'
      ? location.relativePath
      : undefined;
  const line =
    typeof location?.range?.startLine === 'number' ? location.range.startLine : undefined;
  const folder = typeof value.folder === 'string' ? value.folder : undefined;
  const uri = relativePath === undefined ? undefined : resolveFile(relativePath, folder);
  return {
    finding: {
      message: finding.message,
      ...(typeof finding.ruleId === 'string' ? { ruleId: finding.ruleId } : {}),
      ...(typeof finding.tool === 'string' ? { source: finding.tool } : {}),
      ...(relativePath === undefined ? {} : { file: relativePath }),
      ...(line === undefined ? {} : { line }),
    },
    ...(uri ? { uri } : {}),
  };
}

/** The scanner diagnostic under the cursor of the active editor, if any. */
function findingAtCursor(): ResolvedFinding | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const cursor = editor.selection.active;
  const here = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.range.start.line <= cursor.line && cursor.line <= d.range.end.line);
  const diagnostic = here.find((d) => scannerSources.test(d.source ?? '')) ?? here[0];
  return diagnostic ? fromDiagnostic(diagnostic, editor.document.uri) : undefined;
}

/**
 * Accepts what the AI commands are given: a vscode.Diagnostic (from a code action, with its
 * Uri as second argument), a findings-tree node, a plain `{ message, ruleId, file, line }`, or
 * nothing (the diagnostic under the cursor).
 */
export function findingFromArgument(arg: unknown, second?: unknown): ResolvedFinding | undefined {
  const secondUri = second instanceof vscode.Uri ? second : undefined;
  if (arg instanceof vscode.Diagnostic) {
    return fromDiagnostic(arg, secondUri ?? vscode.window.activeTextEditor?.document.uri);
  }
  if (typeof arg === 'object' && arg !== null) {
    const record = arg as Record<string, unknown>;
    if ('finding' in record) {
      return fromFindingsNode(record);
    }
    if (typeof record.message === 'string') {
      const file = typeof record.file === 'string' ? record.file : undefined;
      const line = typeof record.line === 'number' ? record.line : undefined;
      const uri = secondUri ?? (file === undefined ? undefined : resolveFile(file));
      return {
        finding: {
          message: record.message,
          ...(typeof record.ruleId === 'string' ? { ruleId: record.ruleId } : {}),
          ...(typeof record.source === 'string' ? { source: record.source } : {}),
          ...(file === undefined ? {} : { file }),
          ...(line === undefined ? {} : { line }),
        },
        ...(uri ? { uri } : {}),
      };
    }
  }
  return arg === undefined ? findingAtCursor() : undefined;
}

/** The path a prompt may show: relative to the workspace folder, never the home directory. */
export function promptPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}
