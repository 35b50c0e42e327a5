import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Run } from 'sarif';
import { silentLogger } from '../../../../src/core/logging/logger';
import { loadPackageLocator } from '../../../../src/core/manifests/manifestIndex';
import { parseBanditJson } from '../../../../src/core/scanners/bandit';
import { parsePipAuditJson } from '../../../../src/core/scanners/pipAudit';
import { parseSafetyJson } from '../../../../src/core/scanners/safety';
import { parseTrivy } from '../../../../src/core/scanners/trivy';
import type { ParseContext } from '../../../../src/core/scanners/scanner';
import { applyBaseline } from '../../../../src/core/sarif/applyBaseline';
import { mergeRuns } from '../../../../src/core/sarif/mergeRuns';
import { property } from '../../../../src/core/sarif/sarifVocabulary';
import { summariseLog } from '../../../../src/core/sarif/summariseLog';
import { assertLogShape } from './logShape';
import { multitoolViolations } from './multitoolValidation';
import { DEMO_WORKSPACE } from './sarifFixtures';

const FIXTURES = path.resolve(__dirname, '../../../fixtures');

function fixture(relative: string): string {
  return readFileSync(path.join(FIXTURES, relative), 'utf8');
}

describe('the scanner adapters’ runs on real tool outputs, merged', function () {
  this.timeout(120_000);

  it('make one log that passes the SARIF Multitool, before and after a baseline', async () => {
    const manifests = ['requirements.txt', 'pyproject.toml'];
    const context: ParseContext = {
      root: DEMO_WORKSPACE,
      locator: await loadPackageLocator(DEMO_WORKSPACE, manifests, silentLogger),
      auditedManifests: manifests,
    };
    const runs: Run[] = [
      parseBanditJson(fixture('bandit/dd.json'), context),
      parsePipAuditJson(fixture('pip-audit/many_vulns.json'), context),
      parseSafetyJson(fixture('safety/check-v2__report.json'), context),
      parseTrivy(fixture('trivy/v0.74.0__fs__pip.json'), context),
      parseTrivy(fixture('trivy/v0.74.0__image__alpine-310.json'), context),
      parseTrivy(fixture('trivy/v0.74.0__config__dockerfile.json'), context),
    ];
    const log = mergeRuns(runs, { root: DEMO_WORKSPACE });
    assertLogShape(log);
    const dependencyResults = log.runs
      .flatMap((run) => run.results ?? [])
      .filter((result) => result.properties?.[property.package] !== undefined);
    assert.ok(dependencyResults.length > 10);
    for (const result of dependencyResults) {
      assert.ok(result.correlationGuid);
      assert.ok(Array.isArray(result.properties?.[property.seenBy]));
    }
    const summary = summariseLog(log);
    assert.ok(
      summary.uniqueFindings <= log.runs.reduce((sum, run) => sum + (run.results?.length ?? 0), 0),
    );
    assert.deepEqual(await multitoolViolations(log), []);

    const half = mergeRuns(runs.slice(0, 3), { root: DEMO_WORKSPACE });
    applyBaseline(half, log);
    assertLogShape(half);
    assert.deepEqual(await multitoolViolations(half), []);
  });
});
