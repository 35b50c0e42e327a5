import { UserError } from '../../errors/userError';

/** Where a generated deployment runs. */
export type DeploymentTarget =
  'kubernetes' | 'aws-ecs-fargate' | 'aws-app-runner' | 'gcp-cloud-run' | 'azure-container-apps';

export const deploymentTargets: readonly DeploymentTarget[] = [
  'kubernetes',
  'aws-ecs-fargate',
  'aws-app-runner',
  'gcp-cloud-run',
  'azure-container-apps',
];

/** What the person chose in the quick-pick flow (or a test passed). */
export interface DeploymentOptions {
  readonly target: DeploymentTarget;
  /** The application's name: a DNS-1123 label, used for every object. */
  readonly name: string;
  /** The container image, with a tag or digest. */
  readonly image: string;
  /** The port the application listens on inside the container (unprivileged: ≥ 1024). */
  readonly port: number;
  /** Kubernetes namespace (never `default`). */
  readonly namespace: string;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  /** CPU limit in millicores; the request is half of it. */
  readonly cpuMillicores: number;
  /** Memory limit in MiB; the request is half of it. */
  readonly memoryMiB: number;
  /** HTTP path of the liveness and readiness probes. */
  readonly healthPath: string;
  /** Cloud region for the Terraform targets. */
  readonly region: string;
  /** Who may reach the pods (Kubernetes NetworkPolicy). */
  readonly ingressFrom: 'same-namespace' | 'all-namespaces';
  /** Whether the pods may open outbound HTTPS connections (beyond DNS). */
  readonly egressHttps: boolean;
}

export const defaultRegions: Readonly<Record<DeploymentTarget, string>> = {
  kubernetes: '',
  'aws-ecs-fargate': 'eu-west-1',
  'aws-app-runner': 'eu-west-1',
  'gcp-cloud-run': 'europe-west1',
  'azure-container-apps': 'westeurope',
};

const dnsLabel = /^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$/;
// registry/path:tag or @sha256:digest; no whitespace, quotes or template characters.
const imageReference = /^[a-z0-9][a-z0-9._\-/:]*(?:@sha256:[a-f0-9]{64})?$/i;

/** A name derived from a project name that fits a DNS-1123 label. */
export function toDnsLabel(name: string): string {
  const label = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+/g, '-')
    .slice(0, 40)
    .replace(/-+$/, '');
  return label === '' ? 'app' : label;
}

/**
 * Checks the options before anything is generated.
 * @throws UserError naming the option that is wrong and what it must look like.
 */
export function checkDeploymentOptions(options: DeploymentOptions): DeploymentOptions {
  if (!dnsLabel.test(options.name)) {
    throw new UserError(
      `"${options.name}" cannot name the deployment: use 1 to 40 lower-case letters, digits and '-', starting with a letter.`,
    );
  }
  if (!imageReference.test(options.image) || options.image.includes('..')) {
    throw new UserError(
      `"${options.image}" is not a container image reference such as registry.example.com/app:1.2.3.`,
    );
  }
  if (!Number.isInteger(options.port) || options.port < 1024 || options.port > 65535) {
    throw new UserError(
      `Port ${options.port} cannot be used: the container runs as a non-root user, so pick a port from 1024 to 65535 (8000 or 8080 are usual).`,
    );
  }
  if (
    options.target === 'kubernetes' &&
    (!dnsLabel.test(options.namespace) || options.namespace === 'default')
  ) {
    throw new UserError(
      `"${options.namespace}" cannot be the namespace: use a DNS label other than "default".`,
    );
  }
  if (
    !Number.isInteger(options.minReplicas) ||
    !Number.isInteger(options.maxReplicas) ||
    options.minReplicas < 1 ||
    options.maxReplicas < options.minReplicas ||
    options.maxReplicas > 100
  ) {
    throw new UserError(
      `Replicas ${options.minReplicas} to ${options.maxReplicas} do not fit: use at least 1, at most 100, minimum not above maximum.`,
    );
  }
  if (
    !Number.isInteger(options.cpuMillicores) ||
    options.cpuMillicores < 100 ||
    options.cpuMillicores > 8000
  ) {
    throw new UserError(
      `CPU ${options.cpuMillicores}m is out of range: use 100 to 8000 millicores.`,
    );
  }
  if (
    !Number.isInteger(options.memoryMiB) ||
    options.memoryMiB < 128 ||
    options.memoryMiB > 32768
  ) {
    throw new UserError(`Memory ${options.memoryMiB} MiB is out of range: use 128 to 32768 MiB.`);
  }
  if (!/^\/[A-Za-z0-9._~/-]*$/.test(options.healthPath)) {
    throw new UserError(`"${options.healthPath}" is not an HTTP path such as /health.`);
  }
  if (options.target !== 'kubernetes' && !/^[a-z0-9-]+$/.test(options.region)) {
    throw new UserError(
      `"${options.region}" is not a region name such as ${defaultRegions[options.target]}.`,
    );
  }
  return options;
}

/** Defaults for a project: the person changes what they need in the quick-pick flow. */
export function defaultDeploymentOptions(
  target: DeploymentTarget,
  projectName: string,
): DeploymentOptions {
  const name = toDnsLabel(projectName);
  return {
    target,
    name,
    image: `registry.example.com/${name}:0.1.0`,
    port: 8000,
    namespace: name,
    minReplicas: 2,
    maxReplicas: 5,
    cpuMillicores: 500,
    memoryMiB: 512,
    healthPath: '/health',
    region: defaultRegions[target],
    ingressFrom: 'same-namespace',
    egressHttps: false,
  };
}
