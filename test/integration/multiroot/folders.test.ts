// A multi-root workspace of two folders, demo and service, that both hold app/run.py: each folder
// is scanned with real Bandit and reported on its own (diagnostics, report file, export), a file
// scan and an import touch only their folder, and nothing of one folder shows under the other.
import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from 'sarif';
import * as vscode from 'vscode';
import type { OpenPypiApi } from '../../../src/extension';
import type { ScanSummary } from '../../../src/features/security/scanController';
import { demoBanditFindings } from '../support/demoBanditFindings';
import { openPypi } from '../support/manifest';

const expectedDemo = demoBanditFindings;
const expectedService = ['B303 app/run.py:7', 'B307 app/run.py:12'];

function folder(name: string): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(found, `the harness opens the folder ${name}`);
  return found;
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** `RULE path:line` of every diagnostic of `source` whose file is inside the folder. */
function diagnosticsIn(name: string, source = 'Bandit'): string[] {
  const root = folder(name).uri.fsPath;
  return vscode.languages
    .getDiagnostics()
    .filter(([uri]) => !path.relative(root, uri.fsPath).startsWith('..'))
    .flatMap(([uri, diagnostics]) =>
      diagnostics
        .filter((d) => d.source === source)
        .map((d) => `${codeOf(d)} ${path.relative(root, uri.fsPath)}:${d.range.start.line + 1}`),
    )
    .sort();
}

/** `RULE uri:line` of every result of a SARIF file. */
async function resultsOf(file: string): Promise<string[]> {
  const log = JSON.parse(await readFile(file, 'utf8')) as Log;
  return log.runs
    .flatMap((run) => run.results ?? [])
    .map((result) => {
      const physical = result.locations?.[0]?.physicalLocation;
      return `${result.ruleId ?? ''} ${physical?.artifactLocation?.uri ?? ''}:${physical?.region?.startLine ?? ''}`;
    })
    .sort();
}

describe('A multi-root workspace: each folder on its own', () => {
  before(async () => {
    await openPypi().activate();
    assert.deepEqual(
      vscode.workspace.workspaceFolders?.map((f) => f.name),
      ['demo', 'service'],
    );
    for (const name of ['demo', 'service']) {
      await vscode.workspace
        .getConfiguration('openpypi', folder(name).uri)
        .update('security.tools', ['bandit'], vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await vscode.commands.executeCommand('openpypi.security.clearResults');
  });

  it('Scan Workspace scans each folder and reports it separately', async () => {
    const summaries = await vscode.commands.executeCommand<ScanSummary[]>(
      'openpypi.security.scanWorkspace',
    );
    assert.deepEqual(
      summaries.map((s) => [path.basename(s.folder), s.resultCount]),
      [
        ['demo', expectedDemo.length],
        ['service', expectedService.length],
      ],
    );
    assert.deepEqual(diagnosticsIn('demo'), expectedDemo);
    assert.deepEqual(diagnosticsIn('service'), expectedService);
    const api = (await openPypi().activate()) as OpenPypiApi;
    assert.equal(api.findings().length, expectedDemo.length + expectedService.length);
  });

  it("writes each folder's report into that folder, with only its own results", async () => {
    for (const [name, expected] of [
      ['demo', expectedDemo],
      ['service', expectedService],
    ] as const) {
      const report = path.join(folder(name).uri.fsPath, '.openpypi/reports/openpypi.sarif');
      assert.deepEqual(await resultsOf(report), expected, `${name}'s report`);
    }
  });

  it('Scan Current File replaces only that folder’s results for the file', async () => {
    const serviceRun = vscode.Uri.joinPath(folder('service').uri, 'app/run.py');
    await writeFile(
      serviceRun.fsPath,
      '"""Fixed."""\nimport hashlib\n\n\ndef digest(data):\n    return hashlib.sha256(data).hexdigest()\n',
      'utf8',
    );
    await vscode.commands.executeCommand('openpypi.security.scanFile', serviceRun);
    assert.deepEqual(diagnosticsIn('service'), []);
    // demo's app/run.py (same relative path) keeps its findings.
    assert.deepEqual(diagnosticsIn('demo'), expectedDemo);
  });

  it('imports a SARIF file into the folder that holds it, resolving its paths there', async () => {
    const file = path.join(folder('service').uri.fsPath, 'semgrep.sarif');
    const log: Log = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'Semgrep OSS', rules: [{ id: 'hashlib-import' }] } },
          results: [
            {
              ruleId: 'hashlib-import',
              level: 'note',
              message: { text: 'hashlib imported' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'app/run.py' },
                    region: { startLine: 2 },
                  },
                },
              ],
            },
          ],
        },
      ],
    };
    await writeFile(file, JSON.stringify(log), 'utf8');
    const count = await vscode.commands.executeCommand<number>(
      'openpypi.security.importSarif',
      vscode.Uri.file(file),
    );
    assert.equal(count, 1);
    assert.deepEqual(diagnosticsIn('service', 'Semgrep OSS'), ['hashlib-import app/run.py:2']);
    assert.deepEqual(diagnosticsIn('demo', 'Semgrep OSS'), []);
    assert.deepEqual(diagnosticsIn('demo'), expectedDemo);
  });

  it('Export SARIF writes the findings of the folder that holds the target, only those', async () => {
    const serviceExport = vscode.Uri.joinPath(folder('service').uri, 'export.sarif');
    await vscode.commands.executeCommand('openpypi.security.exportSarif', serviceExport);
    assert.deepEqual(await resultsOf(serviceExport.fsPath), ['hashlib-import app/run.py:2']);

    const demoExport = vscode.Uri.joinPath(folder('demo').uri, 'export.sarif');
    await vscode.commands.executeCommand('openpypi.security.exportSarif', demoExport);
    assert.deepEqual(await resultsOf(demoExport.fsPath), expectedDemo);
  });
});
