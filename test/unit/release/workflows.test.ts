// The GitHub workflows cannot run on this machine: they are checked with GitHub's own workflow
// parser (@actions/workflow-parser) and for what matters in them: least privilege, the desktop
// matrix, publishing skipped without its secrets, tokens never on a command line.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { parserErrors } from './workflowParser';

const root = path.resolve(__dirname, '../../..');
const workflowsFolder = path.join(root, '.github/workflows');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  container?: string;
  permissions?: Record<string, string>;
  needs?: string | string[];
  strategy?: { matrix: Record<string, unknown[]> };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  jobs: Record<string, Job>;
}

function workflow(name: string): Workflow {
  return parse(readFileSync(path.join(workflowsFolder, name), 'utf8')) as Workflow;
}

describe('GitHub workflows (.github/workflows)', () => {
  const files = readdirSync(workflowsFolder).filter((file) => /\.ya?ml$/.test(file));

  it('are ci.yml, security.yml and release.yml', () => {
    assert.deepEqual(files.sort(), ['ci.yml', 'release.yml', 'security.yml']);
  });

  for (const file of ['ci.yml', 'security.yml', 'release.yml']) {
    it(`${file} passes GitHub's workflow parser with zero errors`, () => {
      const content = readFileSync(path.join(workflowsFolder, file), 'utf8');
      assert.deepEqual(parserErrors(file, content), []);
    });
  }

  it('the parser does report a broken workflow (so the checks above mean something)', () => {
    const broken =
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo\n';
    const errors = parserErrors('broken.yml', broken);
    assert.ok(errors.length > 0, 'a job without steps and with an unknown key must be an error');
  });

  it('each workflow grants only contents: read by default; write access is per job', () => {
    for (const file of files) {
      assert.deepEqual(workflow(file).permissions, { contents: 'read' }, file);
    }
  });

  it('security-events: write only in the jobs that upload SARIF', () => {
    const writers: string[] = [];
    for (const file of files) {
      for (const [id, job] of Object.entries(workflow(file).jobs)) {
        if (job.permissions?.['security-events'] === 'write') writers.push(`${file}:${id}`);
        const uploads = job.steps.some((step) => step.uses?.startsWith('github/codeql-action/'));
        assert.equal(
          job.permissions?.['security-events'] === 'write',
          uploads,
          `${file}:${id}: security-events: write exactly when it uses codeql-action`,
        );
      }
    }
    assert.deepEqual(writers.sort(), [
      'security.yml:codeql',
      'security.yml:dogfood',
      'security.yml:npm-audit',
    ]);
  });

  it('contents: write only for the job that creates the GitHub release', () => {
    for (const file of files) {
      for (const [id, job] of Object.entries(workflow(file).jobs)) {
        const writes = Object.entries(job.permissions ?? {}).filter(([, v]) => v === 'write');
        const allowed = file === 'release.yml' && id === 'release' ? ['contents'] : [];
        const expected =
          file === 'security.yml' ? ['security-events'] : allowed.length > 0 ? allowed : [];
        assert.deepEqual(
          writes.map(([k]) => k),
          expected,
          `${file}:${id}`,
        );
      }
    }
  });

  it('ci.yml runs npm ci and npm test in a Debian bookworm container', () => {
    const job = workflow('ci.yml').jobs.test;
    assert.ok(job);
    assert.equal(job.container, 'debian:bookworm');
    const runs = job.steps.map((step) => step.run ?? '');
    const ci = runs.indexOf('npm ci');
    assert.ok(ci >= 0 && runs.indexOf('npm test') > ci, 'npm ci, then npm test');
    assert.match(runs.join('\n'), /apt-get install .*chromium bandit/s);
  });

  it('the desktop job covers Linux, macOS and Windows × the minimum VS Code and stable', () => {
    const job = workflow('ci.yml').jobs.desktop;
    assert.ok(job?.strategy);
    const { os, vscode } = job.strategy.matrix;
    assert.deepEqual(os, ['ubuntu-latest', 'macos-latest', 'windows-latest']);
    const engines = (
      JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
        engines: { vscode: string };
      }
    ).engines.vscode;
    assert.deepEqual(vscode, [engines.replace(/^\^/, ''), 'stable']);
    const electron = job.steps.filter((step) => step.run?.includes('npm run test:electron'));
    assert.equal(electron.length, 2);
    for (const step of electron) assert.equal(step.env?.VSCODE_VERSION, '${{ matrix.vscode }}');
    assert.ok(
      electron.some(
        (step) => step.if === "runner.os == 'Linux'" && step.run?.startsWith('xvfb-run -a'),
      ),
      'under xvfb-run on Linux',
    );
  });

  it('security.yml: CodeQL for javascript-typescript, npm audit as SARIF, the dogfood scan', () => {
    const { jobs } = workflow('security.yml');
    const init = jobs.codeql?.steps.find((step) =>
      step.uses?.startsWith('github/codeql-action/init@'),
    );
    assert.equal(init?.with?.languages, 'javascript-typescript');
    assert.ok(jobs.codeql?.steps.some((s) => s.uses?.startsWith('github/codeql-action/analyze@')));
    const audit = jobs['npm-audit']?.steps.map((s) => s.run ?? '').join('\n') ?? '';
    assert.match(audit, /npm audit --json/);
    assert.match(audit, /node scripts\/npmAuditToSarif\.mjs npm-audit\.json npm-audit\.sarif/);
    const dogfood = jobs.dogfood?.steps.map((s) => s.run ?? '').join('\n') ?? '';
    assert.match(
      dogfood.replace(/\s+/g, ' '),
      /node dist\/cli\.js scan test\/workspaces\/demo --tools bandit --sarif openpypi\.sarif --fail-on none/,
    );
    for (const id of ['npm-audit', 'dogfood']) {
      const upload = jobs[id]?.steps.find((s) =>
        s.uses?.startsWith('github/codeql-action/upload-sarif@'),
      );
      assert.ok(upload, `${id} uploads its SARIF`);
    }
  });

  it('release.yml: on v* tags, notes from the CHANGELOG, the .vsix attached', () => {
    const release = workflow('release.yml');
    assert.deepEqual(release.on, { push: { tags: ['v*'] } });
    const runs = release.jobs.release?.steps.map((s) => s.run ?? '').join('\n') ?? '';
    assert.match(
      runs,
      /node scripts\/changelogSection\.mjs --tag "\$GITHUB_REF_NAME" --out release-notes\.md/,
    );
    assert.match(runs, /npm run package/);
    assert.match(runs, /gh release create "\$GITHUB_REF_NAME" openpypi\.vsix/);
    assert.match(runs, /--notes-file release-notes\.md/);
  });

  it('release.yml publishes only when the token is set, and says so when it is not', () => {
    const publish = workflow('release.yml').jobs.publish;
    assert.ok(publish);
    assert.deepEqual(publish.permissions, { contents: 'read' });
    for (const [secret, command] of [
      ['VSCE_PAT', 'vsce publish --packagePath openpypi.vsix'],
      ['OVSX_PAT', 'ovsx@1.3.0 publish openpypi.vsix'],
    ] as const) {
      const step: Step | undefined = publish.steps.find((s) => s.env?.[secret] !== undefined);
      const run = step?.run ?? '';
      assert.equal(step?.env?.[secret], `\${{ secrets.${secret} }}`, `a step gets ${secret}`);
      const guard = run.indexOf(`if [ -z "$${secret}" ]`);
      const skip = run.indexOf('exit 0');
      const publishAt = run.indexOf(command);
      assert.ok(
        guard >= 0 && skip > guard && publishAt > skip,
        `${secret}: check, skip, then publish`,
      );
      assert.match(run, new RegExp(`${secret} is not set: skipping`));
    }
  });

  it('the publish scripts, run by bash: skip without the token or on a pre-release tag, else publish with the token only in the environment', () => {
    const publish = workflow('release.yml').jobs.publish;
    const folder = mkdtempSync(path.join(tmpdir(), 'openpypi-publish-'));
    try {
      // npx is replaced by a recorder of its arguments and of whether it saw a token.
      const bin = path.join(folder, 'bin');
      const record = path.join(folder, 'npx-calls');
      mkdirSync(bin);
      writeFileSync(
        path.join(bin, 'npx'),
        `#!/bin/sh\necho "$* token:\${VSCE_PAT:-}\${OVSX_PAT:-}" >> '${record}'\n`,
      );
      chmodSync(path.join(bin, 'npx'), 0o755);
      for (const [secret, args] of [
        ['VSCE_PAT', '--no-install vsce publish --packagePath openpypi.vsix'],
        ['OVSX_PAT', '--yes ovsx@1.3.0 publish openpypi.vsix'],
      ] as const) {
        const script = publish?.steps.find((s) => s.env?.[secret] !== undefined)?.run ?? '';
        const run = (tag: string, token: string) => {
          rmSync(record, { force: true });
          const env: Record<string, string> = {
            PATH: `${bin}:/usr/bin:/bin`,
            GITHUB_REF_NAME: tag,
            [secret]: token,
          };
          const result = spawnSync('bash', ['-e', '-c', script], { env, encoding: 'utf8' });
          return {
            status: result.status,
            stdout: result.stdout,
            calls: existsSync(record) ? readFileSync(record, 'utf8') : '',
          };
        };
        const missing = run('v1.0.0', '');
        assert.equal(missing.status, 0, `${secret} missing: the step succeeds`);
        assert.match(missing.stdout, new RegExp(`::notice::${secret} is not set: skipping`));
        assert.equal(missing.calls, '', `${secret} missing: nothing is published`);
        const prerelease = run('v1.0.0-rc.1', 'tok-123');
        assert.equal(prerelease.status, 0);
        assert.match(prerelease.stdout, /v1\.0\.0-rc\.1 is a pre-release tag: not published/);
        assert.equal(prerelease.calls, '');
        const release = run('v1.0.0', 'tok-123');
        assert.equal(release.status, 0);
        assert.equal(
          release.calls,
          `${args} token:tok-123\n`,
          'published, the token in the environment only',
        );
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('no secret is put on a command line', () => {
    for (const file of files) {
      for (const job of Object.values(workflow(file).jobs)) {
        for (const step of job.steps) {
          assert.doesNotMatch(
            step.run ?? '',
            /secrets\./,
            `${file}: ${step.name ?? step.run ?? ''}`,
          );
          assert.doesNotMatch(step.run ?? '', /\s-p\s+\$/, `${file}: token passed with -p`);
        }
      }
    }
  });

  it('actions/* are pinned to full commit SHAs with the version in a comment; others to a major version', () => {
    for (const file of files) {
      const text = readFileSync(path.join(workflowsFolder, file), 'utf8');
      for (const job of Object.values(workflow(file).jobs)) {
        for (const step of job.steps) {
          if (step.uses === undefined) continue;
          if (step.uses.startsWith('actions/')) {
            assert.match(step.uses, /@[0-9a-f]{40}$/, `${file}: ${step.uses}`);
            assert.ok(
              text
                .split('\n')
                .some(
                  (line) => /^\s*(- )?uses: (\S+) # v\d+\.\d+\.\d+$/.exec(line)?.[2] === step.uses,
                ),
              `${file}: ${step.uses} has its version in a comment`,
            );
          } else {
            assert.match(step.uses, /@(v\d+|[0-9a-f]{40})$/, `${file}: ${step.uses}`);
          }
        }
      }
    }
  });
});
