// The GitHub client against recorded real GitHub API interactions: @octokit/fixtures served by
// @octokit/fixtures-server on 127.0.0.1. The recording checks the request (method, path,
// headers, token) and answers with what api.github.com answered.
import * as assert from 'node:assert/strict';
import { GithubClient } from '../../../../src/core/github/githubClient';
import { GithubRequestError } from '../../../../src/core/github/githubRequestError';
import { createOctokit } from '../../../../src/core/github/githubRuntime';
import {
  startFixturesServer,
  type FixturesServer,
} from '../../../servers/github/startFixturesServer';

// The token the recordings were made with (a placeholder written by @octokit/fixtures).
const recordedToken = '0000000000000000000000000000000000000001';

function client(baseUrl: string): GithubClient {
  return new GithubClient(
    createOctokit({ baseUrl, token: recordedToken, userAgent: 'openpypi-tests', retryBaseMs: 5 }),
  );
}

describe('GitHub client against @octokit/fixtures recordings', function () {
  this.timeout(60_000);
  let fixtures: FixturesServer;

  before(async () => {
    fixtures = await startFixturesServer();
  });

  after(() => {
    fixtures.stop();
  });

  it('reads a repository (scenario get-repository)', async () => {
    const baseUrl = await fixtures.scenario('get-repository');
    const repository = await client(baseUrl).repository({
      owner: 'octokit-fixture-org',
      name: 'hello-world',
    });
    assert.equal(repository.owner, 'octokit-fixture-org');
    assert.equal(repository.name, 'hello-world');
    assert.equal(repository.private, false);
    assert.equal(repository.defaultBranch, 'master');
    assert.match(repository.cloneUrl, /hello-world\.git$/);
  });

  it('a request the recording does not hold fails with a clear message', async () => {
    const baseUrl = await fixtures.scenario('get-repository');
    await assert.rejects(
      client(baseUrl).repository({ owner: 'octokit-fixture-org', name: 'other' }),
      (error: unknown) =>
        error instanceof GithubRequestError && error.message.includes('not found'),
    );
  });
});
