import path from 'node:path';
import * as vscode from 'vscode';
import {
  checkDeploymentFile,
  deploymentFileKind,
  looksLikeKubernetes,
} from '../../core/cloud/check/checkDeploymentFile';
import {
  kubectlDryRun,
  terraformValidate,
  type CliCheckOutcome,
} from '../../core/cloud/check/cliChecks';
import type { DeploymentProblem } from '../../core/cloud/check/deploymentProblem';
import { loadCloudRuntime } from '../../core/cloud/cloudRuntimeLoader';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import type { SecurityFeature } from '../security/registerSecurity';
import type { DeploymentDiagnostics } from './deploymentDiagnostics';
import { withCancellableProgress } from '../progress/withCancellableProgress';

export interface CheckDeploymentServices {
  readonly log: ExtensionLog;
  readonly diagnostics: DeploymentDiagnostics;
  readonly scanFiles: SecurityFeature['scanFiles'];
}

/** What Check Deployment resolves with (tests read it). */
export interface CheckDeploymentResult {
  readonly files: readonly string[];
  readonly problems: number;
  readonly trivy: string;
  readonly cli: readonly string[];
}

const exclude = '**/{node_modules,.git,.venv,venv,.tox,.github,.openpypi,.terraform}/**';

function urisFrom(arg: unknown): vscode.Uri[] | undefined {
  if (arg instanceof vscode.Uri) return [arg];
  if (Array.isArray(arg) && arg.every((item) => item instanceof vscode.Uri)) return arg;
  return undefined;
}

/** The files to check: the argument, else the active editor's deployment file, else every one found. */
async function filesToCheck(
  arg: unknown,
): Promise<{ folder: vscode.WorkspaceFolder; uris: vscode.Uri[]; explicit: boolean }> {
  const given = urisFrom(arg);
  const active = vscode.window.activeTextEditor?.document.uri;
  const uris =
    given ??
    (active !== undefined && deploymentFileKind(active.path) !== undefined ? [active] : undefined);
  const first = uris?.[0];
  if (uris !== undefined && first !== undefined) {
    const folder = vscode.workspace.getWorkspaceFolder(first);
    if (folder === undefined) {
      throw new UserError(
        vscode.l10n.t('{0} is not in a workspace folder: open its folder first.', first.fsPath),
      );
    }
    return {
      folder,
      uris: uris.filter((uri) => deploymentFileKind(uri.path) !== undefined),
      explicit: true,
    };
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined)
    throw new UserError(vscode.l10n.t('Open the folder of the project to check first.'));
  const found = await vscode.workspace.findFiles(
    new vscode.RelativePattern(folder, '**/*.{yaml,yml,tf}'),
    exclude,
    500,
  );
  const kept: vscode.Uri[] = [];
  for (const uri of found) {
    if (uri.path.endsWith('.tf')) kept.push(uri);
    else if (looksLikeKubernetes(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))))
      kept.push(uri);
  }
  if (kept.length === 0) {
    throw new UserError(
      vscode.l10n.t(
        'No Kubernetes manifests or Terraform files found in {0}: run "Generate Deployment" first.',
        folder.name,
      ),
    );
  }
  return { folder, uris: kept, explicit: false };
}

/** The text as the editor has it (unsaved changes count), else from disk. */
async function textOf(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find(
    (document) => document.uri.toString() === uri.toString(),
  );
  if (open !== undefined) return open.getText();
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

function describeCli(outcome: CliCheckOutcome): string {
  switch (outcome.state) {
    case 'not-installed':
      return `${outcome.tool}: not installed`;
    case 'skipped':
      return `${outcome.tool}: skipped (${outcome.reason})`;
    case 'ran':
      return `${outcome.tool}: ${outcome.problems.length} problems`;
  }
}

/**
 * Check Deployment: Kubernetes objects against their schemas, Terraform parsed, then (in a
 * trusted workspace) kubectl's client dry run and terraform validate when installed and Trivy's
 * misconfiguration checks through the scan engine. Problems are diagnostics on their lines.
 */
export async function checkDeploymentCommand(
  services: CheckDeploymentServices,
  arg: unknown,
): Promise<CheckDeploymentResult> {
  const { folder, uris } = await filesToCheck(arg);
  const root = folder.uri.fsPath;
  const relative = uris.map((uri) => path.relative(root, uri.fsPath).split(path.sep).join('/'));
  return withCancellableProgress(
    vscode.l10n.t('OpenPypi: checking deployment'),
    async (signal, progress) => {
      progress.report({ message: vscode.l10n.t('schemas and syntax') });
      const runtime = loadCloudRuntime();
      const checkers = {
        validateKubernetes: runtime.validateKubernetesObject,
        parseHcl: runtime.parseHcl,
      };
      const problems: DeploymentProblem[] = [];
      for (const [index, uri] of uris.entries()) {
        if (signal.aborted) throw new CancelledError();
        const file = relative[index] ?? uri.fsPath;
        problems.push(...(await checkDeploymentFile(file, await textOf(uri), checkers)));
      }
      const cli: string[] = [];
      let trivy = vscode.l10n.t('not run: the workspace is not trusted');
      if (vscode.workspace.isTrusted) {
        const options = { root, env: process.env, logger: services.log, signal };
        const yamlFiles = relative.filter((file) => deploymentFileKind(file) === 'kubernetes');
        // A file that already failed its schema or syntax check is not handed to the CLIs.
        const syntaxBroken = new Set(
          problems.filter((p) => p.severity === 'error').map((p) => p.file),
        );
        if (yamlFiles.length > 0) {
          progress.report({ message: 'kubectl --dry-run=client' });
          const outcome = await kubectlDryRun(
            yamlFiles.filter((file) => !syntaxBroken.has(file)),
            options,
          );
          cli.push(describeCli(outcome));
          if (outcome.state === 'ran') problems.push(...outcome.problems);
        }
        const tfFolders = [
          ...new Set(
            relative
              .filter((file) => deploymentFileKind(file) === 'terraform')
              .map((file) => path.posix.dirname(file)),
          ),
        ];
        for (const tfFolder of tfFolders) {
          if (
            relative.some((file) => syntaxBroken.has(file) && path.posix.dirname(file) === tfFolder)
          )
            continue;
          progress.report({ message: `terraform validate ${tfFolder}` });
          const outcome = await terraformValidate(
            tfFolder,
            relative.filter((file) => path.posix.dirname(file) === tfFolder),
            options,
          );
          cli.push(describeCli(outcome));
          if (outcome.state === 'ran') problems.push(...outcome.problems);
        }
        progress.report({ message: vscode.l10n.t('Trivy misconfiguration checks') });
        const summary = await services.scanFiles({
          folder,
          tools: ['trivy'],
          files: relative,
          signal,
        });
        const outcome = summary.outcomes.find((o) => o.tool === 'trivy');
        trivy =
          outcome === undefined
            ? 'not run'
            : outcome.status === 'ok'
              ? `${outcome.resultCount} results`
              : outcome.status;
      }
      for (const line of cli) services.log.info(`Check Deployment: ${line}`);
      const count = services.diagnostics.publish(folder.uri, relative, problems);
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'OpenPypi: checked {0} deployment files: {1} problems. Trivy: {2}.',
          relative.length,
          count,
          trivy,
        ),
      );
      return { files: relative, problems: count, trivy, cli };
    },
  );
}
