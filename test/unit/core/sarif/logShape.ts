import * as assert from 'node:assert/strict';
import type { Location, Log } from 'sarif';
import { SARIF_SCHEMA_URI } from '../../../../src/core/sarif/sarifVocabulary';
import { assertRuleTable } from './ruleTableShape';

const LEVELS = new Set(['none', 'note', 'warning', 'error']);

/**
 * Structural checks of a log OpenPypi writes, for the many logs a property test produces (the
 * SARIF Multitool checks a few of them in full): the invariants the Multitool and GitHub need.
 */
export function assertLogShape(log: Log): void {
  assert.equal(log.$schema, SARIF_SCHEMA_URI);
  assert.equal(log.version, '2.1.0');
  assert.ok(log.runs.length <= 20 || log.runs.length > 0);
  for (const run of log.runs) {
    const driver = run.tool.driver;
    assert.equal(typeof driver.name, 'string');
    assert.ok(driver.name.length > 0);
    const rules = driver.rules ?? [];
    assertRuleTable(rules);
    for (const result of run.results ?? []) {
      assert.equal(typeof result.ruleId, 'string');
      const rule = rules[result.ruleIndex ?? -1];
      assert.ok(rule, 'ruleIndex names a rule');
      assert.ok(result.ruleId === rule.id || result.ruleId?.startsWith(`${rule.id}/`));
      assert.ok(LEVELS.has(result.level ?? ''), `level ${String(result.level)}`);
      assert.equal(typeof result.message.text, 'string');
      assert.ok((result.locations ?? []).length > 0, 'at least one location');
      for (const location of [...(result.locations ?? []), ...(result.relatedLocations ?? [])]) {
        assertLocation(location);
      }
    }
  }
  assert.doesNotThrow(() => JSON.parse(JSON.stringify(log)) as unknown);
}

function assertLocation(location: Location): void {
  const physical = location.physicalLocation;
  if (physical === undefined) {
    assert.ok((location.logicalLocations ?? []).length > 0);
    return;
  }
  const uri = physical.artifactLocation?.uri;
  assert.equal(typeof uri, 'string');
  assert.doesNotThrow(() => new URL(uri ?? '', 'file:///base/'), `URI ${String(uri)}`);
  const region = physical.region;
  if (region !== undefined) {
    for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn'] as const) {
      const value = region[key];
      assert.ok(
        value === undefined || (Number.isInteger(value) && value >= 1),
        `${key} ${String(value)}`,
      );
    }
    for (const key of ['charOffset', 'charLength', 'byteOffset', 'byteLength'] as const) {
      const value = region[key];
      assert.ok(
        value === undefined || (Number.isInteger(value) && value >= 0),
        `${key} ${String(value)}`,
      );
    }
    if (region.endLine !== undefined) {
      assert.ok(region.endLine >= (region.startLine ?? 1));
    }
  }
}
