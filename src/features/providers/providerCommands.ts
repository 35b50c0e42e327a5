import * as vscode from 'vscode';
import type { AiProvider } from '../../core/ai/aiProvider';
import { aiHost, isOpenAiEndpoint } from '../../core/ai/aiSettings';
import { apiKeyProblem } from '../../core/ai/apiKeyFormat';
import type { AuditRecorder } from '../../core/audit/auditEvent';
import { plannedProviders } from '../../core/providers/plannedProviders';
import type { ProviderId } from '../../core/providers/providerId';
import type { ProviderRegistry } from '../../core/providers/providerRegistry';
import type { ProviderStatus } from '../../core/providers/providerStatus';
import type { Redactor } from '../../core/redaction/redactor';
import { secretKeys } from '../../core/secrets/secretKeys';
import type { SecretStore } from '../../core/secrets/secretStore';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import { fromRuntime } from '../ai/runtimeErrors';
import { offerActions } from '../messages/offerActions';
import { offerSignInAgain } from '../messages/offerSignInAgain';
import { providerFromArgument, signInOptions } from './providerTarget';
import type { ProviderAccount } from './providerSection';
import { SecretStorageUnavailableError } from './vscodeSecretStore';
import { withCancellableProgress } from '../progress/withCancellableProgress';

export interface ProviderCommandServices {
  readonly registry: ProviderRegistry;
  readonly secrets: SecretStore;
  readonly audit: AuditRecorder;
  readonly redactor: Redactor;
  readonly log: ExtensionLog;
  aiProvider(): Promise<AiProvider>;
  /** Providers whose feature owns sign-in (GitHub), by id. */
  readonly accounts: ReadonlyMap<ProviderId, ProviderAccount>;
}

function accountFor(services: ProviderCommandServices, arg: unknown): ProviderAccount | undefined {
  const id = providerFromArgument(arg);
  return id === undefined ? undefined : services.accounts.get(id);
}

/** The provider id, or a message saying why this provider cannot be used yet. */
function availableProvider(
  services: ProviderCommandServices,
  arg: unknown,
): ProviderId | undefined {
  const id = providerFromArgument(arg);
  if (id === undefined) {
    throw new Error(
      `Unknown provider ${JSON.stringify(arg)}: use one of ai, github, docker, cloud, database.`,
    );
  }
  if (!services.registry.has(id)) {
    const planned = plannedProviders.find((p) => p.id === id);
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        '{0} arrives in a later version of OpenPypi. {1}',
        planned?.label ?? id,
        planned?.plannedFeatures ?? '',
      ),
    );
    return undefined;
  }
  return id;
}

/** No OS keyring: the user's to fix (a runtime argument), so a warning that offers the fix. */
async function showSecretStorageFailure(
  log: ExtensionLog,
  error: SecretStorageUnavailableError,
): Promise<void> {
  const configure = vscode.l10n.t('Configure Runtime Arguments');
  const choice = await offerActions(log, 'warning', error.message, configure);
  if (choice === configure) {
    await vscode.commands.executeCommand('workbench.action.configureRuntimeArguments');
  }
}

/**
 * Sign In: a password box (or the key from automation), format checked, then checked against
 * the service before it is stored in SecretStorage; "Store Anyway" when the service cannot be
 * reached. Resolves with the provider's new status, or undefined when nothing was stored.
 */
export async function signIn(
  services: ProviderCommandServices,
  arg: unknown,
  rawOptions: unknown,
): Promise<ProviderStatus | undefined> {
  const account = accountFor(services, arg);
  if (account !== undefined) return account.signIn(rawOptions);
  const id = availableProvider(services, arg);
  if (id === undefined) return undefined;
  const options = signInOptions(rawOptions);
  const provider = await services.aiProvider();
  const settings = provider.settings;
  const host = aiHost(settings);
  const openAi = isOpenAiEndpoint(settings);
  const key =
    options.apiKey ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Sign in to the AI provider ({0})', host),
      prompt: openAi
        ? vscode.l10n.t(
            'Paste your OpenAI API key (sk-… or sk-proj-…). It is kept in your OS keychain, never in settings.',
          )
        : vscode.l10n.t(
            'Paste the API key or token for {0}. It is kept in your OS keychain, never in settings.',
            host,
          ),
      placeHolder: openAi ? 'sk-proj-…' : vscode.l10n.t('API key'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => apiKeyProblem(value, openAi),
    }));
  if (key === undefined) return undefined;
  const trimmed = key.trim();
  services.redactor.addSecret(trimmed);
  const problem = apiKeyProblem(trimmed, openAi);
  if (problem) throw new Error(problem);

  const check = await withCancellableProgress(
    vscode.l10n.t('Checking the key with {0}…', host),
    (signal) => provider.check(trimmed, signal),
  ).catch((error: unknown) => {
    throw fromRuntime(error);
  });

  if (check.verdict === 'rejected') {
    const reason = check.status.kind === 'error' ? check.status.reason : '';
    void offerSignInAgain(services.log, vscode.l10n.t('The key was not stored: {0}', reason), id);
    return check.status;
  }
  if (check.verdict === 'unreachable') {
    const reason = check.status.kind === 'error' ? check.status.reason : '';
    const storeAnyway = vscode.l10n.t('Store Anyway');
    const store =
      options.storeAnyway ??
      (await vscode.window.showWarningMessage(
        vscode.l10n.t('The key could not be checked: {0}', reason),
        {
          modal: true,
          detail: vscode.l10n.t(
            'Store it unchecked? You can validate it later from the Providers view.',
          ),
        },
        storeAnyway,
      )) === storeAnyway;
    if (!store) return check.status;
  }
  try {
    await services.secrets.store(secretKeys[id], trimmed);
  } catch (error) {
    if (error instanceof SecretStorageUnavailableError) {
      void showSecretStorageFailure(services.log, error);
      return undefined;
    }
    throw error;
  }
  await services.audit.record({
    type: 'token.stored',
    provider: id,
    validated: check.verdict === 'accepted',
  });
  services.registry.invalidate(id);
  const rebuilt = await services.registry.get(id);
  const status =
    check.verdict === 'accepted' ? await services.registry.validate(id) : rebuilt.status;
  void vscode.window.showInformationMessage(
    status.kind === 'connected'
      ? vscode.l10n.t('Signed in to {0}: {1} at {2}.', rebuilt.label, status.who, status.detail)
      : vscode.l10n.t(
          'The key for {0} is stored. {1}',
          rebuilt.label,
          status.kind === 'error' ? status.reason : '',
        ),
  );
  return status;
}

/** Sign Out: deletes the provider's key from SecretStorage. */
export async function signOut(services: ProviderCommandServices, arg: unknown): Promise<boolean> {
  const account = accountFor(services, arg);
  if (account !== undefined) return account.signOut();
  const id = availableProvider(services, arg);
  if (id === undefined) return false;
  const had = (await services.secrets.get(secretKeys[id])) !== undefined;
  try {
    await services.secrets.delete(secretKeys[id]);
  } catch (error) {
    if (error instanceof SecretStorageUnavailableError) {
      void showSecretStorageFailure(services.log, error);
      return false;
    }
    throw error;
  }
  if (had) {
    await services.audit.record({ type: 'token.removed', provider: id });
  }
  services.registry.invalidate(id);
  void vscode.window.showInformationMessage(
    had
      ? vscode.l10n.t('Signed out: the {0} key was deleted from the keychain.', id)
      : vscode.l10n.t('No {0} key was stored.', id),
  );
  return had;
}

/** Validate (and Retry): one round trip; an error says why and offers what helps. */
export async function validate(
  services: ProviderCommandServices,
  arg: unknown,
  openSignIn: (id: ProviderId) => Promise<unknown>,
): Promise<ProviderStatus | undefined> {
  const id =
    accountFor(services, arg) === undefined
      ? availableProvider(services, arg)
      : providerFromArgument(arg);
  if (id === undefined) return undefined;
  const account = services.accounts.get(id);
  const status = await withCancellableProgress(vscode.l10n.t('Validating {0}…', id), (signal) =>
    account !== undefined ? account.validate(signal) : services.registry.validate(id, signal),
  ).catch((error: unknown) => {
    throw fromRuntime(error);
  });
  services.log.info(
    `Validated ${id}: ${status.kind === 'connected' ? `${status.who} at ${status.detail}` : status.kind === 'error' ? status.reason : 'not configured'}`,
  );
  if (status.kind === 'error') {
    const retry = vscode.l10n.t('Retry');
    const signInLabel = vscode.l10n.t('Sign In');
    void vscode.window
      .showWarningMessage(status.reason, retry, signInLabel)
      .then(async (choice) => {
        if (choice === retry) await validate(services, id, openSignIn);
        if (choice === signInLabel) await openSignIn(id);
      });
  } else if (status.kind === 'not-configured') {
    const signInLabel = vscode.l10n.t('Sign In');
    void offerActions(
      services.log,
      'information',
      vscode.l10n.t('{0} is not configured. {1}', id, status.hint),
      signInLabel,
    ).then(async (choice) => {
      if (choice === signInLabel) await openSignIn(id);
    });
  }
  return status;
}
