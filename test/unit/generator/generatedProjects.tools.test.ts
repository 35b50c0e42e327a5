// (real tools) Every built-in template, with every option on, generated and then checked with
// the tools a user would run: Debian's validate-pyproject, an offline virtual environment with
// Debian's build backends and pytest, real Bandit, GitHub's workflow parser, and the
// Dependabot and pre-commit JSON schemas. (Installs are not editable: Debian has no `editables`,
// which hatchling needs for an editable install.) Slow (a venv and an install per template): run it
// alone with `npx mocha --grep "real tools"`, or skip it with `--grep "real tools" --invert`.
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { generateProject } from '../../../src/core/generator/generateProject';
import type { BuildBackend } from '../../../src/core/generator/projectSpec';
import { silentLogger } from '../../../src/core/logging/logger';
import { trivyDockerfileViolations } from '../../support/trivyDockerfileRules';
import { parserErrors } from '../release/workflowParser';
import { specFor, templatesRoot, temporaryParent } from './generatorTestSupport';

const root = path.resolve(__dirname, '../../..');
const debianPython = '/usr/bin/python3';

function run(executable: string, args: readonly string[], cwd: string, env = process.env) {
  const result: SpawnSyncReturns<string> = spawnSync(executable, [...args], {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 10 * 60_000,
  });
  if (result.error) throw result.error;
  return result;
}

function schemaValidator(file: string, extra: Record<string, string> = {}) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  for (const [id, extraFile] of Object.entries(extra)) {
    ajv.addSchema(
      JSON.parse(
        readFileSync(path.join(root, 'test/fixtures/schemas', extraFile), 'utf8'),
      ) as object,
      id,
    );
  }
  return ajv.compile(
    JSON.parse(readFileSync(path.join(root, 'test/fixtures/schemas', file), 'utf8')) as object,
  );
}

const dependabotSchema = schemaValidator('dependabot-2.0.json');
const preCommitSchema = schemaValidator('pre-commit-config.json', {
  'https://json.schemastore.org/pre-commit-hooks.json': 'pre-commit-hooks.json',
});

/**
 * One backend per template, so all four are built: hatchling, setuptools and poetry-core are
 * Debian's (1.12.2, 66.1.1, 1.4.0). uv's backend (uv_build) is on neither registry this machine
 * reaches: that project's pyproject.toml is validated and its tests run from src/ without an
 * install (asserted below: pip does fail for the missing uv_build, so this is not hidden).
 * Debian's hatchling 1.12 does not know the "Python :: 3.13" classifier (a current one does),
 * so the generated projects here target 3.10-3.12.
 */
const cases: readonly { template: string; backend: BuildBackend }[] = [
  { template: 'library', backend: 'hatchling' },
  { template: 'cli', backend: 'setuptools' },
  { template: 'web-api', backend: 'poetry' },
  { template: 'data-science', backend: 'uv' },
  { template: 'ml-toolkit', backend: 'hatchling' },
];

describe('Generated projects (real tools)', function () {
  this.timeout(15 * 60_000);
  const parent = temporaryParent('generated');
  after(() => {
    rmSync(parent, { recursive: true, force: true });
  });

  for (const { template, backend } of cases) {
    describe(`${template} with ${backend} and every option`, () => {
      const name = `demo-${template}`;
      const folder = path.join(parent, name);
      const venv = path.join(parent, `venv-${template}`);
      const python = path.join(venv, 'bin/python');

      before(async () => {
        await generateProject(specFor({ template, backend, name }), {
          templatesRoot,
          parent,
          logger: silentLogger,
        });
      });

      it('pyproject.toml passes validate-pyproject', () => {
        const result = run(debianPython, ['-m', 'validate_pyproject', 'pyproject.toml'], folder);
        assert.equal(result.status, 0, result.stdout + result.stderr);
        assert.match(result.stdout + result.stderr, /Valid file/);
      });

      it('installs offline in a venv and its tests pass', () => {
        const made = run(debianPython, ['-m', 'venv', '--system-site-packages', venv], parent);
        assert.equal(made.status, 0, made.stderr);
        const install = run(
          python,
          ['-m', 'pip', 'install', '--no-build-isolation', '--no-deps', '--no-index', '.'],
          folder,
        );
        let env = process.env;
        if (backend === 'uv') {
          assert.notEqual(install.status, 0, 'uv_build is not installed here');
          assert.match(install.stdout + install.stderr, /No module named 'uv_build'/);
          env = { ...process.env, PYTHONPATH: path.join(folder, 'src') };
        } else {
          assert.equal(install.status, 0, install.stdout + install.stderr);
        }
        const tests = run(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], folder, env);
        assert.equal(tests.status, 0, tests.stdout + tests.stderr);
        assert.match(tests.stdout, / passed/);
        assert.doesNotMatch(tests.stdout, /failed|error/);
      });

      it('Bandit finds nothing of medium or high severity', () => {
        const result = run('bandit', ['-r', '-f', 'json', '-q', '-x', './.git', '.'], folder);
        const report = JSON.parse(result.stdout) as {
          results: { issue_severity: string; test_id: string; filename: string }[];
          errors: unknown[];
          metrics: { _totals: { loc: number } };
        };
        assert.deepEqual(report.errors, []);
        assert.ok(report.metrics._totals.loc > 20, 'Bandit read the project');
        const serious = report.results.filter((r) => r.issue_severity !== 'LOW');
        assert.deepEqual(serious, []);
      });

      it('every workflow passes GitHub’s workflow parser', () => {
        for (const file of ['ci.yml', 'security.yml']) {
          const content = readFileSync(path.join(folder, '.github/workflows', file), 'utf8');
          assert.deepEqual(parserErrors(file, content), [], file);
        }
      });

      it('dependabot.yml and .pre-commit-config.yaml validate against their schemas', () => {
        const dependabot = parse(
          readFileSync(path.join(folder, '.github/dependabot.yml'), 'utf8'),
        ) as unknown;
        assert.equal(dependabotSchema(dependabot), true, JSON.stringify(dependabotSchema.errors));
        const preCommit = parse(
          readFileSync(path.join(folder, '.pre-commit-config.yaml'), 'utf8'),
        ) as unknown;
        assert.equal(preCommitSchema(preCommit), true, JSON.stringify(preCommitSchema.errors));
      });

      it('has the Docker generator’s multi-stage non-root Dockerfile, clean under the Trivy mirror', () => {
        const dockerfile = readFileSync(path.join(folder, 'Dockerfile'), 'utf8');
        assert.ok((dockerfile.match(/^FROM /gm) ?? []).length >= 2, 'multi-stage');
        assert.match(dockerfile, /^USER /m);
        assert.deepEqual(trivyDockerfileViolations(dockerfile), []);
        assert.ok(readFileSync(path.join(folder, '.dockerignore'), 'utf8').includes('.git'));
      });

      it('was committed to a new git repository', () => {
        const log = run('git', ['log', '--format=%an <%ae>|%s'], folder);
        assert.equal(
          log.stdout.trim(),
          'Ada Lovelace <ada@example.com>|Initial project from OpenPypi',
        );
        const status = run('git', ['status', '--porcelain'], folder);
        assert.equal(status.stdout, '', 'everything generated is in the first commit');
      });
    });
  }

  it('the schemas and the parser do reject broken files (so the checks above mean something)', () => {
    assert.equal(preCommitSchema({ repos: [{ repo: 'local', hooks: [{ id: 'x' }] }] }), false);
    assert.equal(dependabotSchema({ version: 2, updates: [{ directory: '/' }] }), false);
    const broken = 'on: push\njobs:\n  a:\n    runs-on: x\n    stepz:\n      - run: echo\n';
    assert.ok(parserErrors('broken.yml', broken).length > 0);
  });
});
