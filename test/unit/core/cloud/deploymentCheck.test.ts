import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkDeploymentFile } from '../../../../src/core/cloud/check/checkDeploymentFile';
import { terraformProblems } from '../../../../src/core/cloud/check/terraformCheck';
import { terraformValidateProblems } from '../../../../src/core/cloud/check/terraformValidate';
import { parseHcl, validateKubernetesObject } from '../../../../src/core/cloud/cloudRuntime';

const fixtures = path.resolve(__dirname, '../../../fixtures/cloud');
const checkers = { validateKubernetes: validateKubernetesObject, parseHcl };

function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  assert.ok(item !== undefined, `no item ${index}`);
  return item;
}

describe('Check Deployment', () => {
  it('puts each schema error of a hand-broken manifest on its line', async () => {
    const source = readFileSync(path.join(fixtures, 'broken-deployment.yaml'), 'utf8');
    const problems = await checkDeploymentFile('k8s/broken-deployment.yaml', source, checkers);
    assert.deepEqual(
      problems.map((p) => [p.line + 1, p.source, p.severity]),
      [
        [7, 'kubernetes-schema', 'error'],
        [17, 'kubernetes-schema', 'error'],
      ],
    );
    assert.match(at(problems, 0).message, /Deployment "broken": spec.replicas must be integer/);
    assert.equal(at(problems, 0).column, 2);
    assert.match(at(problems, 1).message, /containers.0 is missing the required field name/);
  });

  it('reports YAML syntax errors on their line and unknown kinds as warnings', async () => {
    const problems = await checkDeploymentFile(
      'a.yaml',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n',
      checkers,
    );
    assert.equal(at(problems, 0).source, 'kubernetes-schema');
    assert.match(at(problems, 0).message, /^YAML: /);
    assert.equal(at(problems, 0).line, 4);
    const unknown = await checkDeploymentFile(
      'b.yaml',
      'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n',
      checkers,
    );
    assert.deepEqual(
      unknown.map((p) => [p.line, p.severity, p.code]),
      [[1, 'warning', 'unknown-kind']],
    );
    const second = await checkDeploymentFile(
      'c.yaml',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: 7\n',
      checkers,
    );
    assert.deepEqual(
      second.map((p) => p.line),
      [8],
    );
  });

  it('puts a Terraform syntax error on its line', async () => {
    const source = readFileSync(path.join(fixtures, 'broken.tf'), 'utf8');
    const problems = await checkDeploymentFile('infra/broken.tf', source, checkers);
    assert.ok(problems.length >= 1);
    assert.equal(at(problems, 0).line, 6);
    assert.equal(at(problems, 0).source, 'terraform-parser');
    assert.match(at(problems, 0).message, /Invalid expression/);
  });

  it('reads several HCL diagnostics from one parser message', () => {
    const problems = terraformProblems(
      'main.tf',
      'parse config: [main.tf:2,15-3,1: Invalid multi-line string; Quoted strings may not be split over multiple lines. main.tf:3,2-4,1: Unterminated template string; No closing marker was found for the string.]',
    );
    assert.deepEqual(
      problems.map((p) => [p.line, p.column, p.endLine, p.endColumn]),
      [
        [1, 14, 2, 0],
        [2, 1, 3, 0],
      ],
    );
    assert.match(at(problems, 1).message, /^Unterminated template string: No closing marker/);
  });

  it('reads terraform validate -json diagnostics onto their files and lines', () => {
    const stdout = JSON.stringify({
      format_version: '1.0',
      valid: false,
      error_count: 1,
      warning_count: 0,
      diagnostics: [
        {
          severity: 'error',
          summary: 'Unsupported argument',
          detail: 'An argument named "imagee" is not expected here.',
          range: {
            filename: 'main.tf',
            start: { line: 12, column: 7, byte: 200 },
            end: { line: 12, column: 13, byte: 206 },
          },
        },
      ],
    });
    const problem = at(terraformValidateProblems('deploy/terraform/gcp-cloud-run', stdout, 'x'), 0);
    assert.equal(problem.file, 'deploy/terraform/gcp-cloud-run/main.tf');
    assert.deepEqual([problem.line, problem.column, problem.endColumn], [11, 6, 12]);
    assert.match(problem.message, /Unsupported argument: An argument named "imagee"/);
  });
});
