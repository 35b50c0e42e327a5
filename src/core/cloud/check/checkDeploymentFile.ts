import type { DeploymentProblem } from './deploymentProblem';
import { checkKubernetesYaml } from './kubernetesCheck';
import type { KubernetesValidator } from './kubernetesValidator';
import { checkTerraform, type HclParser } from './terraformCheck';

export type DeploymentFileKind = 'kubernetes' | 'terraform';

/** Which check reads a file, by its name; undefined for files Check Deployment does not read. */
export function deploymentFileKind(file: string): DeploymentFileKind | undefined {
  if (/\.tf$/i.test(file)) return 'terraform';
  if (/\.ya?ml$/i.test(file)) return 'kubernetes';
  return undefined;
}

/** Whether YAML found by a workspace search looks like Kubernetes objects (not a CI workflow). */
export function looksLikeKubernetes(source: string): boolean {
  return /^apiVersion:\s*\S/m.test(source) && /^kind:\s*\S/m.test(source);
}

/** The parsers and validators a check needs, from the lazily loaded runtime. */
export interface DeploymentCheckers {
  readonly validateKubernetes: KubernetesValidator;
  readonly parseHcl: HclParser;
}

/** Schema check for Kubernetes YAML, syntax check for Terraform. */
export async function checkDeploymentFile(
  file: string,
  source: string,
  checkers: DeploymentCheckers,
): Promise<DeploymentProblem[]> {
  switch (deploymentFileKind(file)) {
    case 'kubernetes':
      return checkKubernetesYaml(file, source, checkers.validateKubernetes);
    case 'terraform':
      return checkTerraform(file, source, checkers.parseHcl);
    case undefined:
      return [];
  }
}
