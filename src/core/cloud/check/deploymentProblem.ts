/** One problem Check Deployment found in a file, placed on a range (0-based lines and columns). */
export interface DeploymentProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
  readonly severity: 'error' | 'warning' | 'information';
  /** What found it: the Kubernetes schema, the Terraform parser, kubectl, terraform. */
  readonly source: 'kubernetes-schema' | 'terraform-parser' | 'kubectl' | 'terraform' | 'openpypi';
  readonly code?: string;
}
