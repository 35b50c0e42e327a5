import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import { fullName, type SarifUploadStatus } from '../../core/github/githubModel';
import { prepareSarifUpload } from '../../core/github/sarifUpload';
import { withoutGithubAlerts } from '../../core/github/withoutGithubAlerts';
import { commandOptions, stringOption, type GithubServices } from './githubServices';
import { githubScopes } from './githubScopes';
import { withCancellableProgress } from '../progress/withCancellableProgress';
import { repositoryFromArgument, workspaceFolder, workspaceGit } from './workspaceRepository';

export interface SarifUploadOutcome {
  readonly repository: string;
  readonly id: string;
  readonly commitSha: string;
  readonly ref: string;
  readonly results: number;
  readonly status: SarifUploadStatus['status'];
  readonly errors: readonly string[];
}

const pollIntervalMs = 1_500;
const maxPolls = 80;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new CancelledError());
      },
      { once: true },
    );
  });
}

/** The merged log of the workspace (scans and imports), written by the security feature. */
async function mergedLogText(): Promise<{ text: string; name: string }> {
  const file = path.join(os.tmpdir(), `openpypi-upload-${process.pid}-${Date.now()}.sarif`);
  try {
    const written = await vscode.commands.executeCommand<string | undefined>(
      'openpypi.security.exportSarif',
      vscode.Uri.file(file),
    );
    if (written === undefined) {
      throw new UserError(vscode.l10n.t('The merged SARIF log could not be written; see the log.'));
    }
    return { text: await readFile(written, 'utf8'), name: vscode.l10n.t('the merged log') };
  } finally {
    await rm(file, { force: true });
  }
}

/**
 * Upload SARIF to Code Scanning: the given file or the merged log, without any result that came
 * from GitHub code scanning itself, checked against GitHub's limits first, gzip + base64, with
 * the commit SHA and ref from git; then polls the processing status and reports it. Resolves
 * with the outcome.
 */
export async function uploadSarif(
  services: GithubServices,
  fileArg: unknown,
  rawOptions: unknown,
): Promise<SarifUploadOutcome> {
  const options = commandOptions(rawOptions);
  const file = fileArg instanceof vscode.Uri ? fileArg : undefined;
  const repository = await repositoryFromArgument(
    options.repository ?? (file === undefined ? fileArg : undefined),
    services.log,
  );
  workspaceFolder();
  const git = workspaceGit(services.log);
  const { text, name } =
    file === undefined
      ? await mergedLogText()
      : { text: await readFile(file.fsPath, 'utf8'), name: path.basename(file.fsPath) };
  // Only the local tools' results go up: alerts downloaded from GitHub never go back to it.
  const local = withoutGithubAlerts(text);
  if (local.removedResults > 0) {
    services.log.info(
      `Upload of ${name}: left out ${local.removedResults} results downloaded from GitHub code scanning`,
    );
  }
  if (local.removedResults > 0 && local.runs === 0) {
    throw new UserError(
      vscode.l10n.t(
        "{0} holds only alerts downloaded from GitHub code scanning, so there is nothing local to upload. Run a scan or import a tool's SARIF first.",
        name,
      ),
    );
  }
  const prepared = prepareSarifUpload(local.text, name);
  const commitSha = stringOption(options, 'commitSha') ?? (await git.headSha());
  const ref = stringOption(options, 'ref') ?? (await git.currentRef());
  const { client } = await services.account.client(githubScopes.codeScanning);
  const target = fullName(repository);

  const outcome = await withCancellableProgress(
    vscode.l10n.t('Uploading SARIF to {0}…', target),
    async (signal, progress) => {
      const id = await client.uploadSarif(
        repository,
        {
          commitSha,
          ref,
          sarif: prepared.sarif,
          toolName: prepared.tools.join(', ') || 'OpenPypi',
        },
        signal,
      );
      services.log.info(
        `Uploaded ${prepared.results} results (${prepared.gzipBytes} bytes gzipped) to ${target} for ${ref} at ${commitSha}: ${id}`,
      );
      let status: SarifUploadStatus = { status: 'pending', errors: [], analysesUrl: undefined };
      for (let poll = 0; poll < maxPolls && status.status === 'pending'; poll += 1) {
        progress.report({ message: vscode.l10n.t('GitHub is processing the upload…') });
        await sleep(pollIntervalMs, signal);
        status = await client.sarifStatus(repository, id, signal);
      }
      return { id, status };
    },
  );
  await services.audit.record({
    type: 'sarif.uploaded',
    repository: target,
    results: prepared.results,
  });
  const result: SarifUploadOutcome = {
    repository: target,
    id: outcome.id,
    commitSha,
    ref,
    results: prepared.results,
    status: outcome.status.status,
    errors: outcome.status.errors,
  };
  if (outcome.status.status === 'complete') {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'GitHub code scanning processed {0} results for {1} ({2}).',
        prepared.results,
        target,
        ref,
      ),
    );
  } else if (outcome.status.status === 'failed') {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'GitHub could not process the SARIF upload: {0}',
        outcome.status.errors.join('; ') || 'no reason given',
      ),
    );
  } else {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'The upload to {0} is still being processed; check code scanning on GitHub later.',
        target,
      ),
    );
  }
  return result;
}
