import { stringify } from 'yaml';
import type { DeploymentOptions } from './deploymentOptions';
import type { GeneratedFile } from './generatedFile';

/** The user and group the container runs as: not root, above the host's usual ranges. */
const RUN_AS = 10001;

/** The Kubernetes objects of a deployment, as plain data (one entry per file). */
export function kubernetesObjects(options: DeploymentOptions): { file: string; object: object }[] {
  const { name, namespace } = options;
  const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/managed-by': 'openpypi' };
  const selector = { 'app.kubernetes.io/name': name };
  const metadata = { name, namespace, labels };
  const cpuLimit = `${options.cpuMillicores}m`;
  const memoryLimit = `${options.memoryMiB}Mi`;
  const probe = (initialDelaySeconds: number) => ({
    httpGet: { path: options.healthPath, port: 'http' },
    initialDelaySeconds,
    periodSeconds: 10,
    timeoutSeconds: 2,
    failureThreshold: 3,
  });

  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata,
    spec: {
      replicas: options.minReplicas,
      revisionHistoryLimit: 5,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: name,
          automountServiceAccountToken: false,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: RUN_AS,
            runAsGroup: RUN_AS,
            fsGroup: RUN_AS,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [
            {
              name,
              image: options.image,
              imagePullPolicy: 'Always',
              ports: [{ name: 'http', containerPort: options.port, protocol: 'TCP' }],
              securityContext: {
                runAsNonRoot: true,
                runAsUser: RUN_AS,
                runAsGroup: RUN_AS,
                readOnlyRootFilesystem: true,
                allowPrivilegeEscalation: false,
                privileged: false,
                capabilities: { drop: ['ALL'] },
                seccompProfile: { type: 'RuntimeDefault' },
              },
              resources: {
                requests: {
                  cpu: `${Math.ceil(options.cpuMillicores / 2)}m`,
                  memory: `${Math.ceil(options.memoryMiB / 2)}Mi`,
                },
                limits: { cpu: cpuLimit, memory: memoryLimit },
              },
              livenessProbe: probe(10),
              readinessProbe: probe(3),
              // A read-only root filesystem still needs a writable /tmp for Python.
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
        },
      },
    },
  };

  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata,
    spec: {
      type: 'ClusterIP',
      selector,
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
    },
  };

  const serviceAccount = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata,
    automountServiceAccountToken: false,
  };

  const autoscaler = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata,
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: options.minReplicas,
      maxReplicas: options.maxReplicas,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
        },
      ],
    },
  };

  const denyAll = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `${name}-default-deny`, namespace, labels },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  };

  const peers =
    options.ingressFrom === 'same-namespace' ? [{ podSelector: {} }] : [{ namespaceSelector: {} }];
  const egress: object[] = [
    {
      to: [
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
          podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        },
      ],
      ports: [
        { protocol: 'UDP', port: 53 },
        { protocol: 'TCP', port: 53 },
      ],
    },
  ];
  if (options.egressHttps) egress.push({ ports: [{ protocol: 'TCP', port: 443 }] });
  const allow = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `${name}-allow`, namespace, labels },
    spec: {
      podSelector: { matchLabels: selector },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: peers, ports: [{ protocol: 'TCP', port: options.port }] }],
      egress,
    },
  };

  const disruptionBudget = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata,
    spec:
      options.minReplicas > 1
        ? { minAvailable: 1, selector: { matchLabels: selector } }
        : { maxUnavailable: 1, selector: { matchLabels: selector } },
  };

  const namespaceObject = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: namespace,
      labels: { 'pod-security.kubernetes.io/enforce': 'restricted' },
    },
  };

  return [
    { file: 'namespace.yaml', object: namespaceObject },
    { file: 'serviceaccount.yaml', object: serviceAccount },
    { file: 'deployment.yaml', object: deployment },
    { file: 'service.yaml', object: service },
    { file: 'hpa.yaml', object: autoscaler },
    { file: 'networkpolicy.yaml', object: [denyAll, allow] },
    { file: 'pdb.yaml', object: disruptionBudget },
  ];
}

/** The manifests as YAML files under deploy/kubernetes/, several objects per file with `---`. */
export function kubernetesManifests(options: DeploymentOptions): GeneratedFile[] {
  return kubernetesObjects(options).map(({ file, object }) => ({
    path: `deploy/kubernetes/${file}`,
    content: (Array.isArray(object) ? object : [object])
      // No anchors and aliases for the shared labels: plain YAML, as people write manifests.
      .map((item) => stringify(item, { lineWidth: 0, aliasDuplicateObjects: false }))
      .join('---\n'),
  }));
}
