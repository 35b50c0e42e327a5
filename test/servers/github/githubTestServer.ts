// A local stand-in for the GitHub REST API on 127.0.0.1, for the endpoints that
// @octokit/fixtures does not record (code scanning, Dependabot, Actions, secrets, releases,
// repository creation and security settings). It is a fake, because the real API cannot be
// reached from here; what keeps it honest: every request and every response is validated
// against GitHub's own OpenAPI description (@octokit/openapi), the response bodies start from
// that description's examples, and any mismatch is recorded in `violations` (and answered with
// 400 for a request), which the tests assert to be empty.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sodium from 'libsodium-wrappers';
import { OpenApiDescription } from './openApiDescription';

type Json = Record<string, unknown>;

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly template: string | undefined;
  readonly query: Record<string, string>;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

export interface ScriptedFailure {
  readonly method: string;
  readonly template: string;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: Json;
  /** How many requests in a row get this answer. */
  times: number;
}

export interface GithubTestServerOptions {
  readonly tokens: readonly string[];
  readonly login?: string;
  /** The x-oauth-scopes header of GET /user. */
  readonly scopes?: string;
  /** clone_url of repositories created through POST /user/repos (a local bare repository). */
  readonly cloneUrl?: (name: string) => string;
  /** Repositories that exist but are private to someone else: every request answers 404. */
  readonly hiddenRepositories?: readonly string[];
}

interface RepoState {
  repo: Json;
  codeScanningAlerts: Json[];
  dependabotAlerts: Json[];
  releases: Json[];
  secrets: Map<string, { encrypted_value: string; key_id: string }>;
  topics: string[];
  settings: string[];
}

const rec = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};

export class GithubTestServer {
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly failures: ScriptedFailure[] = [];
  /** Tokens revoked since the server started: answered 401 like unknown ones. */
  readonly revoked = new Set<string>();
  readonly uploads: { id: string; repository: string; body: Json; polls: number }[] = [];
  private readonly repos = new Map<string, RepoState>();
  private readonly description = OpenApiDescription.load();
  private server: Server | undefined;
  private keyPair: { publicKey: Uint8Array; privateKey: Uint8Array } | undefined;
  readonly keyId = '568250167242549743';
  /** After how many status polls an upload counts as processed. */
  pollsUntilComplete = 1;
  /** Status the processing ends in ('complete' or 'failed' with errors). */
  processingOutcome: { status: 'complete' } | { status: 'failed'; errors: string[] } = {
    status: 'complete',
  };

  constructor(private readonly options: GithubTestServerOptions) {}

  get baseUrl(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('The GitHub test server is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  get login(): string {
    return this.options.login ?? 'octocat';
  }

  async start(): Promise<void> {
    await sodium.ready;
    const pair = sodium.crypto_box_keypair();
    this.keyPair = { publicKey: pair.publicKey, privateKey: pair.privateKey };
    this.server = createServer((request, response) => {
      void this.handle(request, response);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (!this.server) {
        resolve();
        return;
      }
      this.server.closeAllConnections();
      this.server.close(() => {
        resolve();
      });
    });
  }

  /** Opens a sealed box the way GitHub does, with the repository key's private half. */
  decryptSecret(encryptedBase64: string): string {
    if (!this.keyPair) throw new Error('not started');
    const opened = sodium.crypto_box_seal_open(
      sodium.from_base64(encryptedBase64, sodium.base64_variants.ORIGINAL),
      this.keyPair.publicKey,
      this.keyPair.privateKey,
    );
    return sodium.to_string(opened);
  }

  secretsOf(fullName: string): Map<string, { encrypted_value: string; key_id: string }> {
    return this.state(fullName).secrets;
  }

  topicsOf(fullName: string): string[] {
    return this.state(fullName).topics;
  }

  settingsOf(fullName: string): string[] {
    return this.state(fullName).settings;
  }

  /** Adds a repository of the signed-in user (from the description's example repository). */
  addRepository(fullName: string, options: { private?: boolean } = {}): void {
    const [owner = '', name = ''] = fullName.split('/');
    const repo = rec(this.description.example('GET', '/repos/{owner}/{repo}', 200));
    this.repos.set(fullName.toLowerCase(), {
      repo: this.repositoryJson(repo, owner, name, options.private ?? false),
      codeScanningAlerts: [],
      dependabotAlerts: [],
      releases: [],
      secrets: new Map(),
      topics: [],
      settings: [],
    });
  }

  /** A code scanning alert on `path` (from the description's example alert). */
  addCodeScanningAlert(
    fullName: string,
    alert: {
      ruleId: string;
      severity: 'critical' | 'high' | 'medium' | 'low';
      path: string;
      line: number;
      message: string;
      tool?: string;
    },
  ): number {
    const state = this.state(fullName);
    const example = rec(
      (
        this.description.example(
          'GET',
          '/repos/{owner}/{repo}/code-scanning/alerts',
          200,
        ) as unknown[]
      )[0],
    );
    const number = state.codeScanningAlerts.length + 1;
    const rule = rec(example.rule);
    const instance = rec(example.most_recent_instance);
    state.codeScanningAlerts.push({
      ...example,
      number,
      state: 'open',
      html_url: `https://github.com/${fullName}/security/code-scanning/${number}`,
      url: `https://api.github.com/repos/${fullName}/code-scanning/alerts/${number}`,
      rule: {
        ...rule,
        id: alert.ruleId,
        name: alert.ruleId,
        severity:
          alert.severity === 'low' ? 'note' : alert.severity === 'medium' ? 'warning' : 'error',
        security_severity_level: alert.severity,
        description: `Rule ${alert.ruleId}`,
      },
      tool: { ...rec(example.tool), name: alert.tool ?? 'CodeQL' },
      most_recent_instance: {
        ...instance,
        ref: 'refs/heads/main',
        state: 'open',
        message: { text: alert.message },
        location: {
          path: alert.path,
          start_line: alert.line,
          end_line: alert.line,
          start_column: 1,
          end_column: 10,
        },
      },
    });
    return number;
  }

  addDependabotAlert(fullName: string): void {
    const state = this.state(fullName);
    const example = (
      this.description.example('GET', '/repos/{owner}/{repo}/dependabot/alerts', 200) as Json[]
    )[0];
    const advisory = rec(rec(example).security_advisory);
    // The description's own example carries an EPSS percentile as a string where its schema
    // says number; the stand-in sends what the schema says.
    const epss = { ...rec(advisory.epss), percentile: Number(rec(advisory.epss).percentile) };
    state.dependabotAlerts.push({
      ...rec(example),
      number: state.dependabotAlerts.length + 1,
      security_advisory: { ...advisory, epss },
    });
  }

  addRelease(fullName: string, tag: string): void {
    const state = this.state(fullName);
    const example = this.description.example('GET', '/repos/{owner}/{repo}/releases', 200);
    const first = rec(Array.isArray(example) ? example[0] : example);
    state.releases.push({ ...first, id: state.releases.length + 1, tag_name: tag, name: tag });
  }

  alertState(fullName: string, alertNumber: number): Json | undefined {
    return this.state(fullName).codeScanningAlerts.find((a) => a.number === alertNumber);
  }

  private state(fullName: string): RepoState {
    const state = this.repos.get(fullName.toLowerCase());
    if (!state) throw new Error(`No repository ${fullName} in the test server`);
    return state;
  }

  private repositoryJson(example: Json, owner: string, name: string, isPrivate: boolean): Json {
    const full = `${owner}/${name}`;
    // The description's example repository lacks `language`, which its own schema requires.
    return {
      ...example,
      language: 'Python',
      has_discussions: false,
      name,
      full_name: full,
      private: isPrivate,
      visibility: isPrivate ? 'private' : 'public',
      default_branch: 'main',
      html_url: `https://github.com/${full}`,
      clone_url: this.options.cloneUrl?.(name) ?? `https://github.com/${full}.git`,
      owner: { ...rec(example.owner), login: owner },
      source: undefined,
      parent: undefined,
      template_repository: undefined,
    };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      body = text;
    }
    const method = request.method ?? 'GET';
    if (url.pathname.startsWith('/__control/')) {
      this.control(method, url.pathname, body, response);
      return;
    }
    const operation = this.description.operation(method, url.pathname);
    this.requests.push({
      method,
      path: url.pathname,
      template: operation?.template,
      query: Object.fromEntries(url.searchParams),
      authorization: request.headers.authorization,
      body,
    });
    if (!operation) {
      this.violations.push(
        `${method} ${url.pathname}: no such operation in GitHub's OpenAPI description`,
      );
      this.send(response, 404, { message: 'Not Found' });
      return;
    }
    const requestProblems = this.description.requestProblems(operation, body);
    if (requestProblems.length > 0) {
      this.violations.push(
        `${method} ${operation.template} request: ${requestProblems.join('; ')}`,
      );
      this.send(response, 400, {
        message: `Request does not match the OpenAPI description: ${requestProblems.join('; ')}`,
      });
      return;
    }
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (token === undefined || !this.options.tokens.includes(token) || this.revoked.has(token)) {
      this.send(response, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      });
      return;
    }
    const failure = this.failures.find(
      (f) => f.times > 0 && f.method === method && f.template === operation.template,
    );
    if (failure) {
      failure.times -= 1;
      this.send(
        response,
        failure.status,
        failure.body ?? { message: 'scripted failure' },
        failure.headers,
      );
      return;
    }
    const params = this.params(operation.template, url.pathname);
    const fullName = params.owner && params.repo ? `${params.owner}/${params.repo}` : undefined;
    if (
      fullName !== undefined &&
      (this.options.hiddenRepositories ?? []).some(
        (h) => h.toLowerCase() === fullName.toLowerCase(),
      )
    ) {
      this.send(response, 404, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest',
      });
      return;
    }
    const [status, payload, headers] = this.answer(method, operation.template, params, url, body);
    const responseProblems =
      status >= 400 ? [] : this.description.responseProblems(operation, status, payload);
    if (responseProblems.length > 0) {
      this.violations.push(
        `${method} ${operation.template} ${status} response: ${responseProblems.join('; ')}`,
      );
    }
    this.send(response, status, payload, headers);
  }

  private params(template: string, pathname: string): Record<string, string> {
    const names = template.split('/');
    const values = pathname.split('/');
    const params: Record<string, string> = {};
    names.forEach((name, index) => {
      if (name.startsWith('{')) params[name.slice(1, -1)] = decodeURIComponent(values[index] ?? '');
    });
    return params;
  }

  private answer(
    method: string,
    template: string,
    params: Record<string, string>,
    url: URL,
    body: unknown,
  ): [number, unknown, Record<string, string>?] {
    const key = `${method} ${template}`;
    const fullName = `${params.owner ?? ''}/${params.repo ?? ''}`;
    const state = (): RepoState | undefined => this.repos.get(fullName.toLowerCase());
    const notFound: [number, unknown] = [
      404,
      { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
    ];
    const input = rec(body);
    switch (key) {
      case 'GET /user':
        return [
          200,
          { ...rec(this.description.example(method, template, 200)), login: this.login },
          { 'x-oauth-scopes': this.options.scopes ?? 'repo, security_events, workflow' },
        ];
      case 'GET /user/repos':
        return [200, [...this.repos.values()].map((s) => s.repo)];
      case 'POST /user/repos': {
        const name = String(input.name);
        this.addRepository(`${this.login}/${name}`, { private: input.private !== false });
        const created = this.state(`${this.login}/${name}`);
        created.repo = { ...created.repo, description: input.description ?? null };
        return [201, created.repo];
      }
      case 'GET /repos/{owner}/{repo}': {
        const s = state();
        return s ? [200, s.repo] : notFound;
      }
      case 'PATCH /repos/{owner}/{repo}': {
        const s = state();
        if (!s) return notFound;
        const analysis = rec(input.security_and_analysis);
        if (s.repo.private === true && Object.keys(analysis).length > 0) {
          return [
            422,
            {
              message:
                'Secret scanning is not available for this repository (it needs GitHub Advanced Security)',
            },
          ];
        }
        s.settings.push(...Object.keys(analysis));
        return [200, s.repo];
      }
      case 'PUT /repos/{owner}/{repo}/topics': {
        const s = state();
        if (!s) return notFound;
        s.topics = (input.names as string[] | undefined) ?? [];
        return [200, { names: s.topics }];
      }
      case 'PUT /repos/{owner}/{repo}/vulnerability-alerts':
      case 'PUT /repos/{owner}/{repo}/automated-security-fixes': {
        const s = state();
        if (!s) return notFound;
        s.settings.push(template.split('/').pop() ?? '');
        return [204, undefined];
      }
      case 'GET /repos/{owner}/{repo}/code-scanning/alerts': {
        const s = state();
        if (!s) return notFound;
        return [
          200,
          s.codeScanningAlerts.filter((a) => a.state === (url.searchParams.get('state') ?? 'open')),
        ];
      }
      case 'PATCH /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}': {
        const alert = state()?.codeScanningAlerts.find(
          (a) => String(a.number) === params.alert_number,
        );
        if (!alert) return notFound;
        alert.state = input.state;
        alert.dismissed_reason = input.dismissed_reason ?? null;
        alert.dismissed_comment = input.dismissed_comment ?? null;
        alert.dismissed_at = new Date().toISOString();
        return [200, alert];
      }
      case 'GET /repos/{owner}/{repo}/dependabot/alerts': {
        const s = state();
        return s ? [200, s.dependabotAlerts] : notFound;
      }
      case 'GET /repos/{owner}/{repo}/actions/workflows':
      case 'GET /repos/{owner}/{repo}/actions/runs':
        return state() ? [200, this.description.example(method, template, 200)] : notFound;
      case 'GET /repos/{owner}/{repo}/releases': {
        const s = state();
        return s ? [200, s.releases] : notFound;
      }
      case 'POST /repos/{owner}/{repo}/releases': {
        const s = state();
        if (!s) return notFound;
        const example = rec(this.description.example(method, template, 201));
        const release = {
          ...example,
          id: s.releases.length + 100,
          tag_name: input.tag_name,
          name: input.name ?? input.tag_name,
          body:
            input.generate_release_notes === true
              ? `## What's Changed\n* generated notes for ${String(input.tag_name)}`
              : null,
        };
        s.releases.unshift(release);
        return [201, release];
      }
      case 'GET /repos/{owner}/{repo}/actions/secrets/public-key':
        if (!state() || !this.keyPair) return notFound;
        return [
          200,
          {
            key_id: this.keyId,
            key: sodium.to_base64(this.keyPair.publicKey, sodium.base64_variants.ORIGINAL),
          },
        ];
      case 'PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}': {
        const s = state();
        if (!s) return notFound;
        const existed = s.secrets.has(params.secret_name ?? '');
        s.secrets.set(params.secret_name ?? '', {
          encrypted_value: String(input.encrypted_value),
          key_id: String(input.key_id),
        });
        return existed ? [204, undefined] : [201, {}];
      }
      case 'POST /repos/{owner}/{repo}/code-scanning/sarifs': {
        if (!state()) return notFound;
        const id = randomUUID();
        this.uploads.push({ id, repository: fullName, body: input, polls: 0 });
        return [202, { id, url: `${this.baseUrl}/repos/${fullName}/code-scanning/sarifs/${id}` }];
      }
      case 'GET /repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}': {
        const upload = this.uploads.find((u) => u.id === params.sarif_id);
        if (!upload) return notFound;
        upload.polls += 1;
        if (upload.polls <= this.pollsUntilComplete) {
          return [200, { processing_status: 'pending', analyses_url: null }];
        }
        return [
          200,
          this.processingOutcome.status === 'complete'
            ? {
                processing_status: 'complete',
                analyses_url: `${this.baseUrl}/repos/${fullName}/code-scanning/analyses?sarif_id=${upload.id}`,
              }
            : {
                processing_status: 'failed',
                analyses_url: null,
                errors: this.processingOutcome.errors,
              },
        ];
      }
      default:
        return [404, { message: `The GitHub test server does not implement ${key}` }];
    }
  }

  private control(method: string, pathname: string, body: unknown, response: ServerResponse): void {
    if (pathname === '/__control/state') {
      this.send(response, 200, {
        requests: this.requests,
        violations: this.violations,
        uploads: this.uploads,
      });
      return;
    }
    if (pathname === '/__control/fail' && method === 'POST') {
      this.failures.push(body as ScriptedFailure);
      this.send(response, 200, {});
      return;
    }
    if (pathname === '/__control/revoke' && method === 'POST') {
      const { token } = body as { token?: unknown };
      if (typeof token === 'string') this.revoked.add(token);
      this.send(response, 200, {});
      return;
    }
    if (pathname === '/__control/alert' && method === 'GET') {
      this.send(response, 200, this.repos.get('octo-org/demo-app')?.codeScanningAlerts ?? []);
      return;
    }
    this.send(response, 404, { message: 'unknown control' });
  }

  private send(
    response: ServerResponse,
    status: number,
    payload: unknown,
    headers: Record<string, string> = {},
  ): void {
    const text = payload === undefined ? '' : JSON.stringify(payload);
    response.writeHead(status, {
      ...(text === '' ? {} : { 'content-type': 'application/json; charset=utf-8' }),
      'x-github-api-version-selected': '2022-11-28',
      ...headers,
    });
    response.end(text);
  }
}
