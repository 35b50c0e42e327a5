import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../../../src/core/findings/finding';
import { importFindings } from '../../../../src/core/findings/importFindings';
import { decodeFindings, encodeFindings } from '../../../../src/core/findings/findingsWireFormat';
import { validSarifFixtureFiles as sarifFixtures } from '../sarif/sarifFixtures';
import { asSent } from './sentFindings';

const fixtures = path.resolve(__dirname, '../../../fixtures');

/** Equal as data (an undefined property and a missing one are the same). */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('findings wire format (import worker -> extension host)', () => {
  const files = sarifFixtures();

  it('has fixture logs to check against', () => {
    assert.ok(files.length >= 5, `only ${files.length} fixture logs`);
  });

  it('decodes every finding of every fixture log to what was encoded', () => {
    let checked = 0;
    for (const file of files) {
      let findings: Finding[];
      try {
        findings = importFindings(readFileSync(file, 'utf8'), path.dirname(file), file).findings;
      } catch {
        continue; // a log the importer refuses never reaches the wire
      }
      const decoded = decodeFindings(encodeFindings(findings));
      assert.equal(decoded.length, findings.length, file);
      assert.deepEqual(plain(decoded), plain(findings.map(asSent)), file);
      for (const [i, finding] of decoded.entries()) {
        assert.deepEqual(Object.keys(finding), Object.keys(findings[i] ?? {}), file);
      }
      checked += findings.length;
    }
    assert.ok(checked > 50, `only ${checked} findings checked`);
  });

  it('keeps rare fields: related locations, baseline state, suppression, packages, tools', () => {
    const base = decodeFindings(
      encodeFindings(
        importFindings(
          readFileSync(sarifFixtures()[0] ?? '', 'utf8'),
          fixtures,
          'x.sarif',
        ).findings.slice(0, 1),
      ),
    )[0];
    assert.ok(base);
    const rare: Finding = {
      ...base,
      securitySeverity: 9.1,
      cwes: ['CWE-78'],
      related: [
        {
          location: {
            kind: 'workspace',
            relativePath: 'a.py',
            range: { startLine: 2, startColumn: 1, endLine: 2, endColumn: undefined },
          },
          message: 'here',
        },
      ],
      baselineState: 'new',
      suppressed: true,
      seenBy: ['pip-audit', 'trivy'],
      correlationGuid: 'c0ffee',
      packageName: 'requests',
      packageVersion: '2.0.0',
      fixVersions: ['2.31.0'],
      vulnerabilityIds: ['PYSEC-1'],
      location: { kind: 'external', uri: 'file:///elsewhere/x.py' },
      result: { message: { text: base.message } },
    };
    const [decoded] = decodeFindings(
      encodeFindings([rare, { ...rare, location: { kind: 'none' } }]),
    );
    assert.deepEqual(plain(decoded), plain(rare));
    assert.equal(decoded?.result.ruleId, undefined);
  });

  it('sends each repeated string once per chunk', () => {
    const { findings } = importFindings(
      readFileSync(sarifFixtures()[0] ?? '', 'utf8'),
      fixtures,
      'x.sarif',
    );
    const many = Array.from({ length: 200 }, () => findings).flat();
    const text = encodeFindings(many);
    const tool = many[0]?.tool ?? '';
    assert.equal(text.split(JSON.stringify(tool)).length - 1, 1);
  });
});
