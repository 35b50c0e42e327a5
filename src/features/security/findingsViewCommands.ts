import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import type { FindingFilter, GroupBy } from '../../core/findings/findingGroups';
import type { FindingSeverity } from '../../core/findings/findingSeverity';
import type { FindingsTreeProvider } from './findingsTreeProvider';
import type { ScanController } from './scanController';

const groupings: readonly GroupBy[] = ['severity', 'file', 'tool'];

/** Group Findings By…: a quick pick, or the grouping as an argument. */
export async function chooseGrouping(
  tree: FindingsTreeProvider,
  arg?: unknown,
): Promise<GroupBy | undefined> {
  let choice = groupings.find((g) => g === arg);
  if (choice === undefined) {
    const labels: Record<GroupBy, string> = {
      severity: vscode.l10n.t('Severity'),
      file: vscode.l10n.t('File'),
      tool: vscode.l10n.t('Tool'),
    };
    const picked = await vscode.window.showQuickPick(
      groupings.map((g) => ({
        label: labels[g],
        value: g,
        picked: g === tree.groupBy,
        description: g === tree.groupBy ? vscode.l10n.t('current') : undefined,
      })),
      { title: vscode.l10n.t('Group security findings by') },
    );
    choice = picked?.value;
  }
  if (choice !== undefined) await tree.setGroupBy(choice);
  return choice;
}

const severities: readonly FindingSeverity[] = ['low', 'medium', 'high'];

/** Filter Findings…: minimum severity and "new since baseline only", or a filter as an argument. */
export async function chooseFilter(
  tree: FindingsTreeProvider,
  arg?: unknown,
): Promise<FindingFilter | undefined> {
  if (typeof arg === 'object' && arg !== null && 'minimumSeverity' in arg) {
    const filter = { ...tree.filter, ...(arg as Partial<FindingFilter>) };
    await tree.setFilter(filter);
    return filter;
  }
  const current = tree.filter;
  type Item = vscode.QuickPickItem & { filter: FindingFilter };
  const labels: Record<FindingSeverity, string> = {
    low: vscode.l10n.t('All severities'),
    medium: vscode.l10n.t('Medium and high'),
    high: vscode.l10n.t('High only'),
  };
  const items: Item[] = severities.flatMap((minimumSeverity) =>
    [false, true].map((newOnly) => ({
      label: newOnly
        ? vscode.l10n.t('{0}, new since baseline only', labels[minimumSeverity])
        : labels[minimumSeverity],
      description:
        current.minimumSeverity === minimumSeverity && current.newOnly === newOnly
          ? vscode.l10n.t('current')
          : undefined,
      filter: { minimumSeverity, newOnly },
    })),
  );
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Show security findings'),
  });
  if (picked === undefined) return undefined;
  await tree.setFilter(picked.filter);
  return picked.filter;
}

/** Set Current Findings as Baseline: later scans mark each result new, unchanged, updated or absent. */
export async function setBaseline(controller: ScanController): Promise<string[]> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    throw new UserError(
      vscode.l10n.t('Open a folder and scan it first: the baseline is the current findings.'),
    );
  }
  const files: string[] = [];
  for (const folder of folders) files.push(await controller.setBaseline(folder));
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'OpenPypi: baseline saved to {0}. Filter by "new since baseline" to see only what changes.',
      files.join(', '),
    ),
  );
  return files;
}
