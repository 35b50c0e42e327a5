import { appRunnerSize, azureSize, cloudRunCpu, fargateSize } from './cloudSizes';
import { checkDeploymentOptions, type DeploymentOptions } from './deploymentOptions';
import type { GeneratedFile } from './generatedFile';
import { kubernetesManifests } from './kubernetesManifests';
import { terraformTemplates } from './terraformTemplates';

/** The folder each target's files go to. */
export function deploymentFolder(options: Pick<DeploymentOptions, 'target'>): string {
  return options.target === 'kubernetes'
    ? 'deploy/kubernetes'
    : `deploy/terraform/${options.target}`;
}

/** Fills {{placeholders}}; a placeholder without a value is a programming error, not output. */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`The template uses {{${key}}}, which has no value.`);
    // Values are checked by checkDeploymentOptions; escape anyway so none can end a string.
    return value.replace(/["\\$%]/g, (character) =>
      character === '"' ? '\\"' : character === '\\' ? '\\\\' : `${character}${character}`,
    );
  });
}

function terraformValues(options: DeploymentOptions): Record<string, string> {
  const fargate = fargateSize(options.cpuMillicores, options.memoryMiB);
  const appRunner = appRunnerSize(options.cpuMillicores, options.memoryMiB);
  const azure = azureSize(options.cpuMillicores, options.memoryMiB);
  return {
    name: options.name,
    image: options.image,
    port: String(options.port),
    region: options.region,
    healthPath: options.healthPath,
    minReplicas: String(options.minReplicas),
    maxReplicas: String(options.maxReplicas),
    memoryMiB: String(options.memoryMiB),
    fargateCpu: String(fargate.cpu),
    fargateMemory: String(fargate.memory),
    appRunnerCpu: appRunner.cpu,
    appRunnerMemory: appRunner.memory,
    cloudRunCpu: cloudRunCpu(options.cpuMillicores),
    azureCpu: String(azure.cpu),
    azureMemory: azure.memory,
  };
}

/**
 * The files of a deployment for the chosen target: Kubernetes manifests, or Terraform for the
 * cloud's container service.
 * @throws UserError when an option is not usable.
 */
export function generateDeployment(options: DeploymentOptions): GeneratedFile[] {
  checkDeploymentOptions(options);
  if (options.target === 'kubernetes') return kubernetesManifests(options);
  const values = terraformValues(options);
  const folder = deploymentFolder(options);
  return Object.entries(terraformTemplates[options.target]).map(([file, template]) => ({
    path: `${folder}/${file}`,
    content: renderTemplate(template, values),
  }));
}
