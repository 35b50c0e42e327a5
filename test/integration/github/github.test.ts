// The GitHub provider in a real VS Code against the local GitHub API server that the suite's
// setup hook started (test/servers/github: every request and response checked against GitHub's
// OpenAPI description; its state read through /__control/state). The token is given to the
// sign-in command as its automation argument instead of typing it into the password box.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as vscode from 'vscode';
import type { OpenPypiApi } from '../../../src/extension';
import type { ProviderStatus } from '../../../src/core/providers/providerStatus';
import { prepareSarifUpload } from '../../../src/core/github/sarifUpload';
import { extensionLogLines } from '../support/extensionLog';
import { openPypi } from '../support/manifest';
import { waitFor } from '../support/waitFor';

const token = 'ghp_IntegrationTokenAAAA000000000000000000';
const repository = 'octo-org/demo-app';

interface ServerState {
  requests: { method: string; template?: string; authorization?: string; body: unknown }[];
  violations: string[];
  uploads: { id: string; repository: string; body: Record<string, unknown> }[];
}

function serverUrl(): string {
  const url = process.env.OPENPYPI_GITHUB_TEST_SERVER;
  assert.ok(url, 'the suite setup starts the GitHub test server');
  return url;
}

async function state(): Promise<ServerState> {
  const response = await fetch(`${serverUrl()}/__control/state`);
  return (await response.json()) as ServerState;
}

function folder(): vscode.Uri {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first);
  return first.uri;
}

function git(...args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: folder().fsPath, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

function lastOf<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  return [...items].reverse().find(test);
}

/** A code action as plain text: everything a person sees of it and what it runs. */
function describeAction(action: vscode.CodeAction): string {
  const argument = (value: unknown): string => {
    if (value instanceof vscode.Uri) return `uri ${path.basename(value.fsPath)}`;
    if (value instanceof vscode.Diagnostic) {
      return `diagnostic ${value.source ?? ''} ${codeOf(value)} line ${value.range.start.line}`;
    }
    if (typeof value === 'object' && value !== null && 'finding' in value && 'folder' in value) {
      const { folder: where, finding } = value as {
        folder: string;
        finding: { tool: string; ruleId: string; location?: unknown };
      };
      return `target ${path.basename(where)} ${finding.tool} ${finding.ruleId}`;
    }
    return JSON.stringify(value);
  };
  const diagnostics = (action.diagnostics ?? []).map(argument).join(', ');
  const command = action.command
    ? `${action.command.command} "${action.command.title}" (${(action.command.arguments ?? []).map(argument).join(', ')})`
    : 'no command';
  return `${action.title} | ${action.kind?.value ?? 'no kind'} | preferred ${String(action.isPreferred)} | [${diagnostics}] | ${command} | edit ${String(action.edit !== undefined)}`;
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object'
    ? String(diagnostic.code.value)
    : String(diagnostic.code ?? '');
}

async function api(): Promise<OpenPypiApi> {
  return (await openPypi().activate()) as OpenPypiApi;
}

/** The rows under `parent` of the Providers view, with their labels and descriptions. */
async function rows(
  parent?: unknown,
): Promise<{ node: unknown; label: string; description: string }[]> {
  const view = (await api()).providersView;
  const children = (await view.getChildren(parent)) ?? [];
  return Promise.all(
    children.map(async (node) => {
      const item = await view.getTreeItem(node);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      return {
        node,
        label,
        description: typeof item.description === 'string' ? item.description : '',
      };
    }),
  );
}

async function row(
  parent: unknown,
  label: string | RegExp,
): Promise<{ node: unknown; description: string }> {
  const all = await rows(parent);
  const found = all.find((r) =>
    typeof label === 'string' ? r.label === label : label.test(r.label),
  );
  assert.ok(found, `a row ${String(label)} among ${all.map((r) => r.label).join(', ')}`);
  return found;
}

describe('GitHub provider (local GitHub API server)', function () {
  this.timeout(120_000);

  before(async () => {
    await vscode.workspace
      .getConfiguration('openpypi.github')
      .update('apiUrl', serverUrl(), vscode.ConfigurationTarget.Global);
    await api();
  });

  after(async () => {
    await vscode.commands.executeCommand('openpypi.providers.signOut', 'github');
    await vscode.workspace
      .getConfiguration('openpypi.github')
      .update('apiUrl', undefined, vscode.ConfigurationTarget.Global);
    assert.deepEqual(
      (await state()).violations,
      [],
      'every request and response matched GitHub OpenAPI',
    );
  });

  it('refuses a revoked token and stores nothing', async () => {
    const status = await vscode.commands.executeCommand<ProviderStatus | undefined>(
      'openpypi.providers.signIn',
      'github',
      { token: 'ghp_RevokedTokenBBBB000000000000000000000' },
    );
    assert.equal(status?.kind, 'error');
    assert.match(status.reason, /expired or was revoked/);
    // The user's to fix: a warning that offers to sign in again, not an error popup.
    await waitFor(
      () =>
        extensionLogLines().some((line) =>
          /Offered: The GitHub token was not stored: .*expired or was revoked.* \[Sign In\]$/.test(
            line,
          ),
        ),
      'the refused token was not offered as a warning with Sign In',
    );
    const validated = await vscode.commands.executeCommand<ProviderStatus>(
      'openpypi.providers.validate',
      'github',
    );
    assert.equal(validated.kind, 'not-configured');
  });

  it('signs in with a token: checked with GitHub, status with login and scopes', async () => {
    const status = await vscode.commands.executeCommand<ProviderStatus | undefined>(
      'openpypi.providers.signIn',
      'github',
      { token },
    );
    assert.equal(status?.kind, 'connected');
    assert.equal(status.who, 'octocat');
    assert.match(status.detail, /\(repo, security_events\)/);
    const last = (await state()).requests.at(-1);
    assert.equal(last?.template, '/user');
    assert.equal(last.authorization, `token ${token}`);
  });

  it('shows the account, its repositories and, lazily, alerts by severity, Dependabot, workflows, releases', async () => {
    const github = await row(undefined, 'GitHub');
    assert.match(github.description, /^octocat — 127\.0\.0\.1:\d+ \(repo, security_events\)$/);
    const before = (await state()).requests.length;
    const repo = await row(github.node, repository);
    const categories = await rows(repo.node);
    assert.deepEqual(
      categories.map((c) => c.label),
      ['Code scanning', 'Dependabot', 'Workflows', 'Releases'],
    );
    // Expanding a repository asks GitHub nothing: each category loads when it is expanded.
    const afterRepository = await state();
    assert.deepEqual(
      afterRepository.requests.slice(before).map((r) => r.template),
      ['/user/repos'],
    );
    const codeScanning = categories[0];
    assert.ok(codeScanning);
    const severities = await rows(codeScanning.node);
    assert.deepEqual(
      severities.map((s) => `${s.label} ${s.description}`),
      ['High 1', 'Medium 1'],
    );
    const high = await row(codeScanning.node, 'High');
    const alerts = await rows(high.node);
    assert.deepEqual(
      alerts.map((a) => a.label),
      ['py/command-line-injection — app/run.py:7'],
    );
    await waitFor(
      async () => (await row(repo.node, 'Code scanning')).description === '2 open (1 high)',
      'the Code scanning row shows its count once loaded',
    );
    const dependabot = await rows((await row(repo.node, 'Dependabot')).node);
    assert.equal(dependabot.length, 1);
    assert.match(dependabot[0]?.description ?? '', /^GHSA-/);
    const workflows = await rows((await row(repo.node, 'Workflows')).node);
    assert.ok(workflows.length > 0);
    const releases = await rows((await row(repo.node, 'Releases')).node);
    assert.deepEqual(
      releases.map((r) => r.label),
      ['v0.1.0'],
    );
  });

  it('uploads the merged log: gzip+base64 of valid SARIF, the commit SHA and ref from git; polls to complete', async () => {
    const sarif = path.join(os.tmpdir(), `openpypi-github-${process.pid}.sarif`);
    writeFileSync(
      sarif,
      JSON.stringify({
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'Bandit', rules: [{ id: 'B602' }] } },
            results: [
              {
                ruleId: 'B602',
                level: 'error',
                message: { text: 'subprocess call with shell=True identified' },
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: 'app/run.py' },
                      region: { startLine: 7 },
                    },
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    const imported = await vscode.commands.executeCommand<number>(
      'openpypi.security.importSarif',
      vscode.Uri.file(sarif),
    );
    assert.equal(imported, 1);
    if (git('rev-parse', 'HEAD') === undefined) {
      // The harness copies the workspace to a temporary folder without .git: make it a
      // repository with one commit, so the SHA and ref really come from git.
      const run = (...args: string[]) =>
        execFileSync('git', args, { cwd: folder().fsPath, encoding: 'utf8' });
      run('init', '-q', '-b', 'main');
      run('add', '-A');
      run(
        '-c',
        'user.name=OpenPypi Tests',
        '-c',
        'user.email=tests@openpypi.invalid',
        'commit',
        '-q',
        '-m',
        'demo',
      );
    }
    assert.ok(git('rev-parse', 'HEAD'), 'the workspace is a git repository with a commit');
    const detachedRef = git('symbolic-ref', '-q', 'HEAD') === undefined;
    const outcome = await vscode.commands.executeCommand<
      { status: string; commitSha: string; ref: string } | undefined
    >(
      'openpypi.github.uploadSarif',
      undefined,
      detachedRef ? { repository, ref: 'refs/heads/main' } : { repository },
    );
    assert.ok(outcome, 'the upload resolves with its outcome');
    assert.equal(outcome.status, 'complete');
    const upload = (await state()).uploads.at(-1);
    assert.ok(upload);
    assert.equal(upload.repository, repository);
    assert.equal(upload.body.commit_sha, git('rev-parse', 'HEAD'));
    assert.equal(
      upload.body.ref,
      detachedRef ? 'refs/heads/main' : git('symbolic-ref', '-q', 'HEAD'),
    );
    const text = gunzipSync(Buffer.from(String(upload.body.sarif), 'base64')).toString('utf8');
    const prepared = prepareSarifUpload(text, 'uploaded');
    assert.equal(prepared.results, 1, 'the merged log holds the imported Bandit result');
    const log = JSON.parse(text) as {
      version: string;
      runs: { tool: { driver: { name: string } } }[];
    };
    assert.equal(log.version, '2.1.0');
    assert.deepEqual(
      log.runs.map((r) => r.tool.driver.name),
      ['Bandit'],
    );
    const polls = (await state()).requests.filter(
      (r) => r.template === '/repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}',
    );
    assert.ok(polls.length >= 2, 'pending, then complete');
  });

  it('refuses a log GitHub would reject, sending nothing', async () => {
    const bad = path.join(os.tmpdir(), `openpypi-github-bad-${process.pid}.sarif`);
    writeFileSync(
      bad,
      JSON.stringify({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'x' } }, results: 42 }],
      }),
    );
    const uploads = (await state()).uploads.length;
    const outcome = await vscode.commands.executeCommand(
      'openpypi.github.uploadSarif',
      vscode.Uri.file(bad),
      { repository },
    );
    assert.equal(outcome, undefined);
    assert.equal((await state()).uploads.length, uploads);
  });

  it('shows code scanning alerts as diagnostics of "GitHub code scanning"; dismissing one removes it', async () => {
    const count = await vscode.commands.executeCommand<number>(
      'openpypi.github.showAlerts',
      repository,
      {
        ref: 'refs/heads/main',
      },
    );
    assert.equal(count, 2);
    const runPy = vscode.Uri.joinPath(folder(), 'app', 'run.py');
    await waitFor(
      () => vscode.languages.getDiagnostics(runPy).some((d) => d.source === 'GitHub code scanning'),
      'GitHub alerts appear as diagnostics',
    );
    const diagnostic = vscode.languages
      .getDiagnostics(runPy)
      .find((d) => d.source === 'GitHub code scanning');
    assert.ok(diagnostic);
    assert.equal(diagnostic.range.start.line, 6);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /user-provided value.*\[CodeQL alert #1\]/);
    const alertRequest = lastOf(
      (await state()).requests,
      (r) => r.template === '/repos/{owner}/{repo}/code-scanning/alerts',
    );
    assert.ok(alertRequest);
    // The imported Bandit result is still there: GitHub's results are a source of their own.
    assert.ok(vscode.languages.getDiagnostics(runPy).some((d) => d.source === 'Bandit'));
    const findings = (await api()).findings().filter((f) => f.tool === 'GitHub code scanning');
    assert.equal(findings.length, 2);

    // The light bulb on that line: every quick fix of the three providers (GitHub, AI,
    // security), each with its title, kind, preference, command and arguments (the diagnostics
    // are described too, but VS Code's executeCodeActionProvider leaves them out: always []).
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(runPy));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      runPy,
      diagnostic.range,
    );
    assert.deepEqual(actions.map(describeAction), [
      'Dismiss GitHub code scanning alert… | quickfix | preferred undefined | [] | openpypi.github.dismissAlert "Dismiss GitHub code scanning alert…" (diagnostic GitHub code scanning py/command-line-injection line 6) | edit false',
      'Suppress B602 (Bandit)… | quickfix | preferred undefined | [] | openpypi.security.suppress "Suppress B602 (Bandit)…" (target workspace Bandit B602) | edit false',
      'Open documentation for py/command-line-injection | quickfix | preferred undefined | [] | openpypi.security.openRuleDocs "Open documentation for py/command-line-injection" (target workspace GitHub code scanning py/command-line-injection) | edit false',
      'Suppress py/command-line-injection (GitHub code scanning)… | quickfix | preferred undefined | [] | openpypi.security.suppress "Suppress py/command-line-injection (GitHub code scanning)…" (target workspace GitHub code scanning py/command-line-injection) | edit false',
      'Explain B602 with AI | quickfix | preferred undefined | [] | openpypi.ai.explainFinding "Explain B602 with AI" (diagnostic Bandit B602 line 6, uri run.py) | edit false',
      'Fix B602 with AI (preview the diff first)… | quickfix | preferred undefined | [] | openpypi.ai.fixWithAi "Fix B602 with AI (preview the diff first)…" (diagnostic Bandit B602 line 6, uri run.py) | edit false',
    ]);

    const dismissed = await vscode.commands.executeCommand<boolean>(
      'openpypi.github.dismissAlert',
      { repository, number: 1 },
      { reason: 'false positive', comment: 'the host is validated' },
    );
    assert.equal(dismissed, true);
    const patch = lastOf((await state()).requests, (r) => r.method === 'PATCH');
    assert.deepEqual(patch?.body, {
      state: 'dismissed',
      dismissed_reason: 'false positive',
      dismissed_comment: 'the host is validated',
    });
    await waitFor(
      () =>
        vscode.languages.getDiagnostics(runPy).every((d) => d.source !== 'GitHub code scanning'),
      'the dismissed alert leaves the Problems panel',
    );
  });

  it('uploads only the local results: alerts downloaded from GitHub are never sent back', async () => {
    const shown = await vscode.commands.executeCommand<number>(
      'openpypi.github.showAlerts',
      repository,
      { ref: 'refs/heads/main' },
    );
    assert.ok(shown > 0, 'GitHub alerts are shown as findings before the upload');
    assert.ok((await api()).findings().some((f) => f.tool === 'GitHub code scanning'));
    const uploads = (await state()).uploads.length;
    const outcome = await vscode.commands.executeCommand<{ results: number } | undefined>(
      'openpypi.github.uploadSarif',
      undefined,
      { repository, ref: 'refs/heads/main' },
    );
    assert.ok(outcome, 'the upload resolves with its outcome');
    const sent = (await state()).uploads;
    assert.equal(sent.length, uploads + 1);
    const upload = sent.at(-1);
    assert.ok(upload);
    const log = JSON.parse(
      gunzipSync(Buffer.from(String(upload.body.sarif), 'base64')).toString('utf8'),
    ) as {
      runs: {
        tool: { driver: { name: string } };
        results?: { properties?: Record<string, unknown> }[];
      }[];
    };
    assert.deepEqual(
      log.runs.map((r) => r.tool.driver.name),
      ['Bandit'],
      'only the local tools run is uploaded',
    );
    const alertDerived = log.runs
      .flatMap((r) => r.results ?? [])
      .filter((r) => Object.keys(r.properties ?? {}).some((key) => key.startsWith('github/')));
    assert.deepEqual(alertDerived, [], 'no result carries a GitHub alert');
    assert.equal(outcome.results, 1);
  });

  it('sets a repository secret encrypted with the repository key', async () => {
    const outcome = await vscode.commands.executeCommand<string>(
      'openpypi.github.setSecret',
      repository,
      {
        name: 'PYPI_API_TOKEN',
        value: 'pypi-AgEIcHlwaS5vcmcCJDAwMDAwMDAw',
      },
    );
    assert.equal(outcome, 'created');
    const put = lastOf((await state()).requests, (r) => r.method === 'PUT');
    const body = put?.body as { encrypted_value: string; key_id: string };
    assert.ok(body.encrypted_value.length > 0);
    assert.ok(
      !JSON.stringify(put).includes('pypi-AgEIcHlwaS5vcmcCJDAwMDAwMDAw'),
      'only the sealed box is sent',
    );
  });
  it('a token revoked on GitHub turns the GitHub row into "sign in again"', async () => {
    await fetch(`${serverUrl()}/__control/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    // A command finds out first: its request is answered 401.
    await Promise.resolve(
      vscode.commands.executeCommand('openpypi.github.showAlerts', repository, {
        ref: 'refs/heads/main',
      }),
    ).catch(() => undefined);
    await waitFor(
      async () => (await row(undefined, 'GitHub')).description.includes('sign in again'),
      'the GitHub row says "sign in again"',
    );
    // The 401 is the user's to fix: a warning offering Sign In (and Show Log, as the error
    // popup had), logged as information, never the "failed" error path.
    await waitFor(
      () =>
        extensionLogLines().some(
          (line) =>
            line.includes('Offered: GitHub refused the token') &&
            line.includes('Sign in to GitHub again. [Sign In] [Show Log]'),
        ),
      'the 401 was offered as a warning with Sign In and Show Log',
    );
    const lines = extensionLogLines();
    assert.ok(
      lines.some((line) =>
        line.includes('[info] openpypi.github.showAlerts: GitHub refused the token'),
      ),
      'the command wrapper took the user-error path',
    );
    assert.deepEqual(
      lines.filter((line) => line.includes('openpypi.github.showAlerts failed')),
      [],
      'no error popup for a revoked token',
    );
    const validated = await vscode.commands.executeCommand<ProviderStatus>(
      'openpypi.providers.validate',
      'github',
    );
    assert.equal(validated.kind, 'error');
    assert.match(validated.reason, /expired or was revoked: sign in again/);
  });
});
