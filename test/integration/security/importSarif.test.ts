// Importing other tools' SARIF logs: every result with a workspace location becomes one
// diagnostic at its line (uriBaseIds resolved through originalUriBaseIds, artifact indices
// followed, related locations kept), results outside the workspace are listed as external and
// never become diagnostics, and importing works in the same way with the file given as a Uri.
import * as assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log } from 'sarif';
import * as vscode from 'vscode';
import type { OpenPypiApi } from '../../../src/extension';
import { auditRecords } from '../support/auditRecords';
import { openPypi } from '../support/manifest';
import { waitFor } from '../support/waitFor';

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness opens the demo workspace');
  return folder.uri;
}

/** `TOOL RULE path:line` of every diagnostic of the given tools. */
function diagnosticsOf(tools: readonly string[]): string[] {
  return vscode.languages
    .getDiagnostics()
    .flatMap(([uri, diagnostics]) =>
      diagnostics
        .filter((d) => tools.includes(d.source ?? ''))
        .map((d) => {
          const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
          return `${d.source ?? ''} ${code} ${path.relative(root().fsPath, uri.fsPath)}:${d.range.start.line + 1}`;
        }),
    )
    .sort();
}

/** A two-tool log with the shapes other tools write: base-id chains, related locations, an external file. */
function twoToolLog(workspace: string): Log {
  const location = (uri: string, line: number, uriBaseId?: string) => ({
    physicalLocation: {
      artifactLocation: uriBaseId === undefined ? { uri } : { uri, uriBaseId },
      region: { startLine: line },
    },
  });
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'Semgrep OSS',
            rules: [{ id: 'python.lang.security.audit.eval-detected' }],
          },
        },
        originalUriBaseIds: {
          PROJECT: { uri: `${pathToFileURL(workspace).href}/` },
          APP: { uri: 'app/', uriBaseId: 'PROJECT' },
        },
        results: [
          {
            ruleId: 'python.lang.security.audit.eval-detected',
            level: 'error',
            message: {
              text: 'Detected the use of eval(). <b>Not HTML</b> [not a link](command:foo)',
            },
            locations: [location('loader.py', 19, 'APP')],
            relatedLocations: [
              {
                ...location('app/web.py', 12, 'PROJECT'),
                message: { text: 'input comes from here' },
              },
            ],
          },
          {
            ruleId: 'python.lang.security.audit.eval-detected',
            message: { text: 'Outside the workspace' },
            locations: [location('file:///etc/passwd', 1)],
          },
        ],
      },
      {
        tool: { driver: { name: 'Gitleaks', rules: [{ id: 'generic-api-key' }] } },
        results: [
          {
            ruleId: 'generic-api-key',
            level: 'warning',
            message: { text: 'Possible secret' },
            locations: [location('app/settings.py', 6, '%SRCROOT%')],
          },
        ],
      },
    ],
  };
}

describe('Import SARIF File(s)', () => {
  before(async () => {
    await openPypi().activate();
    await vscode.commands.executeCommand('openpypi.security.clearResults');
  });

  it('imports several files given as Uri[] without a dialog, one diagnostic per workspace result', async () => {
    const reports = path.join(root().fsPath, 'reports');
    await mkdir(reports, { recursive: true });
    const crafted = path.join(reports, 'two-tools.sarif');
    await writeFile(crafted, JSON.stringify(twoToolLog(root().fsPath)), 'utf8');
    // CodeQL's own log from the codeql-action tests: artifact indices instead of URIs.
    const codeql = path.join(
      openPypi().extensionPath,
      'test/fixtures/sarif/codeql-action/valid/fingerprinting.input.sarif',
    );

    const count = await vscode.commands.executeCommand<number>('openpypi.security.importSarif', [
      vscode.Uri.file(crafted),
      vscode.Uri.file(codeql),
    ]);

    assert.equal(count, 5, 'five results in the two files');
    assert.deepEqual(diagnosticsOf(['Semgrep OSS', 'Gitleaks', 'CodeQL command-line toolchain']), [
      'CodeQL command-line toolchain js/unused-local-variable testFile1.js:1',
      'CodeQL command-line toolchain js/unused-local-variable testFile2.js:2',
      'Gitleaks generic-api-key app/settings.py:6',
      'Semgrep OSS python.lang.security.audit.eval-detected app/loader.py:19',
    ]);
  });

  it('keeps related locations and shows tool text as plain text', () => {
    const loader = vscode.Uri.joinPath(root(), 'app/loader.py');
    const diagnostic = vscode.languages
      .getDiagnostics(loader)
      .find((d) => d.source === 'Semgrep OSS');
    assert.ok(diagnostic);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    const [related, ...more] = diagnostic.relatedInformation ?? [];
    assert.ok(related);
    assert.equal(more.length, 0);
    assert.equal(related.message, 'input comes from here');
    assert.equal(related.location.range.start.line, 11);
    assert.ok(
      diagnostic.message.includes('<b>Not HTML</b> [not a link](command:foo)'),
      diagnostic.message,
    );
  });

  it('lists a result outside the workspace as external, never as a workspace diagnostic', async () => {
    const api = (await openPypi().activate()) as OpenPypiApi;
    const external = api.findings().filter((f) => f.location.kind === 'external');
    assert.deepEqual(
      external.map((f) => (f.location.kind === 'external' ? f.location.uri : '')),
      ['file:///etc/passwd'],
    );
    const shown = vscode.languages.getDiagnostics().map(([uri]) => uri.fsPath);
    assert.ok(!shown.includes('/etc/passwd'));
  });

  it('a broken file is reported and loses nothing already imported', async () => {
    const broken = path.join(root().fsPath, 'reports', 'broken.sarif');
    await writeFile(broken, '{"version": "2.1.0", "runs": [', 'utf8');
    const before = diagnosticsOf(['Semgrep OSS', 'Gitleaks', 'CodeQL command-line toolchain']);
    const count = await vscode.commands.executeCommand<number>(
      'openpypi.security.importSarif',
      vscode.Uri.file(broken),
    );
    assert.equal(count, 0);
    assert.deepEqual(
      diagnosticsOf(['Semgrep OSS', 'Gitleaks', 'CodeQL command-line toolchain']),
      before,
    );
  });

  it('sends only the files whose findings changed: importing a log on one file leaves the others as they are', async () => {
    const reports = path.join(root().fsPath, 'reports');
    const single = path.join(reports, 'one-file.sarif');
    const log: Log = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'One File', rules: [{ id: 'ONE001' }] } },
          results: [
            {
              ruleId: 'ONE001',
              message: { text: 'only app/web.py' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'app/web.py' },
                    region: { startLine: 3 },
                  },
                },
              ],
            },
          ],
        },
      ],
    };
    await writeFile(single, JSON.stringify(log), 'utf8');
    const before = diagnosticsOf(['Semgrep OSS', 'Gitleaks', 'CodeQL command-line toolchain']);
    const changed: string[] = [];
    let lastEvent = Date.now();
    const listening = vscode.languages.onDidChangeDiagnostics((event) => {
      lastEvent = Date.now();
      for (const uri of event.uris) changed.push(path.relative(root().fsPath, uri.fsPath));
    });
    try {
      // Change events of earlier publications can still be on their way (VS Code delivers them
      // debounced, on a later turn): only what this import sends is counted.
      await waitFor(() => Date.now() - lastEvent > 300, 'the diagnostics never stopped changing');
      changed.length = 0;
      const count = await vscode.commands.executeCommand<number>(
        'openpypi.security.importSarif',
        vscode.Uri.file(single),
      );
      assert.equal(count, 1);
      // The event of a collection change comes on a later turn of the event loop.
      await waitFor(() => changed.includes('app/web.py'), 'no change event for app/web.py');
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      listening.dispose();
    }
    // Before, every file with findings was sent again (and changed) with each publication.
    for (const untouched of ['app/loader.py', 'app/settings.py', 'testFile1.js', 'testFile2.js'])
      assert.ok(!changed.includes(untouched), `${untouched} was sent again: ${changed.join(', ')}`);
    assert.deepEqual(diagnosticsOf(['One File']), ['One File ONE001 app/web.py:3']);
    assert.deepEqual(
      diagnosticsOf(['Semgrep OSS', 'Gitleaks', 'CodeQL command-line toolchain']),
      before,
    );
  });

  it('records each imported file with its result count in the audit log', async () => {
    const imported = async () =>
      (await auditRecords()).filter(
        (r) => r.type === 'sarif.imported' && r.file === 'reports/two-tools.sarif',
      );
    await waitFor(async () => (await imported()).length > 0, 'no sarif.imported record');
    // Three results in the crafted log (two Semgrep, one Gitleaks), the external one included.
    assert.equal((await imported())[0]?.results, 3);
  });

  it('with watchSarifFiles on, reloads a log that another tool writes and rewrites', async () => {
    await vscode.workspace
      .getConfiguration('openpypi', root())
      .update('security.watchSarifFiles', true, vscode.ConfigurationTarget.Workspace);
    const file = path.join(root().fsPath, 'reports', 'watched.sarif');
    const logWith = (lines: readonly number[]): string =>
      JSON.stringify({
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'Watched Tool', rules: [{ id: 'W1' }] } },
            results: lines.map((line) => ({
              ruleId: 'W1',
              level: 'warning',
              message: { text: `seen at ${line}` },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'app/web.py' },
                    region: { startLine: line },
                  },
                },
              ],
            })),
          },
        ],
      });
    try {
      await writeFile(file, logWith([3]), 'utf8');
      await waitFor(
        () => diagnosticsOf(['Watched Tool']).join() === 'Watched Tool W1 app/web.py:3',
        `the new log was not loaded: ${diagnosticsOf(['Watched Tool']).join(', ')}`,
      );
      await writeFile(file, logWith([5, 7]), 'utf8');
      await waitFor(
        () =>
          diagnosticsOf(['Watched Tool']).join() ===
          'Watched Tool W1 app/web.py:5,Watched Tool W1 app/web.py:7',
        `the rewritten log was not reloaded: ${diagnosticsOf(['Watched Tool']).join(', ')}`,
      );
    } finally {
      await vscode.workspace
        .getConfiguration('openpypi', root())
        .update('security.watchSarifFiles', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

describe('Import SARIF File(s) into a folder that shows nothing else', () => {
  // The diagnostics of such an import are grouped by file while the worker still reads the log
  // (DiagnosticsPreparation) and published as grouped; anything else is grouped at publication.
  const result = (line: number, file: string, extra: object = {}) => ({
    ruleId: 'ALONE1',
    message: { text: `${file} line ${line}` },
    locations: [
      { physicalLocation: { artifactLocation: { uri: file }, region: { startLine: line } } },
    ],
    ...extra,
  });
  const log = (results: object[]): string =>
    JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'Alone Tool',
              rules: [{ id: 'ALONE1', helpUri: 'https://example.com/rules/alone1' }],
            },
          },
          results,
        },
      ],
    });
  /** `path:line message code-link` of each diagnostic of the tool, files sorted, each file in order. */
  const shown = (): string[] =>
    vscode.languages
      .getDiagnostics()
      .sort(([a], [b]) => a.fsPath.localeCompare(b.fsPath))
      .flatMap(([uri, diagnostics]) =>
        diagnostics
          .filter((d) => d.source === 'Alone Tool')
          .map((d) => {
            const target = typeof d.code === 'object' ? d.code.target.toString() : 'no link';
            return `${path.relative(root().fsPath, uri.fsPath)}:${d.range.start.line + 1} ${d.message} ${target}`;
          }),
      );

  before(async () => {
    await openPypi().activate();
    await mkdir(path.join(root().fsPath, 'reports'), { recursive: true });
  });

  it('shows every result on its file, in log order, with the rule linking to its help', async () => {
    await vscode.commands.executeCommand('openpypi.security.clearResults');
    const file = path.join(root().fsPath, 'reports', 'alone.sarif');
    // Two files, interleaved: each file's diagnostics keep the order of the log.
    await writeFile(
      file,
      log([
        result(9, 'app/web.py'),
        result(4, 'app/loader.py'),
        result(2, 'app/web.py'),
        result(7, 'app/loader.py'),
      ]),
      'utf8',
    );
    const count = await vscode.commands.executeCommand<number>(
      'openpypi.security.importSarif',
      vscode.Uri.file(file),
    );
    assert.equal(count, 4);
    const help = 'https://example.com/rules/alone1';
    assert.deepEqual(shown(), [
      `app/loader.py:4 app/loader.py line 4 ${help}`,
      `app/loader.py:7 app/loader.py line 7 ${help}`,
      `app/web.py:9 app/web.py line 9 ${help}`,
      `app/web.py:2 app/web.py line 2 ${help}`,
    ]);
  });

  it('leaves out a suppressed result, and shows another import in the same folder beside it', async () => {
    await vscode.commands.executeCommand('openpypi.security.clearResults');
    const first = path.join(root().fsPath, 'reports', 'alone-suppressed.sarif');
    await writeFile(
      first,
      log([
        result(3, 'app/web.py'),
        result(5, 'app/web.py', { suppressions: [{ kind: 'inSource' }] }),
      ]),
      'utf8',
    );
    const second = path.join(root().fsPath, 'reports', 'alone-second.sarif');
    await writeFile(second, log([result(8, 'app/settings.py')]), 'utf8');
    await vscode.commands.executeCommand('openpypi.security.importSarif', vscode.Uri.file(first));
    assert.deepEqual(shown(), ['app/web.py:3 app/web.py line 3 https://example.com/rules/alone1']);
    await vscode.commands.executeCommand('openpypi.security.importSarif', vscode.Uri.file(second));
    assert.deepEqual(shown(), [
      'app/settings.py:8 app/settings.py line 8 https://example.com/rules/alone1',
      'app/web.py:3 app/web.py line 3 https://example.com/rules/alone1',
    ]);
  });
});
