import * as vscode from 'vscode';
import type { DeploymentProblem } from '../../core/cloud/check/deploymentProblem';

const severities: Readonly<Record<DeploymentProblem['severity'], vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

const sources: Readonly<Record<DeploymentProblem['source'], string>> = {
  'kubernetes-schema': 'Kubernetes schema',
  'terraform-parser': 'Terraform',
  kubectl: 'kubectl',
  terraform: 'terraform validate',
  openpypi: 'OpenPypi',
};

/** Check Deployment's own diagnostics (schema, syntax, CLI dry runs); Trivy's go through the scan engine. */
export class DeploymentDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('openpypi-cloud');

  /** Replaces the diagnostics of the checked files (a file with no problem is cleared). */
  publish(
    folder: vscode.Uri,
    checked: readonly string[],
    problems: readonly DeploymentProblem[],
  ): number {
    const byFile = new Map<string, vscode.Diagnostic[]>(checked.map((file) => [file, []]));
    for (const problem of problems) {
      const range = new vscode.Range(
        problem.line,
        problem.column,
        problem.endLine,
        Math.max(problem.endColumn, problem.line === problem.endLine ? problem.column + 1 : 0),
      );
      const diagnostic = new vscode.Diagnostic(
        range,
        problem.message,
        severities[problem.severity],
      );
      diagnostic.source = sources[problem.source];
      if (problem.code !== undefined) diagnostic.code = problem.code;
      byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), diagnostic]);
    }
    for (const [file, diagnostics] of byFile) {
      this.collection.set(vscode.Uri.joinPath(folder, ...file.split('/')), diagnostics);
    }
    return problems.length;
  }

  clearFile(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
