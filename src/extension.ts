import type * as vscode from 'vscode';
import type { Finding } from './core/findings/finding';
import type { ProviderId } from './core/providers/providerId';
import type { ProviderStatus } from './core/providers/providerStatus';
import { Redactor } from './core/redaction/redactor';
import { registerCloud } from './features/cloud/registerCloud';
import { registerCommands } from './features/commands/registerCommands';
import { registerDatabase, type DatabaseApi } from './features/database/registerDatabase';
import { registerGenerator } from './features/generator/registerGenerator';
import { registerDocker, type DockerApi } from './features/docker/registerDocker';
import { createOutputChannelLogger } from './features/logging/outputChannelLogger';
import { registerGithub } from './features/github/registerGithub';
import { registerProviders } from './features/providers/registerProviders';
import { registerSecurity, type SecurityFeature } from './features/security/registerSecurity';

/** What activate() returns: a small typed API for tests and other extensions. */
export interface OpenPypiApi {
  readonly version: string;
  /** Every security finding the editor shows now (scans and imports, all folders). */
  findings(): readonly Finding[];
  /** The Security Findings view: grouping, filter, badge and rows (see SecurityFeature). */
  findingsView: SecurityFeature['findingsView'];
  /** Resolves when no scan on save is waiting or running. */
  whenScansOnSaveIdle(): Promise<void>;
  /** A provider's status as the Providers view shows it now (no round trip to the service). */
  providerStatus(id: ProviderId): ProviderStatus | undefined;
  /** The Database section of the Providers view, as rows. */
  readonly database: DatabaseApi;
  /** The Providers view's rows as VS Code gets them (getChildren/getTreeItem). */
  readonly providersView: vscode.TreeDataProvider<unknown>;
  /** The Docker section of the Providers view, as rows. */
  readonly docker: DockerApi;
}

export function activate(context: vscode.ExtensionContext): OpenPypiApi {
  const redactor = new Redactor();
  const log = createOutputChannelLogger(redactor);
  context.subscriptions.push(log);

  const providers = registerProviders(context, { log, redactor });
  const security = registerSecurity(context, log, redactor, providers.audit);
  const cloud = registerCloud(context, {
    log,
    redactor,
    audit: providers.audit,
    view: providers.view,
    secrets: providers.secrets,
    scanFiles: (request) => security.scanFiles(request),
  });
  const database = registerDatabase(context, {
    log,
    redactor,
    audit: providers.audit,
    view: providers.view,
    secrets: providers.secrets,
  });
  const generator = registerGenerator(context, { log, ai: providers.aiServices });
  const github = registerGithub(context, {
    log,
    redactor,
    audit: providers.audit,
    view: providers.view,
    secrets: providers.secrets,
    store: security.store,
    addAccount: (id, account) => providers.addAccount(id, account),
  });
  const docker = registerDocker(context, {
    log,
    redactor,
    audit: providers.audit,
    view: providers.view,
    publishRuns: (folder, source, runs) => security.publishRuns(folder, source, runs),
  });
  context.subscriptions.push(
    ...registerCommands(
      {
        ...security.commands,
        ...providers.commands,
        ...database.commands,
        ...cloud,
        ...generator,
        ...github,
        ...docker.commands,
      },
      log,
    ),
  );

  const version = String((context.extension.packageJSON as { version?: unknown }).version);
  log.info(`OpenPypi ${version} activated`);
  return {
    version,
    findings: () => security.store.findings(),
    findingsView: (options) => security.findingsView(options),
    whenScansOnSaveIdle: () => security.whenScansOnSaveIdle(),
    providerStatus: (id) => providers.status(id),
    database: database.api,
    providersView: providers.tree,
    docker: docker.api,
  };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
