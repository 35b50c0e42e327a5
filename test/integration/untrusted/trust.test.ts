// In an untrusted workspace OpenPypi spawns nothing: the scan commands explain why and return,
// saving a Python file runs no scanner, while importing and viewing SARIF still works. The proof
// is a spawn probe first on PATH (test/fixtures/spawn-probe) that logs every call.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { openPypi } from '../support/manifest';

function probeLog(): string {
  const file = process.env.OPENPYPI_SPAWN_PROBE_LOG;
  assert.ok(file, 'the suite sets OPENPYPI_SPAWN_PROBE_LOG');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness opens the demo workspace');
  return folder.uri;
}

describe('An untrusted workspace', () => {
  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the harness opened this workspace untrusted');
    await openPypi().activate();
  });

  it('has the spawn probe first on PATH (so the checks below can see a spawn)', () => {
    const log = path.join(os.tmpdir(), `openpypi-probe-self-check-${process.pid}.log`);
    execFileSync('bandit', ['--self-check'], {
      env: { ...process.env, OPENPYPI_SPAWN_PROBE_LOG: log },
    });
    assert.equal(readFileSync(log, 'utf8'), 'bandit --self-check\n');
    rmSync(log);
  });

  it('Scan Workspace and Scan Current File return without running any scanner', async () => {
    await vscode.commands.executeCommand('openpypi.security.scanWorkspace');
    const file = vscode.Uri.joinPath(root(), 'app/run.py');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    await vscode.commands.executeCommand('openpypi.security.scanFile');
    await vscode.commands.executeCommand('openpypi.security.installTool', 'bandit');
    assert.equal(probeLog(), '');
  });

  it('saving a Python file runs no scanner', async () => {
    const file = vscode.Uri.joinPath(root(), 'app/run.py');
    const document = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => {
      edit.insert(new vscode.Position(0, 0), '# edited\n');
    });
    await document.save();
    // Longer than the scan-on-save debounce.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.equal(probeLog(), '');
  });

  it('still imports and shows a SARIF log', async () => {
    const log = path.join(root().fsPath, 'imported.sarif');
    await writeFile(
      log,
      JSON.stringify({
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'Bandit' } },
            results: [
              {
                ruleId: 'B602',
                level: 'error',
                message: { text: 'subprocess call with shell=True identified' },
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: 'app/run.py', uriBaseId: '%SRCROOT%' },
                      region: { startLine: 8 },
                    },
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    const count = await vscode.commands.executeCommand<number>(
      'openpypi.security.importSarif',
      vscode.Uri.file(log),
    );
    assert.equal(count, 1);
    const shown = vscode.languages.getDiagnostics(vscode.Uri.joinPath(root(), 'app/run.py'));
    assert.deepEqual(
      shown.map((d) => `${d.source ?? ''} ${d.range.start.line + 1}`),
      ['Bandit 8'],
    );
    assert.equal(probeLog(), '');
  });
});
