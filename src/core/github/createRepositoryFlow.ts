import type { GithubClient } from './githubClient';
import { fullName, type GithubRepository } from './githubModel';
import { GithubRequestError } from './githubRequestError';
import type { GitRepository } from './gitRepository';

export interface CreateRepositoryRequest {
  readonly name: string;
  readonly description: string;
  readonly topics: readonly string[];
  readonly private: boolean;
  /** Sent to git in its environment for the push (never on its command line). */
  readonly token: string | undefined;
  readonly signal?: AbortSignal;
}

export interface CreatedRepository {
  readonly repository: GithubRepository;
  readonly remote: string;
  readonly branch: string;
  /** Security settings that are on now. */
  readonly enabled: readonly string[];
  /** Settings the plan or the repository does not allow, each with GitHub's reason. */
  readonly notes: readonly string[];
}

/**
 * Create Repository from the workspace: the repository (private by default, description,
 * topics), a remote for it and a push of the current branch with git, then the security
 * settings: Dependabot alerts, Dependabot security updates, secret scanning with push
 * protection where the plan allows (a note where it does not).
 */
export async function createRepositoryFlow(
  client: GithubClient,
  git: GitRepository,
  request: CreateRepositoryRequest,
): Promise<CreatedRepository> {
  // Fails early (no commit, detached HEAD) before anything exists on GitHub.
  await git.headSha();
  await git.currentRef();
  const repository = await client.createRepository(
    { name: request.name, description: request.description, private: request.private },
    request.signal,
  );
  if (request.topics.length > 0) await client.setTopics(repository, request.topics, request.signal);
  const remote = (await git.remoteUrl('origin')) === undefined ? 'origin' : 'github';
  await git.addRemote(remote, repository.cloneUrl);
  const branch = await git.pushCurrentBranch(remote, request.token, request.signal);

  const enabled: string[] = [];
  const notes: string[] = [];
  const settings: [string, () => Promise<void>][] = [
    ['Dependabot alerts', () => client.enableVulnerabilityAlerts(repository, request.signal)],
    [
      'Dependabot security updates',
      () => client.enableAutomatedSecurityFixes(repository, request.signal),
    ],
    [
      'secret scanning and push protection',
      () => client.enableSecretScanning(repository, request.signal),
    ],
  ];
  for (const [label, enable] of settings) {
    try {
      await enable();
      enabled.push(label);
    } catch (error) {
      if (!(error instanceof GithubRequestError) || error.failure.kind === 'unauthorized')
        throw error;
      notes.push(
        `${label} could not be turned on for ${fullName(repository)} (the plan or the repository does not allow it): ${error.message}`,
      );
    }
  }
  return { repository, remote, branch, enabled, notes };
}
