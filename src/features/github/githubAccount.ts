import * as vscode from 'vscode';
import type { AuditRecorder } from '../../core/audit/auditEvent';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import { isDotCom, webHost } from '../../core/github/githubApiUrl';
import type { GithubClient } from '../../core/github/githubClient';
import type { GithubAccount } from '../../core/github/githubModel';
import { GithubRequestError } from '../../core/github/githubRequestError';
import {
  connected,
  failed,
  notConfigured,
  type ProviderStatus,
} from '../../core/providers/providerStatus';
import type { Redactor } from '../../core/redaction/redactor';
import { secretKeys } from '../../core/secrets/secretKeys';
import type { SecretStore } from '../../core/secrets/secretStore';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import { offerSignInAgain } from '../messages/offerSignInAgain';
import type { ProviderAccount } from '../providers/providerSection';
import { readGithubApiUrl } from './githubSettings';
import { githubScopes, missingScopes } from './githubScopes';
import { loadGithubRuntime } from './githubRuntimeLoader';

export interface GithubAccountServices {
  readonly secrets: SecretStore;
  readonly audit: AuditRecorder;
  readonly redactor: Redactor;
  readonly log: ExtensionLog;
}

/** Where the token in use came from. */
type TokenSource = 'token' | 'vscode';

function signInOptions(value: unknown): { token?: string; method?: TokenSource } {
  if (typeof value !== 'object' || value === null) return {};
  const record = value as Record<string, unknown>;
  return {
    ...(typeof record.token === 'string' ? { token: record.token } : {}),
    ...(record.method === 'token' || record.method === 'vscode' ? { method: record.method } : {}),
  };
}

function tokenProblem(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return vscode.l10n.t('Paste a token.');
  if (/\s/.test(trimmed)) return vscode.l10n.t('A token has no spaces.');
  return undefined;
}

/**
 * The GitHub account: a personal access token in SecretStorage (GitHub.com or Enterprise
 * Server), else VS Code's built-in GitHub sign-in (GitHub.com), asked only for the scopes an
 * action needs. Keeps the last known status (login and scopes, or "sign in again").
 */
export class GithubAccountService implements ProviderAccount {
  private known: ProviderStatus | undefined;
  private accountInfo: GithubAccount | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly services: GithubAccountServices) {}

  /** The last known status, undefined before the first check. */
  get status(): ProviderStatus | undefined {
    return this.known;
  }

  get account(): GithubAccount | undefined {
    return this.accountInfo;
  }

  dispose(): void {
    this.changed.dispose();
  }

  private setStatus(status: ProviderStatus, account?: GithubAccount): ProviderStatus {
    this.known = status;
    this.accountInfo = account;
    this.changed.fire();
    return status;
  }

  private statusOf(account: GithubAccount, source: TokenSource): ProviderStatus {
    const apiUrl = readGithubApiUrl();
    const scopes =
      account.scopes === undefined
        ? vscode.l10n.t('fine-grained token')
        : account.scopes.join(', ') || vscode.l10n.t('no scopes');
    return connected(
      account.login,
      `${webHost(apiUrl)} (${scopes})${source === 'vscode' ? ` · ${vscode.l10n.t('VS Code account')}` : ''}`,
    );
  }

  /** A token for `scopes`: the stored one, else VS Code's GitHub session (silent unless asked). */
  private async token(
    scopes: readonly string[],
    interactive: boolean,
  ): Promise<{ token: string; source: TokenSource } | undefined> {
    const stored = await this.services.secrets.get(secretKeys.github);
    if (stored !== undefined && stored !== '') return { token: stored, source: 'token' };
    if (!isDotCom(readGithubApiUrl())) return undefined;
    const session = await vscode.authentication.getSession(
      'github',
      [...scopes],
      interactive ? { createIfNone: true } : { silent: true },
    );
    if (session === undefined) return undefined;
    this.services.redactor.addSecret(session.accessToken);
    return { token: session.accessToken, source: 'vscode' };
  }

  private async clientFor(token: string): Promise<GithubClient> {
    const runtime = await loadGithubRuntime();
    return new runtime.GithubClient(
      runtime.createOctokit({
        baseUrl: readGithubApiUrl(),
        token,
        userAgent: 'openpypi-vscode',
        log: (message) => {
          this.services.log.info(`GitHub: ${message}`);
        },
      }),
    );
  }

  /**
   * A client for an action: signs in first when there is no token (or fails quietly when the
   * user gives up); a classic token without a needed scope is refused with what to do.
   */
  async client(
    scopes: readonly string[] = githubScopes.read,
    options: { interactive?: boolean } = {},
  ): Promise<{ client: GithubClient; token: string }> {
    const interactive = options.interactive ?? true;
    let found = await this.token(scopes, interactive);
    if (found === undefined && interactive) {
      await this.signIn(undefined);
      found = await this.token(scopes, false);
    }
    if (found === undefined) {
      if (interactive) throw new CancelledError();
      throw new UserError(vscode.l10n.t('Sign in to GitHub first.'));
    }
    const missing = found.source === 'token' ? missingScopes(scopes, this.accountInfo?.scopes) : [];
    if (missing.length > 0) {
      throw new UserError(
        vscode.l10n.t(
          'The stored GitHub token lacks the scope(s) {0} this action needs. Create a token with them and sign in again.',
          missing.join(', '),
        ),
      );
    }
    return { client: await this.clientFor(found.token), token: found.token };
  }

  async validate(signal?: AbortSignal): Promise<ProviderStatus> {
    const found = await this.token(githubScopes.read, false);
    if (found === undefined) {
      return this.setStatus(
        notConfigured(
          vscode.l10n.t('Sign in with your GitHub account or a personal access token.'),
        ),
      );
    }
    try {
      const client = await this.clientFor(found.token);
      const account = await client.account(signal);
      return this.setStatus(this.statusOf(account, found.source), account);
    } catch (error) {
      if (error instanceof GithubRequestError) {
        this.services.log.warn(error.message);
        return this.setStatus(
          failed(
            error.failure.kind === 'unauthorized'
              ? vscode.l10n.t('The token expired or was revoked: sign in again.')
              : error.message,
          ),
        );
      }
      throw error;
    }
  }

  async signIn(rawOptions: unknown): Promise<ProviderStatus | undefined> {
    const options = signInOptions(rawOptions);
    const apiUrl = readGithubApiUrl();
    let method = options.method ?? (options.token !== undefined ? 'token' : undefined);
    if (method === undefined) {
      if (isDotCom(apiUrl)) {
        const vscodeItem = {
          label: vscode.l10n.t('$(github) Sign in with GitHub'),
          detail: vscode.l10n.t(
            "VS Code's GitHub account; each action asks only for the scopes it needs.",
          ),
          method: 'vscode' as const,
        };
        const tokenItem = {
          label: vscode.l10n.t('$(key) Use a personal access token'),
          detail: vscode.l10n.t('Kept in your OS keychain (SecretStorage), never in settings.'),
          method: 'token' as const,
        };
        const choice = await vscode.window.showQuickPick([vscodeItem, tokenItem], {
          title: vscode.l10n.t('Sign in to GitHub'),
        });
        if (choice === undefined) return undefined;
        method = choice.method;
      } else {
        method = 'token';
      }
    }
    if (method === 'vscode') {
      await vscode.authentication.getSession('github', [...githubScopes.read], {
        createIfNone: true,
      });
      return this.validate();
    }
    const token =
      options.token ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Sign in to GitHub ({0})', webHost(apiUrl)),
        prompt: vscode.l10n.t(
          'Paste a personal access token (classic with the scopes repo and security_events, or fine-grained). It is kept in your OS keychain.',
        ),
        password: true,
        ignoreFocusOut: true,
        validateInput: tokenProblem,
      }));
    if (token === undefined) return undefined;
    const trimmed = token.trim();
    this.services.redactor.addSecret(trimmed);
    const problem = tokenProblem(trimmed);
    if (problem !== undefined) throw new UserError(problem);
    let account: GithubAccount;
    try {
      account = await (await this.clientFor(trimmed)).account();
    } catch (error) {
      if (error instanceof GithubRequestError) {
        void offerSignInAgain(
          this.services.log,
          vscode.l10n.t('The GitHub token was not stored: {0}', error.message),
          'github',
        );
        return failed(error.message);
      }
      throw error;
    }
    await this.services.secrets.store(secretKeys.github, trimmed);
    await this.services.audit.record({ type: 'token.stored', provider: 'github', validated: true });
    const status = this.setStatus(this.statusOf(account, 'token'), account);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Signed in to GitHub as {0}.', account.login),
    );
    return status;
  }

  async signOut(): Promise<boolean> {
    const had = (await this.services.secrets.get(secretKeys.github)) !== undefined;
    await this.services.secrets.delete(secretKeys.github);
    if (had) await this.services.audit.record({ type: 'token.removed', provider: 'github' });
    this.setStatus(
      notConfigured(vscode.l10n.t('Sign in with your GitHub account or a personal access token.')),
    );
    void vscode.window.showInformationMessage(
      had
        ? vscode.l10n.t('Signed out: the GitHub token was deleted from the keychain.')
        : vscode.l10n.t(
            'No GitHub token was stored. A VS Code GitHub account is signed out from the Accounts menu.',
          ),
    );
    return had;
  }

  /** Called when a request found the token revoked: the view shows "sign in again". */
  markRevoked(): void {
    this.setStatus(failed(vscode.l10n.t('The token expired or was revoked: sign in again.')));
  }
}
