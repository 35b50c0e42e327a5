import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Result, Run } from 'sarif';
import { assertRuleTable } from '../sarif/ruleTableShape';

export const fixturesDir = path.resolve(__dirname, '../../../fixtures');
export const demoRoot = path.resolve(__dirname, '../../../workspaces/demo');

export function fixture(tool: string, file: string): string {
  return readFileSync(path.join(fixturesDir, tool, file), 'utf8');
}

const LEVELS = new Set(['error', 'warning', 'note', 'none']);

/**
 * Checks a run against the conventions the SARIF half relies on, and the parts of SARIF 2.1.0
 * a reader trips on. Throws an AssertionError naming the first problem.
 */
export function assertRunShape(run: Run): void {
  assert.equal(typeof run.tool.driver.name, 'string');
  assert.equal(run.columnKind, 'unicodeCodePoints');
  assert.match(run.originalUriBaseIds?.['%SRCROOT%']?.uri ?? '', /^file:\/\/.*\/$/);
  const rules = run.tool.driver.rules ?? [];
  assertRuleTable(rules);
  for (const rule of rules) {
    assert.equal(rule.help?.markdown, undefined, 'no markdown built from tool text');
    const score = rule.properties?.['security-severity'] as unknown;
    if (score !== undefined) {
      assert.equal(typeof score, 'string', 'security-severity is a string');
      assert.match(score as string, /^\d{1,2}\.\d$/);
      assert.ok(Number(score) >= 0 && Number(score) <= 10);
    }
    const tags = rule.properties?.tags as unknown;
    assert.ok(Array.isArray(tags) && tags.includes('security'));
    if (rule.helpUri !== undefined) {
      assert.match(rule.helpUri, /^https?:\/\//);
    }
  }
  for (const result of run.results ?? []) {
    assertResultShape(
      result,
      rules.map((r) => r.id),
    );
  }
  const invocation = run.invocations?.[0];
  assert.equal(typeof invocation?.executionSuccessful, 'boolean');
  for (const n of invocation?.toolExecutionNotifications ?? []) {
    assert.equal(typeof n.message.text, 'string');
  }
  assert.doesNotThrow(() => JSON.stringify(run));
}

function assertResultShape(result: Result, ruleIds: string[]): void {
  assert.equal(typeof result.ruleId, 'string');
  assert.ok(Number.isInteger(result.ruleIndex));
  assert.equal(ruleIds[result.ruleIndex ?? -1], result.ruleId, 'ruleIndex points at ruleId');
  assert.ok(LEVELS.has(result.level ?? ''), `level ${String(result.level)}`);
  assert.equal(typeof result.message.text, 'string');
  assert.equal(result.message.markdown, undefined);
  assert.equal(result.partialFingerprints, undefined);
  assert.equal(result.baselineState, undefined);
  for (const location of result.locations ?? []) {
    const artifact = location.physicalLocation?.artifactLocation;
    const uri = artifact?.uri ?? '';
    assert.ok(uri !== '', 'location has a uri');
    assert.doesNotMatch(uri, /[\s\\"<>^`{|}]/, `uri ${uri} is a valid URI reference`);
    if (artifact?.uriBaseId === '%SRCROOT%') {
      assert.doesNotMatch(uri, /^(\/|\.\.\/|[a-z]+:)/i, `relative uri ${uri}`);
    } else if (artifact?.uriBaseId === undefined) {
      assert.match(uri, /^file:\/\//);
    }
    const region = location.physicalLocation?.region;
    if (region !== undefined) {
      const { startLine, startColumn, endLine, endColumn } = region;
      assert.ok(Number.isInteger(startLine) && (startLine ?? 0) >= 1);
      if (endLine !== undefined) {
        assert.ok(endLine >= (startLine ?? 1));
      }
      if (startColumn !== undefined) {
        assert.ok(startColumn >= 1);
      }
      if (endColumn !== undefined) {
        assert.ok(endColumn >= 1);
        if ((endLine ?? startLine) === startLine && startColumn !== undefined) {
          assert.ok(endColumn >= startColumn);
        }
      }
    }
  }
}

/** [ruleId, uri, startLine] of every result, for exact comparisons. */
export function resultKeys(run: Run): [string, string, number | undefined][] {
  return (run.results ?? []).map((r) => [
    r.ruleId ?? '',
    r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '',
    r.locations?.[0]?.physicalLocation?.region?.startLine,
  ]);
}
