import type { CreateContainerRequest } from './dockerClient';
import type { ContainerSecurityView, ImageDetails } from './dockerModel';

/** The run limits from settings (openpypi.docker.run.*). */
export interface RunLimits {
  readonly memoryMb: number;
  readonly cpus: number;
  readonly pids: number;
}

/** Each secure default, which the person may loosen one by one in the confirmation step. */
export type SecureDefault =
  'readOnlyRootfs' | 'noNewPrivileges' | 'dropAllCapabilities' | 'nonRootUser' | 'limits';

export const SECURE_DEFAULTS: readonly SecureDefault[] = [
  'readOnlyRootfs',
  'noNewPrivileges',
  'dropAllCapabilities',
  'nonRootUser',
  'limits',
];

export interface RunPlan {
  readonly request: CreateContainerRequest;
  /** The defaults in force (all of them, minus what the person loosened or the image lacks). */
  readonly applied: ReadonlySet<SecureDefault>;
  /** The non-root user the container runs as, when the image defines one. */
  readonly user?: string;
}

const TMPFS_OPTIONS = 'rw,noexec,nosuid,nodev,size=64m';

/** Whether a USER value means root (empty, `root`, `0`, `root:…`, `0:…`). */
export function isRootUser(user: string): boolean {
  return /^(|root|0)(:.*)?$/.test(user.trim());
}

/**
 * The create request for a container with OpenPypi's secure defaults: read-only root filesystem
 * with a tmpfs /tmp, no-new-privileges, every capability dropped, the image's non-root USER,
 * memory/CPU/pids limits, never privileged; the image's HEALTHCHECK is kept (not overridden).
 */
export function planSecureRun(options: {
  image: ImageDetails;
  imageReference: string;
  name?: string;
  cmd?: readonly string[];
  limits: RunLimits;
  loosened: ReadonlySet<SecureDefault>;
  labels: Readonly<Record<string, string>>;
  networkMode?: string;
}): RunPlan {
  const applied = new Set(SECURE_DEFAULTS.filter((item) => !options.loosened.has(item)));
  const imageUser = options.image.user.trim();
  const nonRoot = !isRootUser(imageUser) ? imageUser : undefined;
  if (nonRoot === undefined) applied.delete('nonRootUser');
  const limits = applied.has('limits');
  const request: CreateContainerRequest = {
    image: options.imageReference,
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(options.cmd === undefined ? {} : { cmd: options.cmd }),
    ...(applied.has('nonRootUser') && nonRoot !== undefined ? { user: nonRoot } : {}),
    labels: options.labels,
    readonlyRootfs: applied.has('readOnlyRootfs'),
    tmpfs: applied.has('readOnlyRootfs') ? { '/tmp': TMPFS_OPTIONS } : {},
    securityOpt: applied.has('noNewPrivileges') ? ['no-new-privileges:true'] : [],
    capDrop: applied.has('dropAllCapabilities') ? ['ALL'] : [],
    memoryBytes: limits ? Math.round(options.limits.memoryMb * 1024 * 1024) : 0,
    nanoCpus: limits ? Math.round(options.limits.cpus * 1e9) : 0,
    pidsLimit: limits ? options.limits.pids : 0,
    privileged: false,
    ...(options.networkMode === undefined || options.networkMode === ''
      ? {}
      : { networkMode: options.networkMode }),
  };
  return { request, applied, ...(nonRoot === undefined ? {} : { user: nonRoot }) };
}

/**
 * What the engine did not apply of the plan, read back from `inspect` (an engine or a daemon
 * configuration can silently drop options). Empty when everything holds.
 */
export function secureRunDeviations(plan: RunPlan, actual: ContainerSecurityView): string[] {
  const problems: string[] = [];
  const want = plan.request;
  if (actual.privileged) problems.push('the container is privileged');
  if (want.readonlyRootfs && !actual.readonlyRootfs)
    problems.push('the root filesystem is writable');
  if (want.readonlyRootfs && actual.tmpfs['/tmp'] === undefined)
    problems.push('/tmp is not a tmpfs');
  if (
    want.securityOpt.length > 0 &&
    !actual.securityOpt.some((opt) => /^no-new-privileges(:true|=true)?$/.test(opt))
  ) {
    problems.push('no-new-privileges is not set');
  }
  if (want.capDrop.includes('ALL') && !actual.capDrop.map((c) => c.toUpperCase()).includes('ALL')) {
    problems.push('capabilities are not all dropped');
  }
  if (actual.capAdd.length > 0) problems.push(`capabilities added: ${actual.capAdd.join(', ')}`);
  if (want.user !== undefined && actual.user !== want.user) {
    problems.push(`runs as "${actual.user || 'root'}" instead of "${want.user}"`);
  }
  if (want.memoryBytes > 0 && actual.memoryBytes !== want.memoryBytes)
    problems.push('memory limit not applied');
  if (want.nanoCpus > 0 && actual.nanoCpus !== want.nanoCpus)
    problems.push('CPU limit not applied');
  if (want.pidsLimit > 0 && actual.pidsLimit !== want.pidsLimit)
    problems.push('pids limit not applied');
  return problems;
}
