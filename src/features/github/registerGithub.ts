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
import { LazySection } from '../providers/lazySection';
import type { GithubAccountService } from './githubAccount';
import { registerQuickFixes } from '../commands/registerQuickFixes';
import { githubAlertQuickFixes } from './githubAlertCodeActions';
import type * as GithubCommands from './githubCommandsRuntime';
import type { GithubNode } from './githubNodes';
import type { GithubSection } from './githubSection';
import type { GithubServices } from './githubServices';
import type * as GithubView from './githubViewRuntime';

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
  // The account and the section load (dist/github-view-runtime.js) when the view first draws
  // the GitHub row or something needs the account; until then its status is unknown, as it is
  // before an account's first check.
  let view: ReturnType<typeof GithubView.createGithubView> | undefined;
  const loadView = (): ReturnType<typeof GithubView.createGithubView> => {
    if (view === undefined) {
      // A lazy require: the build turns it into a require of dist/github-view-runtime.js.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      view = (require('./githubViewRuntime') as typeof GithubView).createGithubView(feature);
      context.subscriptions.push(view.account, view.section);
    }
    return view;
  };
  const section = new LazySection<GithubNode, GithubSection>('github', () => loadView().section);
  const loadAccount = (): GithubAccountService => {
    // Through the view's stand-in, so the section's redraws reach the view from the start.
    section.load();
    return loadView().account;
  };
  const services: GithubServices = {
    get account() {
      return loadAccount();
    },
    log: feature.log,
    redactor: feature.redactor,
    audit: feature.audit,
    store: feature.store,
    refreshView: () => {
      section.ifBuilt?.refresh();
    },
  };
  const validate = (): void => {
    void loadAccount()
      .validate()
      .catch(() => undefined);
  };
  context.subscriptions.push(
    section,
    feature.view.addSection(section),
    feature.addAccount('github', {
      signIn: (options) => loadAccount().signIn(options),
      signOut: () => loadAccount().signOut(),
      validate: (signal) => loadAccount().validate(signal),
      get status() {
        return view?.account.status;
      },
    }),
    // A token stored or deleted in another window; this window's own sign-in set the status.
    feature.secrets.onDidChangeWithOrigin((key, origin) => {
      if (key === secretKeys.github && origin === 'elsewhere') validate();
    }),
    vscode.authentication.onDidChangeSessions((event) => {
      if (event.provider.id === 'github') validate();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('openpypi.github.apiUrl')) validate();
    }),
    registerQuickFixes({ scheme: 'file' }, githubAlertQuickFixes),
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
          loadAccount().markRevoked();
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
