import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Log, Run } from 'sarif';
import { silentLogger } from '../../../../src/core/logging/logger';
import { runScan } from '../../../../src/core/scanners/runScan';
import { ScannerOutputError } from '../../../../src/core/scanners/scannerOutputError';
import { ScanRegistry } from '../../../../src/core/scanners/scanRegistry';
import { ToolVersionCache } from '../../../../src/core/scanners/toolVersionCache';
import { multitoolViolations } from '../sarif/multitoolValidation';
import { context, fixtureTexts, mutatedOutput, parsers } from './parserInputs';
import { demoRoot, fixture, fixturesDir } from './runShape';

/** Fixture runs chosen to cover every output shape; GitHub accepts at most 20 runs per log. */
const SAMPLE: [string, string][] = [
  ['bandit', 'dd.json'],
  ['pip-audit', 'many_vulns.json'],
  ['safety', 'check-v1__example_report.json'],
  ['safety', 'scan-v3__test.json'],
  ['trivy', 'v0.74.0__fs__pip.json'],
  ['trivy', 'v0.74.0__config__helm_testchart.json'],
  ['trivy', 'v0.74.0__image__ubi-7-comprehensive.json'],
  ['trivy', 'v0.74.0__image__alpine-310.sarif'],
  ['trivy', 'v0.74.0__fs__npm-with-suppressed.json'],
  ['trivy', 'misconfigurations_and_secrets.json'],
];

describe('runs the scanners produce pass the SARIF Multitool (SARIF and GitHub rules)', function () {
  this.timeout(120_000);

  it('has zero errors for real tool runs, fixture runs and runs from damaged output', async function () {
    if (process.platform !== 'linux') {
      this.skip();
    }
    const runs: Run[] = [];
    const scan = await runScan({
      root: demoRoot,
      logger: silentLogger,
      registry: new ScanRegistry(),
      versionCache: new ToolVersionCache(),
      executables: {
        'pip-audit': path.join(fixturesDir, 'bin', 'pip-audit'),
        safety: path.join(fixturesDir, 'bin', 'safety'),
        trivy: path.join(fixturesDir, 'bin', 'trivy'),
      },
    });
    assert.equal(scan.runs.length, 4);
    runs.push(...scan.runs);
    for (const [tool, file] of SAMPLE) {
      const parse = parsers[tool];
      assert.ok(parse !== undefined);
      runs.push(parse(fixture(tool, file), context));
    }
    // A few runs parsed from damaged output (deterministic seed), as the property test makes them.
    for (const tool of ['bandit', 'trivy']) {
      const parse = parsers[tool];
      assert.ok(parse !== undefined);
      let added = 0;
      for (const stdout of fc.sample(mutatedOutput(fixtureTexts(tool)), {
        numRuns: 40,
        seed: 42,
      })) {
        try {
          const run = parse(stdout, context);
          if ((run.results?.length ?? 0) > 0 && added < 2) {
            runs.push(run);
            added++;
          }
        } catch (error) {
          assert.ok(error instanceof ScannerOutputError);
        }
      }
    }
    assert.ok(runs.length <= 20, `${runs.length} runs`);
    const log: Log = {
      version: '2.1.0',
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      runs,
    };
    assert.deepEqual(await multitoolViolations(log), []);
  });
});
