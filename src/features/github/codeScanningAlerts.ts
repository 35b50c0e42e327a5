import * as vscode from 'vscode';
import type { Finding } from '../../core/findings/finding';
import { UserError } from '../../core/errors/userError';
import { alertOfResult, alertsToSarif } from '../../core/github/alertsToSarif';
import { fullName, parseFullName, type DismissReason } from '../../core/github/githubModel';
import { ResultDiagnostic } from '../security/resultDiagnostic';
import { securityRuntime } from '../security/securityRuntimeLoader';
import {
  commandOptions,
  githubFindingsSource,
  stringOption,
  type GithubServices,
} from './githubServices';
import { githubScopes } from './githubScopes';
import { withCancellableProgress } from '../progress/withCancellableProgress';
import { repositoryFromArgument, workspaceFolder, workspaceGit } from './workspaceRepository';

/**
 * Show Code Scanning Alerts: the open alerts of the current branch (or `options.ref`) go into
 * the findings store as the source "GitHub code scanning", through the same SARIF import as a
 * file, so they appear as diagnostics, in the findings tree and the status bar. A refresh
 * replaces only the GitHub results. Resolves with the number of alerts shown.
 */
export async function showAlerts(
  services: GithubServices,
  arg: unknown,
  rawOptions: unknown,
): Promise<number> {
  const options = commandOptions(rawOptions);
  const repository = await repositoryFromArgument(options.repository ?? arg, services.log);
  const folder = workspaceFolder();
  const ref =
    stringOption(options, 'ref') ??
    (await workspaceGit(services.log)
      .currentRef()
      .catch(() => undefined));
  const { client } = await services.account.client(githubScopes.codeScanning);
  const alerts = await withCancellableProgress(
    vscode.l10n.t('Downloading code scanning alerts of {0}…', fullName(repository)),
    (signal) => client.codeScanningAlerts(repository, ref, signal),
  );
  const root = folder.uri.fsPath;
  const log = alertsToSarif(alerts, fullName(repository));
  const imported = securityRuntime().importFindings(
    JSON.stringify(log),
    root,
    'GitHub code scanning',
    services.redactor,
  );
  services.store.set({ folder: root, source: githubFindingsSource }, imported.findings);
  services.log.info(
    `GitHub code scanning: ${alerts.length} open alerts of ${fullName(repository)}${ref === undefined ? '' : ` on ${ref}`}`,
  );
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      '{0} open code scanning alerts of {1}{2} are shown in the Problems panel.',
      alerts.length,
      fullName(repository),
      ref === undefined ? '' : ` (${ref.replace(/^refs\/heads\//, '')})`,
    ),
  );
  return imported.findings.length;
}

const reasons: readonly { label: string; reason: DismissReason }[] = [
  { label: 'False positive', reason: 'false positive' },
  { label: "Won't fix", reason: "won't fix" },
  { label: 'Used in tests', reason: 'used in tests' },
];

/** The GitHub alert behind a diagnostic, finding or { repository, number } argument. */
function alertTarget(
  services: GithubServices,
  arg: unknown,
): { repository: string; number: number } | undefined {
  if (arg instanceof ResultDiagnostic) return alertOfResult(arg.finding.result);
  if (typeof arg !== 'object' || arg === null) return undefined;
  const record = arg as { repository?: unknown; number?: unknown; finding?: unknown };
  if (typeof record.repository === 'string' && typeof record.number === 'number') {
    return { repository: record.repository, number: record.number };
  }
  const finding = record.finding as Finding | undefined;
  if (finding?.result !== undefined) return alertOfResult(finding.result);
  if (arg instanceof vscode.Diagnostic) {
    const number = /alert #(\d+)\]/.exec(arg.message)?.[1];
    const match = services.store
      .findings()
      .map((f) => alertOfResult(f.result))
      .find((alert) => alert !== undefined && String(alert.number) === number);
    return match;
  }
  return undefined;
}

/** Dismisses a code scanning alert on GitHub with a reason, and drops it from the editor. */
export async function dismissAlert(
  services: GithubServices,
  arg: unknown,
  rawOptions: unknown,
): Promise<boolean> {
  const options = commandOptions(rawOptions);
  const target = alertTarget(services, arg);
  const repository = target === undefined ? undefined : parseFullName(target.repository);
  if (target === undefined || repository === undefined) {
    throw new UserError(
      vscode.l10n.t(
        'Choose a GitHub code scanning alert: its light bulb in the editor offers Dismiss.',
      ),
    );
  }
  const given = reasons.find((r) => r.reason === options.reason);
  const choice =
    given ??
    (await vscode.window.showQuickPick(reasons, {
      title: vscode.l10n.t('Dismiss alert #{0} of {1}: why?', target.number, target.repository),
    }));
  if (choice === undefined) return false;
  const comment =
    stringOption(options, 'comment') ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Comment for the dismissal (optional)'),
      ignoreFocusOut: true,
    }));
  if (comment === undefined) return false;
  const { client } = await services.account.client(githubScopes.codeScanning);
  await client.dismissAlert(repository, target.number, choice.reason, comment);
  for (const entry of services.store.all()) {
    if (entry.source !== githubFindingsSource) continue;
    services.store.set(
      entry,
      entry.findings.filter((f) => alertOfResult(f.result)?.number !== target.number),
    );
  }
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Alert #{0} of {1} was dismissed ({2}).',
      target.number,
      target.repository,
      choice.reason,
    ),
  );
  return true;
}
