// Create Repository from the workspace, end to end against the local GitHub server (checked
// with GitHub's OpenAPI description) and the real git: the repository's clone URL is a local
// bare repository, so the push is real. Also: remotes → repository, alerts → SARIF findings.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importFindings } from '../../../../src/core/findings/importFindings';
import { alertOfResult, alertsToSarif } from '../../../../src/core/github/alertsToSarif';
import { createRepositoryFlow } from '../../../../src/core/github/createRepositoryFlow';
import { GithubClient } from '../../../../src/core/github/githubClient';
import {
  repositoryFromRemote,
  workspaceRepositoryFirst,
} from '../../../../src/core/github/githubRemote';
import { createOctokit } from '../../../../src/core/github/githubRuntime';
import { GitRepository } from '../../../../src/core/github/gitRepository';
import { silentLogger } from '../../../../src/core/logging/logger';
import { GithubTestServer } from '../../../servers/github/githubTestServer';

const token = 'ghp_CreateRepoTestToken00000000000000000000';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

describe('Create Repository (local server + real git push to a bare repository)', function () {
  this.timeout(60_000);
  let temp: string;
  let bare: string;
  let work: string;
  const server = new GithubTestServer({
    tokens: [token],
    cloneUrl: (name) => path.join(bare, `${name}.git`),
  });

  before(async () => {
    temp = mkdtempSync(path.join(tmpdir(), 'openpypi-github-'));
    bare = path.join(temp, 'remote');
    work = path.join(temp, 'work');
    execFileSync('mkdir', ['-p', bare, work]);
    git(bare, 'init', '--bare', '--quiet', 'demo-app.git');
    git(work, 'init', '--quiet', '--initial-branch=main');
    writeFileSync(path.join(work, 'app.py'), 'print("hello")\n');
    git(work, 'add', '.');
    git(
      work,
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.com',
      'commit',
      '--quiet',
      '-m',
      'first',
    );
    await server.start();
  });

  after(async () => {
    await server.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  afterEach(() => {
    assert.deepEqual(server.violations, []);
  });

  it('creates a private repository, pushes the branch and turns on what the plan allows', async () => {
    const client = new GithubClient(
      createOctokit({ baseUrl: server.baseUrl, token, userAgent: 't' }),
    );
    const created = await createRepositoryFlow(client, new GitRepository(work, silentLogger), {
      name: 'demo-app',
      description: 'Demo',
      topics: ['python', 'security'],
      private: true,
      token,
    });
    assert.equal(created.repository.private, true);
    assert.equal(created.remote, 'origin');
    assert.equal(created.branch, 'main');
    // The push really happened: the bare repository has the commit.
    assert.equal(
      git(path.join(bare, 'demo-app.git'), 'rev-parse', 'refs/heads/main'),
      git(work, 'rev-parse', 'HEAD'),
    );
    assert.equal(git(work, 'rev-parse', '--abbrev-ref', 'main@{upstream}'), 'origin/main');
    const create = server.requests.find((r) => r.template === '/user/repos' && r.method === 'POST');
    assert.deepEqual(create?.body, {
      name: 'demo-app',
      description: 'Demo',
      private: true,
      auto_init: false,
    });
    assert.deepEqual(server.topicsOf('octocat/demo-app'), ['python', 'security']);
    assert.deepEqual(created.enabled, ['Dependabot alerts', 'Dependabot security updates']);
    assert.equal(created.notes.length, 1);
    assert.match(
      created.notes[0] ?? '',
      /secret scanning and push protection could not be turned on.*Advanced Security/,
    );
    // The token went to git through its environment, never its command line.
    assert.ok(!JSON.stringify(server.requests).includes('x-access-token'));
  });

  it('refuses a folder without a commit before creating anything', async () => {
    const empty = path.join(temp, 'empty');
    execFileSync('mkdir', ['-p', empty]);
    git(empty, 'init', '--quiet');
    const before = server.requests.length;
    const client = new GithubClient(
      createOctokit({ baseUrl: server.baseUrl, token, userAgent: 't' }),
    );
    await assert.rejects(
      createRepositoryFlow(client, new GitRepository(empty, silentLogger), {
        name: 'x',
        description: '',
        topics: [],
        private: true,
        token,
      }),
      /no git commit yet/,
    );
    assert.equal(server.requests.length, before);
  });
});

describe('GitHub remotes and alerts', () => {
  it('reads the repository from https, scp-like and ssh remotes of the right host', () => {
    const expected = { owner: 'octo-org', name: 'demo-app' };
    assert.deepEqual(
      repositoryFromRemote('https://github.com/octo-org/demo-app.git', 'github.com'),
      expected,
    );
    assert.deepEqual(
      repositoryFromRemote('git@github.com:octo-org/demo-app.git', 'github.com'),
      expected,
    );
    assert.deepEqual(
      repositoryFromRemote('ssh://git@github.com/octo-org/demo-app', 'github.com'),
      expected,
    );
    assert.deepEqual(
      repositoryFromRemote('https://ghe.example.com/octo-org/demo-app', 'ghe.example.com'),
      expected,
    );
    assert.equal(
      repositoryFromRemote('https://gitlab.com/octo-org/demo-app.git', 'github.com'),
      undefined,
    );
    assert.equal(repositoryFromRemote('/srv/git/demo-app.git', 'github.com'), undefined);
  });

  it('lists the workspace repository first', () => {
    const repos = [
      { owner: 'a', name: 'one' },
      { owner: 'octo-org', name: 'Demo-App' },
      { owner: 'b', name: 'two' },
    ];
    assert.deepEqual(
      workspaceRepositoryFirst(repos, { owner: 'octo-org', name: 'demo-app' }).map(
        (e) => `${e.repository.owner}/${e.repository.name}${e.isWorkspace ? '*' : ''}`,
      ),
      ['octo-org/Demo-App*', 'a/one', 'b/two'],
    );
  });

  it('turns alerts into findings of "GitHub code scanning" at their ranges, keeping the alert number', () => {
    const log = alertsToSarif(
      [
        {
          number: 7,
          ruleId: 'py/sql-injection',
          ruleName: 'SQL injection',
          ruleDescription: 'Query built from user input',
          severity: 'high',
          tool: 'CodeQL',
          message: 'This query depends on a user-provided value.',
          path: 'app/web.py',
          startLine: 12,
          endLine: 12,
          startColumn: 5,
          endColumn: 30,
          htmlUrl: 'https://github.com/octo-org/demo-app/security/code-scanning/7',
          helpUri: undefined,
          tags: ['security'],
        },
      ],
      'octo-org/demo-app',
    );
    const { findings } = importFindings(JSON.stringify(log), '/work/demo', 'GitHub code scanning');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.ok(finding);
    assert.equal(finding.tool, 'GitHub code scanning');
    assert.equal(finding.severity, 'high');
    assert.deepEqual(finding.location, {
      kind: 'workspace',
      relativePath: 'app/web.py',
      range: { startLine: 12, startColumn: 5, endLine: 12, endColumn: 30 },
    });
    assert.match(finding.message, /\[CodeQL alert #7\]/);
    assert.deepEqual(alertOfResult(finding.result), { number: 7, repository: 'octo-org/demo-app' });
  });
});
