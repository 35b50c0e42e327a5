import * as vscode from 'vscode';
import type { AuditRecorder } from '../../core/audit/auditEvent';
import type { FindingsStore } from '../../core/findings/findingsStore';
import { GithubRequestError } from '../../core/github/githubRequestError';
import type { Redactor } from '../../core/redaction/redactor';
import { secretKeys } from '../../core/secrets/secretKeys';
import type { OwnWritesSecretStore } from '../../core/secrets/ownWritesSecretStore';
import type { CommandHandlers } from '../commands/commandIds';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import type { ProviderAccount, ProvidersViewHost } from '../providers/providerSection';
import { GithubAccountService } from './githubAccount';
import { GithubAlertCodeActions } from './githubAlertCodeActions';
import type * as GithubCommands from './githubCommandsRuntime';
import { GithubSection } from './githubSection';
import type { GithubServices } from './githubServices';

let commandsModule: typeof GithubCommands | undefined;

/** The commands' code, loaded on first use (dist/github-commands-runtime.js in the build). */
function load(): typeof GithubCommands {
  // A lazy require: the build turns it into a require of dist/github-commands-runtime.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  commandsModule ??= require('./githubCommandsRuntime') as typeof GithubCommands;
  return commandsModule;
}

export type GithubCommandId =
  | 'openpypi.github.createRepository'
  | 'openpypi.github.addDependabot'
  | 'openpypi.github.addSecurityWorkflow'
  | 'openpypi.github.setSecret'
  | 'openpypi.github.uploadSarif'
  | 'openpypi.github.showAlerts'
  | 'openpypi.github.createRelease'
  | 'openpypi.github.dismissAlert';

export interface GithubFeatureServices {
  readonly log: ExtensionLog;
  readonly redactor: Redactor;
  readonly audit: AuditRecorder;
  readonly view: ProvidersViewHost;
  readonly secrets: OwnWritesSecretStore;
  readonly store: FindingsStore;
  addAccount(id: 'github', account: ProviderAccount): vscode.Disposable;
}

/**
 * The GitHub provider: its rows in the Providers view, its sign-in behind
 * openpypi.providers.signIn, the GitHub commands and the dismiss light bulb on its alerts.
 * Nothing here loads Octokit or libsodium, spawns git or touches the network at activation.
 */
export function registerGithub(
  context: vscode.ExtensionContext,
  feature: GithubFeatureServices,
): Pick<CommandHandlers, GithubCommandId> {
  const account = new GithubAccountService(feature);
  const section = new GithubSection(account, feature.log);
  const services: GithubServices = {
    account,
    log: feature.log,
    redactor: feature.redactor,
    audit: feature.audit,
    store: feature.store,
    refreshView: () => {
      section.refresh();
    },
  };
  context.subscriptions.push(
    account,
    section,
    feature.view.addSection(section),
    feature.addAccount('github', account),
    // A token stored or deleted in another window; this window's own sign-in set the status.
    feature.secrets.onDidChangeWithOrigin((key, origin) => {
      if (key === secretKeys.github && origin === 'elsewhere') {
        void account.validate().catch(() => undefined);
      }
    }),
    vscode.authentication.onDidChangeSessions((event) => {
      if (event.provider.id === 'github') void account.validate().catch(() => undefined);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('openpypi.github.apiUrl')) {
        void account.validate().catch(() => undefined);
      }
    }),
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new GithubAlertCodeActions(), {
      providedCodeActionKinds: GithubAlertCodeActions.kinds,
    }),
  );
  // A request GitHub answers 401 means the token expired or was revoked: the GitHub row turns
  // into "sign in again" whichever command found out.
  const revokedOnUnauthorized =
    (run: (...args: unknown[]) => unknown) =>
    async (...args: unknown[]): Promise<unknown> => {
      try {
        return await run(...args);
      } catch (error) {
        if (error instanceof GithubRequestError && error.failure.kind === 'unauthorized') {
          account.markRevoked();
        }
        throw error;
      }
    };
  const commands: Pick<CommandHandlers, GithubCommandId> = {
    'openpypi.github.createRepository': (options) => load().createRepository(services, options),
    'openpypi.github.addDependabot': (options) => load().addDependabot(options),
    'openpypi.github.addSecurityWorkflow': (options) => load().addSecurityWorkflow(options),
    'openpypi.github.setSecret': (repository, options) =>
      load().setSecret(services, repository, options),
    'openpypi.github.uploadSarif': (file, options) => load().uploadSarif(services, file, options),
    'openpypi.github.showAlerts': (repository, options) =>
      load().showAlerts(services, repository, options),
    'openpypi.github.createRelease': (repository, options) =>
      load().createRelease(services, repository, options),
    'openpypi.github.dismissAlert': (alert, options) =>
      load().dismissAlert(services, alert, options),
  };
  return Object.fromEntries(
    Object.entries(commands).map(([id, handler]) => [id, revokedOnUnauthorized(handler)]),
  ) as Pick<CommandHandlers, GithubCommandId>;
}
