// "Generated manifests pass the security checks in the fixture-based Trivy config test."
// Trivy cannot run here. Its recorded real output for a Helm chart's Deployment pins the
// test's re-statement of its Kubernetes checks (trivyKubernetesChecks.ts): over that chart the
// checks must say what Trivy said, on the same lines; then every generated manifest must pass
// them, and removing any one security setting from a generated Deployment must fail one.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { defaultDeploymentOptions } from '../../../../src/core/cloud/generate/deploymentOptions';
import { generateDeployment } from '../../../../src/core/cloud/generate/generateDeployment';
import { trivyKubernetesFailures } from './trivyKubernetesChecks';

const fixtures = path.resolve(__dirname, '../../../fixtures');

interface RecordedMisconfiguration {
  ID: string;
  Status: string;
  CauseMetadata?: { StartLine?: number };
}

function recorded(): { id: string; line: number | undefined }[] {
  const report = JSON.parse(
    readFileSync(path.join(fixtures, 'trivy/v0.74.0__config__helm_testchart.json'), 'utf8'),
  ) as { Results: { Target: string; Misconfigurations?: RecordedMisconfiguration[] }[] };
  const deployment = report.Results.find((result) => result.Target === 'templates/deployment.yaml');
  assert.ok(deployment?.Misconfigurations, 'the recording has the Deployment target');
  return deployment.Misconfigurations.filter((m) => m.Status === 'FAIL').map((m) => ({
    id: m.ID,
    line: m.CauseMetadata?.StartLine,
  }));
}

const sortById = <T extends { id: string }>(list: T[]): T[] =>
  [...list].sort((a, b) => a.id.localeCompare(b.id));

describe('Trivy config checks (fixture-based)', () => {
  it('say over the recorded chart exactly what Trivy 0.74 said, on the same lines', () => {
    const chart = readFileSync(path.join(fixtures, 'cloud/helm-testchart-deployment.yaml'), 'utf8');
    assert.deepEqual(sortById(trivyKubernetesFailures(chart)), sortById(recorded()));
  });

  it('find nothing in the generated Kubernetes manifests', () => {
    const files = generateDeployment(defaultDeploymentOptions('kubernetes', 'demo-app'));
    const deployment = files.find((file) => file.path.endsWith('/deployment.yaml'));
    assert.ok(deployment);
    for (const file of files) {
      assert.deepEqual(trivyKubernetesFailures(file.content), [], file.path);
    }
  });

  const settings: [string, string[], string][] = [
    ['KSV-0001', ['securityContext', 'allowPrivilegeEscalation'], 'allowPrivilegeEscalation'],
    ['KSV-0003', ['securityContext', 'capabilities'], 'capabilities'],
    ['KSV-0014', ['securityContext', 'readOnlyRootFilesystem'], 'readOnlyRootFilesystem'],
    ['KSV-0011', ['resources', 'limits'], 'limits'],
    ['KSV-0015', ['resources', 'requests'], 'requests'],
  ];
  for (const [id, containerPath, name] of settings) {
    it(`fail on a generated Deployment without ${name} (${id})`, () => {
      const file = generateDeployment(defaultDeploymentOptions('kubernetes', 'demo-app')).find(
        (f) => f.path.endsWith('/deployment.yaml'),
      );
      assert.ok(file);
      const document = parseDocument(file.content);
      document.deleteIn(['spec', 'template', 'spec', 'containers', 0, ...containerPath]);
      const ids = trivyKubernetesFailures(String(document)).map((failure) => failure.id);
      assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
    });
  }

  it('fail on a generated Deployment without seccomp profiles or runAsNonRoot', () => {
    const file = generateDeployment(defaultDeploymentOptions('kubernetes', 'demo-app')).find((f) =>
      f.path.endsWith('/deployment.yaml'),
    );
    assert.ok(file);
    const document = parseDocument(file.content);
    for (const target of [
      ['spec', 'template', 'spec', 'securityContext'],
      ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'seccompProfile'],
      ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'runAsNonRoot'],
    ]) {
      document.deleteIn(target);
    }
    const ids = new Set(
      trivyKubernetesFailures(stringify(document.toJS())).map((failure) => failure.id),
    );
    for (const id of ['KSV-0012', 'KSV-0030', 'KSV-0104', 'KSV-0118']) assert.ok(ids.has(id), id);
  });
});
