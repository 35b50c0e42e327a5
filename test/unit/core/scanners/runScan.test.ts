import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Logger } from '../../../../src/core/logging/logger';
import { silentLogger } from '../../../../src/core/logging/logger';
import { Redactor } from '../../../../src/core/redaction/redactor';
import type { ScanOptions, ToolOutcome } from '../../../../src/core/scanners/runScan';
import { runScan } from '../../../../src/core/scanners/runScan';
import { ScanRegistry } from '../../../../src/core/scanners/scanRegistry';
import { ToolVersionCache } from '../../../../src/core/scanners/toolVersionCache';
import { assertRunShape, demoRoot, fixturesDir, resultKeys } from './runShape';

const standIn = (tool: string): string => path.join(fixturesDir, 'bin', tool);
const isPosix = process.platform !== 'win32';

describe('runScan', function () {
  let dir: string;
  let standInLog: string;
  before(async function () {
    if (!isPosix) {
      this.skip();
    }
    dir = await mkdtemp(path.join(tmpdir(), 'openpypi-scan-'));
  });
  beforeEach(async () => {
    standInLog = path.join(dir, `calls-${Math.random().toString(36).slice(2)}.log`);
    await writeFile(standInLog, '');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const calls = async (): Promise<string[]> =>
    (await readFile(standInLog, 'utf8')).split('\n').filter((l) => l !== '');

  function options(overrides: Partial<ScanOptions> = {}): ScanOptions {
    return {
      root: demoRoot,
      logger: silentLogger,
      registry: new ScanRegistry(),
      versionCache: new ToolVersionCache(),
      executables: {
        'pip-audit': standIn('pip-audit'),
        safety: standIn('safety'),
        trivy: standIn('trivy'),
      },
      env: { ...process.env, OPENPYPI_STANDIN_LOG: standInLog },
      ...overrides,
    };
  }

  it('runs the real Bandit over the demo workspace and finds exactly the planted issues', async () => {
    const progress: string[] = [];
    const result = await runScan(
      options({
        tools: ['bandit'],
        onProgress: (tool, state, outcome) =>
          progress.push(`${tool}:${state}:${outcome?.status ?? ''}`),
      }),
    );
    assert.deepEqual(progress, ['bandit:started:', 'bandit:finished:ok']);
    assert.equal(result.runs.length, 1);
    const run = result.runs[0];
    assert.ok(run !== undefined);
    assertRunShape(run);
    const keys = resultKeys(run).sort(
      (a, b) => a[1].localeCompare(b[1]) || (a[2] ?? 0) - (b[2] ?? 0) || a[0].localeCompare(b[0]),
    );
    assert.deepEqual(keys, [
      ['B403', 'app/loader.py', 2],
      ['B506', 'app/loader.py', 9],
      ['B301', 'app/loader.py', 14],
      ['B307', 'app/loader.py', 19],
      ['B404', 'app/run.py', 2],
      ['B602', 'app/run.py', 7],
      ['B603', 'app/run.py', 11],
      ['B607', 'app/run.py', 11],
      ['B303', 'app/settings.py', 11],
      ['B501', 'app/web.py', 18],
      ['B201', 'app/web.py', 23],
    ]);
    assert.match(run.tool.driver.version ?? '', /^\d+\.\d+/);
    const invocation = run.invocations?.[0];
    assert.equal(invocation?.exitCode, 1, 'Bandit exits 1 when it found issues');
    assert.equal(invocation.executionSuccessful, true);
    assert.match(invocation.commandLine ?? '', /bandit -f json -q -r \. -x/);
    assert.equal(invocation.workingDirectory?.uri, `file://${demoRoot}/`);
    assert.ok(Date.parse(invocation.startTimeUtc ?? '') <= Date.parse(invocation.endTimeUtc ?? ''));
    assert.deepEqual(
      result.outcomes.map((o) => [o.tool, o.status, o.resultCount]),
      [['bandit', 'ok', 11]],
    );
  });

  it('keeps Bandit out of virtual environments and node_modules, but not out of look-alike folders', async () => {
    const workspace = path.join(dir, 'excludes');
    for (const file of ['.venv/lib/x.py', 'node_modules/p/z.py', 'venvtools/keep.py', 'app/y.py']) {
      await mkdir(path.dirname(path.join(workspace, file)), { recursive: true });
      await writeFile(path.join(workspace, file), 'assert True\n');
    }
    const result = await runScan(options({ root: workspace, tools: ['bandit'] }));
    const files = resultKeys(result.runs[0] ?? { tool: { driver: { name: '' } } }).map(
      ([, uri]) => uri,
    );
    assert.deepEqual(files.sort(), ['app/y.py', 'venvtools/keep.py']);
  });

  it('runs Bandit on the files given only', async () => {
    const result = await runScan(
      options({ tools: ['bandit'], files: ['app/web.py', 'README.md'] }),
    );
    assert.deepEqual(
      resultKeys(result.runs[0] ?? { tool: { driver: { name: '' } } })
        .map(([id]) => id)
        .sort(),
      ['B201', 'B501'],
    );
  });

  it('runs pip-audit, Safety and Trivy (stand-ins) in parallel and places their findings on manifest lines', async () => {
    const result = await runScan(options({ tools: ['pip-audit', 'safety', 'trivy'] }));
    assert.deepEqual(
      result.outcomes.map((o) => [o.tool, o.status]),
      [
        ['pip-audit', 'ok'],
        ['safety', 'ok'],
        ['trivy', 'ok'],
      ],
    );
    for (const run of result.runs) {
      assertRunShape(run);
    }
    const [pipAudit, safety, trivy] = result.runs;
    assert.equal(pipAudit?.tool.driver.version, '2.7.3');
    assert.equal(pipAudit.invocations?.[0]?.exitCode, 1);
    assert.equal(pipAudit.invocations[0].executionSuccessful, true);
    // The demo's requirements.txt declares flask on line 2.
    assert.deepEqual(resultKeys(pipAudit)[0], ['PYSEC-2019-179', 'requirements.txt', 2]);
    assert.equal(safety?.tool.driver.version, '2.3.5');
    assert.equal(safety.invocations?.[0]?.exitCode, 64);
    assert.equal(trivy?.tool.driver.version, '0.50.1');
    const log = await calls();
    assert.ok(log.includes('pip-audit -f json --progress-spinner off -r requirements.txt key='));
    assert.ok(log.includes('safety check --json -r requirements.txt key='));
    assert.ok(log.some((l) => l.startsWith('trivy fs --format json')));
  });

  it('passes tokens through the environment only, never argv, logs or SARIF', async () => {
    const token = 'sfty-test-token-0123456789';
    const redactor = new Redactor();
    redactor.addSecret(token);
    const lines: string[] = [];
    const logger: Logger = {
      error: (m) => lines.push(m),
      warn: (m) => lines.push(m),
      info: (m) => lines.push(m),
      debug: (m) => lines.push(m),
    };
    const result = await runScan(
      options({
        tools: ['safety'],
        redactor,
        logger,
        env: { ...process.env, OPENPYPI_STANDIN_LOG: standInLog, SAFETY_API_KEY: token },
      }),
    );
    assert.equal(result.outcomes[0]?.status, 'ok');
    const log = await calls();
    assert.ok(
      log.some((l) => l.startsWith('safety check') && l.endsWith('key=set')),
      'the tool saw the key',
    );
    assert.ok(!log.join('\n').includes(token), 'not in argv');
    assert.ok(!JSON.stringify(result).includes(token), 'not in SARIF');
    assert.ok(!lines.join('\n').includes(token), 'not in logs');
  });

  it('redacts credentials that a tool quotes in a message or snippet', async () => {
    const workspace = path.join(dir, 'quoted-secret');
    await mkdir(workspace, { recursive: true });
    const token = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    await writeFile(
      path.join(workspace, 'settings.py'),
      `import subprocess\nsubprocess.call("curl -H 'token ${token}' x", shell=True)\n`,
    );
    const result = await runScan(options({ root: workspace, tools: ['bandit'] }));
    const run = result.runs[0];
    assert.ok(run !== undefined);
    assert.ok((run.results?.length ?? 0) > 0);
    const text = JSON.stringify(run);
    assert.ok(!text.includes(token), 'the token is not in the SARIF');
    assert.ok(text.includes('[REDACTED]'));
  });

  it('reports a missing tool as not-installed with the pip command, and keeps the other tools', async () => {
    const result = await runScan(
      options({
        tools: ['bandit', 'pip-audit'],
        executables: {},
        env: { PATH: path.dirname(process.execPath) + ':/usr/bin:/bin' },
      }),
    );
    const byTool = new Map(result.outcomes.map((o) => [o.tool, o]));
    assert.equal(byTool.get('pip-audit')?.status, 'not-installed');
    assert.equal(byTool.get('pip-audit')?.installHint, 'python -m pip install pip-audit');
    assert.match(byTool.get('pip-audit')?.message ?? '', /pip-audit is not installed/);
    assert.equal(byTool.get('bandit')?.status, 'ok');
    assert.deepEqual(
      result.runs.map((r) => r.tool.driver.name),
      ['Bandit'],
    );
  });

  it('reports a configured executable that does not exist as not-installed, naming the path', async () => {
    const result = await runScan(
      options({ tools: ['safety'], executables: { safety: path.join(dir, 'nope', 'safety') } }),
    );
    assert.equal(result.outcomes[0]?.status, 'not-installed');
    assert.match(result.outcomes[0].message ?? '', /nope\/safety does not exist/);
  });

  it('keeps a run with executionSuccessful false when a tool fails with no output', async () => {
    const result = await runScan(
      options({
        tools: ['trivy', 'pip-audit'],
        env: {
          ...process.env,
          OPENPYPI_STANDIN_LOG: standInLog,
          OPENPYPI_STANDIN_TRIVY_OUTPUT: 'none',
          OPENPYPI_STANDIN_TRIVY_EXIT: '2',
        },
      }),
    );
    const [trivyOutcome, pipAuditOutcome] = result.outcomes as [ToolOutcome, ToolOutcome];
    assert.equal(trivyOutcome.status, 'failed');
    assert.match(trivyOutcome.message ?? '', /Trivy failed with exit code 2 and printed no error/);
    assert.equal(pipAuditOutcome.status, 'ok');
    const trivy = result.runs.find((r) => r.tool.driver.name === 'Trivy');
    assert.ok(trivy !== undefined);
    assertRunShape(trivy);
    assert.equal(trivy.invocations?.[0]?.executionSuccessful, false);
    assert.equal(trivy.invocations[0].exitCode, 2);
    assert.match(
      trivy.invocations[0].toolExecutionNotifications?.[0]?.message.text ?? '',
      /exit code 2/,
    );
    assert.equal(result.runs.find((r) => r.tool.driver.name === 'pip-audit')?.results?.length, 2);
  });

  it('marks output that is not the tool report as failed, with the reason in a notification', async () => {
    const junk = path.join(dir, 'junk.txt');
    await writeFile(junk, '<html><body>Rate limited</body></html>');
    const result = await runScan(
      options({
        tools: ['pip-audit'],
        env: { ...process.env, OPENPYPI_STANDIN_PIP_AUDIT_OUTPUT: junk },
      }),
    );
    assert.equal(result.outcomes[0]?.status, 'failed');
    assert.match(
      result.outcomes[0].message ?? '',
      /pip-audit output could not be read: it is not JSON/,
    );
    assert.equal(result.runs[0]?.invocations?.[0]?.executionSuccessful, false);
    assert.equal(result.runs[0].invocations[0].toolExecutionNotifications?.[0]?.level, 'error');
  });

  it("gives the tool's own error when it printed nothing but exited with a findings code", async () => {
    const result = await runScan(
      options({
        tools: ['pip-audit'],
        env: {
          ...process.env,
          OPENPYPI_STANDIN_PIP_AUDIT_OUTPUT: 'none',
          OPENPYPI_STANDIN_STDERR: 'ERROR:pip_audit._cli:package resolution failed',
        },
      }),
    );
    assert.equal(result.outcomes[0]?.status, 'failed');
    assert.match(
      result.outcomes[0].message ?? '',
      /printed nothing on stdout\. The tool said: ERROR:pip_audit\._cli:package resolution failed/,
    );
  });

  it('stops a tool that never ends at the timeout and still yields its run', async () => {
    const result = await runScan(
      options({
        tools: ['trivy'],
        timeoutMs: 300,
        env: { ...process.env, OPENPYPI_STANDIN_SLEEP: '30' },
      }),
    );
    assert.equal(result.outcomes[0]?.status, 'timed-out');
    assert.match(result.outcomes[0].message ?? '', /did not finish within/);
    assert.equal(result.runs[0]?.invocations?.[0]?.executionSuccessful, false);
  });

  it('stops a tool whose output passes the cap, with the clear error', async () => {
    const result = await runScan(options({ tools: ['safety'], maxOutputBytes: 1000 }));
    assert.equal(result.outcomes[0]?.status, 'failed');
    assert.match(
      result.outcomes[0].message ?? '',
      /more than 1000 bytes.*openpypi\.security\.maxOutputMegabytes/,
    );
  });

  it('is cancelled by its AbortSignal', async () => {
    const controller = new AbortController();
    const scan = runScan(
      options({
        tools: ['trivy'],
        signal: controller.signal,
        env: { ...process.env, OPENPYPI_STANDIN_SLEEP: '30' },
      }),
    );
    setTimeout(() => {
      controller.abort();
    }, 200);
    const result = await scan;
    assert.equal(result.outcomes[0]?.status, 'cancelled');
    assert.deepEqual(result.runs, []);
  });

  it('joins a second request for the same tool and workspace, and asks the version once', async () => {
    const shared = options({ tools: ['pip-audit'] });
    const [a, b] = await Promise.all([runScan(shared), runScan(shared)]);
    assert.equal(a.runs[0], b.runs[0], 'the same run object: one invocation served both');
    const log = await calls();
    assert.equal(log.filter((l) => l.startsWith('pip-audit -f json')).length, 1);
    await runScan(shared);
    const after = await calls();
    assert.equal(
      after.filter((l) => l.startsWith('pip-audit -f json')).length,
      2,
      'a later request runs again',
    );
    assert.equal(
      after.filter((l) => l.startsWith('pip-audit --version')).length,
      1,
      'version asked once',
    );
  });

  it('says when a tool has nothing to scan', async () => {
    const noPython = path.resolve(demoRoot, '../no-python');
    const result = await runScan(options({ root: noPython, tools: ['pip-audit'] }));
    assert.equal(result.outcomes[0]?.status, 'ok');
    assert.match(result.outcomes[0].message ?? '', /nothing to scan/);
    assert.deepEqual(result.runs, []);
  });
});
