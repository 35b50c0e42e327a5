import * as assert from 'node:assert/strict';
import type { Run } from 'sarif';
import { applyBaseline } from '../../../../src/core/sarif/applyBaseline';
import { importSarif } from '../../../../src/core/sarif/importSarif';
import { mergeRuns } from '../../../../src/core/sarif/mergeRuns';
import { assertLogShape } from './logShape';
import { multitoolViolations } from './multitoolValidation';
import { codeResult, dependencyResult, runOf } from './runFactory';
import { DEMO_WORKSPACE, fixturePath, readFixture } from './sarifFixtures';

// Real logs with the quirks an importer meets; several fail the Multitool as they are.
const QUIRKY = [
  'third-party/taint-python-report.sarif',
  'third-party/flawfinder.sarif',
  'third-party/codeQL-output.sarif',
  'third-party/spotbugs.sarif',
  'third-party/gitleaks_7.5.0.sarif',
  'sarif-sdk/invalid/Rel_All.sarif',
  'sarif-sdk/invalid/EmbeddedLocations.csv.sarif',
  'sarif-sdk/invalid/RunWithArtifacts.sarif',
  'sarif-sdk/invalid/SARIF1013.SarifReferencesMustResolve_Invalid.sarif',
  'sarif-sdk/valid/MultipleRuns.sarif',
  'sarif-sdk/valid/SARIF2017.SARIFProvideRequiredRegionProperties_Valid.sarif',
  'sarif-sdk/valid/elfie-arriba-utf8-bom.sarif',
  'sarif-sdk/valid/ai-example.sarif',
  'bandit/formatter-sarif-docstring-example.sarif',
  'trivy/image__alpine-310.sarif',
  'codeql-action/invalid/with-invalid-uri.sarif',
  'codeql-action/invalid/tool-names.sarif',
];

describe('logs OpenPypi writes pass the SARIF Multitool (SARIF and GitHub rules)', function () {
  this.timeout(120_000);

  it('a merge of imported real-world logs with their quirks', async () => {
    const before = await multitoolViolations(fixturePath('third-party/flawfinder.sarif'));
    assert.ok(before.length > 0, 'the source log itself has violations');
    const runs: Run[] = QUIRKY.flatMap(
      (file) => importSarif(readFixture(file), { root: DEMO_WORKSPACE, source: file }).runs,
    );
    const log = mergeRuns(runs, { root: DEMO_WORKSPACE });
    assert.ok(log.runs.length <= 20);
    assertLogShape(log);
    assert.deepEqual(await multitoolViolations(log), []);
  });

  it('a scan log with correlated dependency findings, a baseline and absent results', async () => {
    const previous = mergeRuns(
      [
        runOf('bandit', [
          codeResult('B602', 'app/run.py', 9),
          codeResult('B301', 'app/loader.py', 4),
        ]),
        runOf('pip-audit', [
          dependencyResult('flask', '0.12.2', ['PYSEC-2018-66', 'CVE-2018-1000656']),
        ]),
      ],
      { root: DEMO_WORKSPACE },
    );
    const current = mergeRuns(
      [
        runOf('bandit', [codeResult('B602', 'app/run.py', 9), codeResult('B307', 'app/web.py', 2)]),
        runOf('safety', [dependencyResult('jinja2', '2.10', ['37346', 'CVE-2019-10906'])]),
        runOf('trivy', [
          dependencyResult('jinja2', '2.10', ['CVE-2019-10906', 'GHSA-462w-v97r-4m45']),
        ]),
      ],
      { root: DEMO_WORKSPACE },
    );
    applyBaseline(current, previous);
    assertLogShape(current);
    assert.ok(
      current.runs.some((run) => run.results?.some((result) => result.baselineState === 'absent')),
    );
    assert.deepEqual(await multitoolViolations(current), []);
  });
});
