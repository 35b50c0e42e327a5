import path from 'node:path';
import type { DeploymentProblem } from './deploymentProblem';

interface ValidateDiagnostic {
  severity?: string;
  summary?: string;
  detail?: string;
  range?: {
    filename?: string;
    start?: { line?: number; column?: number };
    end?: { line?: number; column?: number };
  };
}

/**
 * Reads `terraform validate -json` (format_version 1.0): each diagnostic with a range becomes a
 * problem on its file and line; one without a range is placed on the first file checked.
 * @param folder the folder validate ran in, relative posix to the workspace root.
 */
export function terraformValidateProblems(
  folder: string,
  stdout: string,
  fallbackFile: string,
): DeploymentProblem[] {
  let report: { diagnostics?: ValidateDiagnostic[] };
  try {
    report = JSON.parse(stdout) as { diagnostics?: ValidateDiagnostic[] };
  } catch {
    return [];
  }
  return (report.diagnostics ?? []).map((diagnostic) => {
    const range = diagnostic.range;
    const file =
      range?.filename === undefined ? fallbackFile : path.posix.join(folder, range.filename);
    const line = Math.max((range?.start?.line ?? 1) - 1, 0);
    const column = Math.max((range?.start?.column ?? 1) - 1, 0);
    return {
      file,
      line,
      column,
      endLine: Math.max((range?.end?.line ?? line + 1) - 1, line),
      endColumn: Math.max((range?.end?.column ?? column + 1) - 1, 0),
      message: [diagnostic.summary, diagnostic.detail]
        .filter((part) => part !== undefined && part !== '')
        .join(': '),
      severity: diagnostic.severity === 'warning' ? 'warning' : 'error',
      source: 'terraform',
      code: 'validate',
    };
  });
}
