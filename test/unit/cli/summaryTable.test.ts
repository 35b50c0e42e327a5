import * as assert from 'node:assert/strict';
import { summariseLog } from '../../../src/core/sarif/summariseLog';
import { summaryTable } from '../../../src/cli/summaryTable';
import { logOf } from '../../../src/core/sarif/mergeRuns';
import { codeResult, runOf } from '../core/sarif/runFactory';

describe('summaryTable', () => {
  it('lists counts per tool and level, unique findings and each missing tool with its hint', () => {
    const log = logOf([
      runOf('Bandit', [codeResult('B1', 'a.py', 1, 'error'), codeResult('B2', 'a.py', 2, 'note')]),
      runOf('Evil\ntool', []),
    ]);
    const table = summaryTable(
      summariseLog(log, [
        { tool: 'bandit', status: 'ok' },
        { tool: 'safety', status: 'not-installed', installHint: 'python -m pip install safety' },
        { tool: 'trivy', status: 'timed-out', message: 'Trivy took longer than 600 s' },
      ]),
      '/w/.openpypi/reports/openpypi.sarif',
    );
    const lines = table.split('\n');
    assert.match(lines[0] ?? '', /^tool\s+error\s+warning\s+note\s+none\s+total$/);
    assert.match(table, /^Bandit\s+1\s+0\s+1\s+0\s+2$/m);
    assert.match(table, /^Evil tool\s+0\s+0\s+0\s+0\s+0$/m);
    assert.match(table, /^safety\s+-\s+-\s+-\s+-\s+not installed$/m);
    assert.match(table, /^trivy\s+-\s+-\s+-\s+-\s+timed out$/m);
    assert.ok(!/^bandit/m.test(table), 'the tool id and the driver name are one row');
    assert.match(table, /Unique findings: 2 \(error 1, note 1\)/);
    assert.match(table, /safety: not installed \(install: python -m pip install safety\)/);
    assert.match(table, /trivy: timed out \(Trivy took longer than 600 s\)/);
    assert.match(table, /SARIF log: \/w\/\.openpypi\/reports\/openpypi\.sarif/);
  });
});
