import type * as vscode from 'vscode';
import type { CommandHandlers } from '../commands/commandIds';
import { checkDeploymentCommand } from './checkDeploymentCommand';
import { removeCloudKey, storeCloudKey } from './cloudKeyCommands';
import { CloudKeys } from './cloudKeys';
import { CloudSection } from './cloudSection';
import type { CloudNode } from './cloudTreeModel';
import { deployCommand } from './deployCommand';
import { DeploymentDiagnostics } from './deploymentDiagnostics';
import { generateDeploymentCommand } from './generateDeploymentCommand';
import type { CloudCommandId, CloudServices } from './registerCloud';

export interface CloudFeature {
  readonly section: CloudSection;
  readonly commands: Pick<CommandHandlers, CloudCommandId>;
}

/**
 * The Cloud feature's body. The build emits it as dist/cloud-feature-runtime.js, which registerCloud
 * loads on the first draw of the Cloud row or the first Cloud command, so the extension's own
 * bundle carries only the thin registration.
 */
export function createCloudFeature(
  context: vscode.ExtensionContext,
  services: CloudServices,
  changed: vscode.EventEmitter<CloudNode | undefined>,
): CloudFeature {
  const keys = new CloudKeys(context.globalState, services.secrets);
  const section = new CloudSection(keys, services.log, changed);
  const diagnostics = new DeploymentDiagnostics();
  context.subscriptions.push(diagnostics);
  return {
    section,
    commands: {
      'openpypi.cloud.refresh': () => {
        section.refresh();
        return section.snapshot();
      },
      'openpypi.cloud.generateDeployment': (options?: unknown) =>
        generateDeploymentCommand(options),
      'openpypi.cloud.checkDeployment': (target?: unknown) =>
        checkDeploymentCommand(
          { log: services.log, diagnostics, scanFiles: services.scanFiles },
          target,
        ),
      'openpypi.cloud.deploy': (target?: unknown) =>
        deployCommand({ log: services.log, audit: services.audit, section }, target),
      'openpypi.cloud.storeKey': async (key?: unknown) => {
        const name = await storeCloudKey(keys, services.audit, key);
        section.refresh();
        return name;
      },
      'openpypi.cloud.removeKey': async (key?: unknown) => {
        const name = await removeCloudKey(keys, services.audit, key);
        section.refresh();
        return name;
      },
    },
  };
}
