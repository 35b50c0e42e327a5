import * as assert from 'node:assert/strict';
import type { Log, Result } from 'sarif';
import { mergeRuns } from '../../../../src/core/sarif/mergeRuns';
import {
  FINGERPRINT_KEY,
  property,
  SARIF_SCHEMA_URI,
} from '../../../../src/core/sarif/sarifVocabulary';
import { summariseLog } from '../../../../src/core/sarif/summariseLog';
import { codeResult, dependencyResult, runOf } from './runFactory';

const root = '/work/project';

function results(log: Log): Result[] {
  return log.runs.flatMap((run) => run.results ?? []);
}

describe('mergeRuns', () => {
  it('writes one run per tool with the final schema URI and consistent rule indices', () => {
    const log = mergeRuns(
      [
        runOf('bandit', [codeResult('B602', 'app/run.py', 3)]),
        runOf('bandit', [
          codeResult('B301', 'app/loader.py', 5),
          codeResult('B602', 'app/x.py', 1),
        ]),
        runOf('trivy', [codeResult('DS002', 'Dockerfile', 1)]),
      ],
      { root, readText: () => undefined },
    );
    assert.equal(log.$schema, SARIF_SCHEMA_URI);
    assert.equal(log.version, '2.1.0');
    assert.deepEqual(
      log.runs.map((run) => [run.tool.driver.name, run.results?.length]),
      [
        ['bandit', 3],
        ['trivy', 1],
      ],
    );
    const bandit = log.runs[0];
    assert.ok(bandit);
    assert.deepEqual(
      bandit.tool.driver.rules?.map((rule) => rule.id),
      ['B602', 'B301'],
    );
    for (const result of bandit.results ?? []) {
      assert.equal(bandit.tool.driver.rules[result.ruleIndex ?? -1]?.id, result.ruleId);
    }
    assert.equal(bandit.originalUriBaseIds?.['%SRCROOT%']?.uri, 'file:///work/project/');
  });

  it('makes one finding of one vulnerability seen by several tools under different ids', () => {
    const log = mergeRuns(
      [
        runOf('pip-audit', [
          dependencyResult('jinja2', '2.10', [
            'PYSEC-2019-217',
            'CVE-2019-10906',
            'GHSA-462w-v97r-4m45',
          ]),
        ]),
        runOf('safety', [dependencyResult('jinja2', '2.10', ['37346', 'CVE-2019-10906'])]),
        runOf('trivy', [
          dependencyResult('jinja2', '2.10', ['GHSA-462w-v97r-4m45']),
          dependencyResult('jinja2', '2.10', ['CVE-2024-22195']),
        ]),
        runOf('safety', [dependencyResult('pyyaml', '5.3', ['CVE-2019-10906'])]),
      ],
      { root, readText: () => undefined },
    );
    const all = results(log);
    const jinja = all.filter(
      (result) => result.message.text?.startsWith('jinja2') && result.ruleId !== 'CVE-2024-22195',
    );
    assert.equal(jinja.length, 3);
    const guids = new Set(jinja.map((result) => result.correlationGuid));
    assert.equal(guids.size, 1);
    assert.match(
      [...guids][0] ?? '',
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    for (const result of jinja) {
      assert.deepEqual(result.properties?.[property.seenBy], ['pip-audit', 'safety', 'trivy']);
    }
    // The same CVE id in another package is another finding.
    const pyyaml = all.find((result) => result.message.text?.startsWith('pyyaml'));
    assert.notEqual(pyyaml?.correlationGuid, jinja[0]?.correlationGuid);
    const summary = summariseLog(log);
    assert.equal(summary.uniqueFindings, 3);
    assert.equal(all.length, 5);
    // Dependency fingerprints do not depend on the tool.
    const fingerprints = new Set(
      jinja.map((result) => result.partialFingerprints?.[FINGERPRINT_KEY]),
    );
    assert.equal(fingerprints.size, 1);
  });

  it('keeps fingerprints when lines move, and adds GitHub line hashes from the file text', () => {
    const before = 'import os\nos.system(cmd)\n';
    const after = '"""doc"""\n\nimport os\n\nos.system(cmd)\n';
    const fingerprint = (text: string, line: number): Record<string, string> | undefined =>
      mergeRuns([runOf('bandit', [codeResult('B605', 'app/run.py', line)])], {
        root,
        readText: (file) => (file === 'app/run.py' ? text : undefined),
      }).runs[0]?.results?.[0]?.partialFingerprints;
    const first = fingerprint(before, 2);
    const moved = fingerprint(after, 5);
    assert.ok(first?.[FINGERPRINT_KEY]);
    assert.equal(moved?.[FINGERPRINT_KEY], first[FINGERPRINT_KEY]);
    assert.equal(moved.primaryLocationLineHash, first.primaryLocationLineHash);
    const other = fingerprint('import os\nos.popen(cmd)\n', 2);
    assert.notEqual(other?.[FINGERPRINT_KEY], first[FINGERPRINT_KEY]);
  });

  it('ignores indentation and runs of spaces in the flagged line', () => {
    const fingerprint = (text: string): string | undefined =>
      mergeRuns([runOf('bandit', [codeResult('B1', 'a.py', 1)])], {
        root,
        readText: () => text,
      }).runs[0]?.results?.[0]?.partialFingerprints?.[FINGERPRINT_KEY];
    const plain = fingerprint('x = eval(y)\n');
    assert.equal(fingerprint('\tx  =  eval(y)   \n'), plain);
    assert.equal(fingerprint('    x = eval(y)\n'), plain);
    assert.notEqual(fingerprint('x = eval(z)\n'), plain);
  });

  it('tells identical findings apart by occurrence', () => {
    const log = mergeRuns(
      [runOf('bandit', [codeResult('B1', 'a.py', 1), codeResult('B1', 'a.py', 1)])],
      {
        root,
        readText: () => 'x = 1\n',
      },
    );
    const [a, b] = results(log).map((result) => result.partialFingerprints?.[FINGERPRINT_KEY]);
    assert.ok(a?.endsWith(':1'));
    assert.ok(b?.endsWith(':2'));
  });

  it('does not modify its input runs', () => {
    const input = runOf('bandit', [codeResult('B1', 'a.py', 1)]);
    const copy = structuredClone(input);
    mergeRuns([input], { root, readText: () => undefined });
    assert.deepEqual(input, copy);
  });
});
