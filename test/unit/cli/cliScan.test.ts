import * as assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Log } from 'sarif';
import { multitoolViolations } from '../core/sarif/multitoolValidation';
import { DEMO_WORKSPACE } from '../core/sarif/sarifFixtures';
import { runOpenpypi } from './runOpenpypi';

const DEMO_RULES = [
  'B201',
  'B301',
  'B303',
  'B307',
  'B403',
  'B404',
  'B501',
  'B506',
  'B602',
  'B603',
  'B607',
];

async function readLog(file: string): Promise<Log> {
  return JSON.parse(await readFile(file, 'utf8')) as Log;
}

describe('openpypi scan with the real Bandit on the demo workspace', function () {
  this.timeout(120_000);
  let folder: string;
  let workspace: string;
  // Each test gets its own cache folder, so the CLI's tool-version cache never touches ~/.cache.
  const run = (args: string[], cwd: string): ReturnType<typeof runOpenpypi> =>
    runOpenpypi(args, cwd, { ...process.env, XDG_CACHE_HOME: path.join(folder, 'cache') });

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'openpypi-cli-'));
    workspace = path.join(folder, 'demo');
    await cp(DEMO_WORKSPACE, workspace, { recursive: true });
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes a valid log of the 11 findings and exits 1 on errors by default', async () => {
    const cli = await run(['scan', '.', '--tools', 'bandit'], workspace);
    assert.equal(cli.code, 1, cli.stderr);
    const logPath = path.join(workspace, '.openpypi/reports/openpypi.sarif');
    assert.equal(cli.stdout.trim(), logPath);
    const log = await readLog(logPath);
    const results = log.runs.flatMap((sarifRun) => sarifRun.results ?? []);
    assert.deepEqual([...new Set(results.map((result) => result.ruleId))].sort(), DEMO_RULES);
    assert.equal(results.length, 11);
    for (const result of results) {
      assert.ok(result.partialFingerprints?.['openpypi/v1']);
      assert.ok(result.partialFingerprints.primaryLocationLineHash);
    }
    assert.match(cli.stderr, /Bandit\s+3\s+4\s+4\s+0\s+11/);
    assert.match(cli.stderr, /Unique findings: 11/);
    assert.deepEqual(await multitoolViolations(logPath), []);
  });

  it('exits by --fail-on: none 0, error 1', async () => {
    const none = await run(['scan', workspace, '--tools', 'bandit', '--fail-on', 'none'], folder);
    assert.equal(none.code, 0, none.stderr);
    const note = await run(
      ['scan', workspace, '--tools', 'bandit', '--fail-on', 'note', '--sarif', 'x.sarif'],
      folder,
    );
    assert.equal(note.code, 1);
    assert.equal(note.stdout.trim(), path.join(folder, 'x.sarif'));
  });

  it('exits 2 when every requested tool failed, and names the missing tool with its install hint', async () => {
    const cli = await run(
      ['scan', '.', '--tools', 'bandit', '--bandit-path', path.join(folder, 'no-bandit')],
      workspace,
    );
    assert.equal(cli.code, 2);
    assert.match(cli.stderr, /bandit.+not installed/i);
    assert.match(cli.stderr, /pip install bandit/);
  });

  it('with --baseline marks unchanged, new and absent results', async () => {
    const first = await run(
      ['scan', '.', '--tools', 'bandit', '--sarif', '../first.sarif', '--fail-on', 'none'],
      workspace,
    );
    assert.equal(first.code, 0, first.stderr);
    const runPy = path.join(workspace, 'app/run.py');
    const original = await readFile(runPy, 'utf8');
    // Move every line down (fingerprints must hold) and add one new finding.
    await writeFile(runPy, `"""Moved."""\n\n\n${original}\n\ndef extra(x):\n    return eval(x)\n`);
    await rm(path.join(workspace, 'app/loader.py'));
    const second = await run(
      ['scan', '.', '--tools', 'bandit', '--baseline', '../first.sarif', '--fail-on', 'none'],
      workspace,
    );
    assert.equal(second.code, 0, second.stderr);
    const log = await readLog(second.stdout.trim());
    const states = new Map<string, number>();
    for (const result of log.runs.flatMap((sarifRun) => sarifRun.results ?? [])) {
      const key = result.baselineState ?? 'none';
      states.set(key, (states.get(key) ?? 0) + 1);
    }
    const previous = await readLog(path.join(folder, 'first.sarif'));
    const loaderCount = (previous.runs[0]?.results ?? []).filter((result) =>
      result.locations?.[0]?.physicalLocation?.artifactLocation?.uri?.endsWith('loader.py'),
    ).length;
    assert.ok(loaderCount > 0);
    assert.equal(states.get('absent'), loaderCount);
    assert.equal(states.get('new'), 1);
    assert.equal(states.get('unchanged'), 11 - loaderCount);
    assert.match(second.stderr, /absent\): \d+/);
    assert.deepEqual(await multitoolViolations(second.stdout.trim()), []);
  });

  it('remembers the tool version between runs, keyed by the executable', async () => {
    const bandit = '/usr/bin/bandit';
    const stats = await stat(bandit);
    const cacheFile = path.join(folder, 'cache', 'openpypi', 'tool-versions.json');
    await mkdir(path.dirname(cacheFile), { recursive: true });
    const key = `bandit|${bandit}|${stats.size}|${Math.round(stats.mtimeMs)}`;
    await writeFile(cacheFile, JSON.stringify({ [key]: '9.9.9-from-cache' }));
    const cli = await run(
      ['scan', '.', '--tools', 'bandit', '--bandit-path', bandit, '--fail-on', 'none'],
      workspace,
    );
    assert.equal(cli.code, 0, cli.stderr);
    const log = await readLog(cli.stdout.trim());
    assert.equal(log.runs[0]?.tool.driver.version, '9.9.9-from-cache');

    await rm(cacheFile);
    const fresh = await run(
      ['scan', '.', '--tools', 'bandit', '--bandit-path', bandit, '--fail-on', 'none'],
      workspace,
    );
    assert.equal((await readLog(fresh.stdout.trim())).runs[0]?.tool.driver.version, '1.6.2');
    assert.deepEqual(JSON.parse(await readFile(cacheFile, 'utf8')), { [key]: '1.6.2' });
  });

  it('runs all four tools (Bandit real, the others stand-ins printing real outputs) into one valid log', async () => {
    const bin = path.resolve(__dirname, '../../fixtures/bin');
    const cli = await run(
      [
        'scan',
        '.',
        '--pip-audit-path',
        path.join(bin, 'pip-audit'),
        '--safety-path',
        path.join(bin, 'safety'),
        '--trivy-path',
        path.join(bin, 'trivy'),
      ],
      workspace,
    );
    assert.equal(cli.code, 1, cli.stderr);
    const log = await readLog(cli.stdout.trim());
    const names = log.runs.map((sarifRun) => sarifRun.tool.driver.name.toLowerCase()).sort();
    assert.deepEqual(names, ['bandit', 'pip-audit', 'safety', 'trivy']);
    for (const sarifRun of log.runs) {
      assert.ok((sarifRun.results ?? []).length > 0, sarifRun.tool.driver.name);
    }
    assert.doesNotMatch(cli.stderr, /did not run/);
    assert.deepEqual(await multitoolViolations(cli.stdout.trim()), []);
  });

  it('keeps the other tools’ results when one tool times out', async () => {
    const bin = path.resolve(__dirname, '../../fixtures/bin');
    const cli = await runOpenpypi(
      [
        'scan',
        '.',
        '--tools',
        'bandit,safety',
        '--safety-path',
        path.join(bin, 'safety'),
        // The timeout holds for Bandit too: long enough for a real Bandit run on a loaded
        // machine, far shorter than the stand-in Safety's sleep.
        '--timeout',
        '15',
      ],
      workspace,
      { ...process.env, XDG_CACHE_HOME: path.join(folder, 'cache'), OPENPYPI_STANDIN_SLEEP: '600' },
    );
    assert.equal(cli.code, 1, cli.stderr);
    assert.match(cli.stderr, /safety: timed out/);
    const log = await readLog(cli.stdout.trim());
    const bandit = log.runs.find((sarifRun) => sarifRun.tool.driver.name === 'Bandit');
    assert.equal(bandit?.results?.length, 11);
  });
});
