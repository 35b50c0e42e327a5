import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Log } from 'sarif';
import { multitoolViolations } from '../core/sarif/multitoolValidation';
import { fixturePath } from '../core/sarif/sarifFixtures';
import { runOpenpypi } from './runOpenpypi';

describe('openpypi import on real tools’ SARIF', function () {
  this.timeout(120_000);
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'openpypi-import-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('merges several logs into one valid log and exits 1 on errors', async () => {
    const files = [
      'third-party/flawfinder.sarif',
      'third-party/taint-python-report.sarif',
      'trivy/config__report.sarif',
    ].map(fixturePath);
    const run = await runOpenpypi(['import', ...files, '--sarif', 'merged.sarif'], folder);
    assert.equal(run.code, 1, run.stderr);
    const log = JSON.parse(await readFile(path.join(folder, 'merged.sarif'), 'utf8')) as Log;
    assert.equal(log.runs.length, 3);
    assert.equal(
      log.runs.reduce((sum, sarifRun) => sum + (sarifRun.results?.length ?? 0), 0),
      54 + 11 + 8,
    );
    assert.match(run.stderr, /Unique findings: 73/);
    assert.deepEqual(await multitoolViolations(path.join(folder, 'merged.sarif')), []);
  });

  it('exits 0 with --fail-on none and writes to .openpypi/reports by default', async () => {
    const run = await runOpenpypi(
      ['import', fixturePath('third-party/dockle_0_3_15.sarif'), '--fail-on', 'none'],
      folder,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout.trim(), path.join(folder, '.openpypi/reports/openpypi.sarif'));
  });

  it('reports an unusable file by name and still imports the others', async () => {
    const bad = fixturePath('sarif-sdk/invalid/v2.0.0__Minimal.sarif');
    const run = await runOpenpypi(
      ['import', bad, fixturePath('third-party/no_runs.sarif')],
      folder,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stderr.includes(`${bad}: states SARIF version 2.0.0`));
    assert.match(run.stderr, /Unique findings: 0/);
  });

  it('exits 2 when no file can be imported', async () => {
    const run = await runOpenpypi(
      [
        'import',
        fixturePath('sarif-sdk/invalid/JSON1001.SyntaxError.sarif'),
        path.join(folder, 'missing.sarif'),
      ],
      folder,
    );
    assert.equal(run.code, 2);
    assert.match(run.stderr, /is not valid JSON/);
    assert.match(run.stderr, /Cannot read .*missing\.sarif/);
    assert.match(run.stderr, /no log was written/);
  });

  it('keeps secret values from the environment out of the written log', async () => {
    // Shaped like no known credential: only the environment registration can catch it.
    const secret = 'plainvalue-Zq8w77x';
    const log = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'Leaky' } },
          invocations: [{ executionSuccessful: true, commandLine: `leaky --key ${secret}` }],
          results: [],
        },
      ],
    };
    const input = path.join(folder, 'leaky.sarif');
    await writeFile(input, JSON.stringify(log));
    const run = await runOpenpypi(['import', input, '--sarif', 'out.sarif'], folder, {
      ...process.env,
      LEAKY_API_KEY: secret,
    });
    assert.equal(run.code, 0, run.stderr);
    const written = await readFile(path.join(folder, 'out.sarif'), 'utf8');
    assert.ok(!written.includes(secret));
    assert.ok(written.includes('leaky --key [REDACTED]'));
  });
});
