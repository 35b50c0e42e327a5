/** The scanners that can look at one file on its own, by the file's kind. */
export type FileScanner = 'bandit' | 'pip-audit' | 'safety' | 'trivy';

const dependencyManifest =
  /(^|\/)(requirements[^/]*\.txt|pyproject\.toml|poetry\.lock|Pipfile|Pipfile\.lock|uv\.lock)$/i;
const trivyConfig =
  /(^|\/)(Dockerfile[^/]*|[^/]*\.dockerfile|[^/]*\.ya?ml|[^/]*\.tf|[^/]*\.tfvars)$/i;

/**
 * Which of `enabled` apply to the file at `relativePath`: Bandit reads Python sources, the
 * dependency auditors read manifests and lock files, Trivy reads manifests and configuration.
 */
export function toolsForFile(relativePath: string, enabled: readonly FileScanner[]): FileScanner[] {
  const applies = (tool: FileScanner): boolean => {
    switch (tool) {
      case 'bandit':
        return /\.pyw?$/i.test(relativePath);
      case 'pip-audit':
      case 'safety':
        return dependencyManifest.test(relativePath);
      case 'trivy':
        return dependencyManifest.test(relativePath) || trivyConfig.test(relativePath);
    }
  };
  return enabled.filter(applies);
}
