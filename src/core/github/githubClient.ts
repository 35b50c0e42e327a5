import { CancelledError } from '../errors/cancelledError';
import { describeGithubFailure, GithubRequestError, isCancellation } from './githubRequestError';
import type { GithubOctokit } from './githubRuntime';
import {
  fullName,
  type AlertSeverity,
  type CodeScanningAlert,
  type DependabotAlert,
  type DismissReason,
  type GithubAccount,
  type GithubRepository,
  type ReleaseSummary,
  type RepositoryName,
  type SarifUploadStatus,
  type WorkflowRunState,
  type WorkflowSummary,
} from './githubModel';

type Json = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const rec = (value: unknown): Json =>
  typeof value === 'object' && value !== null ? (value as Json) : {};
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.map(rec) : []);

function repositoryOf(data: unknown): GithubRepository {
  const repo = rec(data);
  return {
    owner: str(rec(repo.owner).login) ?? '',
    name: str(repo.name) ?? '',
    private: repo.private === true,
    defaultBranch: str(repo.default_branch) ?? 'main',
    htmlUrl: str(repo.html_url) ?? '',
    cloneUrl: str(repo.clone_url) ?? '',
    description: str(repo.description),
  };
}

const severities: readonly AlertSeverity[] = [
  'critical',
  'high',
  'medium',
  'low',
  'error',
  'warning',
  'note',
];

function codeScanningAlertOf(data: Json): CodeScanningAlert {
  const rule = rec(data.rule);
  const instance = rec(data.most_recent_instance);
  const location = rec(instance.location);
  const level = str(rule.security_severity_level) ?? str(rule.severity) ?? 'warning';
  return {
    number: num(data.number) ?? 0,
    ruleId: str(rule.id) ?? str(rule.name) ?? 'unknown-rule',
    ruleName: str(rule.name),
    ruleDescription: str(rule.description),
    severity: (severities as readonly string[]).includes(level)
      ? (level as AlertSeverity)
      : 'warning',
    tool: str(rec(data.tool).name) ?? 'code scanning',
    message: str(rec(instance.message).text) ?? str(rule.description) ?? '',
    path: str(location.path),
    startLine: num(location.start_line),
    endLine: num(location.end_line),
    startColumn: num(location.start_column),
    endColumn: num(location.end_column),
    htmlUrl: str(data.html_url) ?? '',
    helpUri: str(rule.help_uri) ?? str(data.html_url),
    tags: Array.isArray(rule.tags)
      ? rule.tags.filter((t): t is string => typeof t === 'string')
      : [],
  };
}

function runState(run: Json | undefined): WorkflowRunState {
  if (run === undefined) return 'none';
  if (run.status !== 'completed') return 'running';
  switch (run.conclusion) {
    case 'success':
      return 'success';
    case 'failure':
    case 'timed_out':
    case 'startup_failure':
      return 'failure';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'other';
  }
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/**
 * The GitHub REST calls OpenPypi makes, over an Octokit from the lazily loaded runtime. Every
 * failure becomes a GithubRequestError whose message says what to do; cancellation through
 * `signal` becomes a CancelledError.
 */
export class GithubClient {
  constructor(private readonly octokit: GithubOctokit) {}

  private async call<T>(
    what: string,
    repository: RepositoryName | undefined,
    signal: AbortSignal | undefined,
    run: (request: { signal?: AbortSignal }) => Promise<T>,
  ): Promise<T> {
    if (isAborted(signal)) throw new CancelledError();
    try {
      return await run(signal === undefined ? {} : { signal });
    } catch (error) {
      if (isAborted(signal) || isCancellation(error)) throw new CancelledError();
      throw new GithubRequestError(
        describeGithubFailure(error, what, repository ? fullName(repository) : undefined),
      );
    }
  }

  /** The signed-in account and, for classic tokens, the token's scopes. */
  async account(signal?: AbortSignal): Promise<GithubAccount> {
    return this.call('read the signed-in account', undefined, signal, async (request) => {
      const response = await this.octokit.request('GET /user', { request });
      const scopes = response.headers['x-oauth-scopes'];
      return {
        login: response.data.login,
        scopes:
          typeof scopes === 'string'
            ? scopes
                .split(',')
                .map((s) => s.trim())
                .filter((s) => s !== '')
            : undefined,
      };
    });
  }

  async repositories(signal?: AbortSignal): Promise<GithubRepository[]> {
    return this.call('list the repositories', undefined, signal, async (request) => {
      const response = await this.octokit.request('GET /user/repos', {
        sort: 'pushed',
        per_page: 30,
        request,
      });
      return response.data.map(repositoryOf);
    });
  }

  async repository(repo: RepositoryName, signal?: AbortSignal): Promise<GithubRepository> {
    return this.call('read the repository', repo, signal, async (request) => {
      const response = await this.octokit.request('GET /repos/{owner}/{repo}', {
        owner: repo.owner,
        repo: repo.name,
        request,
      });
      return repositoryOf(response.data);
    });
  }

  /** Open code scanning alerts, of one ref when given (refs/heads/<branch>). */
  async codeScanningAlerts(
    repo: RepositoryName,
    ref: string | undefined,
    signal?: AbortSignal,
  ): Promise<CodeScanningAlert[]> {
    return this.call('list the code scanning alerts', repo, signal, async (request) => {
      const alerts = await this.octokit.paginate(this.octokit.rest.codeScanning.listAlertsForRepo, {
        owner: repo.owner,
        repo: repo.name,
        state: 'open',
        per_page: 100,
        ...(ref === undefined ? {} : { ref }),
        request,
      });
      return list(alerts).map(codeScanningAlertOf);
    });
  }

  async dependabotAlerts(repo: RepositoryName, signal?: AbortSignal): Promise<DependabotAlert[]> {
    return this.call('list the Dependabot alerts', repo, signal, async (request) => {
      const response = await this.octokit.request('GET /repos/{owner}/{repo}/dependabot/alerts', {
        owner: repo.owner,
        repo: repo.name,
        state: 'open',
        per_page: 100,
        request,
      });
      return list(response.data).map((alert): DependabotAlert => {
        const dependency = rec(alert.dependency);
        const pkg = rec(dependency.package);
        const advisory = rec(alert.security_advisory);
        return {
          number: num(alert.number) ?? 0,
          packageName: str(pkg.name) ?? '',
          ecosystem: str(pkg.ecosystem) ?? '',
          severity: str(advisory.severity) ?? 'unknown',
          summary: str(advisory.summary) ?? '',
          ghsaId: str(advisory.ghsa_id) ?? '',
          manifestPath: str(dependency.manifest_path) ?? '',
          htmlUrl: str(alert.html_url) ?? '',
        };
      });
    });
  }

  /** The workflows, each with the state of its most recent run. */
  async workflows(repo: RepositoryName, signal?: AbortSignal): Promise<WorkflowSummary[]> {
    return this.call('list the workflows', repo, signal, async (request) => {
      const [workflows, runs] = await Promise.all([
        this.octokit.request('GET /repos/{owner}/{repo}/actions/workflows', {
          owner: repo.owner,
          repo: repo.name,
          per_page: 100,
          request,
        }),
        this.octokit.request('GET /repos/{owner}/{repo}/actions/runs', {
          owner: repo.owner,
          repo: repo.name,
          per_page: 100,
          request,
        }),
      ]);
      const latest = new Map<number, Json>();
      for (const run of list(runs.data.workflow_runs)) {
        const id = num(run.workflow_id);
        if (id !== undefined && !latest.has(id)) latest.set(id, run); // newest first
      }
      return list(workflows.data.workflows).map((workflow): WorkflowSummary => {
        const id = num(workflow.id) ?? 0;
        const run = latest.get(id);
        return {
          id,
          name: str(workflow.name) ?? str(workflow.path) ?? String(id),
          path: str(workflow.path) ?? '',
          lastRun: runState(run),
          lastRunUrl: run === undefined ? undefined : str(run.html_url),
        };
      });
    });
  }

  async releases(repo: RepositoryName, signal?: AbortSignal): Promise<ReleaseSummary[]> {
    return this.call('list the releases', repo, signal, async (request) => {
      const response = await this.octokit.request('GET /repos/{owner}/{repo}/releases', {
        owner: repo.owner,
        repo: repo.name,
        per_page: 20,
        request,
      });
      return response.data.map((release) => ({
        id: release.id,
        tagName: release.tag_name,
        name: release.name ?? release.tag_name,
        draft: release.draft,
        prerelease: release.prerelease,
        htmlUrl: release.html_url,
      }));
    });
  }

  async createRepository(
    options: { name: string; description: string; private: boolean },
    signal?: AbortSignal,
  ): Promise<GithubRepository> {
    return this.call(
      `create the repository ${options.name}`,
      undefined,
      signal,
      async (request) => {
        const response = await this.octokit.request('POST /user/repos', {
          name: options.name,
          description: options.description,
          private: options.private,
          auto_init: false,
          request,
        });
        return repositoryOf(response.data);
      },
    );
  }

  async setTopics(
    repo: RepositoryName,
    topics: readonly string[],
    signal?: AbortSignal,
  ): Promise<void> {
    await this.call('set the topics', repo, signal, (request) =>
      this.octokit.request('PUT /repos/{owner}/{repo}/topics', {
        owner: repo.owner,
        repo: repo.name,
        names: [...topics],
        request,
      }),
    );
  }

  async enableVulnerabilityAlerts(repo: RepositoryName, signal?: AbortSignal): Promise<void> {
    await this.call('enable Dependabot alerts', repo, signal, (request) =>
      this.octokit.request('PUT /repos/{owner}/{repo}/vulnerability-alerts', {
        owner: repo.owner,
        repo: repo.name,
        request,
      }),
    );
  }

  async enableAutomatedSecurityFixes(repo: RepositoryName, signal?: AbortSignal): Promise<void> {
    await this.call('enable Dependabot security updates', repo, signal, (request) =>
      this.octokit.request('PUT /repos/{owner}/{repo}/automated-security-fixes', {
        owner: repo.owner,
        repo: repo.name,
        request,
      }),
    );
  }

  async enableSecretScanning(repo: RepositoryName, signal?: AbortSignal): Promise<void> {
    await this.call('enable secret scanning and push protection', repo, signal, (request) =>
      this.octokit.request('PATCH /repos/{owner}/{repo}', {
        owner: repo.owner,
        repo: repo.name,
        security_and_analysis: {
          secret_scanning: { status: 'enabled' },
          secret_scanning_push_protection: { status: 'enabled' },
        },
        request,
      }),
    );
  }

  async secretPublicKey(
    repo: RepositoryName,
    signal?: AbortSignal,
  ): Promise<{ keyId: string; key: string }> {
    return this.call(
      "read the repository's public key for secrets",
      repo,
      signal,
      async (request) => {
        const response = await this.octokit.request(
          'GET /repos/{owner}/{repo}/actions/secrets/public-key',
          { owner: repo.owner, repo: repo.name, request },
        );
        return { keyId: response.data.key_id, key: response.data.key };
      },
    );
  }

  async putSecret(
    repo: RepositoryName,
    name: string,
    encryptedValue: string,
    keyId: string,
    signal?: AbortSignal,
  ): Promise<'created' | 'updated'> {
    return this.call(`store the secret ${name}`, repo, signal, async (request) => {
      const response = await this.octokit.request(
        'PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}',
        {
          owner: repo.owner,
          repo: repo.name,
          secret_name: name,
          encrypted_value: encryptedValue,
          key_id: keyId,
          request,
        },
      );
      // GitHub answers 201 for a new secret and 204 for an update (its types list only 201).
      const status: number = response.status;
      return status === 201 ? 'created' : 'updated';
    });
  }

  /** Sends a gzip+base64 SARIF log; resolves with the id GitHub gives the upload. */
  async uploadSarif(
    repo: RepositoryName,
    upload: { commitSha: string; ref: string; sarif: string; toolName: string },
    signal?: AbortSignal,
  ): Promise<string> {
    return this.call('upload the SARIF log', repo, signal, async (request) => {
      const response = await this.octokit.request(
        'POST /repos/{owner}/{repo}/code-scanning/sarifs',
        {
          owner: repo.owner,
          repo: repo.name,
          commit_sha: upload.commitSha,
          ref: upload.ref,
          sarif: upload.sarif,
          tool_name: upload.toolName,
          request,
        },
      );
      const id = response.data.id;
      if (id === undefined) throw new Error('GitHub accepted the upload but returned no id');
      return id;
    });
  }

  async sarifStatus(
    repo: RepositoryName,
    id: string,
    signal?: AbortSignal,
  ): Promise<SarifUploadStatus> {
    return this.call('read the SARIF processing status', repo, signal, async (request) => {
      const response = await this.octokit.request(
        'GET /repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}',
        { owner: repo.owner, repo: repo.name, sarif_id: id, request },
      );
      const status = response.data.processing_status;
      return {
        status: status === 'complete' || status === 'failed' ? status : 'pending',
        errors: (response.data.errors ?? []).slice(0, 20),
        analysesUrl: response.data.analyses_url ?? undefined,
      };
    });
  }

  async dismissAlert(
    repo: RepositoryName,
    alertNumber: number,
    reason: DismissReason,
    comment: string,
    signal?: AbortSignal,
  ): Promise<void> {
    await this.call(`dismiss code scanning alert ${alertNumber}`, repo, signal, (request) =>
      this.octokit.request('PATCH /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}', {
        owner: repo.owner,
        repo: repo.name,
        alert_number: alertNumber,
        state: 'dismissed',
        dismissed_reason: reason,
        ...(comment === '' ? {} : { dismissed_comment: comment.slice(0, 280) }),
        request,
      }),
    );
  }

  async createRelease(
    repo: RepositoryName,
    tag: string,
    name: string | undefined,
    signal?: AbortSignal,
  ): Promise<ReleaseSummary> {
    return this.call(`create the release ${tag}`, repo, signal, async (request) => {
      const response = await this.octokit.request('POST /repos/{owner}/{repo}/releases', {
        owner: repo.owner,
        repo: repo.name,
        tag_name: tag,
        name: name ?? tag,
        generate_release_notes: true,
        request,
      });
      return {
        id: response.data.id,
        tagName: response.data.tag_name,
        name: response.data.name ?? tag,
        draft: response.data.draft,
        prerelease: response.data.prerelease,
        htmlUrl: response.data.html_url,
      };
    });
  }
}
