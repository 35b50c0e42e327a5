import * as assert from 'node:assert/strict';
import type { Log } from 'sarif';
import { applyBaseline } from '../../../../src/core/sarif/applyBaseline';
import { mergeRuns } from '../../../../src/core/sarif/mergeRuns';
import { summariseLog } from '../../../../src/core/sarif/summariseLog';
import { codeResult, dependencyResult, runOf } from './runFactory';

const root = '/work/project';
const text = (file: string): string | undefined =>
  ({ 'a.py': 'import os\nos.system(x)\neval(y)\n', 'b.py': 'pickle.loads(z)\n' })[file];

function states(log: Log): [string | undefined, string | undefined][] {
  return log.runs.flatMap((run) =>
    (run.results ?? []).map((result): [string | undefined, string | undefined] => [
      result.ruleId,
      result.baselineState,
    ]),
  );
}

describe('applyBaseline', () => {
  it('marks results new, unchanged, updated and absent', () => {
    const previous = mergeRuns(
      [
        runOf('bandit', [
          codeResult('B605', 'a.py', 2),
          codeResult('B307', 'a.py', 3),
          codeResult('B301', 'b.py', 1),
        ]),
        runOf('pip-audit', [
          dependencyResult('flask', '0.12', ['PYSEC-2018-66', 'CVE-2018-1000656']),
        ]),
      ],
      { root, readText: text },
    );
    const current = mergeRuns(
      [
        runOf('bandit', [
          codeResult('B605', 'a.py', 2),
          codeResult('B307', 'a.py', 3, 'error'),
          codeResult('B602', 'a.py', 1),
        ]),
      ],
      { root, readText: text },
    );
    applyBaseline(current, previous);
    assert.deepEqual(states(current), [
      ['B605', 'unchanged'],
      ['B307', 'updated'],
      ['B602', 'new'],
      ['B301', 'absent'],
      ['PYSEC-2018-66', 'absent'],
    ]);
    const pipAudit = current.runs.find((run) => run.tool.driver.name === 'pip-audit');
    assert.equal(
      pipAudit?.tool.driver.rules?.[pipAudit.results?.[0]?.ruleIndex ?? -1]?.id,
      'PYSEC-2018-66',
    );
    const summary = summariseLog(current);
    assert.equal(summary.absent, 2);
    assert.equal(summary.uniqueFindings, 3);
  });

  it('matches a dependency finding by any shared advisory id', () => {
    const previous = mergeRuns(
      [runOf('safety', [dependencyResult('flask', '0.12', ['36388', 'CVE-2018-1000656'])])],
      {
        root,
        readText: () => undefined,
      },
    );
    const current = mergeRuns(
      [
        runOf('safety', [
          dependencyResult('flask', '0.12', ['36388', 'CVE-2018-1000656', 'GHSA-562c-5r94-xh97']),
        ]),
      ],
      { root, readText: () => undefined },
    );
    applyBaseline(current, previous);
    // Matched (not new); updated because the message now lists the extra alias.
    assert.deepEqual(states(current), [['36388', 'updated']]);
  });

  it('does not carry results that were already absent', () => {
    const previous = mergeRuns([runOf('bandit', [codeResult('B1', 'a.py', 1)])], {
      root,
      readText: text,
    });
    const gone = previous.runs[0]?.results?.[0];
    if (gone) gone.baselineState = 'absent';
    const current = mergeRuns([runOf('bandit', [])], { root, readText: text });
    applyBaseline(current, previous);
    assert.deepEqual(states(current), []);
  });
});
