import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AiProvider } from '../../core/ai/aiProvider';
import type * as AiProviderModule from '../../core/ai/aiProviderRuntime';
import { UsageLedger } from '../../core/ai/usageLedger';
import type { AuditRecorder } from '../../core/audit/auditEvent';
import { AuditLog } from '../../core/audit/auditLog';
import type { ProviderId } from '../../core/providers/providerId';
import { ProviderRegistry } from '../../core/providers/providerRegistry';
import type { ProviderStatus } from '../../core/providers/providerStatus';
import type { Redactor } from '../../core/redaction/redactor';
import { OwnWritesSecretStore } from '../../core/secrets/ownWritesSecretStore';
import { RedactingSecretStore } from '../../core/secrets/redactingSecretStore';
import { secretKeys } from '../../core/secrets/secretKeys';
import type { AiServices } from '../ai/aiServices';
import { registerAi, type AiCommandId } from '../ai/registerAi';
import { aiConfigurationKey, readAiSettings } from '../ai/aiSettingsReader';
import { showAuditLog } from '../audit/showAuditLog';
import type { CommandHandlers } from '../commands/commandIds';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import type { ProviderCommandServices } from './providerCommands';
import type * as ProviderCommands from './providerCommandsRuntime';
import type { ProviderAccount, ProvidersViewHost } from './providerSection';
import { ProvidersTreeProvider } from './providersTreeProvider';
import { VscodeSecretStore } from './vscodeSecretStore';

let commandsModule: typeof ProviderCommands | undefined;
let aiProviderModule: typeof AiProviderModule | undefined;

/** The AI provider's code, loaded when it is first built (dist/ai-provider-runtime.js). */
function loadAiProvider(): typeof AiProviderModule {
  // A lazy require: the build turns it into a require of dist/ai-provider-runtime.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  aiProviderModule ??= require('../../core/ai/aiProviderRuntime') as typeof AiProviderModule;
  return aiProviderModule;
}

/** The commands' code, loaded on first use (dist/provider-commands-runtime.js in the build). */
function load(): typeof ProviderCommands {
  // A lazy require: the build turns it into a require of dist/provider-commands-runtime.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  commandsModule ??= require('./providerCommandsRuntime') as typeof ProviderCommands;
  return commandsModule;
}

export type ProvidersCommandId =
  | 'openpypi.providers.refresh'
  | 'openpypi.providers.signIn'
  | 'openpypi.providers.signOut'
  | 'openpypi.providers.validate'
  | 'openpypi.audit.showLog'
  | AiCommandId;

export interface ProvidersFeature {
  readonly commands: Pick<CommandHandlers, ProvidersCommandId>;
  /** Other features record their security events here (scan started/finished, …). */
  readonly audit: AuditRecorder;
  /** Where the Docker, GitHub, Database and Cloud features plug their rows into the view. */
  readonly view: ProvidersViewHost;
  /**
   * SecretStorage behind the redactor (every value read or stored is redacted from logs); it
   * tells changes made in another window from the echoes of this window's own writes.
   */
  readonly secrets: OwnWritesSecretStore;
  /** The cached status of a built provider (no round trip); undefined when not built yet. */
  status(id: ProviderId): ProviderStatus | undefined;
  /** The AI provider's services, for features that ask the model (Create Python Project). */
  readonly aiServices: AiServices;
  /** A feature that owns its provider's sign-in (GitHub) plugs it into the provider commands. */
  addAccount(id: ProviderId, account: ProviderAccount): vscode.Disposable;
  /** The Providers view's data, for the extension API (tests walk the rows through it). */
  readonly tree: vscode.TreeDataProvider<unknown>;
}

/**
 * The Providers view, sign in/out with tokens in SecretStorage, the audit log and the AI
 * commands. Nothing here touches the network, the keychain or the disk at activation: the
 * AI runtime loads when the view first shows the AI provider or a command needs it.
 */
export function registerProviders(
  context: vscode.ExtensionContext,
  services: { readonly log: ExtensionLog; readonly redactor: Redactor },
): ProvidersFeature {
  const { log, redactor } = services;
  const secrets = new OwnWritesSecretStore(
    new RedactingSecretStore(new VscodeSecretStore(context.secrets), redactor),
  );
  const audit = new AuditLog({
    file: path.join(context.globalStorageUri.fsPath, 'audit.jsonl'),
    redactor,
    logger: log,
  });
  const usage = new UsageLedger(context.globalState);
  const registry = new ProviderRegistry(
    [
      {
        id: 'ai',
        configurationKey: aiConfigurationKey,
        create: () =>
          loadAiProvider().AiProvider.create({
            settings: readAiSettings(),
            secrets,
            usage,
            audit,
            logger: log,
          }),
      },
    ],
    log,
  );
  const aiProvider = async (): Promise<AiProvider> => {
    const provider = await registry.get('ai');
    if (!(provider instanceof loadAiProvider().AiProvider)) {
      throw new Error('The AI provider is not available.');
    }
    return provider;
  };
  const tree = new ProvidersTreeProvider(registry);
  const treeView = vscode.window.createTreeView('openpypi.providers', {
    treeDataProvider: tree,
    canSelectMany: true,
  });
  const accounts = new Map<ProviderId, ProviderAccount>();
  const commandServices: ProviderCommandServices = {
    accounts,
    registry,
    secrets,
    audit,
    redactor,
    log,
    aiProvider,
  };
  const openSignIn = (id: unknown): Promise<unknown> =>
    load().signIn(commandServices, id, undefined);

  context.subscriptions.push(
    registry,
    tree,
    treeView,
    // The echo of this window's own sign-in or sign-out is not a change: sign-in already rebuilt
    // and validated the provider, and rebuilding it again would lose that validated status.
    secrets.onDidChangeWithOrigin((key, origin) => {
      if (key !== secretKeys.ai) return;
      if (origin === 'here') {
        log.info('SecretStorage confirmed the AI key change made in this window.');
        return;
      }
      log.info('The AI key was changed in another window: the AI provider is rebuilt.');
      registry.invalidate('ai');
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('openpypi.ai')) registry.invalidate('ai');
    }),
  );
  // Known tokens are registered with the redactor on their first read; reading the stored
  // key right after activation (not during it) makes that first read early.
  setTimeout(() => {
    void secrets.get(secretKeys.ai).catch(() => undefined);
  }, 0);

  const aiServices: AiServices = {
    log,
    redactor,
    audit,
    aiProvider,
    signIn: () => load().signIn(commandServices, 'ai', undefined),
    providersChanged: () => {
      tree.refresh();
    },
  };
  const ai = registerAi(context, aiServices);
  const view: ProvidersViewHost = {
    addSection: (section) => tree.addSection(section),
    get visible() {
      return treeView.visible;
    },
    onDidChangeVisibility: (listener, thisArgs, disposables) =>
      treeView.onDidChangeVisibility(
        (event) => {
          listener.call(thisArgs, event.visible);
        },
        undefined,
        disposables,
      ),
    reveal: (providerId, element, options) =>
      treeView.reveal(tree.nodeFor(providerId, element), options),
  };
  return {
    audit,
    view,
    secrets,
    aiServices,
    status: (id) => accounts.get(id)?.status ?? registry.status(id),
    tree,
    addAccount: (id, account) => {
      accounts.set(id, account);
      return new vscode.Disposable(() => {
        if (accounts.get(id) === account) accounts.delete(id);
      });
    },
    commands: {
      'openpypi.providers.refresh': () => {
        tree.refresh();
      },
      'openpypi.providers.signIn': (target, options) =>
        load().signIn(commandServices, target, options),
      'openpypi.providers.signOut': (target) => load().signOut(commandServices, target),
      'openpypi.providers.validate': (target) =>
        load().validate(commandServices, target, openSignIn),
      'openpypi.audit.showLog': () => showAuditLog(audit),
      ...ai,
    },
  };
}
