// The Security Findings view's own state over a real Bandit scan of the demo workspace: the
// grouping and the filter are kept in the workspace state (a view built afresh from it, as after
// a reload of the window, shows the same), the badge counts the findings at or above the filter,
// "new since baseline only" shows what appeared after Set Current Findings as Baseline, and
// without the Python extension the tools are looked up on PATH.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Finding } from '../../../src/core/findings/finding';
import type { OpenPypiApi } from '../../../src/extension';
import { openPypi } from '../support/manifest';

function folder(): vscode.WorkspaceFolder {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first, 'the harness opens the demo workspace');
  return first;
}

async function api(): Promise<OpenPypiApi> {
  return (await openPypi().activate()) as OpenPypiApi;
}

/** The findings the view lists: not suppressed, not gone since the baseline. */
async function listed(): Promise<Finding[]> {
  return (await api()).findings().filter((f) => !f.suppressed && f.baselineState !== 'absent');
}

/** `label · count` rows of the findings grouped by `key`, sorted. */
function groupRows(findings: readonly Finding[], key: (f: Finding) => string): string[] {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(key(finding), (counts.get(key(finding)) ?? 0) + 1);
  return [...counts].map(([label, count]) => `${label} · ${count}`).sort();
}

function relativePath(finding: Finding): string {
  return finding.location.kind === 'workspace' ? finding.location.relativePath : 'external';
}

describe('Security Findings view: grouping, filter and badge', function () {
  this.timeout(90_000);

  before(async () => {
    await api();
    await vscode.workspace
      .getConfiguration('openpypi', folder().uri)
      .update('security.tools', ['bandit'], vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('openpypi.security.clearResults');
    await vscode.commands.executeCommand('openpypi.security.scanWorkspace');
  });

  after(async () => {
    await vscode.commands.executeCommand('openpypi.security.groupBy', 'severity');
    await vscode.commands.executeCommand('openpypi.security.filter', {
      minimumSeverity: 'low',
      newOnly: false,
    });
  });

  it('groups by file, then by tool, and a view built afresh from the workspace state does too', async () => {
    const findings = await listed();
    assert.ok(findings.length >= 11, `the scan found ${findings.length} findings`);

    assert.equal(await vscode.commands.executeCommand('openpypi.security.groupBy', 'file'), 'file');
    const byFile = groupRows(findings, relativePath);
    assert.deepEqual([...(await api()).findingsView().rows].sort(), byFile);
    const reopened = (await api()).findingsView({ reopened: true });
    assert.equal(reopened.groupBy, 'file');
    assert.deepEqual([...reopened.rows].sort(), byFile);

    await vscode.commands.executeCommand('openpypi.security.groupBy', 'tool');
    assert.deepEqual((await api()).findingsView({ reopened: true }).rows, [
      `Bandit · ${findings.length}`,
    ]);

    await vscode.commands.executeCommand('openpypi.security.groupBy', 'severity');
    assert.deepEqual(
      [...(await api()).findingsView({ reopened: true }).rows].sort(),
      groupRows(findings, (f) => f.severity.replace(/^./, (c) => c.toUpperCase())),
    );
  });

  it('filters by minimum severity: the rows and the badge count only findings at or above it', async () => {
    const findings = await listed();
    const view = (await api()).findingsView();
    assert.equal(view.badge, findings.length, 'without a filter the badge counts every finding');

    await vscode.commands.executeCommand('openpypi.security.filter', {
      minimumSeverity: 'high',
      newOnly: false,
    });
    const high = findings.filter((f) => f.severity === 'high').length;
    assert.ok(high > 0 && high < findings.length);
    const filtered = (await api()).findingsView();
    assert.equal(filtered.badge, high);
    assert.deepEqual(filtered.rows, [`High · ${high}`]);

    await vscode.commands.executeCommand('openpypi.security.filter', {
      minimumSeverity: 'medium',
      newOnly: false,
    });
    const mediumAndHigh = findings.filter((f) => f.severity !== 'low').length;
    assert.equal((await api()).findingsView().badge, mediumAndHigh);
    const reopened = (await api()).findingsView({ reopened: true });
    assert.deepEqual(reopened.filter, { minimumSeverity: 'medium', newOnly: false });
    assert.equal(reopened.badge, mediumAndHigh, 'the filter is kept in the workspace state');
  });

  it('"new since baseline only" shows just what a scan found after the baseline was set', async () => {
    await vscode.commands.executeCommand('openpypi.security.setBaseline');
    await vscode.commands.executeCommand('openpypi.security.filter', {
      minimumSeverity: 'low',
      newOnly: true,
    });
    assert.equal((await api()).findingsView().badge, undefined, 'nothing is new yet: no badge');

    const file = vscode.Uri.joinPath(folder().uri, 'app/after_baseline.py');
    writeFileSync(file.fsPath, 'import os\n\nprint(eval(os.environ["CMD"]))\n', 'utf8');
    await vscode.commands.executeCommand('openpypi.security.scanFile', file);
    const view = (await api()).findingsView();
    assert.equal(view.badge, 1);
    assert.deepEqual(view.rows, ['Medium · 1']);
    const [fresh] = (await api()).findings().filter((f) => f.baselineState === 'new');
    assert.equal(fresh?.ruleId, 'B307');
    assert.equal(
      fresh.location.kind === 'workspace' && fresh.location.relativePath,
      'app/after_baseline.py',
    );
  });

  it('without the Python extension, looks the tools up on PATH only', async () => {
    assert.equal(
      vscode.extensions.getExtension('ms-python.python'),
      undefined,
      'this harness runs without the Python extension (its active-environment path is not exercised here)',
    );
    const originalPath = process.env.PATH;
    const file = vscode.Uri.joinPath(folder().uri, 'app/after_baseline.py');
    process.env.PATH = '/nonexistent-openpypi-test-dir';
    try {
      await vscode.commands.executeCommand('openpypi.security.scanFile', file);
    } finally {
      process.env.PATH = originalPath;
    }
    const toolRow = (await api()).findingsView().rows.find((row) => row.startsWith('bandit'));
    assert.match(
      toolRow ?? '',
      /^bandit — not installed · Bandit is not installed: no bandit on PATH\./,
    );
    await vscode.commands.executeCommand('openpypi.security.scanFile', file);
    assert.ok(
      !(await api()).findingsView().rows.some((row) => row.startsWith('bandit')),
      'with Bandit back on PATH the tool row is gone',
    );
  });
});
