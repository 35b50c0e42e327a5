// The GitHub client over the real Octokit (with its retry and throttling plugins) against a
// local server on 127.0.0.1 that validates every request and response with GitHub's OpenAPI
// description (test/servers/github). Rate limits, 5xx retries and a private repository's 404
// are each exercised for their message; secret encryption is checked by decrypting.
import * as assert from 'node:assert/strict';
import { GithubClient } from '../../../../src/core/github/githubClient';
import { GithubRequestError } from '../../../../src/core/github/githubRequestError';
import { createOctokit, sealSecret } from '../../../../src/core/github/githubRuntime';
import { GithubTestServer } from '../../../servers/github/githubTestServer';

const token = 'ghp_UnitTestToken000000000000000000000000';

function client(server: GithubTestServer, secret = token): GithubClient {
  return new GithubClient(
    createOctokit({
      baseUrl: server.baseUrl,
      token: secret,
      userAgent: 'openpypi-tests',
      retryBaseMs: 5,
      maxRateLimitWaitSeconds: 3,
    }),
  );
}

async function rejection(promise: Promise<unknown>): Promise<GithubRequestError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GithubRequestError, String(error));
    return error;
  }
  assert.fail('expected a rejection');
}

describe('GitHub client (local server checked against GitHub OpenAPI description)', function () {
  this.timeout(60_000);
  const server = new GithubTestServer({
    tokens: [token],
    scopes: 'repo, security_events',
    hiddenRepositories: ['octo-org/private-app'],
  });

  before(async () => {
    await server.start();
    server.addRepository('octo-org/demo-app');
    server.addCodeScanningAlert('octo-org/demo-app', {
      ruleId: 'py/command-line-injection',
      severity: 'high',
      path: 'app/run.py',
      line: 14,
      message: 'This command line depends on a user-provided value.',
    });
    server.addDependabotAlert('octo-org/demo-app');
    server.addRelease('octo-org/demo-app', 'v0.1.0');
  });

  after(async () => {
    await server.stop();
  });

  afterEach(() => {
    assert.deepEqual(server.violations, [], 'every request and response matches the description');
  });

  it('reads the account and the classic token scopes', async () => {
    const account = await client(server).account();
    assert.deepEqual(account, { login: 'octocat', scopes: ['repo', 'security_events'] });
    assert.equal(server.requests.at(-1)?.authorization, `token ${token}`);
  });

  it('lists repositories, alerts by severity, Dependabot alerts, workflows and releases', async () => {
    const github = client(server);
    const repo = { owner: 'octo-org', name: 'demo-app' };
    const repositories = await github.repositories();
    assert.deepEqual(
      repositories.map((r) => `${r.owner}/${r.name}`),
      ['octo-org/demo-app'],
    );
    const alerts = await github.codeScanningAlerts(repo, 'refs/heads/main');
    assert.equal(alerts.length, 1);
    const [alert] = alerts;
    assert.ok(alert);
    assert.equal(alert.severity, 'high');
    assert.equal(alert.path, 'app/run.py');
    assert.equal(alert.startLine, 14);
    assert.equal(server.requests.at(-1)?.query.ref, 'refs/heads/main');
    const dependabot = await github.dependabotAlerts(repo);
    assert.equal(dependabot.length, 1);
    assert.ok(dependabot[0]?.ghsaId.startsWith('GHSA-'));
    const workflows = await github.workflows(repo);
    assert.ok(workflows.length > 0);
    assert.ok(
      workflows.every((w) =>
        ['success', 'failure', 'running', 'cancelled', 'other', 'none'].includes(w.lastRun),
      ),
    );
    const releases = await github.releases(repo);
    assert.deepEqual(
      releases.map((r) => r.tagName),
      ['v0.1.0'],
    );
  });

  it('says "sign in again" for a revoked token', async () => {
    const error = await rejection(client(server, 'ghp_revoked').account());
    assert.equal(error.failure.kind, 'unauthorized');
    assert.match(error.message, /expired or was revoked.*Sign in to GitHub again/);
  });

  it('explains a 404 for a private repository', async () => {
    const error = await rejection(
      client(server).repository({ owner: 'octo-org', name: 'private-app' }),
    );
    assert.equal(error.failure.kind, 'not-found');
    assert.match(error.message, /octo-org\/private-app.*private/);
  });

  it('retries 5xx answers and succeeds', async () => {
    const before = server.requests.length;
    server.failures.push({ method: 'GET', template: '/user', status: 502, times: 2 });
    const account = await client(server).account();
    assert.equal(account.login, 'octocat');
    assert.equal(server.requests.length - before, 3, 'two failures, then the answer');
  });

  it('gives up after the retries with a clear message', async () => {
    server.failures.push({ method: 'GET', template: '/user', status: 503, times: 10 });
    const error = await rejection(client(server).account());
    assert.equal(error.failure.kind, 'server');
    assert.match(error.message, /server error \(503\).*after 3 retries/);
    server.failures.length = 0;
  });

  it('waits out a short 429 with retry-after, then succeeds', async () => {
    const before = server.requests.length;
    server.failures.push({
      method: 'GET',
      template: '/user',
      status: 429,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit' },
      times: 1,
    });
    const account = await client(server).account();
    assert.equal(account.login, 'octocat');
    assert.equal(server.requests.length - before, 2);
  });

  it('reports a primary rate limit (403, x-ratelimit-reset) with its reset time', async () => {
    const reset = Math.floor(Date.now() / 1000) + 45 * 60;
    server.failures.push({
      method: 'GET',
      template: '/user/repos',
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      body: { message: 'API rate limit exceeded for user ID 1.' },
      times: 5,
    });
    const error = await rejection(client(server).repositories());
    assert.equal(error.failure.kind, 'rate-limited');
    assert.match(error.message, /rate limit.*resets at \d\d:\d\d UTC \(in 45 minutes\)/);
    server.failures.length = 0;
  });

  it('reports a long 429 retry-after without waiting for it', async () => {
    server.failures.push({
      method: 'GET',
      template: '/user',
      status: 429,
      headers: { 'retry-after': '600' },
      body: { message: 'You have exceeded a secondary rate limit' },
      times: 5,
    });
    const error = await rejection(client(server).account());
    assert.equal(error.failure.kind, 'rate-limited');
    assert.match(error.message, /in 10 minutes/);
    server.failures.length = 0;
  });

  it('encrypts a secret for the repository key: the private key opens it', async () => {
    const github = client(server);
    const repo = { owner: 'octo-org', name: 'demo-app' };
    const key = await github.secretPublicKey(repo);
    const sealed = await sealSecret(key.key, 's3cr3t-value');
    assert.notEqual(sealed, 's3cr3t-value');
    assert.equal(await github.putSecret(repo, 'PYPI_TOKEN', sealed, key.keyId), 'created');
    const stored = server.secretsOf('octo-org/demo-app').get('PYPI_TOKEN');
    assert.ok(stored);
    assert.equal(stored.key_id, server.keyId);
    assert.equal(server.decryptSecret(stored.encrypted_value), 's3cr3t-value');
    assert.equal(await github.putSecret(repo, 'PYPI_TOKEN', sealed, key.keyId), 'updated');
  });

  it('dismisses an alert with a reason and creates a release with generated notes', async () => {
    const github = client(server);
    const repo = { owner: 'octo-org', name: 'demo-app' };
    await github.dismissAlert(repo, 1, 'false positive', 'input is validated');
    assert.equal(server.alertState('octo-org/demo-app', 1)?.state, 'dismissed');
    assert.equal(server.alertState('octo-org/demo-app', 1)?.dismissed_reason, 'false positive');
    const release = await github.createRelease(repo, 'v0.2.0', undefined);
    assert.equal(release.tagName, 'v0.2.0');
    const body = server.requests.at(-1)?.body as Record<string, unknown>;
    assert.equal(body.generate_release_notes, true);
  });

  it('a request of the wrong shape is caught by the OpenAPI check', async () => {
    const octokit = createOctokit({ baseUrl: server.baseUrl, token, userAgent: 't' });
    await assert.rejects(
      octokit.request('POST /repos/{owner}/{repo}/releases', {
        owner: 'octo-org',
        repo: 'demo-app',
        tag_name: 42 as unknown as string,
      }),
    );
    assert.equal(server.violations.length, 1);
    assert.match(server.violations[0] ?? '', /tag_name must be string/);
    server.violations.length = 0;
  });
});
