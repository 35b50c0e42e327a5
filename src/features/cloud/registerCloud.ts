import * as vscode from 'vscode';
import type { AuditRecorder } from '../../core/audit/auditEvent';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import type { Redactor } from '../../core/redaction/redactor';
import type { SecretStore } from '../../core/secrets/secretStore';
import type { CommandHandlers } from '../commands/commandIds';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import type { ProviderSection, ProvidersViewHost } from '../providers/providerSection';
import type { SecurityFeature } from '../security/registerSecurity';
import type * as CloudFeatureModule from './cloudFeatureRuntime';
import type { CloudNode } from './cloudTreeModel';

export type CloudCommandId =
  | 'openpypi.cloud.refresh'
  | 'openpypi.cloud.generateDeployment'
  | 'openpypi.cloud.checkDeployment'
  | 'openpypi.cloud.deploy'
  | 'openpypi.cloud.storeKey'
  | 'openpypi.cloud.removeKey';

export interface CloudServices {
  readonly log: ExtensionLog;
  readonly redactor: Redactor;
  readonly audit: AuditRecorder;
  readonly view: ProvidersViewHost;
  /** The providers' store: SecretStorage behind the redactor. */
  readonly secrets: SecretStore;
  readonly scanFiles: SecurityFeature['scanFiles'];
}

const commandIds: readonly CloudCommandId[] = [
  'openpypi.cloud.refresh',
  'openpypi.cloud.generateDeployment',
  'openpypi.cloud.checkDeployment',
  'openpypi.cloud.deploy',
  'openpypi.cloud.storeKey',
  'openpypi.cloud.removeKey',
];

/**
 * The feature is a bundle of its own with its own copies of the error classes: its errors are
 * recognised by name so the command wrapper keeps a cancellation quiet and a UserError a warning.
 */
function fromFeature(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  if (error.name === 'CancelledError' && !(error instanceof CancelledError)) {
    return new CancelledError(error.message);
  }
  if (error.name === 'UserError' && !(error instanceof UserError))
    return new UserError(error.message);
  return error;
}

/**
 * The Cloud provider: its row in the Providers view (kube contexts, AWS profiles, gcloud and
 * az accounts, stored keys), Generate / Check Deployment, Deploy. Activation only registers:
 * the feature's code loads (dist/cloud-feature-runtime.js) when the view first draws the Cloud row or
 * a Cloud command runs; kubernetes-models and hcl2json load on the first check after that.
 */
export function registerCloud(
  context: vscode.ExtensionContext,
  services: CloudServices,
): Pick<CommandHandlers, CloudCommandId> {
  const changed = new vscode.EventEmitter<CloudNode | undefined>();
  let feature: CloudFeatureModule.CloudFeature | undefined;
  const load = (): CloudFeatureModule.CloudFeature => {
    // A lazy require: the build turns it into a require of dist/cloud-feature-runtime.js.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    feature ??= (require('./cloudFeatureRuntime') as typeof CloudFeatureModule).createCloudFeature(
      context,
      services,
      changed,
    );
    return feature;
  };
  const section: ProviderSection<CloudNode> = {
    providerId: 'cloud',
    onDidChange: changed.event,
    rootItem: () => load().section.rootItem(),
    getChildren: (element) => load().section.getChildren(element),
    getTreeItem: (element) => load().section.getTreeItem(element),
  };
  context.subscriptions.push(changed, services.view.addSection(section));
  const handlers = {} as Record<CloudCommandId, (...args: unknown[]) => Promise<unknown>>;
  for (const id of commandIds) {
    handlers[id] = async (...args: unknown[]) => {
      try {
        const handler = load().commands[id];
        return await handler(...args);
      } catch (error) {
        throw fromFeature(error);
      }
    };
  }
  return handlers;
}
