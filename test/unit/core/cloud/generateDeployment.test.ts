import * as assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { checkDeploymentFile } from '../../../../src/core/cloud/check/checkDeploymentFile';
import { parseHcl, validateKubernetesObject } from '../../../../src/core/cloud/cloudRuntime';
import {
  defaultDeploymentOptions,
  deploymentTargets,
  toDnsLabel,
  type DeploymentOptions,
} from '../../../../src/core/cloud/generate/deploymentOptions';
import { generateDeployment } from '../../../../src/core/cloud/generate/generateDeployment';
import { UserError } from '../../../../src/core/errors/userError';

const checkers = { validateKubernetes: validateKubernetesObject, parseHcl };

function kubernetesObjects(
  options = defaultDeploymentOptions('kubernetes', 'Demo_App'),
): Record<string, unknown>[] {
  return generateDeployment(options).flatMap((file) =>
    parseAllDocuments(file.content).map((document) => document.toJS() as Record<string, unknown>),
  );
}

function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  assert.ok(item !== undefined, `no item ${index}`);
  return item;
}

describe('Generate Deployment', () => {
  for (const target of deploymentTargets) {
    it(`${target}: every generated file validates (schema for Kubernetes, parse for Terraform)`, async () => {
      const files = generateDeployment(defaultDeploymentOptions(target, 'demo-app'));
      assert.ok(files.length >= (target === 'kubernetes' ? 7 : 3));
      for (const file of files) {
        assert.deepEqual(
          await checkDeploymentFile(file.path, file.content, checkers),
          [],
          file.path,
        );
      }
    });
  }

  it('Kubernetes: each object has a schema here (none is skipped as an unknown kind)', () => {
    const objects = kubernetesObjects();
    assert.deepEqual(
      objects.map((object) => `${String(object.apiVersion)} ${String(object.kind)}`).sort(),
      [
        'apps/v1 Deployment',
        'autoscaling/v2 HorizontalPodAutoscaler',
        'networking.k8s.io/v1 NetworkPolicy',
        'networking.k8s.io/v1 NetworkPolicy',
        'policy/v1 PodDisruptionBudget',
        'v1 Namespace',
        'v1 Service',
        'v1 ServiceAccount',
      ],
    );
    for (const object of objects)
      assert.deepEqual(validateKubernetesObject(object), [], String(object.kind));
  });

  it('Kubernetes: plain YAML without anchors or aliases for the shared labels', () => {
    for (const file of generateDeployment(defaultDeploymentOptions('kubernetes', 'demo'))) {
      assert.doesNotMatch(file.content, /: [&*]\w+/, file.path);
    }
  });

  it('Kubernetes: the Deployment carries every security setting, probes and resources', () => {
    const deployment = kubernetesObjects().find((object) => object.kind === 'Deployment') as {
      metadata: { namespace: string };
      spec: {
        template: {
          spec: { securityContext: Record<string, unknown>; containers: Record<string, unknown>[] };
        };
      };
    };
    assert.equal(deployment.metadata.namespace, 'demo-app');
    const pod = deployment.spec.template.spec;
    assert.equal(pod.securityContext.runAsNonRoot, true);
    assert.deepEqual(pod.securityContext.seccompProfile, { type: 'RuntimeDefault' });
    const container = pod.containers[0] as {
      securityContext: Record<string, unknown>;
      resources: { requests: object; limits: object };
      livenessProbe: object;
      readinessProbe: object;
    };
    assert.deepEqual(container.securityContext, {
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      privileged: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    assert.deepEqual(container.resources, {
      requests: { cpu: '250m', memory: '256Mi' },
      limits: { cpu: '500m', memory: '512Mi' },
    });
    assert.ok(container.livenessProbe);
    assert.ok(container.readinessProbe);
  });

  it('Kubernetes: a default-deny NetworkPolicy and one allowance for the app port and DNS', () => {
    const policies = kubernetesObjects().filter((object) => object.kind === 'NetworkPolicy') as {
      spec: {
        podSelector: object;
        policyTypes: string[];
        ingress?: { ports: { port: number }[] }[];
        egress?: object[];
      };
    }[];
    const deny = at(policies, 0);
    const allow = at(policies, 1);
    assert.deepEqual(deny.spec, { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    assert.equal(allow.spec.ingress?.[0]?.ports[0]?.port, 8000);
    assert.equal(allow.spec.egress?.length, 1);
    const withHttps = kubernetesObjects({
      ...defaultDeploymentOptions('kubernetes', 'x'),
      egressHttps: true,
    }).filter((object) => object.kind === 'NetworkPolicy') as { spec: { egress?: object[] } }[];
    assert.equal(at(withHttps, 1).spec.egress?.length, 2);
  });

  it('Terraform: the same defaults in every cloud (non-root / read-only where possible, limits, probes, no public exposure)', () => {
    const text = (target: DeploymentOptions['target']) =>
      generateDeployment(defaultDeploymentOptions(target, 'demo'))
        .map((file) => file.content)
        .join('\n');
    const ecs = text('aws-ecs-fargate');
    assert.match(ecs, /readonlyRootFilesystem = true/);
    assert.match(ecs, /user\s+= "10001:10001"/);
    assert.match(ecs, /drop = \["ALL"\]/);
    assert.match(ecs, /assign_public_ip = false/);
    assert.match(ecs, /cpu\s+= 512/);
    assert.match(
      text('aws-app-runner'),
      /is_publicly_accessible = var.publicly_accessible[\s\S]*|default = false/,
    );
    assert.match(text('gcp-cloud-run'), /INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER/);
    assert.match(text('gcp-cloud-run'), /liveness_probe/);
    assert.match(text('azure-container-apps'), /readiness_probe/);
    assert.match(text('azure-container-apps'), /cpu\s+= 0.5\n\s+memory = "1Gi"/);
  });

  it('refuses options that would give an unsafe or broken deployment, naming the option', () => {
    const base = defaultDeploymentOptions('kubernetes', 'demo');
    const cases: [Partial<DeploymentOptions>, RegExp][] = [
      [{ port: 80 }, /Port 80 .*non-root/],
      [{ namespace: 'default' }, /namespace/],
      [{ name: 'Demo App' }, /cannot name the deployment/],
      [{ image: 'app:1" ; rm -rf /' }, /not a container image/],
      [{ minReplicas: 3, maxReplicas: 2 }, /Replicas 3 to 2/],
      [{ healthPath: 'health' }, /HTTP path/],
    ];
    for (const [change, message] of cases) {
      assert.throws(
        () => generateDeployment({ ...base, ...change }),
        (error: unknown) => error instanceof UserError && message.test(error.message),
      );
    }
  });

  it('derives a DNS label from a project name', () => {
    assert.equal(toDnsLabel('My_Project.API'), 'my-project-api');
    assert.equal(toDnsLabel('123'), 'app');
  });
});
