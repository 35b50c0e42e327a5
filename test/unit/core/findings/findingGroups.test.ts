import * as assert from 'node:assert/strict';
import {
  countBySeverity,
  groupFindings,
  noFilter,
  uniqueFindings,
} from '../../../../src/core/findings/findingGroups';
import { findingSeverity } from '../../../../src/core/findings/findingSeverity';
import { aFinding } from '../../../factories/findingFactory';

describe('finding severity', () => {
  it('takes security-severity over the level, in GitHub bands', () => {
    assert.equal(findingSeverity('note', 7.5), 'high');
    assert.equal(findingSeverity('error', 4), 'medium');
    assert.equal(findingSeverity('error', 3.9), 'low');
  });

  it('falls back to the level', () => {
    assert.equal(findingSeverity('error', undefined), 'high');
    assert.equal(findingSeverity('warning', undefined), 'medium');
    assert.equal(findingSeverity('note', undefined), 'low');
    assert.equal(findingSeverity('none', undefined), 'low');
  });
});

describe('finding groups', () => {
  const high = aFinding({ level: 'error', file: 'b.py', line: 3 });
  const medium = aFinding({ level: 'warning', file: 'a.py', line: 9 });
  const low = aFinding({ level: 'note', file: 'a.py', line: 2, tool: 'trivy' });

  it('groups by severity, most severe first, with every finding counted', () => {
    const groups = groupFindings([low, medium, high], 'severity', noFilter);
    assert.deepEqual(
      groups.map((g) => [g.key, g.findings.length]),
      [
        ['high', 1],
        ['medium', 1],
        ['low', 1],
      ],
    );
  });

  it('groups by file in path order and sorts findings by severity then line', () => {
    const groups = groupFindings([low, medium, high], 'file', noFilter);
    assert.deepEqual(
      groups.map((g) => g.key),
      ['a.py', 'b.py'],
    );
    assert.deepEqual(groups[0]?.findings, [medium, low]);
  });

  it('groups by tool', () => {
    const groups = groupFindings([low, medium, high], 'tool', noFilter);
    assert.deepEqual(
      groups.map((g) => [g.key, g.findings.length]),
      [
        ['bandit', 2],
        ['trivy', 1],
      ],
    );
  });

  it('filters by minimum severity and by new since baseline', () => {
    const fresh = aFinding({ level: 'note', baselineState: 'new' });
    const old = aFinding({ level: 'error', baselineState: 'unchanged' });
    const atLeastMedium = groupFindings([fresh, old, medium], 'severity', {
      minimumSeverity: 'medium',
      newOnly: false,
    });
    assert.deepEqual(
      atLeastMedium.flatMap((g) => g.findings),
      [old, medium],
    );
    const newOnly = groupFindings([fresh, old, medium], 'severity', {
      minimumSeverity: 'low',
      newOnly: true,
    });
    assert.deepEqual(
      newOnly.flatMap((g) => g.findings),
      [fresh],
    );
  });

  it('hides suppressed findings and those absent since the baseline', () => {
    const suppressed = aFinding({ suppressed: true });
    const absent = aFinding({ baselineState: 'absent' });
    assert.deepEqual(groupFindings([suppressed, absent], 'severity', noFilter), []);
    assert.deepEqual(countBySeverity([suppressed, absent, high]), { high: 1, medium: 0, low: 0 });
  });

  it('counts the same findings again under each filter, and a changed copy afresh', () => {
    const fresh = aFinding({ level: 'note', baselineState: 'new' });
    const findings = [high, fresh];
    assert.deepEqual(countBySeverity(findings), { high: 1, medium: 0, low: 1 });
    assert.deepEqual(countBySeverity(findings, { minimumSeverity: 'high', newOnly: false }), {
      high: 1,
      medium: 0,
      low: 0,
    });
    assert.deepEqual(countBySeverity(findings, { minimumSeverity: 'low', newOnly: true }), {
      high: 0,
      medium: 0,
      low: 1,
    });
    const counted = countBySeverity(findings);
    counted.high = 99;
    assert.deepEqual(countBySeverity(findings), { high: 1, medium: 0, low: 1 });
    assert.deepEqual(countBySeverity([fresh]), { high: 0, medium: 0, low: 1 });
  });

  it('shows one finding for a vulnerability that several tools correlated, naming each tool', () => {
    const byPipAudit = aFinding({ tool: 'pip-audit', correlationGuid: 'c1', level: 'warning' });
    const bySafety = aFinding({ tool: 'safety', correlationGuid: 'c1', level: 'error' });
    const byTrivy = aFinding({ tool: 'trivy', correlationGuid: 'c1', level: 'warning' });
    const unique = uniqueFindings([byPipAudit, bySafety, byTrivy, high]);
    assert.equal(unique.length, 2);
    const [first] = unique;
    assert.ok(first);
    assert.deepEqual(first.seenBy, ['pip-audit', 'safety', 'trivy']);
    assert.equal(first.severity, 'high');
    assert.deepEqual(countBySeverity([byPipAudit, bySafety, byTrivy]), {
      high: 1,
      medium: 0,
      low: 0,
    });
  });
});
