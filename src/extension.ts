import * as vscode from 'vscode';
import { Redactor } from './core/redaction/redactor';
import { registerCommands } from './features/commands/registerCommands';
import { createOutputChannelLogger } from './features/logging/outputChannelLogger';
import { ProvidersTreeProvider } from './features/providers/providersTreeProvider';
import { FindingsTreeProvider } from './features/security/findingsTreeProvider';

/** What activate() returns: a small typed API for tests and other extensions. */
export interface OpenPypiApi {
  readonly version: string;
}

export function activate(context: vscode.ExtensionContext): OpenPypiApi {
  const redactor = new Redactor();
  const log = createOutputChannelLogger(redactor);
  context.subscriptions.push(log);

  const providers = new ProvidersTreeProvider();
  const findings = new FindingsTreeProvider();
  context.subscriptions.push(
    providers,
    findings,
    vscode.window.createTreeView('openpypi.providers', { treeDataProvider: providers }),
    vscode.window.createTreeView('openpypi.findings', { treeDataProvider: findings }),
    ...registerCommands(
      {
        'openpypi.security.showLog': () => {
          log.show();
        },
        'openpypi.providers.refresh': () => {
          providers.refresh();
        },
      },
      log,
    ),
  );

  const version = String((context.extension.packageJSON as { version?: unknown }).version);
  log.info(`OpenPypi ${version} activated`);
  return { version };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
