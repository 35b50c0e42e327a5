// Scan on save with real Bandit: one save is one scan (one scan.started and one scan.finished in
// the audit log), and saves while that file's scan runs never start a second run at the same
// time: they queue one more run after it. A gate in front of the real Bandit
// (test/fixtures/gated-bandit) holds the first scan until the test has saved again.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { OpenPypiApi } from '../../../src/extension';
import { auditRecords, type AuditRecord } from '../support/auditRecords';
import { openPypi } from '../support/manifest';
import { waitFor } from '../support/waitFor';

function folder(): vscode.WorkspaceFolder {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first, 'the harness opens the demo workspace');
  return first;
}

async function api(): Promise<OpenPypiApi> {
  return (await openPypi().activate()) as OpenPypiApi;
}

/** The scan records of the audit log for one file's scans on save, oldest first. */
async function scansOf(relative: string): Promise<AuditRecord[]> {
  const target = `${folder().name}: ${relative}`;
  return (await auditRecords()).filter((r) => r.type.startsWith('scan.') && r.target === target);
}

/** Appends a line to an open editor's document and saves it, as a person typing and saving. */
async function appendAndSave(document: vscode.TextDocument, line: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((edit) => {
    edit.insert(new vscode.Position(document.lineCount, 0), `${line}\n`);
  });
  assert.ok(await document.save(), `saving ${document.uri.fsPath} failed`);
}

async function newPythonFile(relative: string, text: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(folder().uri, relative);
  writeFileSync(uri.fsPath, text, 'utf8');
  return vscode.workspace.openTextDocument(uri);
}

describe('Scan on save', function () {
  this.timeout(90_000);
  const gateDir = path.join(tmpdir(), `openpypi-gate-${process.pid}`);
  const gateOpen = `${gateDir}-open`;
  const gateLog = `${gateDir}.log`;
  const originalPath = process.env.PATH;

  before(async () => {
    await api();
    await vscode.workspace
      .getConfiguration('openpypi', folder().uri)
      .update('security.tools', ['bandit'], vscode.ConfigurationTarget.Workspace);
  });

  after(() => {
    process.env.PATH = originalPath;
    delete process.env.OPENPYPI_GATE_OPEN;
    delete process.env.OPENPYPI_GATE_LOG;
    rmSync(gateOpen, { force: true });
    rmSync(gateLog, { force: true });
  });

  it('scans a saved file once: one scan.started and one scan.finished per save', async () => {
    const relative = 'app/saved_once.py';
    const document = await newPythonFile(relative, 'import os\n');
    await appendAndSave(document, 'print(eval(os.environ["CMD"]))');
    await waitFor(
      async () => (await scansOf(relative)).some((r) => r.type === 'scan.finished'),
      `no scan on save of ${relative} was recorded`,
    );
    await (await api()).whenScansOnSaveIdle();
    const records = await scansOf(relative);
    assert.deepEqual(
      records.map((r) => [r.type, r.scanners, r.results]),
      [
        ['scan.started', ['bandit'], undefined],
        ['scan.finished', ['bandit'], 1],
      ],
    );
    assert.ok(
      (await api()).findings().some((f) => f.ruleId === 'B307' && f.message.includes('eval')),
      'the eval on the saved line is a finding',
    );
  });

  it('runs one scan per file at a time: saves during a scan queue one more run after it', async () => {
    const relative = 'app/saved_often.py';
    const document = await newPythonFile(relative, 'import subprocess\n');
    rmSync(gateOpen, { force: true });
    rmSync(gateLog, { force: true });
    process.env.OPENPYPI_GATE_OPEN = gateOpen;
    process.env.OPENPYPI_GATE_LOG = gateLog;
    const gate = path.join(openPypi().extensionPath, 'test/fixtures/gated-bandit');
    process.env.PATH = `${gate}${path.delimiter}${originalPath ?? ''}`;
    const scans = (): string[] =>
      existsSync(gateLog)
        ? readFileSync(gateLog, 'utf8')
            .split('\n')
            .filter((line) => line !== '' && line !== '--version')
        : [];
    try {
      await appendAndSave(document, 'subprocess.call("ls", shell=True)');
      await waitFor(() => scans().length === 1, 'the first scan on save never started');
      // The first scan is held at the gate: two more saves, each past the save debounce.
      await appendAndSave(document, 'subprocess.call("pwd", shell=True)');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await appendAndSave(document, 'subprocess.call("id", shell=True)');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(scans().length, 1, 'a second Bandit started while the first one ran');
      writeFileSync(gateOpen, '');
      await (await api()).whenScansOnSaveIdle();
    } finally {
      writeFileSync(gateOpen, '');
      process.env.PATH = originalPath;
    }
    assert.equal(scans().length, 2, `Bandit ran ${scans().length} times for three saves`);
    const records = await scansOf(relative);
    assert.deepEqual(
      records.map((r) => r.type),
      ['scan.started', 'scan.finished', 'scan.started', 'scan.finished'],
    );
    // The queued run saw the last save: B404 for the import, B602 and B607 for each of the
    // three shell=True calls.
    assert.equal(records.at(-1)?.results, 7);
  });
});
