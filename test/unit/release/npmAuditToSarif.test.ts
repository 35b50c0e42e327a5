// scripts/npmAuditToSarif.mjs on real `npm audit --json` outputs recorded here
// (test/fixtures/npm-audit, provenance there).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { npmAuditToSarif } from '../../../scripts/npmAuditToSarif.mjs';
import { multitoolViolations } from '../core/sarif/multitoolValidation';

const fixtures = path.resolve(__dirname, '../../fixtures/npm-audit');
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(fixtures, name), 'utf8'));

const lockfileText = [
  '{',
  '  "packages": {',
  '    "node_modules/brace-expansion": {',
  '      "version": "1.1.12"',
  '    },',
  '    "node_modules/yaml": {',
  '      "version": "2.9.1"',
  '    }',
  '  }',
  '}',
].join('\n');

describe('npm audit --json to SARIF (scripts/npmAuditToSarif.mjs)', () => {
  it('one result per vulnerable package and advisory, none for packages only affected through others', () => {
    const log = npmAuditToSarif(fixture('npm-audit-local-advisories.json'), { lockfileText });
    const run = log.runs[0];
    assert.ok(run);
    const results = (run.results ?? []).map((result) => ({
      ruleId: result.ruleId,
      level: result.level,
      line: result.locations?.[0]?.physicalLocation?.region?.startLine,
      uri: result.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
    }));
    // The report lists 19 vulnerable packages; 17 are vulnerable only through yaml or
    // brace-expansion (their "via" names a package, not an advisory).
    assert.deepEqual(results, [
      { ruleId: 'GHSA-test-brace-0002', level: 'error', line: 3, uri: 'package-lock.json' },
      { ruleId: 'GHSA-test-yaml-0001', level: 'warning', line: 6, uri: 'package-lock.json' },
    ]);
    const yaml = run.results?.[1]?.message.text ?? '';
    assert.match(yaml, /^yaml <=2\.9\.1: Recorded test advisory for yaml/);
    assert.match(yaml, /moderate, direct dependency/);
  });

  it('rules carry the advisory URL, CWE tags and the CVSS score as security-severity', () => {
    const log = npmAuditToSarif(fixture('npm-audit-local-advisories.json'));
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    assert.deepEqual(
      rules.map((rule) => [rule.id, rule.helpUri, String(rule.properties?.['security-severity'])]),
      [
        ['GHSA-test-brace-0002', 'https://github.com/advisories/GHSA-test-brace-0002', '7.5'],
        ['GHSA-test-yaml-0001', 'https://github.com/advisories/GHSA-test-yaml-0001', '5.3'],
      ],
    );
    assert.ok(rules[0]?.properties?.tags?.includes('CWE-1333'));
  });

  it('writes a log that passes the SARIF Multitool with GitHub ingestion rules', async () => {
    const log = npmAuditToSarif(fixture('npm-audit-local-advisories.json'), {
      lockfileText,
      npmVersion: '11.19.1',
    });
    assert.deepEqual(await multitoolViolations(log), []);
  });

  it('an npm error instead of a report (no audit endpoint) is an error, not a clean log', () => {
    assert.throws(
      () => npmAuditToSarif(fixture('npm-audit-endpoint-405.json'), { source: 'npm-audit.json' }),
      /npm-audit\.json: npm audit did not produce a report but an error: 405 Method Not Allowed/,
    );
  });

  it('the npm 6 format and other JSON are refused, naming what was wrong', () => {
    assert.throws(
      () => npmAuditToSarif({ advisories: {}, metadata: {} }),
      /npm 6 audit report .* npm 7 or later/,
    );
    assert.throws(() => npmAuditToSarif([]), /not a JSON object/);
    assert.throws(() => npmAuditToSarif({ hello: 1 }), /not an npm audit report/);
  });

  it('a clean audit gives a valid log with no results', () => {
    const log = npmAuditToSarif({ auditReportVersion: 2, vulnerabilities: {}, metadata: {} });
    assert.deepEqual(log.runs[0]?.results, []);
  });
});
