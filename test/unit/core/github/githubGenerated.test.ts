// What OpenPypi writes into a user's project for GitHub: .github/dependabot.yml checked with
// the Dependabot v2 schema and the security workflow with GitHub's own workflow parser (the
// same checks as this repository's own files, test/unit/release).
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { dependabotConfig } from '../../../../src/core/github/dependabotConfig';
import { dependabotEcosystems } from '../../../../src/core/github/dependabotEcosystems';
import { securityWorkflow } from '../../../../src/core/github/securityWorkflow';
import { validator } from '../../release/dependabotSchema';
import { parserErrors } from '../../release/workflowParser';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

describe('GitHub files OpenPypi generates', () => {
  it('finds the ecosystems a workspace uses', () => {
    assert.deepEqual(
      dependabotEcosystems([
        'requirements.txt',
        'app/x.py',
        'Dockerfile',
        '.github/workflows/ci.yml',
      ]),
      ['pip', 'github-actions', 'docker'],
    );
    assert.deepEqual(dependabotEcosystems(['pyproject.toml', 'uv.lock']), ['uv']);
    assert.deepEqual(dependabotEcosystems(['README.md']), []);
  });

  it('dependabot.yml is valid against the schema, weekly and grouped per ecosystem', () => {
    const text = dependabotConfig(['pip', 'uv', 'github-actions', 'docker']);
    const config = parse(text) as {
      updates: { 'package-ecosystem': string; schedule: { interval: string }; groups: object }[];
    };
    const validate = validator();
    assert.equal(validate(config), true, JSON.stringify(validate.errors));
    assert.deepEqual(
      config.updates.map((u) => [
        u['package-ecosystem'],
        u.schedule.interval,
        Object.keys(u.groups).length,
      ]),
      [
        ['pip', 'weekly', 1],
        ['uv', 'weekly', 1],
        ['github-actions', 'weekly', 1],
        ['docker', 'weekly', 1],
      ],
    );
  });

  for (const hasTests of [true, false]) {
    it(`the security workflow (${hasTests ? 'with' : 'without'} tests) passes GitHub's workflow parser`, () => {
      const text = securityWorkflow({ hasTests });
      assert.deepEqual(parserErrors('openpypi-security.yml', text), []);
      const workflow = parse(text) as {
        permissions: unknown;
        jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }>;
      };
      assert.deepEqual(workflow.permissions, { contents: 'read' });
      assert.equal('tests' in workflow.jobs, hasTests);
      const scan = workflow.jobs.scan;
      assert.ok(scan);
      assert.equal(scan.permissions['security-events'], 'write');
      const steps = scan.steps;
      assert.ok(steps.some((s) => s.run?.includes('--format sarif') === true));
      const upload = steps.find(
        (s) => s.uses?.startsWith('github/codeql-action/upload-sarif') === true,
      );
      assert.equal(upload?.with?.sarif_file, 'bandit.sarif');
      assert.match(steps[0]?.uses ?? '', /^actions\/checkout@[0-9a-f]{40}$/);
    });
  }
});
