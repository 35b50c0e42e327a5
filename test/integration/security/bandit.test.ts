// The demo workspace scanned with real Bandit (Debian's 1.6.2): the Problems panel holds exactly
// Bandit's findings at the right lines, the findings tree counts them, quick fixes edit the file
// and a rescan no longer reports what they fixed, and saving a file scans it alone.
import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import type { OpenPypiApi } from '../../../src/extension';
import { auditRecords } from '../support/auditRecords';
import { demoBanditFindings } from '../support/demoBanditFindings';
import { openPypi } from '../support/manifest';
import { waitFor } from '../support/waitFor';

const expected = demoBanditFindings;

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness opens the demo workspace');
  return folder.uri;
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** `RULE path:line` of every Bandit diagnostic in the Problems panel (all files, open or not). */
function banditDiagnostics(): string[] {
  return vscode.languages
    .getDiagnostics()
    .flatMap(([uri, diagnostics]) =>
      diagnostics
        .filter((d) => d.source === 'Bandit')
        .map(
          (d) =>
            `${codeOf(d)} ${path.relative(root().fsPath, uri.fsPath)}:${d.range.start.line + 1}`,
        ),
    )
    .sort();
}

async function api(): Promise<OpenPypiApi> {
  return (await openPypi().activate()) as OpenPypiApi;
}

describe('Security findings from real Bandit', () => {
  before(async () => {
    await api();
    await vscode.workspace
      .getConfiguration('openpypi', root())
      .update('security.tools', ['bandit'], vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('openpypi.security.clearResults');
  });

  it("Scan Workspace puts exactly Bandit's findings in the Problems panel, at their lines", async () => {
    await vscode.commands.executeCommand('openpypi.security.scanWorkspace');
    assert.deepEqual(banditDiagnostics(), expected);
  });

  it('gives each diagnostic the rule as a code linking to its docs and a severity from the level', () => {
    const all = vscode.languages
      .getDiagnostics()
      .flatMap(([, d]) => d.filter((x) => x.source === 'Bandit'));
    const b602 = all.find((d) => codeOf(d) === 'B602');
    assert.ok(b602);
    assert.equal(b602.severity, vscode.DiagnosticSeverity.Error, 'HIGH severity is an error');
    const target = typeof b602.code === 'object' ? b602.code.target.toString() : '';
    assert.match(target, /^https:\/\/bandit\.readthedocs\.io\//);
    const b404 = all.find((d) => codeOf(d) === 'B404');
    assert.equal(
      b404?.severity,
      vscode.DiagnosticSeverity.Information,
      'LOW severity is information',
    );
  });

  it('counts the same findings in the tree, grouped by severity', async () => {
    const findings = (await api()).findings();
    const bySeverity = { high: 0, medium: 0, low: 0 };
    for (const finding of findings) bySeverity[finding.severity] += 1;
    assert.equal(findings.length, expected.length);
    assert.deepEqual(bySeverity, { high: 3, medium: 4, low: 4 });
  });

  it('writes the merged SARIF report into the workspace', async () => {
    const text = await readFile(
      path.join(root().fsPath, '.openpypi/reports/openpypi.sarif'),
      'utf8',
    );
    const log = JSON.parse(text) as {
      version: string;
      runs: { tool: { driver: { name: string } }; results: unknown[] }[];
    };
    assert.equal(log.version, '2.1.0');
    const [run] = log.runs;
    assert.ok(run);
    assert.equal(run.tool.driver.name, 'Bandit');
    assert.equal(run.results.length, expected.length);
  });

  it('the suppress quick fix writes "# nosec" with the reason, and a rescan no longer reports it', async () => {
    const file = vscode.Uri.joinPath(root(), 'app/run.py');
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    const [, diagnostics] =
      vscode.languages.getDiagnostics().find(([uri]) => uri.toString() === file.toString()) ?? [];
    const b602 = diagnostics?.find((d) => codeOf(d) === 'B602');
    assert.ok(b602, 'B602 is shown on app/run.py');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      file,
      b602.range,
    );
    const suppress = actions.find((a) => a.title.startsWith('Suppress B602'));
    assert.ok(
      suppress?.command,
      `no suppress action among ${actions.map((a) => a.title).join(', ')}`,
    );
    const args = (suppress.command.arguments ?? []) as unknown[];
    await vscode.commands.executeCommand(
      suppress.command.command,
      ...args,
      'ping target is validated',
    );
    const line = (await readFile(file.fsPath, 'utf8')).split('\n')[6];
    assert.equal(
      line,
      '    return subprocess.call("ping -c 1 " + host, shell=True)  # nosec B602 # ping target is validated',
    );
    await vscode.commands.executeCommand('openpypi.security.scanWorkspace');
    assert.deepEqual(
      banditDiagnostics(),
      expected.filter((e) => e !== 'B602 app/run.py:7'),
    );
  });

  it('saving a file scans it alone: a new problem appears without a workspace scan', async () => {
    const file = vscode.Uri.joinPath(root(), 'app/extra.py');
    await writeFile(file.fsPath, 'import os\n', 'utf8');
    const document = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => {
      edit.insert(new vscode.Position(1, 0), '\n\ndef run(cmd):\n    return eval(cmd)\n');
    });
    await document.save();
    await waitFor(
      () => banditDiagnostics().includes('B307 app/extra.py:5'),
      `no B307 on app/extra.py after saving; Bandit diagnostics: ${banditDiagnostics().join(', ')}`,
    );
    // The other files' findings are untouched by the single-file scan.
    assert.ok(banditDiagnostics().includes('B506 app/loader.py:9'));
  });

  it('renaming a file drops its findings; saving it under the new name reports them afresh', async () => {
    const from = vscode.Uri.joinPath(root(), 'app/extra.py');
    const to = vscode.Uri.joinPath(root(), 'app/moved.py');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(from, to);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(
      () => !banditDiagnostics().some((d) => d.includes('app/extra.py')),
      'the findings of the renamed file are still shown under its old name',
    );
    assert.ok(
      !banditDiagnostics().some((d) => d.includes('app/moved.py')),
      'findings were carried over to the new name without a scan',
    );
    assert.ok(banditDiagnostics().includes('B506 app/loader.py:9'), 'other files keep theirs');
    const document = await vscode.workspace.openTextDocument(to);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((e) => {
      e.insert(new vscode.Position(0, 0), '# moved\n');
    });
    await document.save();
    await waitFor(
      () => banditDiagnostics().includes('B307 app/moved.py:6'),
      `no B307 on app/moved.py after saving; Bandit diagnostics: ${banditDiagnostics().join(', ')}`,
    );
  });

  it('deleting a file drops its findings', async () => {
    const file = vscode.Uri.joinPath(root(), 'app/moved.py');
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(file);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(
      () => !banditDiagnostics().some((d) => d.includes('app/moved.py')),
      'the findings of the deleted file are still shown',
    );
  });

  it('records every scan (started, finished with its count) and the suppression in the audit log', async () => {
    const folder = path.basename(root().fsPath);
    await waitFor(
      async () => (await auditRecords()).some((r) => r.type === 'suppression.added'),
      'no suppression.added record in the audit log',
    );
    const records = await auditRecords();
    const started = records.filter((r) => r.type === 'scan.started' && r.target === folder);
    const finished = records.filter((r) => r.type === 'scan.finished' && r.target === folder);
    assert.equal(started.length, 2, 'two workspace scans were started');
    assert.deepEqual(started[0]?.scanners, ['bandit']);
    assert.deepEqual(
      finished.map((r) => [r.results, r.errors]),
      [
        [expected.length, 0],
        [expected.length - 1, 0],
      ],
    );
    assert.ok(
      records.some(
        (r) =>
          r.type === 'scan.finished' && r.target === `${folder}: app/extra.py` && r.results === 1,
      ),
      'the scan on save of app/extra.py is recorded with its one result',
    );
    const suppression = records.find((r) => r.type === 'suppression.added');
    assert.deepEqual(
      { ruleId: suppression?.ruleId, file: suppression?.file, reason: suppression?.reason },
      { ruleId: 'B602', file: 'app/run.py', reason: 'ping target is validated' },
    );
  });
});
