// Dependency findings through the whole path: pip-audit (a stand-in replaying pip-audit's own
// recorded output, since pip-audit cannot be installed here) placed on the manifest line, the
// upgrade quick fix editing that line in the project's specifier style, and a rescan whose
// output no longer lists the vulnerability.
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import { openPypi } from '../support/manifest';

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness opens the demo workspace');
  return folder.uri;
}

function pipAuditDiagnostics(file: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(file).filter((d) => d.source?.includes('pip-audit'));
}

describe('Dependency findings and the upgrade quick fix', () => {
  // The harness puts test/fixtures/bin (the stand-ins) on PATH; the recorded outputs are beside it.
  const standIns = (process.env.PATH ?? '')
    .split(path.delimiter)
    .find((entry) => entry.endsWith(path.join('test', 'fixtures', 'bin')));
  const fixtures = path.resolve(standIns ?? '', '..', 'pip-audit');

  before(async () => {
    await openPypi().activate();
    await vscode.workspace
      .getConfiguration('openpypi', root())
      .update('security.tools', ['pip-audit'], vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('openpypi.security.clearResults');
    process.env.OPENPYPI_STANDIN_PIP_AUDIT_OUTPUT = path.join(fixtures, 'readme-json-example.json');
  });

  after(() => {
    delete process.env.OPENPYPI_STANDIN_PIP_AUDIT_OUTPUT;
  });

  it('puts each pip-audit finding on the requirements line that declares the package', async () => {
    await vscode.commands.executeCommand('openpypi.security.scanWorkspace');
    const requirements = vscode.Uri.joinPath(root(), 'requirements.txt');
    const flask = pipAuditDiagnostics(requirements).filter((d) => d.range.start.line === 1);
    const codes = flask
      .map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)))
      .sort();
    const seen = vscode.languages
      .getDiagnostics(requirements)
      .map((d) => `${d.source ?? ''}:${d.range.start.line}:${d.message.slice(0, 30)}`);
    assert.deepEqual(
      codes,
      ['PYSEC-2018-66', 'PYSEC-2019-179'],
      `on requirements.txt: ${seen.join(' | ')}`,
    );
    assert.ok(
      flask.some((d) => d.message.includes('Fixed in 1.0')),
      flask.map((d) => d.message).join(' | '),
    );
  });

  it('the upgrade quick fix rewrites exactly the version on that line, and a rescan clears it', async () => {
    const requirements = vscode.Uri.joinPath(root(), 'requirements.txt');
    const before = await readFile(requirements.fsPath, 'utf8');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(requirements));
    const diagnostic = pipAuditDiagnostics(requirements).find((d) =>
      d.message.includes('Fixed in 1.0'),
    );
    assert.ok(diagnostic);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      requirements,
      diagnostic.range,
    );
    const upgrade = actions.find((a) => a.title === 'Upgrade flask to 1.0');
    assert.ok(upgrade?.edit, `no upgrade action among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(upgrade.edit));
    await vscode.workspace.save(requirements);
    const after = await readFile(requirements.fsPath, 'utf8');
    assert.equal(after, before.replace('flask==0.12.2', 'flask==1.0'));

    // pip-audit's answer for the upgraded project: the recorded output with no vulnerability.
    process.env.OPENPYPI_STANDIN_PIP_AUDIT_OUTPUT = path.join(fixtures, 'zero_vulns.json');
    process.env.OPENPYPI_STANDIN_PIP_AUDIT_EXIT = '0';
    await vscode.commands.executeCommand('openpypi.security.scanWorkspace');
    delete process.env.OPENPYPI_STANDIN_PIP_AUDIT_EXIT;
    assert.deepEqual(pipAuditDiagnostics(requirements), []);
  });
});
