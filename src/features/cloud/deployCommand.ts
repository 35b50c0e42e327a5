import path from 'node:path';
import * as vscode from 'vscode';
import { parseAllDocuments } from 'yaml';
import type { AuditRecorder } from '../../core/audit/auditEvent';
import { kubectlApplyArgs, manifestNamespace } from '../../core/cloud/deploy/kubectlArgs';
import type { KubeContext } from '../../core/cloud/inventory/kubeconfig';
import { CancelledError, isCancelled } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import { findExecutable } from '../../core/process/findExecutable';
import { runProcess } from '../../core/process/runProcess';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import { requireTrustedWorkspace } from '../security/workspaceTrustGate';
import type { CloudSection } from './cloudSection';
import { withCancellableProgress } from '../progress/withCancellableProgress';

export interface DeployServices {
  readonly log: ExtensionLog;
  readonly audit: AuditRecorder;
  readonly section: CloudSection;
}

/** What automation may pass: a context node or name, or { context, namespace, folder, confirm }. */
interface DeployRequest {
  readonly context?: string;
  readonly namespace?: string;
  readonly folder?: string;
  /** Skips the confirmation (tests only: a person always sees it). */
  readonly confirmed: boolean;
}

export interface DeployResult {
  readonly context: string;
  readonly namespace: string;
  readonly files: readonly string[];
  readonly exitCode: number;
}

function requestFrom(arg: unknown): DeployRequest {
  if (typeof arg === 'string') return { context: arg, confirmed: false };
  if (typeof arg !== 'object' || arg === null) return { confirmed: false };
  const node = arg as Record<string, unknown>;
  if (node.kind === 'context' && typeof node.context === 'object' && node.context !== null) {
    return { context: (node.context as KubeContext).name, confirmed: false };
  }
  return {
    ...(typeof node.context === 'string' ? { context: node.context } : {}),
    ...(typeof node.namespace === 'string' ? { namespace: node.namespace } : {}),
    ...(typeof node.folder === 'string' ? { folder: node.folder } : {}),
    confirmed: node.confirm === true,
  };
}

async function manifestFiles(
  folder: vscode.WorkspaceFolder,
  relativeFolder: string,
): Promise<vscode.Uri[]> {
  const files = await vscode.workspace.findFiles(
    new vscode.RelativePattern(
      vscode.Uri.joinPath(folder.uri, ...relativeFolder.split('/')),
      '*.{yaml,yml}',
    ),
  );
  if (files.length === 0) {
    throw new UserError(
      vscode.l10n.t(
        'No manifests in {0}: run "OpenPypi: Generate Deployment" for Kubernetes first.',
        relativeFolder,
      ),
    );
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** Namespace first: the apply order of a generated folder puts namespace.yaml before the rest. */
function applyOrder(files: readonly string[]): string[] {
  return [...files].sort(
    (a, b) =>
      Number(!a.endsWith('namespace.yaml')) - Number(!b.endsWith('namespace.yaml')) ||
      a.localeCompare(b),
  );
}

/**
 * Deploy: `kubectl apply` of the workspace's manifests to a kube context, after a modal
 * confirmation naming the context and namespace. Output streams into the OpenPypi log; the
 * outcome is recorded in the audit log.
 */
export async function deployCommand(
  services: DeployServices,
  arg: unknown,
): Promise<DeployResult | undefined> {
  requireTrustedWorkspace();
  const request = requestFrom(arg);
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined)
    throw new UserError(vscode.l10n.t('Open the folder of the project to deploy first.'));
  const inventory = await services.section.current();
  let contextName = request.context ?? inventory.kube.currentContext;
  if (contextName === undefined) {
    if (inventory.kube.contexts.length === 0) {
      throw new UserError(
        vscode.l10n.t(
          'No kube context on this machine: add one to your kubeconfig (KUBECONFIG or ~/.kube/config).',
        ),
      );
    }
    const picked = await vscode.window.showQuickPick(
      inventory.kube.contexts.map((context) => ({
        label: context.name,
        description: context.cluster,
        context,
      })),
      { title: vscode.l10n.t('Deploy to which kube context?') },
    );
    if (picked === undefined) throw new CancelledError();
    contextName = picked.label;
  }
  const context = inventory.kube.contexts.find((candidate) => candidate.name === contextName);
  if (context === undefined) {
    throw new UserError(
      vscode.l10n.t(
        'There is no kube context "{0}" in {1}.',
        contextName,
        inventory.kubeconfigFiles.join(', '),
      ),
    );
  }
  const relativeFolder = request.folder ?? 'deploy/kubernetes';
  const uris = await manifestFiles(folder, relativeFolder);
  const files = applyOrder(
    uris.map((uri) => path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/')),
  );
  const objects: unknown[] = [];
  for (const uri of uris) {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    for (const document of parseAllDocuments(text)) {
      if (document.errors.length > 0) {
        throw new UserError(
          vscode.l10n.t(
            '{0} is not valid YAML: run "OpenPypi: Check Deployment" and fix it first.',
            vscode.workspace.asRelativePath(uri),
          ),
        );
      }
      objects.push(document.toJS());
    }
  }
  const namespace =
    request.namespace ?? manifestNamespace(objects) ?? context.namespace ?? 'default';

  const kubectl = await findExecutable({ name: 'kubectl', env: process.env });
  if (kubectl === undefined) {
    throw new UserError(
      vscode.l10n.t(
        'kubectl is not installed (not on PATH): install it from https://kubernetes.io/docs/tasks/tools/ and try again.',
      ),
    );
  }
  if (!request.confirmed) {
    const deploy = vscode.l10n.t('Deploy');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Apply {0} files from {1} to kube context "{2}", namespace "{3}"?',
        files.length,
        relativeFolder,
        context.name,
        namespace,
      ),
      {
        modal: true,
        detail: vscode.l10n.t('Cluster: {0}. This changes what runs there.', context.cluster),
      },
      deploy,
    );
    if (choice !== deploy) {
      await services.audit.record({
        type: 'cloud.deploy',
        context: context.name,
        namespace,
        files,
        outcome: 'declined',
      });
      throw new CancelledError();
    }
  }

  services.log.info(
    `Deploy: kubectl apply to context ${context.name}, namespace ${namespace}: ${files.join(', ')}`,
  );
  services.log.show();
  let tail = '';
  return withCancellableProgress(
    vscode.l10n.t('OpenPypi: deploying to {0}', context.name),
    async (signal, progress) => {
      let partial = '';
      try {
        const outcome = await runProcess({
          executable: kubectl,
          args: kubectlApplyArgs({ context: context.name, namespace, files }),
          cwd: folder.uri.fsPath,
          env: process.env,
          timeoutMs: 10 * 60_000,
          signal,
          logger: services.log,
          onOutput: (text) => {
            const lines = (partial + text).split(/\r?\n/);
            partial = lines.pop() ?? '';
            for (const line of lines) {
              if (line.trim() === '') continue;
              services.log.info(`[kubectl] ${line}`);
              progress.report({ message: line });
              tail = `${tail}\n${line}`.split('\n').slice(-10).join('\n');
            }
          },
        });
        if (partial.trim() !== '') {
          services.log.info(`[kubectl] ${partial}`);
          tail = `${tail}\n${partial}`.split('\n').slice(-10).join('\n');
        }
        const applied = outcome.exitCode === 0;
        await services.audit.record({
          type: 'cloud.deploy',
          context: context.name,
          namespace,
          files,
          outcome: applied ? 'applied' : 'failed',
          exitCode: outcome.exitCode,
          output: tail.trim(),
        });
        if (applied) {
          void vscode.window.showInformationMessage(
            vscode.l10n.t(
              'OpenPypi: applied {0} files to {1} ({2}).',
              files.length,
              context.name,
              namespace,
            ),
          );
        } else {
          void vscode.window.showErrorMessage(
            vscode.l10n.t(
              'OpenPypi: kubectl apply failed with exit code {0}: {1}',
              outcome.exitCode,
              services.log.redact(tail.trim().split('\n').pop() ?? ''),
            ),
          );
        }
        return { context: context.name, namespace, files, exitCode: outcome.exitCode };
      } catch (error) {
        await services.audit.record({
          type: 'cloud.deploy',
          context: context.name,
          namespace,
          files,
          outcome: isCancelled(error) ? 'cancelled' : 'failed',
        });
        throw error;
      }
    },
  );
}
