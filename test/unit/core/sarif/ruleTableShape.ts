import * as assert from 'node:assert/strict';
import type { ReportingDescriptor } from 'sarif';

/**
 * The rule table every log OpenPypi writes carries, whether a scanner adapter or the importer
 * built it: unique string ids, and each rule's short and full description and help as text.
 */
export function assertRuleTable(rules: readonly ReportingDescriptor[]): void {
  const ids = new Set<string>();
  for (const rule of rules) {
    assert.equal(typeof rule.id, 'string');
    assert.ok(!ids.has(rule.id), `duplicate rule ${rule.id}`);
    ids.add(rule.id);
    assert.equal(typeof rule.shortDescription?.text, 'string');
    assert.equal(typeof rule.fullDescription?.text, 'string');
    assert.equal(typeof rule.help?.text, 'string');
  }
}
