// A test-side re-statement of the Trivy Kubernetes checks (trivy-checks, KSV-xxxx) that matter
// for the generated manifests: each is written after the check's own description, so the
// recorded real Trivy output (test/fixtures/trivy/v0.74.0__config__helm_testchart.json) can
// pin it down: run over the chart that Trivy scanned, these must report exactly what Trivy
// reported, on the same lines. Trivy itself cannot be installed on this machine.
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { nodeAt } from '../../../../src/core/cloud/check/kubernetesCheck';

export interface CheckFailure {
  readonly id: string;
  /** 1-based, as Trivy's CauseMetadata.StartLine; undefined when Trivy gives none. */
  readonly line: number | undefined;
}

type Json = Record<string, unknown>;
const workloadKinds = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'Pod',
]);

function record(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function podSpecPath(kind: string): string[] {
  return kind === 'Pod' ? ['spec'] : ['spec', 'template', 'spec'];
}

function dig(object: Json, path: readonly string[]): unknown {
  let value: unknown = object;
  for (const key of path) value = record(value)[key];
  return value;
}

interface Container {
  readonly spec: Json;
  readonly path: string[];
}

function containers(object: Json, kind: string): Container[] {
  const base = podSpecPath(kind);
  const list = dig(object, [...base, 'containers']);
  return (Array.isArray(list) ? list : []).map((spec, index) => ({
    spec: record(spec),
    path: [...base, 'containers', String(index)],
  }));
}

/** The checks, each one: does this workload fail it, and where. */
const containerChecks: readonly {
  readonly id: string;
  readonly fails: (container: Json, pod: Json) => boolean;
}[] = [
  // KSV-0001: securityContext.allowPrivilegeEscalation must be false.
  {
    id: 'KSV-0001',
    fails: (c) => dig(c, ['securityContext', 'allowPrivilegeEscalation']) !== false,
  },
  // KSV-0003: capabilities.drop must include ALL.
  {
    id: 'KSV-0003',
    fails: (c) => {
      const drop = dig(c, ['securityContext', 'capabilities', 'drop']);
      return !(Array.isArray(drop) && drop.some((value) => String(value).toUpperCase() === 'ALL'));
    },
  },
  // KSV-0011 / 0015 / 0016 / 0018: CPU and memory limits and requests set.
  { id: 'KSV-0011', fails: (c) => dig(c, ['resources', 'limits', 'cpu']) === undefined },
  { id: 'KSV-0015', fails: (c) => dig(c, ['resources', 'requests', 'cpu']) === undefined },
  { id: 'KSV-0016', fails: (c) => dig(c, ['resources', 'requests', 'memory']) === undefined },
  { id: 'KSV-0018', fails: (c) => dig(c, ['resources', 'limits', 'memory']) === undefined },
  // KSV-0012: runAsNonRoot true on the container or the pod.
  {
    id: 'KSV-0012',
    fails: (c, p) =>
      dig(c, ['securityContext', 'runAsNonRoot']) !== true &&
      dig(p, ['securityContext', 'runAsNonRoot']) !== true,
  },
  // KSV-0014: readOnlyRootFilesystem true.
  { id: 'KSV-0014', fails: (c) => dig(c, ['securityContext', 'readOnlyRootFilesystem']) !== true },
  // KSV-0017: not privileged.
  { id: 'KSV-0017', fails: (c) => dig(c, ['securityContext', 'privileged']) === true },
  // KSV-0020 / 0021: user and group IDs above 10000.
  {
    id: 'KSV-0020',
    fails: (c, p) => {
      const user =
        dig(c, ['securityContext', 'runAsUser']) ?? dig(p, ['securityContext', 'runAsUser']);
      return !(typeof user === 'number' && user > 10000);
    },
  },
  {
    id: 'KSV-0021',
    fails: (c, p) => {
      const group =
        dig(c, ['securityContext', 'runAsGroup']) ?? dig(p, ['securityContext', 'runAsGroup']);
      return !(typeof group === 'number' && group > 10000);
    },
  },
  // KSV-0030 and KSV-0104: a RuntimeDefault (or Localhost) seccomp profile on pod or container.
  {
    id: 'KSV-0030',
    fails: (c, p) =>
      dig(c, ['securityContext', 'seccompProfile', 'type']) !== 'RuntimeDefault' &&
      dig(p, ['securityContext', 'seccompProfile', 'type']) !== 'RuntimeDefault',
  },
  {
    id: 'KSV-0104',
    fails: (c, p) => {
      const type =
        dig(c, ['securityContext', 'seccompProfile', 'type']) ??
        dig(p, ['securityContext', 'seccompProfile', 'type']);
      return type !== 'RuntimeDefault' && type !== 'Localhost';
    },
  },
  // KSV-0106: drop ALL, add nothing but NET_BIND_SERVICE.
  {
    id: 'KSV-0106',
    fails: (c) => {
      const caps = record(dig(c, ['securityContext', 'capabilities']));
      const drop = Array.isArray(caps.drop) ? caps.drop.map(String) : [];
      const add = Array.isArray(caps.add) ? caps.add.map(String) : [];
      return !drop.includes('ALL') || add.some((value) => value !== 'NET_BIND_SERVICE');
    },
  },
];

/** Runs the checks over every workload of a YAML text; failures with their lines. */
export function trivyKubernetesFailures(source: string): CheckFailure[] {
  const lineCounter = new LineCounter();
  const failures: CheckFailure[] = [];
  for (const document of parseAllDocuments(source, { lineCounter }) as Document.Parsed[]) {
    const object = record(document.toJS());
    const kind = String(object.kind);
    if (!workloadKinds.has(kind)) continue;
    const lineOf = (path: readonly string[]): number =>
      lineCounter.linePos(nodeAt(document, path).span.start).line;
    const pod = record(dig(object, podSpecPath(kind)));
    for (const container of containers(object, kind)) {
      for (const check of containerChecks) {
        if (check.fails(container.spec, pod))
          failures.push({ id: check.id, line: lineOf(container.path) });
      }
      // KSV-0117: no containerPort below 1024 (Trivy gives no line for it).
      const ports = Array.isArray(container.spec.ports) ? container.spec.ports : [];
      if (ports.some((port) => Number(record(port).containerPort) < 1024)) {
        failures.push({ id: 'KSV-0117', line: undefined });
      }
    }
    // KSV-0110: not in the default namespace.
    const namespace = dig(object, ['metadata', 'namespace']);
    if (namespace === undefined || namespace === 'default') {
      failures.push({ id: 'KSV-0110', line: lineOf(['metadata']) });
    }
    // KSV-0118: the pod's security context is not left empty.
    if (Object.keys(record(pod.securityContext)).length === 0) {
      failures.push({ id: 'KSV-0118', line: lineOf(podSpecPath(kind)) });
    }
  }
  return failures;
}
